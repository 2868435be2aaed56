/* test_rendercache.c: the render cache file (rendercache.h): what is saved
 * reads back the same, sorted; a missing file is "none"; every kind of
 * damage (a changed byte, a truncated file, text after the end, a wrong
 * count, unsorted lines under a right checksum) reads as an error with the
 * cache empty; the caps (entries: at c->max and one over, on add and on
 * load; a path of MANIFEST_MAX_PATH bytes and one more). */
#include <sodium.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "publish/manifest.h"
#include "publish/rendercache.h"

static char tmp[] = "/tmp/prongsai-rcache-XXXXXX";
static char path[4096];

static void hash_of(const char *s, unsigned char out[RCACHE_HASH_BYTES])
{
	crypto_generichash(out, RCACHE_HASH_BYTES, (const unsigned char *)s, strlen(s), NULL, 0);
}

static char *slurp(size_t *len)
{
	FILE *f = fopen(path, "r");
	char *s = malloc(1 << 20);

	*len = fread(s, 1, (1 << 20) - 1, f);
	s[*len] = '\0';
	fclose(f);
	return s;
}

static void spit(const char *s, size_t len)
{
	FILE *f = fopen(path, "w");

	fwrite(s, 1, len, f);
	fclose(f);
}

/* text's lines with a right "end" line of n entries after them */
static void spit_sealed(const char *text, size_t n)
{
	unsigned char sum[RCACHE_HASH_BYTES];
	char hex[RCACHE_HASH_BYTES * 2 + 1], *all = malloc(strlen(text) + 200);

	crypto_generichash(sum, sizeof sum, (const unsigned char *)text, strlen(text), NULL, 0);
	sodium_bin2hex(hex, sizeof hex, sum, sizeof sum);
	sprintf(all, "%send %zu %s\n", text, n, hex);
	spit(all, strlen(all));
	free(all);
}

static int load(struct rcache *c)
{
	char err[512];

	return rcache_load(c, path, err, sizeof err);
}

int main(void)
{
	struct rcache c, r;
	unsigned char fa[RCACHE_HASH_BYTES], fb[RCACHE_HASH_BYTES], oa[RCACHE_HASH_BYTES];
	char err[512], *text, *p, name[MANIFEST_MAX_PATH + 2];
	const struct rcache_entry *e;
	size_t len;

	if (sodium_init() < 0 || !mkdtemp(tmp))
		return 1;
	snprintf(path, sizeof path, "%s/.public-render", tmp);
	hash_of("inputs a", fa);
	hash_of("inputs b", fb);
	hash_of("page a", oa);

	/* none yet */
	rcache_init(&r);
	CHECK_INT(load(&r), 1);
	CHECK_INT(r.n, 0);

	/* added in any order, saved sorted, read back the same */
	rcache_init(&c);
	CHECK_INT(rcache_add(&c, "projects/b/index.html", fb, oa), 0);
	CHECK_INT(rcache_add(&c, "projects/a/index.html", fa, oa), 0);
	CHECK_INT(rcache_add(&c, "print/projects/a/index.html", fa, fb), 0);
	CHECK_INT(rcache_save(&c, path, err, sizeof err), 0);
	CHECK_INT(load(&r), 0);
	CHECK_INT(r.n, 3);
	CHECK_STR(r.v[0].rel, "print/projects/a/index.html");
	CHECK_STR(r.v[2].rel, "projects/b/index.html");
	e = rcache_find(&r, "projects/a/index.html");
	CHECK(e && memcmp(e->fp, fa, RCACHE_HASH_BYTES) == 0 && memcmp(e->out, oa, RCACHE_HASH_BYTES) == 0);
	CHECK(rcache_find(&r, "projects/c/index.html") == NULL);
	text = slurp(&len);
	CHECK(strncmp(text, "prongsai-render-cache 1\n", 24) == 0);
	CHECK(strstr(text, "\nend 3 ") != NULL);

	/* damage: one byte of a fingerprint changed */
	p = strchr(text, '\n') + 1;
	{
		char was = *p;
		*p = was == '0' ? '1' : '0';
		spit(text, len);
		CHECK_INT(load(&r), -1);
		CHECK_INT(r.n, 0);
		*p = was;
	}
	spit(text, len);
	CHECK_INT(load(&r), 0);
	/* truncated: no end line */
	spit(text, (size_t)(strstr(text, "\nend ") - text) + 1);
	CHECK_INT(load(&r), -1);
	CHECK_INT(r.n, 0);
	/* torn in the middle of a line */
	spit(text, 40);
	CHECK_INT(load(&r), -1);
	/* text after the end */
	memcpy(text + len, "x\n", 3);
	spit(text, len + 2);
	CHECK_INT(load(&r), -1);
	text[len] = '\0';
	/* a wrong count, and unsorted lines, both under a right checksum */
	*strstr(text, "end 3 ") = '\0';
	spit_sealed(text, 2);
	CHECK_INT(load(&r), -1);
	spit_sealed(text, 3);
	CHECK_INT(load(&r), 0);
	{
		char *l1 = strchr(text, '\n') + 1, *l2 = strchr(l1, '\n') + 1, *l3 = strchr(l2, '\n') + 1;
		char swapped[4096];
		snprintf(swapped, sizeof swapped, "prongsai-render-cache 1\n%.*s%.*s%s",
			(int)(l3 - l2), l2, (int)(l2 - l1), l1, l3);
		spit_sealed(swapped, 3);
		CHECK_INT(load(&r), -1);
		CHECK_INT(r.n, 0);
	}
	free(text);

	/* the cap on entries: at c->max, and one over (add, then load) */
	rcache_free(&c);
	rcache_init(&c);
	c.max = 3;
	CHECK_INT(rcache_add(&c, "a", fa, oa), 0);
	CHECK_INT(rcache_add(&c, "b", fa, oa), 0);
	CHECK_INT(rcache_add(&c, "c", fa, oa), 0);
	CHECK_INT(rcache_save(&c, path, err, sizeof err), 0);
	r.max = 3;
	CHECK_INT(load(&r), 0);
	r.max = 2;
	CHECK_INT(load(&r), -1);
	CHECK_INT(r.n, 0);
	CHECK_INT(rcache_add(&c, "d", fa, oa), -1);
	CHECK(c.failed);
	CHECK_INT(rcache_save(&c, path, err, sizeof err), -1);
	CHECK(access(path, F_OK) != 0); /* an incomplete cache is no cache */

	/* paths: MANIFEST_MAX_PATH bytes, one more, and bad ones */
	rcache_free(&c);
	rcache_init(&c);
	memset(name, 'a', MANIFEST_MAX_PATH);
	name[MANIFEST_MAX_PATH] = '\0';
	CHECK_INT(rcache_add(&c, name, fa, oa), 0);
	CHECK_INT(rcache_save(&c, path, err, sizeof err), 0);
	r.max = RCACHE_MAX_PAGES;
	CHECK_INT(load(&r), 0);
	CHECK_INT(r.n, 1);
	name[MANIFEST_MAX_PATH] = 'a';
	name[MANIFEST_MAX_PATH + 1] = '\0';
	CHECK_INT(rcache_add(&c, name, fa, oa), -1);
	rcache_free(&c);
	rcache_init(&c);
	CHECK_INT(rcache_add(&c, "../x", fa, oa), -1);
	CHECK_INT(rcache_add(&c, "/x", fa, oa), -1);
	CHECK_INT(rcache_add(&c, "", fa, oa), -1);

	rcache_free(&c);
	rcache_free(&r);
	unlink(path);
	rmdir(tmp);
	return CHECK_RESULT();
}
