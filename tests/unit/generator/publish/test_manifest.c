/* test_manifest.c: the site manifest (manifest.h): the hash is BLAKE2b-256
 * (of a buffer and of a file alike), the last addition of a path wins, a
 * saved manifest reads back the same, the caps (files: at m->max and one
 * over; a path of MANIFEST_MAX_PATH bytes and one more), and every kind of
 * damage (truncated, a bad line, unsorted, a wrong count, text after the
 * end) reads as an error with the manifest left empty. */
#include <sodium.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "publish/manifest.h"

static char tmp[] = "/tmp/prongsai-manifest-XXXXXX";

static void put(const char *name, const char *text)
{
	char path[4096];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", tmp, name);
	f = fopen(path, "w");
	fputs(text, f);
	fclose(f);
}

/* load the manifest text; the result of manifest_load() */
static int load_text(struct manifest *m, const char *text)
{
	char path[4096], err[512];

	put("m", text);
	snprintf(path, sizeof(path), "%s/m", tmp);
	return manifest_load(m, path, err, sizeof(err));
}

#define H64 "0000000000000000000000000000000000000000000000000000000000000000"

int main(void)
{
	struct manifest m, r;
	unsigned char h[MANIFEST_HASH_BYTES], h2[MANIFEST_HASH_BYTES], want[MANIFEST_HASH_BYTES];
	char err[512], path[4096], name[MANIFEST_MAX_PATH + 2];
	const struct manifest_entry *e;
	uint64_t size;
	struct stat st;

	if (sodium_init() < 0 || !mkdtemp(tmp))
		return 1;
	manifest_init(&m);
	manifest_init(&r);

	/* the hash */
	crypto_generichash(want, sizeof(want), (const unsigned char *)"abc", 3, NULL, 0);
	manifest_hash("abc", 3, h);
	CHECK(memcmp(h, want, sizeof(h)) == 0);
	put("f", "abc");
	snprintf(path, sizeof(path), "%s/f", tmp);
	CHECK_INT(manifest_hash_file(path, h2, &size, err, sizeof(err)), 0);
	CHECK(memcmp(h2, want, sizeof(h2)) == 0);
	CHECK_INT(size, 3);
	snprintf(path, sizeof(path), "%s/missing", tmp);
	CHECK_INT(manifest_hash_file(path, h2, &size, err, sizeof(err)), -1);
	CHECK(strstr(err, "missing") != NULL);

	/* add, the last one wins, find */
	CHECK_INT(manifest_add(&m, "f", h, 3, err, sizeof(err)), 0);
	CHECK_INT(manifest_add(&m, "a/index.html", h, 1, err, sizeof(err)), 0);
	CHECK_INT(manifest_add(&m, "f", h, 3, err, sizeof(err)), 0);
	CHECK_INT(manifest_add(&m, "../x", h, 1, err, sizeof(err)), -1);
	CHECK_INT(manifest_add(&m, "/x", h, 1, err, sizeof(err)), -1);
	CHECK_INT(manifest_add(&m, "a\nb", h, 1, err, sizeof(err)), -1);
	CHECK_INT(manifest_add(&m, "", h, 1, err, sizeof(err)), -1);
	manifest_finish(&m);
	CHECK_INT(m.n, 2);
	CHECK_STR(m.v[0].rel, "a/index.html");
	CHECK(manifest_find(&m, "f") != NULL);
	CHECK(manifest_find(&m, "g") == NULL);

	/* stat: "a/index.html" has no file, so it is dropped; f gets its inode */
	manifest_stat(&m, tmp);
	CHECK_INT(m.n, 1);
	snprintf(path, sizeof(path), "%s/f", tmp);
	stat(path, &st);
	CHECK(m.n == 1 && m.v[0].ino == (uint64_t)st.st_ino);
	CHECK(m.n == 1 && manifest_matches(&m.v[0], &st));

	/* save and load back */
	snprintf(path, sizeof(path), "%s/saved", tmp);
	CHECK_INT(manifest_save(&m, path, err, sizeof(err)), 0);
	CHECK_INT(manifest_load(&r, path, err, sizeof(err)), 0);
	CHECK_INT(r.n, 1);
	e = manifest_find(&r, "f");
	CHECK(e != NULL && memcmp(e->hash, want, sizeof(want)) == 0 && e->size == 3);
	CHECK(e != NULL && manifest_matches(e, &st));
	CHECK(e != NULL && e->ctime_nsec == st.st_ctim.tv_nsec && e->mtime_sec == st.st_mtim.tv_sec);
	/* the file changed (its ctime): no longer matches */
	snprintf(path, sizeof(path), "%s/f", tmp);
	chmod(path, 0600);
	stat(path, &st);
	CHECK(e != NULL && !manifest_matches(e, &st));
	snprintf(path, sizeof(path), "%s/none", tmp);
	CHECK_INT(manifest_load(&r, path, err, sizeof(err)), 1);
	CHECK_INT(r.n, 0);

	/* damage: each an error, the manifest empty */
#define LINE(p) H64 " 1 2 3.000000004 5.000000006 " p "\n"
	CHECK_INT(load_text(&r, "prongsai-manifest 1\n" LINE("a") LINE("b") "end 2\n"), 0);
	CHECK_INT(r.n, 2);
	CHECK_INT(load_text(&r, "prongsai-manifest 1\n" LINE("a") LINE("b")), -1);
	CHECK_INT(r.n, 0);
	CHECK_INT(load_text(&r, "prongsai-manifest 1\n" LINE("a") LINE("b") "end 2"), -1);
	CHECK_INT(load_text(&r, "prongsai-manifest 1\n" LINE("a") LINE("b") "end 3\n"), -1);
	CHECK_INT(load_text(&r, "prongsai-manifest 1\n" LINE("b") LINE("a") "end 2\n"), -1);
	CHECK_INT(load_text(&r, "prongsai-manifest 1\n" LINE("a") LINE("a") "end 2\n"), -1);
	CHECK_INT(load_text(&r, "prongsai-manifest 1\n" LINE("a") "end 1\n" LINE("b")), -1);
	CHECK_INT(load_text(&r, "prongsai-manifest 2\n" LINE("a") "end 1\n"), -1);
	CHECK_INT(load_text(&r, "prongsai-manifest 1\nxyz 1 2 3.000000004 5.000000006 a\nend 1\n"), -1);
	CHECK_INT(load_text(&r, "prongsai-manifest 1\n" H64 " 1 2 3.4 5.000000006 a\nend 1\n"), -1);
	CHECK_INT(load_text(&r, "prongsai-manifest 1\n" LINE("../a") "end 1\n"), -1);
	CHECK_INT(load_text(&r, ""), -1);
	CHECK_INT(r.n, 0);

	/* the cap on files: at m->max, then one over (add and load alike) */
	manifest_free(&m);
	m.max = r.max = 2;
	CHECK_INT(manifest_add(&m, "a", h, 1, err, sizeof(err)), 0);
	CHECK_INT(manifest_add(&m, "b", h, 1, err, sizeof(err)), 0);
	CHECK_INT(manifest_add(&m, "c", h, 1, err, sizeof(err)), -1);
	CHECK(strstr(err, "more than 2 files") != NULL);
	CHECK_INT(load_text(&r, "prongsai-manifest 1\n" LINE("a") LINE("b") "end 2\n"), 0);
	CHECK_INT(load_text(&r, "prongsai-manifest 1\n" LINE("a") LINE("b") LINE("c") "end 3\n"), -1);
	manifest_free(&m);

	/* the cap on a path: MANIFEST_MAX_PATH bytes, then one more */
	memset(name, 'x', sizeof(name));
	name[MANIFEST_MAX_PATH] = '\0';
	CHECK_INT(manifest_add(&m, name, h, 1, err, sizeof(err)), 0);
	name[MANIFEST_MAX_PATH] = 'x';
	name[MANIFEST_MAX_PATH + 1] = '\0';
	CHECK_INT(manifest_add(&m, name, h, 1, err, sizeof(err)), -1);
	manifest_finish(&m);
	snprintf(path, sizeof(path), "%s/long", tmp);
	CHECK_INT(manifest_save(&m, path, err, sizeof(err)), 0);
	CHECK_INT(manifest_load(&r, path, err, sizeof(err)), 0);
	CHECK_INT(r.n, 1);

	manifest_free(&m);
	manifest_free(&r);
	snprintf(path, sizeof(path), "rm -rf '%s'", tmp);
	CHECK(system(path) == 0);
	return CHECK_RESULT();
}
