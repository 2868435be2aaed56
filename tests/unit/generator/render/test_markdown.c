/* test_markdown.c: Markdown through cmark-gfm: tables, strikethrough and
 * autolinks on; raw HTML and unsafe links off; headings shifted; the cap. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/markdown.h"

static int has(const char *s, const char *part) { return s && strstr(s, part) != NULL; }

static void test_gfm(void)
{
	struct arena a;
	const char *h;

	arena_init(&a);
	h = markdown_html(&a, "| กลุ่มงาน | งบ |\n| --- | ---: |\n| อำนวยการ | 10 |\n");
	CHECK(has(h, "<div class=\"table-wrap\"><table>"));
	CHECK(has(h, "<th>กลุ่มงาน</th>"));
	CHECK(has(h, "<td class=\"num\">10</td>"));
	CHECK(!has(h, "| ---"));
	CHECK(!has(h, "align="));
	CHECK(has(h, "</table></div>"));
	CHECK(has(markdown_html(&a, "~~เดิม~~ ใหม่"), "<del>เดิม</del>"));
	CHECK(has(markdown_html(&a, "ดู www.example.go.th"), "<a href=\"http://www.example.go.th\">"));
	CHECK(has(markdown_html(&a, "https://example.go.th/x"), "<a href=\"https://example.go.th/x\">"));
	arena_free(&a);
}

static void test_safe(void)
{
	struct arena a;
	const char *h;

	arena_init(&a);
	h = markdown_html(&a, "<script>alert(1)</script>\n\n<b onclick=x>b</b> [x](javascript:alert(1))");
	CHECK(!has(h, "<script") && !has(h, "onclick") && !has(h, "javascript:"));
	/* text that looks like the table markup stays text */
	h = markdown_html(&a, "`<table>` and &lt;table&gt; align=\"right\"");
	CHECK(!has(h, "table-wrap"));
	CHECK(has(h, "align=&quot;right&quot;"));
	CHECK(has(markdown_html(&a, "# หัวข้อ\n\n## ย่อย"), "<h2>หัวข้อ</h2>"));
	CHECK(has(markdown_html(&a, "## ย่อย"), "<h2>ย่อย</h2>"));
	CHECK_STR(markdown_html(&a, ""), "");
	arena_free(&a);
}

static void test_cap(void)
{
	struct arena a;
	char *md = malloc(MARKDOWN_MAX_INPUT + 2);

	arena_init(&a);
	CHECK(md != NULL);
	if (md) {
		memset(md, 'a', MARKDOWN_MAX_INPUT);
		md[MARKDOWN_MAX_INPUT] = '\0';
		CHECK(markdown_html(&a, md) != NULL);
		md[MARKDOWN_MAX_INPUT] = 'a';
		md[MARKDOWN_MAX_INPUT + 1] = '\0';
		CHECK(markdown_html(&a, md) == NULL);
	}
	free(md);
	arena_free(&a);
}

int main(void)
{
	test_gfm();
	test_safe();
	test_cap();
	return CHECK_RESULT();
}
