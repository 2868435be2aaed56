/* output.h: write a site beside the live one, then swap it in at once.
 *
 * out_begin() makes an empty staging folder next to the final one
 * ("<parent>/.<name>.new-<pid>").  Files are written into it (several threads
 * may write at once).  out_commit() gives every folder without an
 * index.html the given page (so that no server ever lists a folder), then
 * exchanges the staging folder with the live one in one step (Linux
 * renameat2 RENAME_EXCHANGE; elsewhere two renames, leaving the live path
 * missing for an instant), and removes the old site.  out_abort() removes the
 * staging folder; the live site is never touched before out_commit(). */
#ifndef PRONGSAI_OUTPUT_H
#define PRONGSAI_OUTPUT_H

#include <pthread.h>
#include <stddef.h>

struct outdir {
	char *final;     /* the live folder */
	char *stage;     /* staging folder */
	char *old;       /* where the previous site goes before removal */
	pthread_mutex_t lock;
	size_t files, bytes;
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
