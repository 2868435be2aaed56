/* assets.c: the theme's static files, with fingerprinted names (assets.h). */
#define _GNU_SOURCE
#include "publish/assets.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"

#define ASSET_DEPTH 8
#define FP_HEX 16 /* hex digits of the fingerprint */

/* Types whose names carry a fingerprint: what pages and stylesheets link
 * to.  Others (a licence text) keep their own name only. */
static const char *const fp_types[] = { ".css", ".js", ".svg", ".woff2", ".woff", ".png", ".jpg",
	".jpeg", ".webp", ".ico" };

static const char *ext_of(const char *rel)
{
	const char *slash = strrchr(rel, '/'), *dot = strrchr(rel, '.');

	return dot && dot > (slash ? slash + 1 : rel) ? dot : NULL;
}

static int fingerprinted(const char *rel)
{
	const char *e = ext_of(rel);
	size_t i;

	for (i = 0; e && i < sizeof(fp_types) / sizeof(fp_types[0]); i++)
		if (strcmp(e, fp_types[i]) == 0)
			return 1;
	return 0;
}

struct loader {
	struct assets *as;
	size_t cap;
	struct arena *a;
	char *err;
	size_t errlen;
};

static int read_all(struct loader *l, const char *path, const char *rel)
{
	FILE *f = fopen(path, "rb");
	struct stat st;
	unsigned char *data;
	struct asset *x;

	if (!f || fstat(fileno(f), &st) != 0 || st.st_size < 0) {
		snprintf(l->err, l->errlen, "%s: %s", path, strerror(errno));
		if (f)
			fclose(f);
		return -1;
	}
	data = arena_alloc(l->a, (size_t)st.st_size + 1);
	if (fread(data, 1, (size_t)st.st_size, f) != (size_t)st.st_size) {
		snprintf(l->err, l->errlen, "%s: read failed", path);
		fclose(f);
		return -1;
	}
	fclose(f);
	if (l->as->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 16;
		struct asset *v = arena_alloc(l->a, cap * sizeof(*v));

		if (l->as->n)
			memcpy(v, l->as->v, l->as->n * sizeof(*v));
		l->as->v = v;
		l->cap = cap;
	}
	x = &l->as->v[l->as->n++];
	memset(x, 0, sizeof(*x));
	x->rel = arena_strdup(l->a, rel);
	x->data = data;
	x->len = (size_t)st.st_size;
	return 0;
}

static int walk(struct loader *l, const char *dir, const char *rel, int depth)
{
	char path[PATH_MAX], crel[PATH_MAX];
	DIR *d;
	struct dirent *de;
	struct stat st;
	int rc = 0;

	if (depth > ASSET_DEPTH) {
		snprintf(l->err, l->errlen, "%s/%s: ลึกเกิน %d ชั้น / deeper than %d folders", dir, rel,
			ASSET_DEPTH, ASSET_DEPTH);
		return -1;
	}
	snprintf(path, sizeof(path), "%s%s%s", dir, rel[0] ? "/" : "", rel);
	if (!(d = opendir(path)))
		return depth == 0 && errno == ENOENT ? 0 : (snprintf(l->err, l->errlen, "%s: %s", path, strerror(errno)), -1);
	while (rc == 0 && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		if (snprintf(crel, sizeof(crel), "%s%s%s", rel, rel[0] ? "/" : "", de->d_name) >= (int)sizeof(crel) ||
			snprintf(path, sizeof(path), "%s/%s", dir, crel) >= (int)sizeof(path) || lstat(path, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode))
			rc = walk(l, dir, crel, depth + 1);
		else if (S_ISREG(st.st_mode))
			rc = read_all(l, path, crel);
	}
	closedir(d);
	return rc;
}

static int by_rel(const void *pa, const void *pb)
{
	return strcmp(((const struct asset *)pa)->rel, ((const struct asset *)pb)->rel);
}

static const struct asset *find(const struct assets *as, const char *rel, size_t n)
{
	size_t i;

	for (i = 0; i < as->n; i++)
		if (strlen(as->v[i].rel) == n && strncmp(as->v[i].rel, rel, n) == 0)
			return &as->v[i];
	return NULL;
}

/* The asset a stylesheet's url(u) (u of length n) names, resolved from the
 * stylesheet's folder, or NULL (another site, a data: URL, not an asset). */
