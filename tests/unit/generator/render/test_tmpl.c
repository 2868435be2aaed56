/* test_tmpl.c: the Mustache-subset engine and the tval views it reads. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "render/tmpl.h"

static char out_text[8192];
static char err[512];

/* Render template text with view; returns the output, or "<FAIL>" if
 * loading or rendering failed (err then holds the load message). */
static const char *run(const char *text, const struct tval *view)
{
	struct tmpl_set *s;
	struct buf b;
	int rc;

	err[0] = '\0';
	s = tmpl_load_string("t", text, strlen(text), err, sizeof err);
	if (!s)
		return "<FAIL>";
	buf_init(&b, 1 << 16);
	rc = tmpl_render(s, "t", view, &b);
	snprintf(out_text, sizeof out_text, "%s", rc == 0 ? buf_str(&b) : "<FAIL>");
	buf_free(&b);
	tmpl_free(s);
	return out_text;
}

/* Load text expecting a syntax error; returns the message. */
static const char *load_err(const char *text)
{
	struct tmpl_set *s;

	err[0] = '\0';
	s = tmpl_load_string("page.html", text, strlen(text), err, sizeof err);
	if (s) {
		tmpl_free(s);
		return "<LOADED>";
	}
	return err;
}

static void test_tval(void)
{
	struct arena a;
	struct tval *m, *l, *nul;
	char src[8] = "abc";
	int i;

	arena_init(&a);
	m = tv_map(&a);
	tv_sets(&a, m, "x", "1");
	tv_setf(&a, m, "y", "%d-%s", 42, "z");
	tv_setb(&a, m, "t", 1);
	tv_set(&a, m, "s", tv_strdup(&a, src));
	src[0] = 'X';
	CHECK_STR(tv_get(m, "x")->s, "1");
	CHECK_STR(tv_get(m, "y")->s, "42-z");
	CHECK_STR(tv_get(m, "s")->s, "abc");
	CHECK(tv_get(m, "nope") == NULL);
	CHECK(tv_get(NULL, "x") == NULL);
	CHECK(tv_get(tv_get(m, "x"), "x") == NULL);
	tv_sets(&a, m, "x", "2"); /* replacing keeps one entry, in place */
	CHECK_STR(tv_get(m, "x")->s, "2");
	CHECK_INT(m->n, 4);
	CHECK_STR(m->keys[0], "x");
	for (i = 0; i < 50; i++)
		tv_setf(&a, m, "k", "%d", i);
	CHECK_INT(m->n, 5);
	l = tv_list(&a);
	for (i = 0; i < 100; i++)
		tv_push(&a, l, tv_bool(&a, i & 1));
	CHECK_INT(l->n, 100);
	CHECK_INT(l->items[99]->b, 1);
	nul = arena_alloc(&a, sizeof *nul); /* zeroed: TV_NULL */
	CHECK(!tv_truthy(NULL));
	CHECK(!tv_truthy(nul));
	CHECK(!tv_truthy(tv_bool(&a, 0)));
	CHECK(tv_truthy(tv_bool(&a, 7)));
	CHECK(!tv_truthy(tv_str(&a, "")));
	CHECK(tv_truthy(tv_str(&a, "0")));
	CHECK(!tv_truthy(tv_list(&a)));
	CHECK(tv_truthy(l));
	CHECK(tv_truthy(tv_map(&a)));
	arena_free(&a);
}

