/* rendercache.c: the render cache file (see rendercache.h). */
#define _DEFAULT_SOURCE
#include "publish/rendercache.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>
#include <unistd.h>

#include "publish/manifest.h" /* MANIFEST_MAX_PATH: the same path rules */

#define RCACHE_HEADER "prongsai-render-cache 1"
#define HEX (RCACHE_HASH_BYTES * 2)

void rcache_init(struct rcache *c)
{
	memset(c, 0, sizeof *c);
	c->max = RCACHE_MAX_PAGES;
	pthread_mutex_init(&c->lock, NULL);
}

static void clear(struct rcache *c)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		free(c->v[i].rel);
	free(c->v);
	c->v = NULL;
	c->n = c->cap = 0;
	c->sorted = 0;
}

void rcache_free(struct rcache *c)
{
	clear(c);
	pthread_mutex_destroy(&c->lock);
	memset(c, 0, sizeof *c);
}

/* Append (rel owned by the caller until it succeeds).  0 or -1. */
static int push(struct rcache *c, char *rel, const unsigned char *fp, const unsigned char *out)
{
	if (c->n >= c->max)
		return -1;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 1024;
		struct rcache_entry *v = realloc(c->v, cap * sizeof *v);
		if (!v)
			return -1;
		c->v = v;
		c->cap = cap;
	}
	c->v[c->n].rel = rel;
	memcpy(c->v[c->n].fp, fp, RCACHE_HASH_BYTES);
	memcpy(c->v[c->n].out, out, RCACHE_HASH_BYTES);
	c->n++;
	return 0;
}

static int path_ok(const char *rel)
{
	size_t n = strlen(rel);

	return n > 0 && n <= MANIFEST_MAX_PATH && rel[0] != '/' && !strstr(rel, "..") &&
	       !strchr(rel, '\n');
}

/* "<hex> <hex> <path>" into fp, out and *rel (malloc).  0 or -1. */
static int parse_line(const char *line, unsigned char *fp, unsigned char *out, char **rel)
{
	if (strlen(line) < 2 * HEX + 3 || line[HEX] != ' ' || line[2 * HEX + 1] != ' ' ||
		sodium_hex2bin(fp, RCACHE_HASH_BYTES, line, HEX, NULL, NULL, NULL) != 0 ||
		sodium_hex2bin(out, RCACHE_HASH_BYTES, line + HEX + 1, HEX, NULL, NULL, NULL) != 0 ||
		!path_ok(line + 2 * HEX + 2))
		return -1;
	*rel = strdup(line + 2 * HEX + 2);
	return *rel ? 0 : -1;
}

int rcache_load(struct rcache *c, const char *path, char *err, size_t errlen)
{
	FILE *f = fopen(path, "re");
	crypto_generichash_state st;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	long lineno = 0;
	int state = 0, bad = 0; /* state: 0 header, 1 entries, 2 after end */

	clear(c);
	if (!f) {
		if (errno == ENOENT)
			return 1;
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		return -1;
	}
	crypto_generichash_init(&st, NULL, 0, RCACHE_HASH_BYTES);
	while (!bad && (len = getline(&line, &cap, f)) >= 0) {
		lineno++;
		if (len == 0 || line[len - 1] != '\n' || len > MANIFEST_MAX_PATH + 2 * HEX + 4) {
			bad = 1;
			break;
		}
		if (state == 0) {
			bad = strcmp(line, RCACHE_HEADER "\n") != 0;
			state = 1;
		} else if (state == 1 && strncmp(line, "end ", 4) == 0) {
			unsigned char sum[RCACHE_HASH_BYTES], want[RCACHE_HASH_BYTES];
			char *end;
			size_t n;

			line[len - 1] = '\0';
			errno = 0;
			n = (size_t)strtoull(line + 4, &end, 10);
			crypto_generichash_final(&st, sum, sizeof sum);
			bad = errno || end == line + 4 || *end != ' ' || n != c->n ||
				strlen(end + 1) != HEX ||
				sodium_hex2bin(want, sizeof want, end + 1, HEX, NULL, NULL, NULL) != 0 ||
				sodium_memcmp(sum, want, sizeof sum) != 0;
			state = 2;
			continue;
		} else if (state == 1) {
			unsigned char fp[RCACHE_HASH_BYTES], out[RCACHE_HASH_BYTES];
			char *rel = NULL;

			line[len - 1] = '\0';
			if (parse_line(line, fp, out, &rel) != 0 ||
				(c->n && strcmp(c->v[c->n - 1].rel, rel) >= 0) || push(c, rel, fp, out) != 0) {
				free(rel);
				bad = 1;
			}
			line[len - 1] = '\n';
		} else {
			bad = 1; /* anything after "end" */
		}
		crypto_generichash_update(&st, (const unsigned char *)line, (size_t)len);
	}
	free(line);
	if (ferror(f))
		bad = 1;
	fclose(f);
	if (bad || state != 2) {
		clear(c);
		snprintf(err, errlen, "%s:%ld: not a whole render cache", path, lineno ? lineno : 1);
		return -1;
	}
	c->sorted = 1;
	return 0;
}

