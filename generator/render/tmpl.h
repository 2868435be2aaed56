/* tmpl.h: a logic-less template engine (a subset of Mustache).
 *
 * Syntax:
 *   {{name}}         the value, HTML-escaped (& < > " ' are escaped)
 *   {{& name}}       the value inserted raw -- explicit and rare (rendered
 *                    Markdown, generated SVG)
 *   {{a.b.c}}        dotted lookup; {{.}} is the current value
 *   {{#name}}..{{/name}}  section: a list repeats for each item (the item
 *                    becomes the top of the context stack); a map is pushed
 *                    once; any other truthy value renders once
 *   {{^name}}..{{/name}}  inverted section: renders when falsy
 *   {{> partial}}    another template of the same set, same context
 *   {{! comment }}   nothing
 * Spaces may surround the name ("{{ name }}", "{{# name }}") but the sigil
 * follows "{{" directly.  Names are ASCII letters, digits, '_' and '-',
 * joined by single dots; partial names are [A-Za-z0-9_.-] and may not start
 * with '.'.  {{{name}}} and set-delimiter tags are syntax errors.  Text is
 * output exactly as written (no Mustache standalone-line stripping).
 * Names are looked up from the top of the context stack down; in a.b.c only
 * "a" is searched for, b and c are looked up inside it.  A missing name
 * renders as "" (templates may test optional data).  Only strings are printed;
 * a list, map or boolean printed with {{name}} renders as "".  A truthy
 * string or boolean section is pushed too, so {{#s}}{{.}}{{/s}} prints s.
 *
 * A template set is loaded once and is read-only afterwards, so several
 * threads may render from it at the same time.
 */
#ifndef PRONGSAI_TMPL_H
#define PRONGSAI_TMPL_H

#include <stddef.h>
#include "buf.h"
#include "escape.h" /* html_escape */
#include "render/tval.h"

#define TMPL_MAX_SIZE (1 << 20)   /* bytes per template file */
#define TMPL_MAX_DEPTH 32         /* nesting of sections and partials */
#define TMPL_MAX_TEMPLATES 128

struct tmpl_set;

/* Load every *.html file of dir (regular files; names starting with '.' are
 * skipped) into a set, named by file name without ".html" (e.g. "project"
 * for project.html; partials alike).  Syntax errors (unclosed or mismatched
 * section, unterminated tag, bad name, sections nested deeper than
 * TMPL_MAX_DEPTH, invalid UTF-8, file over TMPL_MAX_SIZE) are reported as
 * "path:line:col: error: message" into err (errlen bytes; err may be NULL);
 * line and col count from 1 and col counts characters, not bytes.  I/O
 * errors and too many templates are "path: error: message".  On any error
 * NULL is returned, nothing being kept.  Files are read in name order. */
struct tmpl_set *tmpl_load_dir(const char *dir, char *err, size_t errlen);

/* Parse a single template from memory (name used in messages and by
 * partials).  Same failure semantics.  Mostly for tests and fuzzing. */
struct tmpl_set *tmpl_load_string(const char *name, const char *text, size_t len,
	char *err, size_t errlen);

/* Add one more template from memory to an existing set (for partials in
 * tests).  Returns 0, or -1 with err set and the set unchanged (also for a
 * name already in the set, or a set of TMPL_MAX_TEMPLATES). */
int tmpl_add_string(struct tmpl_set *set, const char *name, const char *text,
	size_t len, char *err, size_t errlen);

/* 1 if the set has a template of that name. */
int tmpl_has(const struct tmpl_set *set, const char *name);

/* Render template name with view as the bottom of the context stack,
 * appending to out.  Returns 0, or -1 if the template is unknown, a partial
 * is missing, nesting passes TMPL_MAX_DEPTH, or out reaches its cap; on -1,
 * out may hold a partial rendering that the caller must discard. */
int tmpl_render(const struct tmpl_set *set, const char *name,
	const struct tval *view, struct buf *out);

void tmpl_free(struct tmpl_set *set);

/* Append s[0..len) HTML-escaped (& < > " ' as &amp; &lt; &gt; &quot; &#39;).
 * On failure out may hold part of the escaped text. */
enum buf_result html_escape(struct buf *out, const char *s, size_t len);

#endif
