/* revisions.h: which fields of a content file changed between two versions.
 *
 * The history (load/history.h) hands over two versions of a file; this
 * module flattens each (YAML, or a Markdown file's front matter) into
 * "path = scalar" pairs and reports the pairs that differ among the fields
 * that matter for the record type (docs/content-format.md, "ประวัติการแก้ไข"):
 *   progress/    percent, disbursed, kpis.<id>
 *   projects/    budget.allocated, plan[<month>].*, period.*, status
 *   complaints/  history.<n>.status, .note, .reason (the answer); not the
 *                summary, which is published only when publish_summary says
 *   procurement/ every field of every row (records.<n>.*)
 * A sequence item that has a `month` or `id` key is named by it
 * (plan[2026-01].percent), others by their index from 0.  Pure: no I/O. */
#ifndef PRONGSAI_REVISIONS_H
#define PRONGSAI_REVISIONS_H

#include <stddef.h>
#include "arena.h"

#define REV_MAX_VALUE 2000        /* bytes of a value kept; longer ones end in "…" */
#define REV_MAX_FIELDS 20000      /* pairs read from one version of a file */

enum rev_kind { REV_NONE, REV_PROGRESS, REV_PROJECT, REV_COMPLAINT, REV_PROCUREMENT };

/* The record type of a path relative to content/ (REV_NONE: not tracked). */
enum rev_kind rev_kind_of(const char *path);

/* Called once per changed field; old or new is NULL when the field was
 * added or removed.  The strings live in the arena given to rev_diff. */
typedef void (*rev_emit_fn)(void *ctx, const char *field, const char *old, const char *new);

/* Compare two versions of the file at path (old may be NULL: added) and
 * emit the tracked fields that differ, in key order.  A version that does
 * not parse counts as having no fields (so its values show as removed or
 * added, never as a failure).  Returns the number of fields emitted. */
size_t rev_diff(const char *path, const char *old, size_t n_old, const char *new, size_t n_new,
	rev_emit_fn emit, void *ctx, struct arena *a);

/* The correction reason a version gives (progress reports: `correction`),
 * or NULL; from a. */
const char *rev_reason(const char *path, const char *text, size_t n, struct arena *a);

/* The value of one top-level scalar field (e.g. "reporter") of a version,
 * or NULL; from a. */
const char *rev_field(const char *path, const char *text, size_t n, const char *key, struct arena *a);

#endif