static void test_variables(void)
{
	struct arena a;
	struct tval *v, *p, *q;

	arena_init(&a);
	v = tv_map(&a);
	tv_sets(&a, v, "name", "โครงการ <OTOP> & \"ผ้าไทย\" 'ใส่'");
	tv_sets(&a, v, "html", "<b>bold</b>");
	tv_setb(&a, v, "yes", 1);
	p = tv_set(&a, v, "project", tv_map(&a));
	tv_sets(&a, p, "title", "สัมมาชีพ");
	q = tv_set(&a, p, "budget", tv_map(&a));
	tv_sets(&a, q, "total", "1,250,000.00");
	tv_set(&a, v, "list", tv_list(&a));

	CHECK_STR(run("", v), "");
	CHECK_STR(run("plain text, { } }} {", v), "plain text, { } }} {");
	CHECK_STR(run("<p>{{name}}</p>", v),
		"<p>โครงการ &lt;OTOP&gt; &amp; &quot;ผ้าไทย&quot; &#39;ใส่&#39;</p>");
	CHECK_STR(run("{{html}}", v), "&lt;b&gt;bold&lt;/b&gt;");
	CHECK_STR(run("{{& html}}", v), "<b>bold</b>");
	CHECK_STR(run("{{&html}}", v), "<b>bold</b>");
	CHECK_STR(run("{{ name }}|{{\tyes\t}}", v) , "โครงการ &lt;OTOP&gt; &amp; &quot;ผ้าไทย&quot; &#39;ใส่&#39;|");
	CHECK_STR(run("[{{missing}}][{{& missing}}][{{project.nope}}][{{nope.title}}]", v), "[][][][]");
	CHECK_STR(run("{{project.title}}: {{project.budget.total}}", v), "สัมมาชีพ: 1,250,000.00");
	CHECK_STR(run("[{{project}}][{{list}}][{{yes}}][{{.}}]", v), "[][][][]"); /* only strings print */
	CHECK_STR(run("a{{! a comment with }} inside? no: {{x}} }}b", v), "a inside? no:  }}b");
	CHECK_STR(run("a{{! multi\nline\n}}b", v), "ab");
	CHECK_STR(run("{{name}}", NULL), "");
	arena_free(&a);
}

static void test_sections(void)
{
	struct arena a;
	struct tval *v, *items, *it, *tags, *m;
	int i;

	arena_init(&a);
	v = tv_map(&a);
	tv_sets(&a, v, "title", "outer");
	tv_setb(&a, v, "t", 1);
	tv_setb(&a, v, "f", 0);
	tv_sets(&a, v, "empty", "");
	tv_sets(&a, v, "word", "w<>");
	tv_set(&a, v, "none", tv_list(&a));
	items = tv_set(&a, v, "items", tv_list(&a));
	for (i = 1; i <= 3; i++) {
		it = tv_push(&a, items, tv_map(&a));
		tv_setf(&a, it, "n", "%d", i);
		if (i == 2)
			tv_sets(&a, it, "title", "inner");
		tags = tv_set(&a, it, "tags", tv_list(&a));
		tv_push(&a, tags, tv_str(&a, "x"));
		if (i == 3)
			tv_push(&a, tags, tv_str(&a, "<y>"));
	}
	m = tv_set(&a, v, "m", tv_map(&a));
	tv_sets(&a, m, "k", "mk");

	CHECK_STR(run("{{#items}}<{{n}}>{{/items}}", v), "<1><2><3>");
	/* lookup walks down the stack; an item's own key wins */
	CHECK_STR(run("{{#items}}{{title}},{{/items}}", v), "outer,inner,outer,");
	CHECK_STR(run("{{#items}}{{n}}:{{#tags}}[{{.}}]{{/tags}};{{/items}}", v),
		"1:[x];2:[x];3:[x][&lt;y&gt;];");
	CHECK_STR(run("{{#items}}{{#tags}}{{n}}{{/tags}}{{/items}}", v), "1233"); /* item 3 has two tags */
	CHECK_STR(run("{{#m}}{{k}}/{{title}}{{/m}}", v), "mk/outer");
	CHECK_STR(run("{{#t}}yes{{/t}}{{#f}}no{{/f}}", v), "yes");
	CHECK_STR(run("{{#word}}[{{.}}]{{/word}}", v), "[w&lt;&gt;]"); /* string pushed */
	CHECK_STR(run("{{#empty}}x{{/empty}}{{#none}}x{{/none}}{{#missing}}x{{/missing}}", v), "");
	CHECK_STR(run("{{^f}}a{{/f}}{{^t}}b{{/t}}{{^none}}c{{/none}}{{^missing}}d{{/missing}}"
		"{{^empty}}e{{/empty}}{{^items}}f{{/items}}{{^m}}g{{/m}}", v), "acde");
	CHECK_STR(run("{{#items}}{{^title}}-{{/title}}{{/items}}", v), ""); /* outer title visible */
	CHECK_STR(run("{{#m.k}}<{{.}}>{{/m.k}}", v), "<mk>");
	CHECK_STR(run("{{#items}}{{.}}{{/items}}", v), ""); /* maps don't print */
	CHECK_STR(run("{{ #items }}{{n}}{{ / items }}", v), "<FAIL>"); /* sigil must follow {{ */
	CHECK_STR(run("{{# items }}{{n}}{{/ items }}", v), "123");
	/* text is kept exactly, no standalone-line stripping */
	CHECK_STR(run("<ul>\n{{#items}}\n<li>{{n}}</li>\n{{/items}}\n</ul>", v),
		"<ul>\n\n<li>1</li>\n\n<li>2</li>\n\n<li>3</li>\n\n</ul>");
	arena_free(&a);
}

