/* yload.h: YAML text to a small node tree, with hard caps.
 *
 * Only what content needs: mappings, sequences, scalars.  Anchors and aliases
 * are refused (no alias bombs), as are multiple documents and duplicate keys.
 * Nesting is capped at YLOAD_MAX_DEPTH and node count at YLOAD_MAX_NODES.
 * Every node remembers its 1-based line and column for messages. */
#ifndef PRONGSAI_YLOAD_H
#define PRONGSAI_YLOAD_H

#include <stddef.h>
#include "arena.h"
#include "model/diag.h"

#define YLOAD_MAX_DEPTH 16
#define YLOAD_MAX_NODES 20000
#define YLOAD_MAX_SCALAR (256 * 1024)

enum ynode_kind { YN_SCALAR, YN_SEQ, YN_MAP };

struct ynode {
	enum ynode_kind kind;
	int line, col;
	const char *s;       /* scalar text, NUL-terminated */
	size_t len;
	int plain;           /* scalar was unquoted (may be a number/bool/null) */
	size_t n;            /* sequence items / mapping pairs */
	struct ynode **items;/* sequence items, or mapping values */
	struct ynode **keys; /* mapping keys (scalars) */
};

/* Parse text (len bytes, need not be NUL-terminated).  line_offset is added
 * to every line number (for front matter after a "---" line).  On success
 * returns the root node (a map, or NULL for an empty document) and sets *ok
 * to 1; on error reports every problem found into d at path and sets *ok to
 * 0.  Nodes live in arena a. */
struct ynode *yload(struct arena *a, struct diags *d, const char *path,
	const char *text, size_t len, int line_offset, int *ok);

/* yload() (line_offset 0) for a file that holds secrets: messages never
 * quote the name of an anchor or an alias, which may be a secret written
 * unquoted ("password: &x1" is YAML for an anchor named x1). */
struct ynode *yload_secret(struct arena *a, struct diags *d, const char *path,
	const char *text, size_t len, int *ok);

/* The value for key in a mapping node, or NULL. */
struct ynode *ymap_get(const struct ynode *map, const char *key);

/* 1 if the node is absent or a plain null scalar ("", "~", "null"). */
int ynode_is_null(const struct ynode *n);

/* A loc for node n in file path. */
struct loc yloc(const char *path, const struct ynode *n);

#endif