const struct rcache_entry *rcache_find(const struct rcache *c, const char *rel)
{
	size_t lo = 0, hi = c->n;

	if (!c->sorted)
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = strcmp(c->v[mid].rel, rel);
		if (r == 0)
			return &c->v[mid];
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int rcache_add(struct rcache *c, const char *rel, const unsigned char fp[RCACHE_HASH_BYTES],
	const unsigned char out[RCACHE_HASH_BYTES])
{
	char *r = path_ok(rel) ? strdup(rel) : NULL;
	int rc;

	pthread_mutex_lock(&c->lock);
	rc = r && push(c, r, fp, out) == 0 ? 0 : -1;
	c->sorted = 0;
	if (rc) {
		free(r);
		c->failed = 1;
	}
	pthread_mutex_unlock(&c->lock);
	return rc;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const struct rcache_entry *)a)->rel, ((const struct rcache_entry *)b)->rel);
}

/* Write a line into f and the checksum. */
static void emit(FILE *f, crypto_generichash_state *st, const char *s)
{
	fputs(s, f);
	crypto_generichash_update(st, (const unsigned char *)s, strlen(s));
}

int rcache_save(struct rcache *c, const char *path, char *err, size_t errlen)
{
	char tmp[4096 + 32], line[MANIFEST_MAX_PATH + 2 * HEX + 8], sum_hex[HEX + 1];
	unsigned char sum[RCACHE_HASH_BYTES];
	crypto_generichash_state st;
	size_t i, k = 0;
	FILE *f;

	if (c->failed) {
		unlink(path);
		snprintf(err, errlen, "%s: the render cache is incomplete (a bad path, out of memory or"
			" over %zu pages)", path, c->max);
		return -1;
	}
	qsort(c->v, c->n, sizeof *c->v, cmp_entry);
	/* a page rendered twice (the last one wins): keep one line */
	for (i = 0; i < c->n; i++) {
		if (k && strcmp(c->v[k - 1].rel, c->v[i].rel) == 0) {
			free(c->v[k - 1].rel);
			c->v[k - 1] = c->v[i];
		} else {
			c->v[k++] = c->v[i];
		}
	}
	c->n = k;
	c->sorted = 1;
	if (snprintf(tmp, sizeof tmp, "%s.tmp-%ld", path, (long)getpid()) >= (int)sizeof tmp) {
		snprintf(err, errlen, "%s: path too long", path);
		return -1;
	}
	if (!(f = fopen(tmp, "we"))) {
		snprintf(err, errlen, "%s: %s", tmp, strerror(errno));
		unlink(path);
		return -1;
	}
	crypto_generichash_init(&st, NULL, 0, RCACHE_HASH_BYTES);
	emit(f, &st, RCACHE_HEADER "\n");
	for (i = 0; i < c->n; i++) {
		char fp[HEX + 1], out[HEX + 1];
		sodium_bin2hex(fp, sizeof fp, c->v[i].fp, RCACHE_HASH_BYTES);
		sodium_bin2hex(out, sizeof out, c->v[i].out, RCACHE_HASH_BYTES);
		snprintf(line, sizeof line, "%s %s %s\n", fp, out, c->v[i].rel);
		emit(f, &st, line);
	}
	crypto_generichash_final(&st, sum, sizeof sum);
	sodium_bin2hex(sum_hex, sizeof sum_hex, sum, sizeof sum);
	fprintf(f, "end %zu %s\n", c->n, sum_hex);
	k = fflush(f) == 0 && !ferror(f);
	if (fclose(f) != 0 || !k || rename(tmp, path) != 0) {
		snprintf(err, errlen, "%s: %s", path, strerror(errno));
		unlink(tmp);
		unlink(path);
		return -1;
	}
	return 0;
}
