/* test_deploy.c: generator/deploy/ without a network: manifest (paths and
 * their caps, scan, text form), plan (what travels, in which order) and the
 * journal (resume only from the same remote manifest). */
#define _DEFAULT_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#include "check.h"
#include "deploy/journal.h"
#include "deploy/remote_manifest.h"
#include "deploy/plan.h"
#include "deploy/mediatype.h"

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void test_paths(void)
{
	char p[REMOTE_MANIFEST_MAX_PATH + 2];

	CHECK(remote_manifest_path_ok("index.html"));
	CHECK(remote_manifest_path_ok("projects/2569-001/index.html"));
	CHECK(remote_manifest_path_ok("ข่าว/ภาพ.jpg"));
	CHECK(!remote_manifest_path_ok(""));
	CHECK(!remote_manifest_path_ok("/etc/passwd"));
	CHECK(!remote_manifest_path_ok("a/../b"));
	CHECK(!remote_manifest_path_ok("a/./b"));
	CHECK(!remote_manifest_path_ok(".."));
	CHECK(!remote_manifest_path_ok("a//b"));
	CHECK(!remote_manifest_path_ok("a/"));
	CHECK(!remote_manifest_path_ok("a\"b"));
	CHECK(!remote_manifest_path_ok("a\\b"));
	CHECK(!remote_manifest_path_ok("a\nb"));
	/* at the cap and one over */
	memset(p, 'a', REMOTE_MANIFEST_MAX_PATH);
	p[REMOTE_MANIFEST_MAX_PATH] = '\0';
	CHECK(remote_manifest_path_ok(p));
	p[REMOTE_MANIFEST_MAX_PATH] = 'a';
	p[REMOTE_MANIFEST_MAX_PATH + 1] = '\0';
	CHECK(!remote_manifest_path_ok(p));
}

static void test_scan_and_text(const char *dir)
{
	char path[512], err[1024];
	struct remote_manifest m, back;
	struct buf b;
	unsigned char h[REMOTE_MANIFEST_HASH_BYTES];
	long long size;
	const struct remote_manifest_entry *e;

	snprintf(path, sizeof path, "%s/site", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof path, "%s/site/sub", dir);
	mkdir(path, 0755);
	snprintf(path, sizeof path, "%s/site/index.html", dir);
	write_file(path, "<p>home</p>\n");
	snprintf(path, sizeof path, "%s/site/sub/a.css", dir);
	write_file(path, "p{}\n");
	snprintf(path, sizeof path, "%s/site/" REMOTE_MANIFEST_NAME, dir);
	write_file(path, "not part of the site\n");
	snprintf(path, sizeof path, "%s/site", dir);
	remote_manifest_init(&m);
	CHECK_INT(remote_manifest_scan(path, &m, err, sizeof err), 0);
	CHECK_INT(m.n, 2); /* the manifest file itself is left out */
	CHECK_STR(m.e[0].path, "index.html");
	CHECK_STR(m.e[1].path, "sub/a.css");
	CHECK_INT(m.e[1].size, 4);
	crypto_generichash(h, sizeof h, (const unsigned char *)"p{}\n", 4, NULL, 0);
	CHECK(memcmp(m.e[1].hash, h, sizeof h) == 0);
	snprintf(path, sizeof path, "%s/site/sub/a.css", dir);
	CHECK_INT(remote_manifest_hash_file(path, h, &size), 0);
	CHECK(memcmp(m.e[1].hash, h, sizeof h) == 0);
	e = remote_manifest_find(&m, "sub/a.css");
	CHECK(e == &m.e[1]);
	CHECK(remote_manifest_find(&m, "sub") == NULL);

	/* the text form round trip */
	buf_init(&b, REMOTE_MANIFEST_MAX_TEXT);
	CHECK_INT(remote_manifest_format(&m, &b), BUF_OK);
	CHECK(strncmp(b.data, "prongsai-manifest 1\n", 20) == 0);
	remote_manifest_init(&back);
	CHECK_INT(remote_manifest_parse(b.data, b.len, &back, err, sizeof err), 0);
	CHECK_INT(back.n, 2);
	CHECK_STR(back.e[1].path, "sub/a.css");
	CHECK(memcmp(back.e[1].hash, m.e[1].hash, REMOTE_MANIFEST_HASH_BYTES) == 0);
	CHECK_INT(back.e[0].size, 12);
	/* damaged forms are refused with the line */
	CHECK_INT(remote_manifest_parse("hello\n", 6, &back, err, sizeof err), -1);
	CHECK(strstr(err, "line 1") != NULL);
	{
		char bad[400];
		char hex[65];
		remote_manifest_hex(m.e[0].hash, hex);
		/* out of order */
		snprintf(bad, sizeof bad, "prongsai-manifest 1\n%s 1 b\n%s 1 a\n", hex, hex);
		CHECK_INT(remote_manifest_parse(bad, strlen(bad), &back, err, sizeof err), -1);
		CHECK(strstr(err, "line 3") != NULL);
		CHECK_INT(back.n, 0);
		/* a path that could climb out */
		snprintf(bad, sizeof bad, "prongsai-manifest 1\n%s 1 ../x\n", hex);
		CHECK_INT(remote_manifest_parse(bad, strlen(bad), &back, err, sizeof err), -1);
		/* a last line cut short */
		snprintf(bad, sizeof bad, "prongsai-manifest 1\n%s 1 a", hex);
		CHECK_INT(remote_manifest_parse(bad, strlen(bad), &back, err, sizeof err), -1);
	}
	/* a symbolic link is refused, named */
	snprintf(path, sizeof path, "%s/site/link", dir);
	CHECK_INT(symlink("index.html", path), 0);
	snprintf(path, sizeof path, "%s/site", dir);
	CHECK_INT(remote_manifest_scan(path, &m, err, sizeof err), -1);
	CHECK(strstr(err, "site/link") != NULL);
	buf_free(&b);
	remote_manifest_free(&m);
	remote_manifest_free(&back);
}

