/* diag.h: problems found in content, reported GCC-style
 * ("path:line:col: error: message") in Thai or English.
 *
 * Every message is given in both languages at the call site; the collection's
 * language picks one.  Adding is thread-safe.  Output is sorted by path, line
 * and column so that it does not depend on the order files were read in. */
#ifndef PRONGSAI_DIAG_H
#define PRONGSAI_DIAG_H

#include <pthread.h>
#include <stddef.h>
#include <stdio.h>

enum diag_lang { LANG_TH = 0, LANG_EN = 1 };
enum diag_level { DIAG_WARNING = 0, DIAG_ERROR = 1 };

#define DIAG_MAX_ITEMS 10000 /* further problems are counted, not kept */

struct diag_item {
	char *path;  /* relative to the content root */
	int line, col; /* 1-based; 0 = whole file */
	enum diag_level level;
	char *msg;
};

struct diags {
	enum diag_lang lang;
	pthread_mutex_t lock;
	struct diag_item *items;
	size_t n, alloc;
	size_t errors, warnings; /* all problems, including dropped ones */
};

/* A place in a file. */
struct loc {
	const char *path;
	int line, col;
};

void diags_init(struct diags *d, enum diag_lang lang);
void diags_free(struct diags *d);

/* Record a problem; fmt_th and fmt_en take the same arguments. */
void diag_at(struct diags *d, enum diag_level level, struct loc where,
	const char *fmt_th, const char *fmt_en, ...);
#define diag_error(d, where, th, en, ...) diag_at((d), DIAG_ERROR, (where), th, en, ##__VA_ARGS__)
#define diag_warn(d, where, th, en, ...) diag_at((d), DIAG_WARNING, (where), th, en, ##__VA_ARGS__)

/* Print all kept problems, sorted, then a one-line summary when there were
 * any ("2 ข้อผิดพลาด, 1 คำเตือน").  prefix is prepended to each path (e.g.
 * "content/"), may be "".  One problem is always one line: control bytes in
 * a path or message, and backslashes in a path, are written as C escapes
 * (a file named "a<newline>b.md" shows as a\nb.md). */
void diags_print(struct diags *d, FILE *f, const char *prefix);

/* Pick a string by language: L(d, "ไทย", "English"). */
#define L(d, th, en) ((d)->lang == LANG_EN ? (en) : (th))

#endif
