/* load_int.h: what the loader modules share (internal to load*.c, walk.c).
 *
 * walk.c finds and classifies the files under content/ and reads each one
 * with its size cap; load_site.c maps site.yaml and people.yaml;
 * load_records.c maps projects, progress reports, news and pages;
 * load_oit.c and load_procurement.c the OIT mappings and procurement
 * records; load_oitrec.c participation activities, service guides and the
 * corruption-complaint guideline; load.c runs them (several threads) and assembles the model.
 * Every mapper reports each problem into c.d and returns NULL (or leaves
 * the output empty) when the record cannot be used. */
#ifndef PRONGSAI_LOAD_INT_H
#define PRONGSAI_LOAD_INT_H

#include <stddef.h>
#include "arena.h"
#include "model/diag.h"
#include "model/model.h"
#include "load/load.h"
#include "load/ycheck.h"

#define LOAD_MAX_DEPTH 8 /* folders below content/ */

enum file_kind {
	FK_IGNORED, FK_SITE, FK_PEOPLE, FK_PROJECT, FK_REPORT, FK_NEWS, FK_PAGE,
	FK_FORM, FK_MEDIA, FK_OIT, FK_PROCUREMENT, FK_COMPLAINT, FK_SAMPLE_SUBS, FK_HOLIDAYS,
	FK_PARTICIPATION, FK_SERVICE, FK_GUIDELINE, FK_QUESTION
};

struct file_job {
	char *rel;                /* path relative to root */
	enum file_kind kind;
	void *result;             /* the loaded record, or NULL */
	int hashed;               /* hash set: the file was read */
	unsigned char hash[SOURCE_HASH_BYTES]; /* BLAKE2b-256 of its bytes */
};

struct walk {
	const char *root, *real_root;
	size_t real_root_len;
	struct file_job *files;
	size_t n, alloc;
	struct diags *d;
	int too_many;
};

struct loader {
	struct yctx c;            /* c.a: the model's arena (what is kept) */
	struct arena *scratch;    /* the file's text and YAML tree, freed after each file */
	const char *root;
	const struct site *site; /* loaded first, for forms' district choices */
	const struct load_overlay *ov; /* files in memory (load.h), sorted by rel */
	size_t n_ov;
};

/* ---- load.c ---- */
/* A Markdown record's front matter: split it and load its YAML.  0 with
 * *root (NULL when the block is empty), *body and *body_line set; -1 when
 * the text does not start with a closed --- block (the error, at rel:1:1,
 * says the block holds what_th / what_en) or its YAML is broken (yload's
 * errors).  Only diagnostics are added on failure. */
int load_front_matter(struct loader *ld, const char *rel, const char *text, size_t len,
	const char *what_th, const char *what_en, struct ynode **root, const char **body, int *body_line);

/* Pages by menu (absent last), then slug: qsort's order for struct page *. */
int cmp_page(const void *a, const void *b);

/* ---- walk.c ---- */
/* A whole-file location (line 0). */
struct loc file_loc(const char *path);
/* Collect every regular file under w->root/rel (names starting with '.'
 * skipped, in byte order per folder, at most MODEL_MAX_FILES, folders at most
 * LOAD_MAX_DEPTH deep, symlinks only to files inside the root); problems are
 * reported into w->d. */
void walk_dir(struct walk *w, const char *rel, int depth);
/* Add ov's files (sorted) that the walk did not find. */
void walk_add_overlay(struct walk *w, const struct load_overlay *ov, size_t n);
/* What a file is, from its path; warns about unknown files (FK_IGNORED). */
enum file_kind classify(struct diags *d, const char *rel);
/* Read a whole file under the cap into the arena, NUL-terminated, checked
 * for UTF-8 and NUL bytes.  On error reports and returns NULL. */
char *read_file(struct arena *a, struct diags *d, const char *root,
	const char *rel, size_t cap, size_t *len);
/* The same for a file of the overlay: ov's text instead of the disk's. */
char *read_overlay(struct arena *a, struct diags *d, const struct load_overlay *ov,
	size_t cap, size_t *len);
int is_digits(const char *s, size_t n);
/* The year a file or folder name gives: four digits, a BE year in
 * YEAR_BE_MIN..YEAR_BE_MAX (model/schema.h); else 0. */
int be_year_name(const char *s);
/* 1 if name's extension is a passive type content/media/ may publish
 * (images, PDF, office documents, CSV, text); else 0. */
int media_type_passive(const char *name);
/* 1 if root (the parsed file) is there; else reports "the file is empty"
 * at rel and returns 0. */
int file_has_content(struct yctx *c, const char *rel, const struct ynode *root);
int ends_with(const char *s, const char *suffix);
int cmp_str(const void *a, const void *b);
/* Base name of rel without ext, and the idx-th path component (0-based;
 * "" when absent), both copied into a. */
const char *stem(struct arena *a, const char *rel, const char *ext);
const char *component(struct arena *a, const char *rel, int idx);

/* ---- load_site.c ---- */
/* A scalar as text, no length limit beyond the loader's. */
const char *get_text(struct yctx *c, const struct ynode *map, const char *key, int required);
/* site.yaml into s (defaults first; root NULL reports an empty file). */
void load_site(struct loader *ld, const struct ynode *root, struct site *s);
/* people.yaml: the usable people, *n_out of them (NULL/0 when none). */
struct person *load_people(struct loader *ld, const struct ynode *root, size_t *n_out);

/* ---- load_records.c ---- */
struct project *load_project(struct loader *ld, const char *rel, const char *text, size_t len);
struct report *load_report(struct loader *ld, const char *rel, const char *text, size_t len);
struct news *load_news(struct loader *ld, const char *rel, const char *text, size_t len);
struct page *load_page(struct loader *ld, const char *rel, const char *text, size_t len);

/* ---- load_oit.c, load_procurement.c ---- */
/* content/oit/<year>.yaml: one assessment year's mapping, or NULL. */
struct oit_year *load_oit(struct loader *ld, const char *rel, const struct ynode *root);
/* content/procurement/<FY>/<name>.yaml: the file's records, or NULL. */
struct proc_file *load_procurement(struct loader *ld, const char *rel, const struct ynode *root);

/* ---- load_oitrec.c ---- */
/* content/participation/<FY>/<slug>.md: one activity, or NULL. */
struct participation *load_participation(struct loader *ld, const char *rel, const char *text, size_t len);
/* content/services/<slug>.yaml: one service guide, or NULL. */
struct service *load_service(struct loader *ld, const char *rel, const struct ynode *root);
/* content/corruption-guideline.yaml, or NULL. */
/* content/questions/<slug>.yaml (model.h struct question); NULL when it
 * has errors (reported).  Warns where the text looks like personal data. */
struct question *load_question(struct loader *ld, const char *rel, const struct ynode *root);
struct guideline *load_guideline(struct loader *ld, const char *rel, const struct ynode *root);

/* ---- load_holidays.c ---- */
struct holiday_file {
	pdate *dates;
	size_t n;
};
/* content/holidays/<BE year>.yaml: the year's public holidays, or NULL. */
struct holiday_file *load_holidays(struct loader *ld, const char *rel, const struct ynode *root);

#endif
