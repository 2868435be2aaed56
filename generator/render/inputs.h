/* inputs.h: what a page is made from, as a fingerprint (BLAKE2b-256), so
 * that a build renders only the pages whose inputs changed (the render
 * cache, publish/rendercache.h).
 *
 * The site's fingerprint covers what any page may show:
 *   - the generator's version and the build's date (m->today);
 *   - every file of the theme's templates/ folder, and the names the
 *     theme's assets are published under (they carry their content hash);
 *   - every content file read outside projects/ and progress/ (site.yaml,
 *     people, forms, pages, news, holidays, OIT, ...), as read;
 *   - whether a manual is built, and the git history's state (available,
 *     shallow start, rewritten after).
 * A page kind declares its own inputs on top of that:
 *   - PG_PROJECT and PG_PRINT_PROJECT: the job's path, the project's file
 *     and each of its reports' files (as read), the first publication of
 *     each, and every change the history holds for the project.
 * Every other kind declares none and is always rendered: listings,
 * dashboards, periodic reports and statistics read across all records,
 * and the complaints come from the database.
 *
 * Pure but for inputs_dir_digest(), which reads a folder. */
#ifndef PRONGSAI_RENDER_INPUTS_H
#define PRONGSAI_RENDER_INPUTS_H

#include <stddef.h>

#include "render/pages.h"

#define INPUTS_FP_BYTES 32
#define INPUTS_DIR_MAX_FILES 1000       /* files in a digested folder */
#define INPUTS_DIR_MAX_BYTES (16 << 20) /* bytes of one digested file */

/* The digest of every regular file directly in dir (names and bytes, in
 * name order).  Returns 0, or -1 with err set (the folder or a file cannot
 * be read, a file over INPUTS_DIR_MAX_BYTES, over INPUTS_DIR_MAX_FILES
 * files); out is then undefined. */
int inputs_dir_digest(const char *dir, unsigned char out[INPUTS_FP_BYTES], char *err, size_t errlen);

/* The site's fingerprint (see above) from sc (model, assets, history) and
 * the digest of the theme's templates folder. */
void inputs_site_fp(const struct site_ctx *sc, const unsigned char templates[INPUTS_FP_BYTES],
	unsigned char out[INPUTS_FP_BYTES]);

/* The fingerprint of job's inputs into out: 1 when the page kind declares
 * its inputs, 0 when it does not (the page is always rendered; out is
 * untouched).  A declared input that the model cannot account for (a
 * project file that was not read) also gives 0. */
int inputs_page_fp(const struct site_ctx *sc, const struct page_job *job,
	const unsigned char site_fp[INPUTS_FP_BYTES], unsigned char out[INPUTS_FP_BYTES]);

#endif