/* A manifest from "path:content" lines. */
static void make(struct remote_manifest *m, const char *const *files)
{
	size_t i;

	remote_manifest_init(m);
	for (i = 0; files[i]; i++) {
		const char *colon = strchr(files[i], ':');
		struct remote_manifest_entry *e;
		m->e = realloc(m->e, (m->n + 1) * sizeof *m->e);
		e = &m->e[m->n++];
		e->path = strndup(files[i], (size_t)(colon - files[i]));
		e->size = (long long)strlen(colon + 1);
		crypto_generichash(e->hash, REMOTE_MANIFEST_HASH_BYTES, (const unsigned char *)colon + 1, strlen(colon + 1),
				   NULL, 0);
	}
	m->alloc = m->n;
}

static void test_plan(void)
{
	static const char *const remote_files[] = { "assets/app.css:old", "assets/gone.png:x", "index.html:home",
		"news/index.html:news", "projects/2569-001/index.html:p1", "projects/2569-002/index.html:p2",
		"sitemap.xml:s", NULL };
	static const char *const local_files[] = { "assets/app.css:new", "assets/new.js:js", "index.html:home2",
		"news/index.html:news", "projects/2569-001/index.html:p1-edited",
		"projects/2569-003/index.html:p3", "sitemap.xml:s2", NULL };
	struct remote_manifest l, r;
	struct plan p;
	static const char *const want[] = { "assets/app.css", "assets/new.js", "projects/2569-001/index.html",
		"projects/2569-003/index.html", "index.html", "sitemap.xml", "projects/2569-002/index.html",
		"assets/gone.png" };
	size_t i;

	make(&r, remote_files);
	make(&l, local_files);
	CHECK_INT(plan_make(&l, &r, &p), 0);
	CHECK_INT(p.n_put, 6);
	CHECK_INT(p.n_del, 2);
	CHECK_INT(p.n, 8);
	for (i = 0; i < p.n && i < 8; i++)
		CHECK_STR(p.ops[i].entry->path, want[i]);
	CHECK_INT(p.ops[6].rank, RANK_DELETE); /* deepest deletion first */
	CHECK_INT(p.put_bytes, 3 + 2 + 5 + 9 + 2 + 2);
	plan_free(&p);
	/* nothing changed: an empty plan */
	CHECK_INT(plan_make(&l, &l, &p), 0);
	CHECK_INT(p.n, 0);
	plan_free(&p);
	CHECK_INT(plan_rank_of("index.html"), RANK_INDEX);
	CHECK_INT(plan_rank_of("projects/index.html"), RANK_INDEX);
	CHECK_INT(plan_rank_of("projects/2569/index.html"), RANK_PAGE);
	CHECK_INT(plan_rank_of("404.html"), RANK_PAGE);
	CHECK_INT(plan_rank_of("feed.xml"), RANK_INDEX);
	CHECK_INT(plan_rank_of("robots.txt"), RANK_INDEX);
	CHECK_INT(plan_rank_of("data/projects.xml"), RANK_ASSET);
	CHECK_INT(plan_rank_of("search/index.json"), RANK_ASSET);
	CHECK_STR(mediatype_of("a/b.HTML"), "text/html; charset=utf-8");
	CHECK_STR(mediatype_of("x.svg"), "image/svg+xml");
	CHECK_STR(mediatype_of("x.unknown"), "application/octet-stream");
	CHECK(mediatype_is_page("index.html"));
	CHECK(!mediatype_is_page("app.css"));
	remote_manifest_free(&l);
	remote_manifest_free(&r);
}

