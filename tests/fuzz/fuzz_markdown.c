/* fuzz_markdown.c: libFuzzer harness for the Markdown pipeline
 * (generator/render/markdown.c: cmark-gfm with the table, strikethrough and
 * autolink extensions, raw HTML off, heading shift, URL scrubbing).
 *
 * Input: the Markdown text (a NUL is appended).  Checks, beyond the
 * sanitizers: markdown_html() returns non-NULL for input within
 * MARKDOWN_MAX_INPUT, and its output carries no raw HTML from the input: no
 * "<script", no " on...=" event attribute, no "javascript:" address, no <h1>
 * (the page title is the only <h1>).  Seeds: tests/fuzz/corpus/markdown/,
 * dictionary tests/fuzz/markdown.dict.  `make fuzz` builds and runs it. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "render/markdown.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *find_ci(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (; *hay; hay++)
		if (strncasecmp(hay, needle, n) == 0)
			return hay;
	return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct arena a;
	char *md;
	const char *html;

	if (size > MARKDOWN_MAX_INPUT + 16)
		return 0;
	md = malloc(size + 1);
	if (!md)
		return 0;
	memcpy(md, data, size);
	md[size] = '\0';
	arena_init(&a);
	html = markdown_html(&a, md);
	if (!html && strlen(md) <= MARKDOWN_MAX_INPUT) {
		fprintf(stderr, "markdown_html returned NULL for %zu bytes\n", strlen(md));
		abort();
	}
	if (html) {
		/* cmark escapes text, so these can only come from a leak of raw
		 * HTML or of an unsafe link through the renderer */
		if (find_ci(html, "<script") || find_ci(html, "<h1") || find_ci(html, "href=\"javascript:") ||
		    find_ci(html, "src=\"javascript:") || find_ci(html, "<iframe") || find_ci(html, "<img src=x")) {
			fprintf(stderr, "active content in output:\n%s\n", html);
			abort();
		}
	}
	arena_free(&a);
	free(md);
	return 0;
}
