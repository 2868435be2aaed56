#include "render/markdown.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* cmark's safe mode test (_scan_dangerous_url in cmark's html renderer):
 * javascript:, vbscript:, file:, and data: other than four image types. */
static int dangerous_url(const char *url)
{
	static const char *const bad[] = { "javascript:", "vbscript:", "file:", "data:" };
	static const char *const data_ok[] = { "image/png", "image/gif", "image/jpeg", "image/webp" };
	size_t i;

	if (!url)
		return 0;
	for (i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		if (strncasecmp(url, bad[i], strlen(bad[i])) != 0)
			continue;
		if (i == 3) {
			for (size_t j = 0; j < sizeof data_ok / sizeof data_ok[0]; j++)
				if (strncasecmp(url + 5, data_ok[j], strlen(data_ok[j])) == 0)
					return 0;
		}
		return 1;
	}
	return 0;
}

/* An image whose address safe mode would empty becomes its alt text:
 * <img src=""> is invalid HTML and a request for the page itself. */
static int drop_unsafe_images(cmark_node *doc)
{
	cmark_node **bad = NULL, **more, *node, *child;
	size_t n = 0, cap = 0, i;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int rc = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_IMAGE ||
		    !dangerous_url(cmark_node_get_url(node)))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 8;
			more = realloc(bad, cap * sizeof *bad);
			if (!more) {
				rc = -1;
				break;
			}
			bad = more;
		}
		bad[n++] = node;
	}
	cmark_iter_free(it);
	for (i = 0; i < n; i++) {
		while ((child = cmark_node_first_child(bad[i])) != NULL) {
			cmark_node_unlink(child);
			cmark_node_insert_before(bad[i], child);
		}
		cmark_node_free(bad[i]);
	}
	free(bad);
	return rc;
}

const char *markdown_html(struct arena *a, const char *md)
{
	return markdown_html_at(a, md, 2);
}

const char *markdown_html_at(struct arena *a, const char *md, int top_level)
{
	cmark_node *doc, *node;
	cmark_iter *it;
	cmark_event_type ev;
	char *html;
	const char *res;
	size_t len;
	int top = 6;

	if (!md || !md[0])
		return "";
	len = strlen(md);
	if (len > MARKDOWN_MAX_INPUT)
		return NULL;
	/* no CMARK_OPT_UNSAFE: raw HTML and dangerous URLs are dropped */
	doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT);
	if (!doc)
		return NULL;
	/* pass 0 finds the shallowest heading, pass 1 moves it to top_level and
	 * the others by as much (capped at <h6>), so that no level is skipped
	 * below the page's own headings */
	for (int pass = 0; pass < 2; pass++) {
		it = cmark_iter_new(doc);
		while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			node = cmark_iter_get_node(it);
			if (ev != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_HEADING)
				continue;
			int level = cmark_node_get_heading_level(node);
			if (pass == 0) {
				if (level < top)
					top = level;
			} else {
				level += top_level - top;
				cmark_node_set_heading_level(node, level < 1 ? 1 : level > 6 ? 6 : level);
			}
		}
		cmark_iter_free(it);
	}
	if (drop_unsafe_images(doc) != 0) {
		cmark_node_free(doc);
		return NULL;
	}
	html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
	cmark_node_free(doc);
	if (!html)
		return NULL;
	res = arena_strdup(a, html);
	free(html);
	return res;
}
