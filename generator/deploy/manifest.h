/* manifest.h: a site's manifest: every file's path, size and content hash.
 *
 * The hash is BLAKE2b-256 (libsodium's crypto_generichash) of the file's
 * bytes.  The same text form is written for the deploy target
 * (.prongsai-manifest on the remote) and read back from it:
 *
 *   prongsai-manifest 1\n
 *   <64 hex digits> <size in bytes> <path>\n      one line a file,
 *                                                 sorted by path (strcmp)
 *
 * Paths are relative, '/'-separated, without "." or ".." segments, at most
 * MANIFEST_MAX_PATH bytes, with no control character, no '"' and no '\\'
 * (they go into SFTP/FTP commands).  A manifest holds at most
 * MANIFEST_MAX_FILES files; the text form is at most MANIFEST_MAX_TEXT
 * bytes.  Strings are owned by the manifest (manifest_free releases all).
 *
 * Meant to be the one manifest of the live site: issue 17's "write only
 * what changed" keeps the same path -> hash map of public/.
 */
#ifndef PRONGSAI_DEPLOY_MANIFEST_H
#define PRONGSAI_DEPLOY_MANIFEST_H

#include <stddef.h>
#include "buf.h"

#define MANIFEST_HASH_BYTES 32
#define MANIFEST_MAX_PATH 1024
#define MANIFEST_MAX_FILES 500000
#define MANIFEST_MAX_DEPTH 32                   /* directory levels scanned */
#define MANIFEST_MAX_TEXT ((size_t)MANIFEST_MAX_FILES * 128 + 64)
#define MANIFEST_NAME ".prongsai-manifest"      /* its name on the target */

struct manifest_entry {
	char *path;
	unsigned char hash[MANIFEST_HASH_BYTES];
	long long size;
};

struct manifest {
	struct manifest_entry *e; /* sorted by path once built */
	size_t n, alloc;
};

void manifest_init(struct manifest *m);
void manifest_free(struct manifest *m);

/* Hash the file at path: 0 with *size, or -1 with errno set. */
int manifest_hash_file(const char *path, unsigned char hash[MANIFEST_HASH_BYTES], long long *size);

/* Every regular file under dir into m (emptied first), skipping
 * MANIFEST_NAME at the top.  Returns 0, or -1 with a message naming the
 * file in err (Thai, then English in parentheses): an unreadable file, a
 * symbolic link or special file, a bad path (see above), or a cap passed. */
int manifest_scan(const char *dir, struct manifest *m, char *err, size_t errlen);

/* The text form into m (emptied first).  Returns 0, or -1 with the line
 * number and the problem in err (m is then emptied). */
int manifest_parse(const char *text, size_t len, struct manifest *m, char *err, size_t errlen);

/* Append the text form of m to out.  Returns out's buf_result. */
int manifest_format(const struct manifest *m, struct buf *out);

/* The entry for path, or NULL (binary search: m must be sorted). */
const struct manifest_entry *manifest_find(const struct manifest *m, const char *path);

/* 1 if path is acceptable as said above. */
int manifest_path_ok(const char *path);

/* The hash as 64 lower-case hex digits (out: 65 bytes). */
void manifest_hex(const unsigned char hash[MANIFEST_HASH_BYTES], char out[2 * MANIFEST_HASH_BYTES + 1]);

#endif
