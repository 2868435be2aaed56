#include "markdown.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

const char *markdown_html(struct arena *a, const char *md)
{
	cmark_node *doc, *node;
	cmark_iter *it;
	cmark_event_type ev;
	char *html;
	const char *res;
	size_t len;

	if (!md || !md[0])
		return "";
	len = strlen(md);
	if (len > MARKDOWN_MAX_INPUT)
		return NULL;
	/* no CMARK_OPT_UNSAFE: raw HTML and dangerous URLs are dropped */
	doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT);
	if (!doc)
		return NULL;
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
			int level = cmark_node_get_heading_level(node);
			cmark_node_set_heading_level(node, level < 6 ? level + 1 : 6);
		}
	}
	cmark_iter_free(it);
	html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
	cmark_node_free(doc);
	if (!html)
		return NULL;
	res = arena_strdup(a, html);
	free(html);
	return res;
}
