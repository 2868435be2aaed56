/* load.h: read content/ into a model.
 *
 * Folder generator/load/: reading content/ (walk, YAML, one loader per record
 * type) and the collector's database into the model.  Reports every problem
 * at file:line:col; writes nothing.
 *
 * Every file is read with a size cap, checked for valid UTF-8, parsed with
 * yload and mapped to the model, field by field, reporting every problem (not
 * only the first) into d.  Files are read by up to jobs threads; the result
 * does not depend on jobs.  Cross-file checks are validate.c's job. */
#ifndef PRONGSAI_LOAD_H
#define PRONGSAI_LOAD_H

#include "model/diag.h"
#include "model/model.h"

/* Load the content directory root into m (initialised by the caller).
 * Returns 0 when the directory could be walked (problems in files are in d),
 * -1 when root itself cannot be read (also reported in d). */
int load_content(struct model *m, const char *root, int jobs, struct diags *d);

/* A file given in memory, laid over the content folder: what a file would
 * do before it is written (`sheet import` checks its reports this way). */
struct load_overlay {
	const char *rel;          /* relative to root, as the walk names files */
	const char *text;
	size_t len;
};

/* load_content() with the n files of ov (sorted by rel, asserted) read from
 * memory instead of root, with the same caps and checks; those not on disk
 * are added to the files walked.  Nothing is written. */
int load_content_overlay(struct model *m, const char *root, const struct load_overlay *ov,
	size_t n, int jobs, struct diags *d);

/* Load only the staff responses, root/complaints/<CODE>.yaml, into
 * m->responses (sorted by code, for model_response()), as load_content()
 * would (same caps and mapping, problems into d; unusable files are left
 * out).  For `prongsai inbox`, which needs the cases' statuses and nothing
 * else.  A root without a complaints/ folder gives no responses and returns
 * 0; returns -1 (reported in d) when root itself is not a readable folder. */
int load_responses(struct model *m, const char *root, struct diags *d);

/* One progress report's text, rel its path ("progress/<FY>/<ID>/<date>.yaml",
 * which gives its year, project and date), mapped as load_content() maps
 * it, into m's arena; problems into d.  NULL when it cannot be used (the
 * reasons are in d).  For the staff area's form, which checks what it is
 * about to queue exactly as check will read it. */
struct report *load_report_text(struct model *m, const char *rel, const char *text, size_t len,
	struct diags *d);

/* One staff response's text, rel its path ("complaints/<CODE>.yaml"),
 * mapped as load_content() maps it (load_complaint(): the file's own
 * rules, status order and dates included), into m's arena; problems into
 * d.  NULL when it cannot be used (the reasons are in d).  The text must
 * be valid UTF-8 (the caller checks).  For the staff desk's answer form,
 * which checks what it is about to queue exactly as check will read it. */
struct complaint_resp *load_complaint_text(struct model *m, const char *rel, const char *text, size_t len,
	struct diags *d);

/* The user manual: every DIR/<name>.md (at most MODEL_MAX_MANUAL, each
 * under MODEL_MAX_FILE_SIZE) read as a standard page (title, title_en,
 * menu = its place, summary) into m->manual, by menu then name.  A line
 * of a part that is only a picture, "![alt](shots/NAME.png)" (NAME:
 * a-z 0-9 -), shows a screenshot that `make manual` takes: when media
 * (NULL: none) holds shots/NAME.png the line is kept, its address made
 * relative to a part's page (the site has the picture at manual/NAME.png,
 * so "../NAME.png"), and NAME listed
 * in m->manual_shots; otherwise the line is dropped (a warning when media
 * was given), so that the text never shows a missing picture.
 * m->manual_pdf is set when media holds manual.pdf.  Problems go into d
 * at DIR/<name>.md:line:col; returns -1 (reported) when DIR cannot be read
 * or has more parts than the cap, else 0. */
int load_manual(struct model *m, const char *dir, const char *media, struct diags *d);

/* Split "---\n<yaml>---\n<body>" front matter.  On success sets the YAML part
 * and the body, returns 0; returns -1 if text does not start with a front
 * matter block or it is not closed. */
int split_front_matter(const char *text, size_t len, const char **yaml,
	size_t *yaml_len, const char **body, int *body_line);

#endif
