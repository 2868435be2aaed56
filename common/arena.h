/* arena.h: a region allocator.  Everything allocated from an arena is freed
 * at once by arena_free().  One arena per thread of work (an arena is not
 * thread-safe).  Allocation never returns NULL: on out-of-memory the process
 * aborts with a message, since a half-built model is of no use. */
#ifndef PRONGSAI_ARENA_H
#define PRONGSAI_ARENA_H

#include <stddef.h>

struct arena_block;
struct arena {
	struct arena_block *head;
	size_t total; /* bytes handed out, for statistics */
};

void arena_init(struct arena *a);
void arena_free(struct arena *a);
/* arena_free() that first overwrites every block with zeros (sodium_memzero,
 * which the compiler cannot drop): for arenas that held secrets. */
void arena_wipe(struct arena *a);
/* Forget everything allocated but keep one block for reuse (cheaper than
 * arena_free() + arena_init() for a scratch arena used in a loop). */
void arena_reset(struct arena *a);
/* n bytes aligned for any object, zero-filled. */
void *arena_alloc(struct arena *a, size_t n);
/* Copies of a NUL-terminated string / n bytes (NUL added). */
char *arena_strdup(struct arena *a, const char *s);
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* printf into the arena. */
char *arena_printf(struct arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
