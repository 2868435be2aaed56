/* markdown.h: Markdown to safe HTML through cmark-gfm, with GitHub's
 * table, strikethrough (~~text~~) and autolink (www.x, https://x) extensions.
 * A table comes inside <div class="table-wrap"> and a right- or
 * centre-aligned column's cells carry class "num" or "center" (no align
 * attribute).
 *
 * Raw HTML is never passed through (cmark's safe mode replaces it with a
 * comment) and links or images with unsafe schemes (javascript:, vbscript:,
 * file:, data: other than images) are emptied.  Headings are moved so that
 * the shallowest one becomes <h2> (the page title is the only <h1>) and the
 * others keep their distance from it, capped at <h6>: staff may start at #
 * or ## and no heading level is skipped (HTML checker, screen readers). */
#ifndef PRONGSAI_MARKDOWN_H
#define PRONGSAI_MARKDOWN_H

#include <stddef.h>
#include "arena.h"

#define MARKDOWN_MAX_INPUT (1024 * 1024)

/* Render md (NUL-terminated) to HTML in the arena.  Returns "" for NULL or
 * empty input, and NULL only when cmark fails (out of memory) or the input
 * is over MARKDOWN_MAX_INPUT. */
const char *markdown_html(struct arena *a, const char *md);

/* The same, with the shallowest heading at <h{top_level}> (2..6), for
 * Markdown placed under a page's own <h2> or deeper. */
const char *markdown_html_at(struct arena *a, const char *md, int top_level);

#endif