static void test_partials(void)
{
	struct arena a;
	struct tval *v, *l;
	struct tmpl_set *s;
	struct buf b;
	const char *page = "<h1>{{title}}</h1>{{#rows}}{{> row}}{{/rows}}{{> footer}}";

	arena_init(&a);
	v = tv_map(&a);
	tv_sets(&a, v, "title", "T");
	l = tv_set(&a, v, "rows", tv_list(&a));
	tv_sets(&a, tv_push(&a, l, tv_map(&a)), "c", "r1");
	tv_sets(&a, tv_push(&a, l, tv_map(&a)), "c", "r2");

	s = tmpl_load_string("page", page, strlen(page), err, sizeof err);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK(tmpl_has(s, "page"));
	CHECK(!tmpl_has(s, "row"));
	buf_init(&b, 1 << 16);
	CHECK_INT(tmpl_render(s, "page", v, &b), -1); /* partial row missing */
	CHECK_INT(tmpl_add_string(s, "row", "<td>{{c}}/{{title}}</td>", 24, err, sizeof err), 0);
	CHECK_INT(tmpl_add_string(s, "footer", "<footer>{{title}}</footer>", 26, err, sizeof err), 0);
	CHECK(tmpl_has(s, "row") && tmpl_has(s, "footer"));
	buf_reset(&b);
	CHECK_INT(tmpl_render(s, "page", v, &b), 0);
	CHECK_STR(buf_str(&b), "<h1>T</h1><td>r1/T</td><td>r2/T</td><footer>T</footer>");
	buf_reset(&b);
	CHECK_INT(tmpl_render(s, "nope", v, &b), -1);
	/* failed add leaves the set unchanged; duplicates are refused */
	CHECK_INT(tmpl_add_string(s, "bad", "{{#x}}", 6, err, sizeof err), -1);
	CHECK_STR(err, "bad:1:1: error: unclosed section {{#x}}");
	CHECK(!tmpl_has(s, "bad"));
	CHECK_INT(tmpl_add_string(s, "row", "x", 1, err, sizeof err), -1);
	CHECK(strstr(err, "already") != NULL);
	/* a partial that includes itself stops at the depth cap */
	CHECK_INT(tmpl_add_string(s, "loop", "x{{> loop}}", 11, err, sizeof err), 0);
	buf_reset(&b);
	CHECK_INT(tmpl_render(s, "loop", v, &b), -1);
	buf_free(&b);
	tmpl_free(s);
	arena_free(&a);
}

