/* inputs.c: the fingerprints of what pages are made from (see inputs.h). */
#define _DEFAULT_SOURCE
#include "render/inputs.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <sys/stat.h>

#include "derive/revindex.h"
#include "load/history.h"
#include "publish/assets.h"

/* Every value goes in with its length first, so that no two sequences of
 * values hash alike by running into each other. */
static void put_bytes(crypto_generichash_state *st, const void *p, size_t n)
{
	uint64_t len = n;

	crypto_generichash_update(st, (const unsigned char *)&len, sizeof len);
	if (n)
		crypto_generichash_update(st, p, n);
}

static void put_str(crypto_generichash_state *st, const char *s)
{
	if (!s) {
		uint64_t none = UINT64_MAX;
		crypto_generichash_update(st, (const unsigned char *)&none, sizeof none);
		return;
	}
	put_bytes(st, s, strlen(s));
}

static void put_int(crypto_generichash_state *st, int64_t v)
{
	put_bytes(st, &v, sizeof v);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int inputs_dir_digest(const char *dir, unsigned char out[INPUTS_FP_BYTES], char *err, size_t errlen)
{
	crypto_generichash_state st;
	char *names[INPUTS_DIR_MAX_FILES], path[4096];
	size_t n = 0, i;
	unsigned char *data = NULL;
	struct dirent *e;
	DIR *d = opendir(dir);
	int rc = -1;

	if (!d) {
		snprintf(err, errlen, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (n == INPUTS_DIR_MAX_FILES) {
			snprintf(err, errlen, "%s: more than %d files", dir, INPUTS_DIR_MAX_FILES);
			goto out;
		}
		if (!(names[n] = strdup(e->d_name))) {
			snprintf(err, errlen, "out of memory");
			goto out;
		}
		n++;
	}
	qsort(names, n, sizeof names[0], cmp_name);
	crypto_generichash_init(&st, NULL, 0, INPUTS_FP_BYTES);
	for (i = 0; i < n; i++) {
		struct stat sb;
		FILE *f;
		size_t got;

		if (snprintf(path, sizeof path, "%s/%s", dir, names[i]) >= (int)sizeof path ||
			stat(path, &sb) != 0) {
			snprintf(err, errlen, "%s/%s: %s", dir, names[i], strerror(errno));
			goto out;
		}
		if (!S_ISREG(sb.st_mode))
			continue;
		if (sb.st_size > INPUTS_DIR_MAX_BYTES) {
			snprintf(err, errlen, "%s: over %d bytes", path, INPUTS_DIR_MAX_BYTES);
			goto out;
		}
		free(data);
		if (!(data = malloc((size_t)sb.st_size + 1)) || !(f = fopen(path, "rb"))) {
			snprintf(err, errlen, "%s: %s", path, data ? strerror(errno) : "out of memory");
			goto out;
		}
		got = fread(data, 1, (size_t)sb.st_size + 1, f);
		fclose(f);
		if (got != (size_t)sb.st_size) {
			snprintf(err, errlen, "%s: changed while read", path);
			goto out;
		}
		put_str(&st, names[i]);
		put_bytes(&st, data, got);
	}
	crypto_generichash_final(&st, out, INPUTS_FP_BYTES);
	rc = 0;
out:
	closedir(d);
	free(data);
	for (i = 0; i < n; i++)
		free(names[i]);
	return rc;
}

static int under(const char *rel, const char *dir)
{
	size_t n = strlen(dir);

	return strncmp(rel, dir, n) == 0 && rel[n] == '/';
}

void inputs_site_fp(const struct site_ctx *sc, const unsigned char templates[INPUTS_FP_BYTES],
	unsigned char out[INPUTS_FP_BYTES])
{
	const struct model *m = sc->m;
	const struct history *h = sc->rev ? sc->rev->h : NULL;
	crypto_generichash_state st;
	size_t i;

	crypto_generichash_init(&st, NULL, 0, INPUTS_FP_BYTES);
	put_str(&st, "prongsai-inputs 1");
	put_str(&st, sc->version);
	put_int(&st, m->today);
	put_bytes(&st, templates, INPUTS_FP_BYTES);
	for (i = 0; sc->assets && i < sc->assets->n; i++) {
		put_str(&st, sc->assets->v[i].key);
		put_str(&st, sc->assets->v[i].fp);
	}
	for (i = 0; i < m->n_sources; i++) {
		if (under(m->sources[i].rel, "projects") || under(m->sources[i].rel, "progress"))
			continue;
		put_str(&st, m->sources[i].rel);
		put_bytes(&st, m->sources[i].hash, SOURCE_HASH_BYTES);
	}
	put_int(&st, (int64_t)m->n_manual);
	put_int(&st, h && h->available);
	if (h && h->available) {
		put_int(&st, h->shallow);
		put_int(&st, h->starts);
		put_int(&st, h->rewritten_after);
	}
	crypto_generichash_final(&st, out, INPUTS_FP_BYTES);
}

/* A content file of the page: its digest, and its first publication. */
static int put_source(crypto_generichash_state *st, const struct site_ctx *sc, const char *rel)
{
	const struct source_digest *sd = model_source(sc->m, rel);
	const struct history *h = sc->rev ? sc->rev->h : NULL;
	const struct hist_file *f = h && h->available ? history_file(h, rel) : NULL;

	if (!sd)
		return -1;
	put_str(st, rel);
	put_bytes(st, sd->hash, SOURCE_HASH_BYTES);
	put_int(st, f != NULL);
	if (f) {
		put_int(st, f->time);
		put_str(st, f->commit);
		put_str(st, f->who.name);
		put_str(st, f->who.person);
		put_int(st, f->present_at_start);
	}
	return 0;
}

int inputs_page_fp(const struct site_ctx *sc, const struct page_job *job,
	const unsigned char site_fp[INPUTS_FP_BYTES], unsigned char out[INPUTS_FP_BYTES])
{
	const struct project *p;
	const struct hist_change **cs;
	crypto_generichash_state st;
	struct arena a;
	size_t i, n;
	int ok = 1;

	if (job->kind != PG_PROJECT && job->kind != PG_PRINT_PROJECT)
		return 0;
	p = sc->m->projects[job->index];
	crypto_generichash_init(&st, NULL, 0, INPUTS_FP_BYTES);
	put_bytes(&st, site_fp, INPUTS_FP_BYTES);
	put_int(&st, job->kind);
	put_str(&st, job->tmpl);
	put_str(&st, job->out);
	put_int(&st, job->depth);
	ok = put_source(&st, sc, p->path) == 0;
	put_int(&st, (int64_t)p->n_reports);
	for (i = 0; ok && i < p->n_reports; i++)
		ok = put_source(&st, sc, p->reports[i]->path) == 0;
	/* every change of the project's files, those since removed too */
	arena_init(&a);
	cs = sc->rev ? revindex_project(sc->rev, p->fiscal_year, p->id, &a, &n) : NULL;
	if (!cs)
		n = 0;
	put_int(&st, (int64_t)n);
	for (i = 0; i < n; i++) {
		put_str(&st, cs[i]->path);
		put_str(&st, cs[i]->field);
		put_str(&st, cs[i]->old_value);
		put_str(&st, cs[i]->new_value);
		put_int(&st, cs[i]->time);
		put_str(&st, cs[i]->commit);
		put_str(&st, cs[i]->who.name);
		put_str(&st, cs[i]->who.person);
		put_str(&st, cs[i]->reason);
		put_int(&st, (int64_t)cs[i]->seq);
	}
	arena_free(&a);
	if (!ok)
		return 0;
	crypto_generichash_final(&st, out, INPUTS_FP_BYTES);
	return 1;
}
