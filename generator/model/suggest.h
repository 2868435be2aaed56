/* suggest.h: "did you mean" for misspelt field names and ids. */
#ifndef PRONGSAI_SUGGEST_H
#define PRONGSAI_SUGGEST_H

#include <stddef.h>

/* Edit distance between two byte strings, each at most 64 bytes: Levenshtein
 * plus transposition of two adjacent bytes at cost 1 (optimal string
 * alignment), so "titel" is 1 from "title".  Longer strings give 1000. */
int suggest_distance(const char *a, const char *b);

/* The candidate closest to word, if its distance is at most
 * max(1, strlen(word)/3); NULL when none is close enough.  Ties go to the
 * earliest candidate.  candidates is a NULL-terminated array.  A word
 * longer than 64 bytes gets NULL. */
const char *suggest_closest(const char *word, const char *const *candidates);

#endif
