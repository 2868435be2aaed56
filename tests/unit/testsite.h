/* testsite.h: the mini fixture (tests/fixtures/mini) loaded, checked and
 * assembled (site_assemble) as build_run() does it, as of 2026-04-15, for
 * the unit tests of the writers
 * (opendata, search, feeds); and a scratch output folder to write into and
 * read back. */
#ifndef PRONGSAI_TESTSITE_H
#define PRONGSAI_TESTSITE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check/check.h"
#include "load/load.h"
#include "publish/output.h"
#include "site.h"

struct testsite {
	struct model m;
	struct site_assembly site;  /* site_assemble(), as `build` assembles it */
};

/* 0, or -1 if the fixture did not load and pass the checks without errors */
static inline int ts_load(struct testsite *t)
{
	struct diags d;
	const char *top = getenv("TOP");
	char root[4096];
	int rc = 0;

	memset(t, 0, sizeof(*t));
	snprintf(root, sizeof(root), "%s/tests/fixtures/mini", top ? top : ".");
	model_init(&t->m);
	diags_init(&d, LANG_EN);
	if (date_parse("2026-04-15", &t->m.today, NULL) != DATE_OK || load_content(&t->m, root, 1, &d) != 0)
		rc = -1;
	check_model(&t->m, &d);
	if (d.errors) {
		diags_print(&d, stderr, "");
		rc = -1;
	}
	diags_free(&d);
	if (rc)
		return rc;
	site_assemble(&t->site, &t->m, "test");
	return 0;
}

static inline void ts_free(struct testsite *t)
{
	site_assembly_free(&t->site);
	model_free(&t->m);
}

/* A fresh staging folder under $TMPDIR (or /tmp); out_abort() removes it. */
static inline int ts_out(struct outdir *o)
{
	static int seq;
	const char *tmp = getenv("TMPDIR");
	char final[4096], err[512];

	snprintf(final, sizeof(final), "%s/prongsai-unit-%ld-%d", tmp && *tmp ? tmp : "/tmp",
		(long)getpid(), seq++);
	if (out_begin(o, final, err, sizeof(err)) != 0) {
		fprintf(stderr, "out_begin: %s\n", err);
		return -1;
	}
	return 0;
}

static inline void ts_out_done(struct outdir *o)
{
	out_abort(o);
	out_free(o);
}

/* The file rel of the staging folder, malloc'd and NUL-terminated, its size
 * in *len; NULL if it is not there. */
static inline char *ts_read(const struct outdir *o, const char *rel, size_t *len)
{
	char path[4096];
	FILE *f;
	char *s;
	long n;

	snprintf(path, sizeof(path), "%s/%s", o->stage, rel);
	if (!(f = fopen(path, "rb")))
		return NULL;
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	s = malloc((size_t)n + 1);
	if (s && fread(s, 1, (size_t)n, f) != (size_t)n) {
		free(s);
		s = NULL;
	}
	fclose(f);
	if (s) {
		s[n] = '\0';
		if (len)
			*len = (size_t)n;
	}
	return s;
}

/* Size of rel in the staging folder, or -1 if it is not there. */
static inline long ts_size(const struct outdir *o, const char *rel)
{
	char path[4096];
	struct stat st;

	snprintf(path, sizeof(path), "%s/%s", o->stage, rel);
	return stat(path, &st) == 0 ? (long)st.st_size : -1;
}

/* Occurrences of needle in s (not strstr: under ASan each call measures
 * the whole rest of s, which makes counting in a 50 MB file take minutes). */
static inline size_t ts_count(const char *s, const char *needle)
{
	size_t n = 0, k = strlen(needle);

	for (; *s; s++)
		if (*s == needle[0] && strncmp(s, needle, k) == 0) {
			n++;
			s += k - 1;
		}
	return n;
}

#endif