static void test_errors(void)
{
	char big[512];
	int i;
	size_t n;

	CHECK_STR(load_err("ok {{a}}"), "<LOADED>");
	CHECK_STR(load_err("line1\n  {{#items}}\n{{x}}"),
		"page.html:2:3: error: unclosed section {{#items}}");
	CHECK_STR(load_err("{{#a}}{{^b}}{{/b}}"), "page.html:1:1: error: unclosed section {{#a}}");
	CHECK_STR(load_err("{{#a}}\n x {{/b}}{{/a}}"),
		"page.html:2:4: error: {{/b}} does not match {{#a}} opened at line 1 col 1");
	CHECK_STR(load_err("x\n{{/a}}"), "page.html:2:1: error: {{/a}} closes no open section");
	CHECK_STR(load_err("ab {{name"), "page.html:1:4: error: unterminated tag: \"{{\" without \"}}\"");
	CHECK_STR(load_err("{{}}"), "page.html:1:1: error: tag without a name");
	CHECK_STR(load_err("{{#}}"), "page.html:1:1: error: tag without a name");
	/* columns count characters, not bytes: Thai letters are 3 bytes */
	CHECK_STR(load_err("โครงการ {{a b}}"),
		"page.html:1:9: error: bad name \"a b\" (names are letters, digits, _ and -, joined by dots)");
	CHECK(strstr(load_err("{{a..b}}"), "bad name") != NULL);
	CHECK(strstr(load_err("{{.a}}"), "bad name") != NULL);
	CHECK(strstr(load_err("{{a.}}"), "bad name") != NULL);
	CHECK(strstr(load_err("{{ชื่อ}}"), "bad name \"ชื่อ\"") != NULL);
	CHECK(strstr(load_err("{{=<% %>=}}"), "bad name") != NULL);
	CHECK(strstr(load_err("{{> ../etc/passwd}}"), "bad partial name") != NULL);
	CHECK_STR(load_err("{{{x}}}"),
		"page.html:1:1: error: {{{...}}} is not supported; write {{& name}} for raw output");
	CHECK_STR(load_err("ok\n\xff"), "page.html:2:1: error: invalid UTF-8");
	CHECK_STR(load_err("{{! never closed"), "page.html:1:1: error: unterminated tag: \"{{\" without \"}}\"");
	/* nesting cap at parse time: 32 levels parse, 33 do not */
	big[0] = '\0';
	for (i = 0; i < TMPL_MAX_DEPTH; i++)
		strcat(big, "{{#a}}");
	for (i = 0; i < TMPL_MAX_DEPTH; i++)
		strcat(big, "{{/a}}");
	CHECK_STR(load_err(big), "<LOADED>");
	n = strlen(big);
	memmove(big + 6, big, n + 1);
	memcpy(big, "{{#a}}", 6);
	strcat(big, "{{/a}}");
	CHECK_STR(load_err(big), "page.html:1:193: error: sections nested more than 32 deep");
	/* err may be NULL */
	CHECK(tmpl_load_string("x", "{{#a}}", 6, NULL, 0) == NULL);
	/* size cap */
	{
		char *huge = malloc((size_t)TMPL_MAX_SIZE + 1);
		memset(huge, 'x', (size_t)TMPL_MAX_SIZE + 1);
		CHECK(tmpl_load_string("h", huge, TMPL_MAX_SIZE + 1, err, sizeof err) == NULL);
		CHECK_STR(err, "h:1:1: error: template is larger than 1048576 bytes");
		struct tmpl_set *s = tmpl_load_string("h", huge, TMPL_MAX_SIZE, err, sizeof err);
		CHECK(s != NULL);
		tmpl_free(s);
		free(huge);
	}
	/* truncated error buffer stays NUL-terminated */
	{
		char small[10];
		CHECK(tmpl_load_string("page.html", "{{#a}}", 6, small, sizeof small) == NULL);
		CHECK_STR(small, "page.html");
	}
}

