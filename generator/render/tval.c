/* tval.c: building and reading template views.  See tval.h.  All memory
 * comes from the caller's arena, which aborts on out-of-memory, so nothing
 * here can fail. */
#include "render/tval.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* A zeroed tval of kind k. */
static struct tval *tv_new(struct arena *a, enum tval_kind k)
{
	struct tval *v = arena_alloc(a, sizeof *v);

	v->kind = k;
	return v;
}

/* An empty map. */
struct tval *tv_map(struct arena *a)
{
	return tv_new(a, TV_MAP);
}

/* An empty list. */
struct tval *tv_list(struct arena *a)
{
	return tv_new(a, TV_LIST);
}

/* A string referring to s, which must outlive the view. */
struct tval *tv_str(struct arena *a, const char *s)
{
	struct tval *v = tv_new(a, TV_STR);

	assert(s);
	v->s = s;
	return v;
}

/* A string holding a copy of s in the arena. */
struct tval *tv_strdup(struct arena *a, const char *s)
{
	assert(s);
	return tv_str(a, arena_strdup(a, s));
}

/* A boolean (any non-zero b is true). */
struct tval *tv_bool(struct arena *a, int b)
{
	struct tval *v = tv_new(a, TV_BOOL);

	v->b = b != 0;
	return v;
}

/* Make room for one more entry in a list or map, doubling the arrays (the
 * old ones stay in the arena until it is freed). */
static void tv_grow(struct arena *a, struct tval *c)
{
	size_t na;
	struct tval **items;
	const char **keys;

	if (c->n < c->alloc)
		return;
	na = c->alloc ? c->alloc * 2 : 8;
	items = arena_alloc(a, na * sizeof *items);
	if (c->n)
		memcpy(items, c->items, c->n * sizeof *items);
	c->items = items;
	if (c->kind == TV_MAP) {
		keys = arena_alloc(a, na * sizeof *keys);
		if (c->n)
			memcpy(keys, c->keys, c->n * sizeof *keys);
		c->keys = keys;
	}
	c->alloc = na;
}

/* Append v to list (asserted to be a TV_LIST); returns v. */
struct tval *tv_push(struct arena *a, struct tval *list, struct tval *v)
{
	assert(list && list->kind == TV_LIST && v);
	tv_grow(a, list);
	list->items[list->n++] = v;
	return v;
}

/* Set key in map (asserted TV_MAP), replacing an earlier value in place so
 * the key keeps its first position; returns v. */
struct tval *tv_set(struct arena *a, struct tval *map, const char *key, struct tval *v)
{
	size_t i;

	assert(map && map->kind == TV_MAP && key && v);
	for (i = 0; i < map->n; i++) {
		if (strcmp(map->keys[i], key) == 0) {
			map->items[i] = v;
			return v;
		}
	}
	tv_grow(a, map);
	map->keys[map->n] = key;
	map->items[map->n++] = v;
	return v;
}

/* map[key] = string s (not copied). */
void tv_sets(struct arena *a, struct tval *map, const char *key, const char *s)
{
	tv_set(a, map, key, tv_str(a, s));
}

/* map[key] = printf-formatted string, built in the arena. */
void tv_setf(struct arena *a, struct tval *map, const char *key, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *s;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	assert(n >= 0);
	if (n < 0)
		n = 0;
	s = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	tv_set(a, map, key, tv_str(a, s));
}

/* map[key] = boolean b. */
void tv_setb(struct arena *a, struct tval *map, const char *key, int b)
{
	tv_set(a, map, key, tv_bool(a, b));
}

/* The value of key in map; NULL when map is NULL, not a map, or lacks key. */
struct tval *tv_get(const struct tval *map, const char *key)
{
	size_t i;

	if (!map || map->kind != TV_MAP)
		return NULL;
	for (i = 0; i < map->n; i++)
		if (strcmp(map->keys[i], key) == 0)
			return map->items[i];
	return NULL;
}

/* Section truthiness: see tval.h. */
int tv_truthy(const struct tval *v)
{
	if (!v)
		return 0;
	switch (v->kind) {
	case TV_NULL: return 0;
	case TV_BOOL: return v->b;
	case TV_STR: return v->s && v->s[0] != '\0';
	case TV_LIST: return v->n > 0;
	case TV_MAP: return 1;
	}
	return 0;
}
