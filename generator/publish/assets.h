/* assets.h: the theme's static files (THEME/static), published under assets/
 * twice: under their own names, and the fingerprinted ones under
 * name.HASH.ext as well (HASH: the first 16 hex digits of the BLAKE2b of
 * the published content), which the pages link to and the web servers
 * cache as immutable (docs/operations.md, "Web server").  In a stylesheet,
 * url("...") of another asset is rewritten to its fingerprinted name before
 * the stylesheet is hashed, so a changed font changes the stylesheet's name
 * too. */
#ifndef PRONGSAI_ASSETS_H
#define PRONGSAI_ASSETS_H

#include <stddef.h>
#include "arena.h"
#include "publish/output.h"

struct asset {
	const char *rel;  /* "css/site.css", relative to static/ */
	const char *fp;   /* "css/site.0123456789abcdef.css", or NULL (not fingerprinted) */
	const char *key;  /* the template name: file name with '.' as '_' ("site_css") */
	const unsigned char *data;
	size_t len;
};

struct assets {
	struct asset *v;
	size_t n;
};

/* Read every regular file under dir (no dot files; deeper than 8 folders is an error)
 * and name the fingerprinted ones.  A missing dir gives no assets.  Memory
 * from a.  Returns 0, or -1 with err filled. */
int assets_load(struct assets *as, const char *dir, struct arena *a, char *err, size_t errlen);

/* Write every asset to assets/REL, and the fingerprinted ones to assets/FP
 * too.  Returns 0 or -1 (out->err). */
int assets_write(const struct assets *as, struct outdir *out);

#endif
