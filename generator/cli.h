/* cli.h: the option parsing of every subcommand (check, build, new,
 * inbox *, notify, backup): getopt_long(3), with one wording for its
 * errors.  Options and operands may come in any order (GNU getopt moves
 * the operands to argv[optind..argc-1]).
 *
 * getopt's state (optind, optarg, optopt) belongs to the C library; these
 * functions only reset and read it, keeping none of their own. */
#ifndef PRONGSAI_CLI_H
#define PRONGSAI_CLI_H

#include <getopt.h>

#define CLI_SHORTOPTS_MAX 62 /* characters of a short-option string */

/* Reset getopt for a new argument vector (a process may parse several,
 * e.g. the unit tests calling one subcommand after another). */
void cli_start(void);

/* The next option of argv, as getopt_long(argc, argv, shortopts, longopts)
 * returns it (its character, or longopts[i].val; -1 after the last
 * option).  An unknown option, an option without its value, a value given
 * to a flag (--all=1) or a shortopts longer than CLI_SHORTOPTS_MAX: prints
 * "prongsai CMD: ไม่รู้จักตัวเลือก / unknown option: X" (or the missing
 * value's wording) on stderr and returns '?'; the caller then prints its
 * usage on stderr and exits 2. */
int cli_next(const char *cmd, int argc, char **argv, const char *shortopts,
	const struct option *longopts);

/* s as a decimal integer in lo..hi into *out: 0, or -1 (nothing stored) if
 * it is empty, has other characters or is out of range. */
int cli_long(const char *s, long lo, long hi, long *out);

/* Print "prongsai CMD: <th> / <en>: <arg>" (": arg" only when arg is not
 * NULL) on stderr and return 2, the exit status of a usage error. */
int cli_usage_error(const char *cmd, const char *th, const char *en, const char *arg);

#endif
