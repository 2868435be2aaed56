#include "arena.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sodium.h>

#define ARENA_BLOCK 65536

struct arena_block {
	struct arena_block *next;
	size_t used, size;
	_Alignas(max_align_t) unsigned char mem[];
};

static void arena_oom(void)
{
	fputs("prongsai: หน่วยความจำไม่พอ / out of memory\n", stderr);
	abort();
}

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->total = 0;
}

void arena_free(struct arena *a)
{
	struct arena_block *b = a->head, *n;

	while (b) {
		n = b->next;
		free(b);
		b = n;
	}
	a->head = NULL;
	a->total = 0;
}

void arena_wipe(struct arena *a)
{
	struct arena_block *b;

	for (b = a->head; b; b = b->next)
		sodium_memzero(b->mem, b->size);
	arena_free(a);
}

void arena_reset(struct arena *a)
{
	struct arena_block *keep = a->head, *b, *n;

	if (!keep)
		return;
	for (b = keep->next; b; b = n) {
		n = b->next;
		free(b);
	}
	if (keep->size > ARENA_BLOCK) {
		/* a one-off big block: do not keep it */
		free(keep);
		keep = NULL;
	} else {
		keep->next = NULL;
		keep->used = 0;
	}
	a->head = keep;
	a->total = 0;
}

void *arena_alloc(struct arena *a, size_t n)
{
	struct arena_block *b = a->head;
	size_t align = _Alignof(max_align_t), size;
	void *p;

	n = (n + align - 1) & ~(align - 1);
	if (n == 0)
		n = align;
	if (!b || b->size - b->used < n) {
		size = n > ARENA_BLOCK / 4 ? n : ARENA_BLOCK;
		b = malloc(sizeof(*b) + size);
		if (!b)
			arena_oom();
		b->used = 0;
		b->size = size;
		if (n > ARENA_BLOCK / 4 && a->head) {
			/* big allocation: own block behind the current one */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
	}
	p = b->mem + b->used;
	b->used += n;
	a->total += n;
	memset(p, 0, n);
	return p;
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	char *p = arena_alloc(a, n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	int n;
	char *p;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		arena_oom();
	p = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return p;
}
