/* manifest.h: what a published site holds, file by file: its path, the
 * BLAKE2b-256 hash of its content (libsodium crypto_generichash) and its
 * size, plus the inode, modification time and status-change time (ctime)
 * the file had when the manifest was written, so that a reader can tell
 * whether the file on disk is still the one recorded: any change to the
 * file's content or links sets its ctime, which no program can set back,
 * so a file edited by hand (even with its mtime restored) is not trusted.
 *
 * `build` keeps one beside the live site ("<parent>/.<name>-manifest", see
 * output.h) and uses it to hard-link unchanged files into the next site;
 * `deploy` may use the same functions for its local and remote manifests.
 *
 * The file, text, one line a file, sorted by path (bytewise):
 *
 *   prongsai-manifest 1
 *   <64 hex> <size> <inode> <mtime s>.<9 digits ns> <ctime s>.<9 digits ns> <path>
 *   ...
 *   end <number of files>
 *
 * A path is relative, '/'-separated, without "..", NUL, newline or a
 * leading '/', at most MANIFEST_MAX_PATH bytes.  A manifest holds at most
 * m->max files (MANIFEST_MAX_FILES unless changed after manifest_init()).
 *
 * No function keeps state outside its struct manifest; none is
 * thread-safe on the same struct (the caller locks). */
#ifndef PRONGSAI_MANIFEST_H
#define PRONGSAI_MANIFEST_H

#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>

#define MANIFEST_HASH_BYTES 32
#define MANIFEST_MAX_FILES 2000000         /* files in one manifest */
#define MANIFEST_MAX_PATH 1024             /* bytes of one path */

struct manifest_entry {
	char *rel;                                 /* owned */
	unsigned char hash[MANIFEST_HASH_BYTES];
	uint64_t size;
	uint64_t ino;                              /* 0: not known */
	int64_t mtime_sec, ctime_sec;
	long mtime_nsec, ctime_nsec;
	size_t seq;                                /* order of manifest_add() */
};

struct manifest {
	struct manifest_entry *v;
	size_t n, cap;
	size_t max;                                /* cap on n */
	int sorted;                                /* manifest_finish() done */
};

/* An empty manifest with max = MANIFEST_MAX_FILES. */
void manifest_init(struct manifest *m);
void manifest_free(struct manifest *m);

/* BLAKE2b-256 of data. */
void manifest_hash(const void *data, size_t len, unsigned char out[MANIFEST_HASH_BYTES]);

/* The hash and size of the regular file path (read in blocks).  Returns 0,
 * or -1 with err set (English and Thai, naming path and the reason). */
int manifest_hash_file(const char *path, unsigned char out[MANIFEST_HASH_BYTES], uint64_t *size,
	char *err, size_t errlen);

/* Record rel with its hash and size (inode and times unknown).  Adding a
 * path again replaces it at manifest_finish() (the last one wins).
 * Returns 0, or -1 with err set when rel is not a valid path or the
 * manifest already holds m->max entries (nothing added). */
int manifest_add(struct manifest *m, const char *rel, const unsigned char hash[MANIFEST_HASH_BYTES],
	uint64_t size, char *err, size_t errlen);

/* Sort by path and drop all but the last addition of each path.  Needed
 * before manifest_find() and manifest_save(). */
void manifest_finish(struct manifest *m);

/* The entry of rel, or NULL (after manifest_finish() or manifest_load()). */
const struct manifest_entry *manifest_find(const struct manifest *m, const char *rel);

/* Fill each entry's inode, mtime and ctime from the file root/rel (lstat);
 * an entry whose file is missing, not a regular file or of another size is
 * dropped.  Call it once nothing else will link or unlink the files. */
void manifest_stat(struct manifest *m, const char *root);

/* Whether st (an lstat of the file) is the file e describes: a regular
 * file with e's size, inode, mtime and ctime. */
int manifest_matches(const struct manifest_entry *e, const struct stat *st);

/* Write m (finished) to path: to "<path>.tmp-<pid>", then rename (no
 * fsync: after a crash the file may be missing or torn, which
 * manifest_load() reports as an error).
 * Returns 0, or -1 with err set and path as it was. */
int manifest_save(const struct manifest *m, const char *path, char *err, size_t errlen);

/* Read path into m (initialised by the caller, may already be empty).
 * Returns 0; 1 when path does not exist (m empty); -1 with err set when it
 * cannot be read or is not a whole manifest (a bad line, unsorted or
 * repeated paths, a missing or wrong "end" line, over m->max files): m is
 * then empty, never partly filled. */
int manifest_load(struct manifest *m, const char *path, char *err, size_t errlen);

#endif
