/* tval.h: the values a template sees.  A page's view is a tree of tvals built
 * in the page's arena: strings, booleans, lists and maps (ordered key/value
 * pairs, looked up linearly: views are small).  Building never fails (the
 * arena aborts on out-of-memory). */
#ifndef PRONGSAI_TVAL_H
#define PRONGSAI_TVAL_H

#include <stddef.h>
#include <stdint.h>
#include "arena.h"

enum tval_kind { TV_NULL, TV_BOOL, TV_STR, TV_LIST, TV_MAP };

struct tval {
	enum tval_kind kind;
	int b;                /* TV_BOOL */
	const char *s;        /* TV_STR (NUL-terminated, UTF-8) */
	size_t n, alloc;      /* TV_LIST / TV_MAP entries */
	const char **keys;    /* TV_MAP */
	struct tval **items;  /* TV_LIST items, TV_MAP values */
};

struct tval *tv_map(struct arena *a);
struct tval *tv_list(struct arena *a);
struct tval *tv_str(struct arena *a, const char *s);     /* s is not copied */
struct tval *tv_strdup(struct arena *a, const char *s);  /* s is copied */
struct tval *tv_bool(struct arena *a, int b);
/* Append to a list; returns v. */
struct tval *tv_push(struct arena *a, struct tval *list, struct tval *v);
/* Set key in a map (replacing an earlier value in place); key is not copied. */
struct tval *tv_set(struct arena *a, struct tval *map, const char *key, struct tval *v);
/* Shorthands: set a string (not copied / copied / printf) or boolean. */
void tv_sets(struct arena *a, struct tval *map, const char *key, const char *s);
void tv_setf(struct arena *a, struct tval *map, const char *key, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void tv_setb(struct arena *a, struct tval *map, const char *key, int b);
/* Look a key up in a map (NULL if absent or not a map). */
struct tval *tv_get(const struct tval *map, const char *key);
/* Truthiness as a section sees it: NULL/TV_NULL, false, "" and empty lists
 * are false; everything else (maps included) is true. */
int tv_truthy(const struct tval *v);

#endif
