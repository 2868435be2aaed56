/* test_qr.c: QR codes as SVG: the input cap, the drawing, the label. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "render/qr.h"

static void test_cap(void)
{
	struct arena a;
	char *text = malloc(QR_MAX_INPUT + 2);
	const char *s;

	arena_init(&a);
	memset(text, 'a', QR_MAX_INPUT + 1);
	text[QR_MAX_INPUT] = '\0'; /* at the cap */
	s = qr_svg(&a, "q", text, "x");
	CHECK(s != NULL);
	/* 512 bytes at level M: version 18, 89 modules + 2 * 4 quiet */
	CHECK(s && strstr(s, "viewBox=\"0 0 97 97\""));
	text[QR_MAX_INPUT] = 'a'; /* one over */
	text[QR_MAX_INPUT + 1] = '\0';
	CHECK(qr_svg(&a, "q", text, "x") == NULL);
	CHECK(qr_svg(&a, "q", "", "x") == NULL);
	CHECK(qr_svg(&a, "q", NULL, "x") == NULL);
	free(text);
	arena_free(&a);
}

static void test_drawing(void)
{
	struct arena a;
	const char *s, *t;

	arena_init(&a);
	s = qr_svg(&a, "qr-live", "https://loei.example.go.th/projects/2569-001/index.html",
		"QR: หน้าโครงการ <2569-001> & more");
	CHECK(s != NULL);
	if (!s) {
		arena_free(&a);
		return;
	}
	CHECK(strncmp(s, "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\"", 50) == 0);
	CHECK(strstr(s, "role=\"img\" aria-labelledby=\"qr-live-title\"") != NULL);
	CHECK(strstr(s, "<title id=\"qr-live-title\">QR: หน้าโครงการ &lt;2569-001&gt; &amp; more</title>") != NULL);
	/* 56 bytes at level M: version 4, 33 modules; the first dark run is
	 * the top-left finder's top row, 7 modules from the quiet zone */
	CHECK(strstr(s, "viewBox=\"0 0 41 41\"") != NULL);
	CHECK(strstr(s, "d=\"M4 4h7v1h-7z") != NULL);
	CHECK(strlen(s) > 9 && strcmp(s + strlen(s) - 9, "\"/></svg>") == 0);
	/* the same text, the same bytes */
	t = qr_svg(&a, "qr-live", "https://loei.example.go.th/projects/2569-001/index.html",
		"QR: หน้าโครงการ <2569-001> & more");
	CHECK(t && strcmp(s, t) == 0);
	/* no label: the text is the name */
	t = qr_svg(&a, "z", "https://x.test/", NULL);
	CHECK(t && strstr(t, "<title id=\"z-title\">https://x.test/</title>") != NULL);
	arena_free(&a);
}

int main(void)
{
	test_cap();
	test_drawing();
	return CHECK_RESULT();
}
