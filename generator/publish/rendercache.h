/* rendercache.h: which page of the live site was rendered from which
 * inputs, so that the next build renders only the pages whose inputs
 * changed (issue 17.2).  `build` keeps it beside the live site
 * ("<parent>/.<name>-render", next to the manifest of manifest.h).
 *
 * An entry says: the page at rel was rendered from inputs whose
 * fingerprint (render/inputs.h) is fp, and came out as the bytes whose
 * BLAKE2b-256 is out.  A build reuses the live file only when the page's
 * fingerprint is fp again AND the live site's manifest holds rel with the
 * hash out AND the live file is still the one the manifest recorded
 * (output.h, out_reuse()).  So a cache that is stale, from another site or
 * from a build that crashed can only cost renders, never give a wrong page.
 *
 * The file, text, one line a page, sorted by path (bytewise):
 *
 *   prongsai-render-cache 1
 *   <64 hex fp> <64 hex out> <path>
 *   ...
 *   end <number of pages> <64 hex: BLAKE2b-256 of every byte above>
 *
 * A missing, unreadable, torn or altered file loads as an empty cache
 * (every page rendered).  Paths follow manifest.h's rules.  At most
 * c->max entries (RCACHE_MAX_PAGES unless changed after rcache_init()).
 *
 * rcache_add() may be called from several threads (it locks); the other
 * functions are not thread-safe on the same struct. */
#ifndef PRONGSAI_RENDERCACHE_H
#define PRONGSAI_RENDERCACHE_H

#include <pthread.h>
#include <stddef.h>

#define RCACHE_HASH_BYTES 32
#define RCACHE_MAX_PAGES 2000000

struct rcache_entry {
	char *rel;                              /* owned */
	unsigned char fp[RCACHE_HASH_BYTES];    /* the inputs' fingerprint */
	unsigned char out[RCACHE_HASH_BYTES];   /* the page's content hash */
};

struct rcache {
	struct rcache_entry *v;
	size_t n, cap;
	size_t max;          /* cap on n */
	int sorted;
	int failed;          /* an add ran out of memory or over the cap: save refuses */
	pthread_mutex_t lock;
};

/* An empty cache with max = RCACHE_MAX_PAGES. */
void rcache_init(struct rcache *c);
void rcache_free(struct rcache *c);

/* Read path into c (initialised; emptied first).  Returns 0; 1 when there
 * is no such file; -1 with err set when it is unreadable or not a whole,
 * intact cache (also over c->max entries).  On 1 and -1 c is empty, never
 * partly filled. */
int rcache_load(struct rcache *c, const char *path, char *err, size_t errlen);

/* The entry of rel in a loaded cache, or NULL. */
const struct rcache_entry *rcache_find(const struct rcache *c, const char *rel);

/* Record that rel was rendered from fp as out (thread-safe).  Returns 0, or
 * -1 (a bad path, out of memory, c->max entries already; c->failed is then
 * set and rcache_save() refuses). */
int rcache_add(struct rcache *c, const char *rel, const unsigned char fp[RCACHE_HASH_BYTES],
	const unsigned char out[RCACHE_HASH_BYTES]);

/* Write c to path: sorted, to "<path>.tmp-<pid>", then renamed.  Returns
 * 0, or -1 with err set and path removed (a cache that cannot be written
 * is no cache, never an old one). */
int rcache_save(struct rcache *c, const char *path, char *err, size_t errlen);

#endif
