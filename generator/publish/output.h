/* output.h: write a site beside the live one, then swap it in at once.
 *
 * out_begin() makes an empty staging folder next to the final one
 * ("<parent>/.<name>.new-<pid>") and reads the live site's manifest
 * ("<parent>/.<name>-manifest", manifest.h).  Files are written into it
 * (several threads may write at once): a file whose content hash, size and
 * mode are those of the live file of the same path, and whose live file is
 * still the one the manifest recorded (inode, size, mtime), is hard-linked
 * from the live site instead of written (written after all when linking
 * fails, e.g. across file systems); any other file is written afresh, as a
 * new inode, never through a link.  A missing, unreadable or corrupt
 * manifest only means that every file is written.  out_commit() gives every folder without an
 * index.html the given page (so that no server ever lists a folder), then
 * exchanges the staging folder with the live one in one step (Linux
 * renameat2 RENAME_EXCHANGE; elsewhere two renames, leaving the live path
 * missing for an instant), writes the new manifest (removed before the swap,
 * so that a crash between the two leaves none rather than a wrong one) and
 * removes the old site.  out_abort() removes the
 * staging folder; the live site is never touched before out_commit(). */
#ifndef PRONGSAI_OUTPUT_H
#define PRONGSAI_OUTPUT_H

#include <pthread.h>
#include <stddef.h>
#include <sys/types.h>

#include "publish/manifest.h"

struct outdir {
	char *final;     /* the live folder */
	char *stage;     /* staging folder */
	char *old;       /* where the previous site goes before removal */
	pthread_mutex_t lock;
	char *manifest;  /* the live site's manifest file */
	char *render_cache; /* "<parent>/.<name>-render" (rendercache.h): named here, used by the caller */
	struct manifest live;  /* read at out_begin(); read-only after */
	struct manifest next;  /* what the staging folder holds (under lock) */
	mode_t file_mode; /* 0644 less the umask: the mode of a written file */
	size_t files, bytes;   /* files in the new site, their bytes */
	size_t linked, linked_bytes; /* of which hard-linked from the live site */
	int failed;      /* a write failed: commit refuses */
	char err[512];   /* the first write error */
};

/* Create the staging folder.  Returns 0, or -1 with err filled and nothing
 * created. */
int out_begin(struct outdir *o, const char *final, char *err, size_t errlen);

/* Write data to rel (a relative path with '/' separators, no "..") inside the
 * staging folder, creating folders as needed.  Returns 0, or -1 and marks the
 * output failed (the first error is kept in o->err). */
int out_write(struct outdir *o, const char *rel, const void *data, size_t len);

/* out_write(), and the content hash of data into hash_out (when not NULL,
 * also on failure once hashed). */
int out_write_hash(struct outdir *o, const char *rel, const void *data, size_t len,
	unsigned char hash_out[MANIFEST_HASH_BYTES]);

/* The live file rel into the staging folder without its content at hand
 * (the render cache, rendercache.h): hard-linked when the live manifest
 * holds rel with this hash and the live file is still the one recorded.
 * Returns 1 when linked (and counted), 0 when it cannot be (nothing
 * changed: the caller writes the file), -1 when the staging folder failed
 * (the output is marked failed). */
int out_reuse(struct outdir *o, const char *rel, const unsigned char hash[MANIFEST_HASH_BYTES]);

/* For a library that writes a file itself: the staging path of rel into
 * path (cap bytes), its folders made.  Call out_written() once the file is
 * complete.  Returns 0, or -1 and marks the output failed. */
int out_path(struct outdir *o, const char *rel, char *path, size_t cap);
/* Count rel (written through out_path()) in the totals; -1 and the output
 * marked failed when it is missing. */
int out_written(struct outdir *o, const char *rel);

/* Copy the file src to rel.  Same semantics as out_write. */
int out_copy(struct outdir *o, const char *rel, const char *src);

/* Publish.  Returns 0, or -1 with err filled; on -1 the live site is as it
 * was (the staging folder is removed). */
int out_commit(struct outdir *o, const char *index_html, char *err, size_t errlen);

/* Discard the staging folder.  Safe to call after a failed commit. */
void out_abort(struct outdir *o);

/* Release the names (after commit or abort). */
void out_free(struct outdir *o);

/* Remove a folder tree (no symlinks followed).  Returns 0 or -1. */
int remove_tree(const char *path);

#endif
