/* ycheck.h: typed reads of YAML fields, reporting problems where they are.
 *
 * Each getter looks key up in map.  When the key is absent (or null) and
 * required, it reports "missing field" at the map and returns "absent".  When
 * the value has the wrong type or form, it reports at the value and returns
 * "error".  Outputs are written only on success; strings are copied into
 * c->a, so the YAML tree may be freed afterwards. */
#ifndef PRONGSAI_YCHECK_H
#define PRONGSAI_YCHECK_H

#include <stdint.h>
#include "arena.h"
#include "model/dates.h"
#include "model/diag.h"
#include "load/yload.h"

struct yctx {
	struct arena *a;
	struct diags *d;
	const char *path;
};

enum yget { Y_ABSENT = 0, Y_OK = 1, Y_ERROR = -1 };

/* Report keys of map that are not in allowed (NULL-terminated), with a
 * "did you mean" when one is close.  Returns the number of unknown keys. */
int ycheck_keys(struct yctx *c, const struct ynode *map, const char *const *allowed);

/* A scalar as text (numbers are fine: phone "0 4281 1773").  max_len in
 * code points (0 = no limit beyond the loader's).  Returns NULL when absent
 * or wrong. */
const char *yget_str(struct yctx *c, const struct ynode *map, const char *key,
	int required, int max_len);
/* An id or slug: [a-z0-9][a-z0-9-]{0,63}. */
const char *yget_id(struct yctx *c, const struct ynode *map, const char *key, int required);
enum yget yget_int(struct yctx *c, const struct ynode *map, const char *key,
	int required, long min, long max, long *out);
enum yget yget_bool(struct yctx *c, const struct ynode *map, const char *key,
	int required, int *out);
/* Money (baht with up to 2 decimals) into satang; must be >= 0. */
enum yget yget_money(struct yctx *c, const struct ynode *map, const char *key,
	int required, int64_t *out);
/* Percent 0..100 with up to 2 decimals into hundredths. */
enum yget yget_percent(struct yctx *c, const struct ynode *map, const char *key,
	int required, int64_t *out);
/* Any non-negative decimal (KPI figures) into hundredths. */
enum yget yget_decimal(struct yctx *c, const struct ynode *map, const char *key,
	int required, int64_t *out);
enum yget yget_date(struct yctx *c, const struct ynode *map, const char *key,
	int required, pdate *out);
/* A list (sequence) node, or NULL; at most MODEL_MAX_LIST items. */
const struct ynode *yget_seq(struct yctx *c, const struct ynode *map, const char *key, int required);
/* A mapping node, or NULL. */
const struct ynode *yget_map(struct yctx *c, const struct ynode *map, const char *key, int required);

/* The same checks on a bare node (list items), "what" naming it in messages. */
const char *ynode_id(struct yctx *c, const struct ynode *n, const char *what);
enum yget ynode_percent(struct yctx *c, const struct ynode *n, const char *what, int64_t *out);
enum yget ynode_decimal(struct yctx *c, const struct ynode *n, const char *what, int64_t *out);

enum link_kind { LINK_BAD, LINK_SITE, LINK_ABSOLUTE };
/* What s is as a link: LINK_ABSOLUTE for http:// or https:// with a host
 * and no user@; LINK_SITE for a path within the site (no scheme, not
 * starting with //); LINK_BAD for anything else (javascript:, data:,
 * mailto:, a user@ part, spaces or control characters, empty). */
enum link_kind link_kind(const char *s);

/* 1 if s is a safe id/slug: [a-z0-9][a-z0-9-]{0,63}. */
int id_is_safe(const char *s);

/* Whether a record's file name (without its extension) is id_is_safe();
 * when not, an error at rel is reported into c->d and 0 returned. */
int file_name_safe(struct yctx *c, const char *rel, const char *name);

#endif