static void test_depth_and_cap(void)
{
	struct arena a;
	struct tval *v, *cur, *l;
	struct tmpl_set *s;
	struct buf b;
	char t32[512], t33[512];
	int i;

	arena_init(&a);
	/* a view nested 40 deep: {a: {a: ... {x: "deep"}}} */
	v = cur = tv_map(&a);
	for (i = 0; i < 40; i++)
		cur = tv_set(&a, cur, "a", tv_map(&a));
	tv_sets(&a, cur, "x", "deep");
	tv_sets(&a, v, "x", "top");
	t32[0] = '\0';
	for (i = 0; i < TMPL_MAX_DEPTH - 1; i++)
		strcat(t32, "{{#a}}");
	strcat(t32, "{{> inner}}");
	for (i = 0; i < TMPL_MAX_DEPTH - 1; i++)
		strcat(t32, "{{/a}}");
	/* 31 sections + 1 partial = 32: allowed; one more section inside is not */
	s = tmpl_load_string("t", t32, strlen(t32), err, sizeof err);
	CHECK(s != NULL);
	CHECK_INT(tmpl_add_string(s, "inner", "[{{x}}]", 7, err, sizeof err), 0);
	strcpy(t33, "{{#a}}");
	strcat(t33, t32);
	strcat(t33, "{{/a}}");
	CHECK_INT(tmpl_add_string(s, "t33", t33, strlen(t33), err, sizeof err), 0);
	buf_init(&b, 1 << 16);
	CHECK_INT(tmpl_render(s, "t", v, &b), 0);
	CHECK_STR(buf_str(&b), "[top]"); /* a.a... maps lack x until depth 40 */
	buf_reset(&b);
	CHECK_INT(tmpl_render(s, "t33", v, &b), -1);
	buf_free(&b);
	tmpl_free(s);

	/* output cap: exactly fitting is fine, one byte more is -1 */
	l = tv_list(&a);
	for (i = 0; i < 10; i++)
		tv_push(&a, l, tv_str(&a, "<>"));
	tv_set(&a, v, "l", l);
	s = tmpl_load_string("c", "{{#l}}{{.}}{{/l}}", 17, err, sizeof err);
	CHECK(s != NULL);
	buf_init(&b, 80); /* "&lt;&gt;" is 8 bytes, x10 */
	CHECK_INT(tmpl_render(s, "c", v, &b), 0);
	CHECK_INT(b.len, 80);
	buf_free(&b);
	buf_init(&b, 79);
	CHECK_INT(tmpl_render(s, "c", v, &b), -1);
	buf_free(&b);
	tmpl_free(s);
	s = tmpl_load_string("c", "0123456789{{& x}}", 17, err, sizeof err);
	buf_init(&b, 12);
	CHECK_INT(tmpl_render(s, "c", v, &b), -1); /* raw value passes the cap */
	buf_free(&b);
	buf_init(&b, 5);
	CHECK_INT(tmpl_render(s, "c", v, &b), -1); /* text passes the cap */
	buf_free(&b);
	tmpl_free(s);
	arena_free(&a);
}

static void test_html_escape(void)
{
	struct buf b;

	buf_init(&b, 100);
	CHECK_INT(html_escape(&b, "a&b<c>d\"e'f", 11), BUF_OK);
	CHECK_STR(buf_str(&b), "a&amp;b&lt;c&gt;d&quot;e&#39;f");
	buf_reset(&b);
	CHECK_INT(html_escape(&b, "x\0<", 3), BUF_OK); /* length, not NUL, ends it */
	CHECK_INT(b.len, 6);
	buf_reset(&b);
	CHECK_INT(html_escape(&b, "", 0), BUF_OK);
	CHECK_STR(buf_str(&b), "");
	buf_free(&b);
	buf_init(&b, 4);
	CHECK_INT(html_escape(&b, "<", 1), BUF_OK); /* exactly fits */
	buf_free(&b);
	buf_init(&b, 3);
	CHECK_INT(html_escape(&b, "<", 1), BUF_TOO_BIG);
	buf_free(&b);
}

static void test_load_dir(void)
{
	char dir[] = "/tmp/test_tmpl.XXXXXX", path[256];
	struct tmpl_set *s;
	FILE *f;
	struct arena a;
	struct tval *v;
	struct buf b;

	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
#define PUT(name, text) do { snprintf(path, sizeof path, "%s/%s", dir, name); \
	f = fopen(path, "w"); fputs(text, f); fclose(f); } while (0)
	PUT("page.html", "<main>{{> header}}{{body}}</main>");
	PUT("header.html", "<h1>{{title}}</h1>");
	PUT("notes.txt", "{{#broken");
	PUT(".swap.html", "{{#broken");
	s = tmpl_load_dir(dir, err, sizeof err);
	CHECK(s != NULL);
	CHECK(tmpl_has(s, "page") && tmpl_has(s, "header") && !tmpl_has(s, "notes"));
	CHECK(!tmpl_has(s, ".swap"));
	arena_init(&a);
	v = tv_map(&a);
	tv_sets(&a, v, "title", "หัวข้อ");
	tv_sets(&a, v, "body", "a&b");
	buf_init(&b, 1000);
	CHECK_INT(tmpl_render(s, "page", v, &b), 0);
	CHECK_STR(buf_str(&b), "<main><h1>หัวข้อ</h1>a&amp;b</main>");
	buf_free(&b);
	arena_free(&a);
	tmpl_free(s);

	PUT("zz.html", "ok\n{{#x}}\n");
	s = tmpl_load_dir(dir, err, sizeof err);
	CHECK(s == NULL);
	snprintf(path, sizeof path, "%s/zz.html:2:1: error: unclosed section {{#x}}", dir);
	CHECK_STR(err, path);

	snprintf(path, sizeof path, "%s/zz.html", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/page.html", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/header.html", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/notes.txt", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/.swap.html", dir);
	unlink(path);
	s = tmpl_load_dir(dir, err, sizeof err); /* empty directory: an empty set */
	CHECK(s != NULL && !tmpl_has(s, "page"));
	tmpl_free(s);
	rmdir(dir);
	s = tmpl_load_dir(dir, err, sizeof err);
	CHECK(s == NULL);
	CHECK(strstr(err, "error: cannot open directory") != NULL);
