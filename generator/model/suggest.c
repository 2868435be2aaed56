/* suggest.c: "did you mean" by edit distance.  See suggest.h. */
#include "model/suggest.h"

#include <assert.h>
#include <string.h>

#define SUGGEST_MAX_LEN 64
#define SUGGEST_FAR 1000

static int min3(int a, int b, int c)
{
	int m = a < b ? a : b;

	return m < c ? m : c;
}

/* Optimal-string-alignment distance between a and b (insertion, deletion,
 * substitution, and transposition of two adjacent bytes each cost 1).
 * Either string longer than 64 bytes gives 1000.  Uses three rows on the
 * stack; no allocation, no failure. */
int suggest_distance(const char *a, const char *b)
{
	int row[3][SUGGEST_MAX_LEN + 1];
	int *prev2 = row[0], *prev = row[1], *cur = row[2], *t;
	size_t la, lb, i, j;

	assert(a && b);
	la = strlen(a);
	lb = strlen(b);
	if (la > SUGGEST_MAX_LEN || lb > SUGGEST_MAX_LEN)
		return SUGGEST_FAR;
	for (j = 0; j <= lb; j++)
		prev[j] = (int)j;
	for (i = 1; i <= la; i++) {
		cur[0] = (int)i;
		for (j = 1; j <= lb; j++) {
			int cost = a[i - 1] != b[j - 1];

			cur[j] = min3(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]
			    && prev2[j - 2] + 1 < cur[j])
				cur[j] = prev2[j - 2] + 1;
		}
		t = prev2;
		prev2 = prev;
		prev = cur;
		cur = t;
	}
	return prev[lb];
}

/* The first candidate with the smallest distance to word, provided that
 * distance is at most max(1, strlen(word)/3); else NULL.  A candidate equal
 * to word (distance 0) is returned as is; a word longer than 64 bytes
 * gets NULL. */
const char *suggest_closest(const char *word, const char *const *candidates)
{
	const char *best = NULL;
	int best_d, limit, d;
	size_t i;

	assert(word && candidates);
	if (strlen(word) > SUGGEST_MAX_LEN)
		return NULL; /* every distance would be SUGGEST_FAR */
	limit = (int)(strlen(word) / 3);
	if (limit < 1)
		limit = 1;
	best_d = limit + 1;
	for (i = 0; candidates[i]; i++) {
		d = suggest_distance(word, candidates[i]);
		if (d < best_d) {
			best_d = d;
			best = candidates[i];
		}
	}
	return best;
}