static const struct asset *css_target(const struct assets *as, const char *css_rel, const char *u, size_t n)
{
	char path[PATH_MAX];
	size_t len;
	const char *slash = strrchr(css_rel, '/');

	if (n == 0 || memchr(u, ':', n) || u[0] == '/' || u[0] == '#' || memchr(u, '?', n))
		return NULL;
	len = slash ? (size_t)(slash - css_rel) : 0;
	if (len + 1 + n >= sizeof(path))
		return NULL;
	memcpy(path, css_rel, len);
	path[len] = '\0';
	while (n > 0) {
		const char *seg_end = memchr(u, '/', n);
		size_t sl = seg_end ? (size_t)(seg_end - u) : n;

		if (sl == 2 && u[0] == '.' && u[1] == '.') {
			char *up = strrchr(path, '/');
			if (!path[0])
				return NULL; /* above static/ */
			if (up)
				*up = '\0';
			else
				path[0] = '\0';
		} else if (!(sl == 1 && u[0] == '.') && sl > 0) {
			len = strlen(path);
			if (len + 1 + sl >= sizeof(path))
				return NULL;
			if (len)
				path[len++] = '/';
			memcpy(path + len, u, sl);
			path[len + sl] = '\0';
		}
		u += sl + (seg_end ? 1 : 0);
		n -= sl + (seg_end ? 1 : 0);
	}
	return find(as, path, strlen(path));
}

/* Rewrite url(...) in the stylesheet x to fingerprinted names. */
static int css_rewrite(const struct assets *as, struct asset *x, struct arena *a)
{
	struct buf b;
	const char *s = (const char *)x->data, *end = s + x->len, *p = s;
	int ok = 1;

	/* a rewrite adds FP_HEX + 1 bytes to at least 5 ("url(" and one) */
	buf_init(&b, x->len * (FP_HEX + 1) / 5 + x->len + 64);
	while (ok && p < end) {
		const char *u = memmem(p, (size_t)(end - p), "url(", 4), *q, *stop, *base;
		const struct asset *t;
		char quote = 0;

		if (!u)
			break;
		q = u + 4;
		if (q < end && (*q == '"' || *q == '\''))
			quote = *q++;
		for (stop = q; stop < end && *stop != (quote ? quote : ')') && *stop != '\n'; stop++)
			;
		t = stop < end ? css_target(as, x->rel, q, (size_t)(stop - q)) : NULL;
		if (!t || !t->fp) {
			ok = buf_add(&b, p, (size_t)(q - p)) == BUF_OK;
			p = q;
			continue;
		}
		/* keep the written folder part, put the fingerprinted file name */
		for (base = stop; base > q && base[-1] != '/'; base--)
			;
		ok = buf_add(&b, p, (size_t)(base - p)) == BUF_OK &&
		     buf_adds(&b, strrchr(t->fp, '/') ? strrchr(t->fp, '/') + 1 : t->fp) == BUF_OK;
		p = stop;
	}
	if (ok && p < end)
		ok = buf_add(&b, p, (size_t)(end - p)) == BUF_OK;
	if (ok) {
		unsigned char *d = arena_alloc(a, b.len + 1);
		memcpy(d, b.data, b.len);
		x->data = d;
		x->len = b.len;
	}
	buf_free(&b);
	return ok ? 0 : -1;
}

static void name_it(struct asset *x, struct arena *a)
{
	unsigned char h[crypto_generichash_BYTES_MIN];
	char hex[2 * sizeof(h) + 1], *key, *k;
	const char *e = ext_of(x->rel), *file = strrchr(x->rel, '/');

	file = file ? file + 1 : x->rel;
	key = arena_strdup(a, file);
	for (k = key; *k; k++)
		if (*k == '.' || *k == '-')
			*k = '_';
	x->key = key;
	crypto_generichash(h, sizeof(h), x->data, x->len, NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	hex[FP_HEX] = '\0';
	x->fp = arena_printf(a, "%.*s.%s%s", (int)(e - x->rel), x->rel, hex, e);
}

int assets_load(struct assets *as, const char *dir, struct arena *a, char *err, size_t errlen)
{
	struct loader l = { as, 0, a, err, errlen };
	size_t i;
	int pass;

	as->v = NULL;
	as->n = 0;
	if (walk(&l, dir, "", 0) != 0)
		return -1;
	if (as->n)
		qsort(as->v, as->n, sizeof(as->v[0]), by_rel);
	/* everything else first: stylesheets name the fingerprints of others */
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < as->n; i++) {
			struct asset *x = &as->v[i];
			int css = strcmp(ext_of(x->rel) ? ext_of(x->rel) : "", ".css") == 0;

			if (css != pass || !fingerprinted(x->rel))
				continue;
			if (css && css_rewrite(as, x, a) != 0) {
				snprintf(err, errlen, "%s: out of memory", x->rel);
				return -1;
			}
			name_it(x, a);
		}
	return 0;
}

int assets_write(const struct assets *as, struct outdir *out)
{
	char rel[PATH_MAX];
	size_t i;

	for (i = 0; i < as->n; i++) {
		const struct asset *x = &as->v[i];

		if (snprintf(rel, sizeof(rel), "assets/%s", x->rel) >= (int)sizeof(rel) ||
			out_write(out, rel, x->data, x->len) != 0)
			return -1;
		if (x->fp && (snprintf(rel, sizeof(rel), "assets/%s", x->fp) >= (int)sizeof(rel) ||
				     out_write(out, rel, x->data, x->len) != 0))
			return -1;
	}
	return 0;
}