#undef PUT
}

/* ---- two threads rendering one set ---- */

struct job {
	const struct tmpl_set *set;
	const struct tval *view;
	char *result;
	int rc;
};

static void *render_many(void *arg)
{
	struct job *j = arg;
	struct buf b;
	int i;

	buf_init(&b, 1 << 20);
	for (i = 0; i < 200 && j->rc == 0; i++) {
		buf_reset(&b);
		j->rc = tmpl_render(j->set, "page", j->view, &b);
		if (j->rc == 0 && i > 0 && strcmp(buf_str(&b), j->result) != 0)
			j->rc = -2; /* output changed between renders */
		if (i == 0) {
			free(j->result);
			j->result = strdup(buf_str(&b));
		}
	}
	buf_free(&b);
	return NULL;
}

static void test_threads(void)
{
	const char *page = "<h1>{{title}}</h1><ul>{{#rows}}{{> row}}{{/rows}}</ul>{{^rows}}none{{/rows}}";
	const char *row = "<li>{{n}}: {{name}} {{#tags}}[{{.}}]{{/tags}}</li>\n";
	struct tmpl_set *s;
	struct arena a;
	struct tval *v, *rows, *r, *tags;
	struct job j[2] = { { 0 }, { 0 } };
	pthread_t th[2];
	int i, k;

	s = tmpl_load_string("page", page, strlen(page), err, sizeof err);
	CHECK(s != NULL);
	CHECK_INT(tmpl_add_string(s, "row", row, strlen(row), err, sizeof err), 0);
	arena_init(&a);
	v = tv_map(&a);
	tv_sets(&a, v, "title", "ความคืบหน้า <2569>");
	rows = tv_set(&a, v, "rows", tv_list(&a));
	for (i = 0; i < 300; i++) {
		r = tv_push(&a, rows, tv_map(&a));
		tv_setf(&a, r, "n", "%d", i);
		tv_setf(&a, r, "name", "โครงการ \"%d\" & co", i);
		tags = tv_set(&a, r, "tags", tv_list(&a));
		for (k = 0; k < i % 4; k++)
			tv_push(&a, tags, tv_str(&a, "ok"));
	}
	for (i = 0; i < 2; i++) {
		j[i].set = s;
		j[i].view = v;
		CHECK_INT(pthread_create(&th[i], NULL, render_many, &j[i]), 0);
	}
	for (i = 0; i < 2; i++)
		pthread_join(th[i], NULL);
	CHECK_INT(j[0].rc, 0);
	CHECK_INT(j[1].rc, 0);
	CHECK(j[0].result && j[1].result && strcmp(j[0].result, j[1].result) == 0);
	CHECK(j[0].result && strstr(j[0].result, "<li>299: โครงการ &quot;299&quot; &amp; co [ok][ok][ok]</li>") != NULL);
	free(j[0].result);
	free(j[1].result);
	arena_free(&a);
	tmpl_free(s);
}

int main(void)
{
	test_tval();
	test_variables();
	test_sections();
	test_partials();
	test_errors();
	test_depth_and_cap();
	test_html_escape();
	test_load_dir();
	test_threads();
	return CHECK_RESULT();
}
