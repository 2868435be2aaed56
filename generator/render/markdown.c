/* markdown.c: Markdown to safe HTML through cmark-gfm with its table,
 * strikethrough and autolink extensions. */
#include "render/markdown.h"

#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"

static const char *const extensions[] = { "table", "strikethrough", "autolink" };

/* cmark-gfm keeps its extension registry in the library; register once,
 * whichever rendering thread comes first. */
static pthread_once_t registered = PTHREAD_ONCE_INIT;

static void register_extensions(void)
{
	cmark_gfm_core_extensions_ensure_registered();
}

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

/* cmark-gfm's HTML with its tables made fit for the site: each <table> in
 * a scrolling .table-wrap (phones), and the obsolete align attribute of a
 * cell as a class (align="right" -> class="num").  Raw HTML is off, so the
 * input's own text never holds these as markup (it is escaped). */
static const char *site_html(struct arena *a, const char *html)
{
	static const struct { const char *from, *to; } swap[] = {
		{ "<table>", "<div class=\"table-wrap\"><table>" },
		{ "</table>", "</table></div>" },
		{ " align=\"right\"", " class=\"num\"" },
		{ " align=\"center\"", " class=\"center\"" },
		{ " align=\"left\"", "" },
	};
	struct buf b;
	const char *p = html, *res;
	size_t i;

	if (!strstr(html, "<table>"))
		return arena_strdup(a, html);
	/* the longest swap grows 7 bytes to 33: at most 5 times the input */
	buf_init(&b, 5 * strlen(html) + 1);
	while (*p) {
		for (i = 0; i < sizeof swap / sizeof swap[0]; i++)
			if (strncmp(p, swap[i].from, strlen(swap[i].from)) == 0)
				break;
		if (i < sizeof swap / sizeof swap[0]) {
			buf_adds(&b, swap[i].to);
			p += strlen(swap[i].from);
		} else {
			buf_addc(&b, *p++);
		}
	}
	res = b.err ? NULL : arena_strdup(a, buf_str(&b));
	buf_free(&b);
	return res;
}

const char *markdown_html_at(struct arena *a, const char *md, int top_level)
{
	cmark_parser *parser;
	cmark_node *doc, *node;
	cmark_iter *it;
	cmark_event_type ev;
	char *html;
	const char *res;
	size_t len, i;
	int top = 6;

	if (!md || !md[0])
		return "";
	len = strlen(md);
	if (len > MARKDOWN_MAX_INPUT)
		return NULL;
	if (pthread_once(&registered, register_extensions) != 0)
		return NULL;
	/* no CMARK_OPT_UNSAFE: raw HTML and dangerous URLs are dropped */
	parser = cmark_parser_new(CMARK_OPT_DEFAULT);
	if (!parser)
		return NULL;
	for (i = 0; i < sizeof extensions / sizeof extensions[0]; i++) {
		cmark_syntax_extension *ext = cmark_find_syntax_extension(extensions[i]);
		if (!ext || !cmark_parser_attach_syntax_extension(parser, ext)) {
			cmark_parser_free(parser);
			return NULL;
		}
	}
	cmark_parser_feed(parser, md, len);
	doc = cmark_parser_finish(parser);
	if (!doc) {
		cmark_parser_free(parser);
		return NULL;
	}
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
		cmark_parser_free(parser);
		return NULL;
	}
	html = cmark_render_html(doc, CMARK_OPT_DEFAULT, cmark_parser_get_syntax_extensions(parser));
	cmark_node_free(doc);
	cmark_parser_free(parser);
	if (!html)
		return NULL;
	res = site_html(a, html);
	free(html);
	return res;
}
