/* cli.c: getopt_long for every subcommand (see cli.h). */
#define _GNU_SOURCE
#include "cli.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void cli_start(void)
{
	optind = 0; /* glibc: 0 also resets its internal state */
	opterr = 0; /* the messages are ours, in Thai and English */
}

int cli_usage_error(const char *cmd, const char *th, const char *en, const char *arg)
{
	if (arg)
		fprintf(stderr, "prongsai %s: %s / %s: %s\n", cmd, th, en, arg);
	else
		fprintf(stderr, "prongsai %s: %s / %s\n", cmd, th, en);
	return 2;
}

int cli_next(const char *cmd, int argc, char **argv, const char *shortopts,
	const struct option *longopts)
{
	char opts[CLI_SHORTOPTS_MAX + 2], shortname[3] = "-?";
	const char *what;
	int c;

	if (strlen(shortopts) > CLI_SHORTOPTS_MAX) {
		cli_usage_error(cmd, "ตัวเลือกยาวเกินไป", "too many short options", shortopts);
		return '?';
	}
	opts[0] = ':'; /* ':' for a missing value, '?' for an unknown option */
	strcpy(opts + 1, shortopts);
	c = getopt_long(argc, argv, opts, longopts, NULL);
	if (c != '?' && c != ':')
		return c;
	/* the offending word: a long option as written, a short one by its
	 * letter (it may sit in a cluster such as -qx) */
	what = optind > 0 && optind <= argc ? argv[optind - 1] : "?";
	if (strncmp(what, "--", 2) != 0 && optopt > ' ' && optopt < 127) {
		shortname[1] = (char)optopt;
		what = shortname;
	}
	if (c == ':')
		cli_usage_error(cmd, "ขาดค่าของตัวเลือก", "missing value for", what);
	else
		cli_usage_error(cmd, "ไม่รู้จักตัวเลือก", "unknown option", what);
	return '?';
}

int cli_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	long v;

	if (!s || !*s)
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end || errno || v < lo || v > hi)
		return -1;
	*out = v;
	return 0;
}