static void test_journal(const char *dir)
{
	static const char *const files[] = { "a.css:1", "b.html:2", NULL };
	char path[512], err[600];
	unsigned char id1[REMOTE_MANIFEST_HASH_BYTES], id2[REMOTE_MANIFEST_HASH_BYTES];
	struct remote_manifest m, changed;
	struct plan_op put_a = { RANK_ASSET, NULL }, put_b = { RANK_PAGE, NULL }, del = { RANK_DELETE, NULL };
	struct plan_op put_a2 = { RANK_ASSET, NULL };
	struct journal j, j2;
	static const char *const files2[] = { "a.css:changed", NULL };

	make(&m, files);
	make(&changed, files2);
	put_a.entry = &m.e[0];
	put_b.entry = &m.e[1];
	del.entry = &m.e[1];
	put_a2.entry = &changed.e[0];
	memset(id1, 1, sizeof id1);
	memset(id2, 2, sizeof id2);
	snprintf(path, sizeof path, "%s/j.journal", dir);
	CHECK_INT(journal_open(&j, path, id1, err, sizeof err), 0);
	CHECK(!journal_is_done(&j, &put_a));
	/* a second deploy to the same target is refused while this one runs */
	CHECK_INT(journal_open(&j2, path, id1, err, sizeof err), -2);
	CHECK(strstr(err, "another deploy") != NULL);
	CHECK_INT(journal_record(&j, &put_a), 0);
	CHECK_INT(journal_record(&j, &del), 0);
	journal_close(&j);
	/* resumed from the same remote manifest: a.css and the deletion are done */
	CHECK_INT(journal_open(&j, path, id1, err, sizeof err), 0);
	CHECK(journal_is_done(&j, &put_a));
	CHECK(!journal_is_done(&j, &put_b));
	CHECK(journal_is_done(&j, &del));
	CHECK(!journal_is_done(&j, &put_a2)); /* changed since: sent again */
	journal_close(&j);
	/* a line cut short by a kill is ignored, the rest kept */
	{
		FILE *f = fopen(path, "a");
		fputs("P 0123", f);
		fclose(f);
	}
	CHECK_INT(journal_open(&j, path, id1, err, sizeof err), 0);
	CHECK(journal_is_done(&j, &put_a));
	journal_close(&j);
	/* another remote manifest: the journal is discarded */
	CHECK_INT(journal_open(&j, path, id2, err, sizeof err), 0);
	CHECK(!journal_is_done(&j, &put_a));
	journal_finish(&j);
	CHECK(access(path, F_OK) != 0);
	remote_manifest_free(&m);
	remote_manifest_free(&changed);
}

int main(void)
{
	char dir[] = "/tmp/prongsai-test-deploy.XXXXXX";
	char cmd[600];

	if (sodium_init() < 0 || !mkdtemp(dir))
		return 1;
	test_paths();
	test_scan_and_text(dir);
	test_plan();
	test_journal(dir);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "could not remove %s\n", dir);
	return CHECK_RESULT();
}
