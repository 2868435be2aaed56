/* remote_manifest.h: the deployed site's manifest: every file's path, size and content hash.
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
 * REMOTE_MANIFEST_MAX_PATH bytes, with no control character, no '"' and no '\\'
 * (they go into SFTP/FTP commands).  A manifest holds at most
 * REMOTE_MANIFEST_MAX_FILES files; the text form is at most REMOTE_MANIFEST_MAX_TEXT
 * bytes.  Strings are owned by the manifest (remote_manifest_free releases all).
 *
 * Meant to be the one manifest of the live site: issue 17's "write only
 * what changed" keeps the same path -> hash map of public/.
 */
#ifndef PRONGSAI_DEPLOY_REMOTE_MANIFEST_H
#define PRONGSAI_DEPLOY_REMOTE_MANIFEST_H

#include <stddef.h>
#include "buf.h"

#define REMOTE_MANIFEST_HASH_BYTES 32
#define REMOTE_MANIFEST_MAX_PATH 1024
#define REMOTE_MANIFEST_MAX_FILES 500000
#define REMOTE_MANIFEST_MAX_DEPTH 32                   /* directory levels scanned */
#define REMOTE_MANIFEST_MAX_TEXT ((size_t)REMOTE_MANIFEST_MAX_FILES * 128 + 64)
#define REMOTE_MANIFEST_NAME ".prongsai-manifest"      /* its name on the target */

struct remote_manifest_entry {
	char *path;
	unsigned char hash[REMOTE_MANIFEST_HASH_BYTES];
	long long size;
};

struct remote_manifest {
	struct remote_manifest_entry *e; /* sorted by path once built */
	size_t n, alloc;
};

void remote_manifest_init(struct remote_manifest *m);
void remote_manifest_free(struct remote_manifest *m);

/* Hash the file at path: 0 with *size, or -1 with errno set. */
int remote_manifest_hash_file(const char *path, unsigned char hash[REMOTE_MANIFEST_HASH_BYTES], long long *size);

/* Every regular file under dir into m (emptied first), skipping
 * REMOTE_MANIFEST_NAME at the top.  Returns 0, or -1 with a message naming the
 * file in err (Thai, then English in parentheses): an unreadable file, a
 * symbolic link or special file, a bad path (see above), or a cap passed. */
int remote_manifest_scan(const char *dir, struct remote_manifest *m, char *err, size_t errlen);

/* The text form into m (emptied first).  Returns 0, or -1 with the line
 * number and the problem in err (m is then emptied). */
int remote_manifest_parse(const char *text, size_t len, struct remote_manifest *m, char *err, size_t errlen);

/* Append the text form of m to out.  Returns out's buf_result. */
int remote_manifest_format(const struct remote_manifest *m, struct buf *out);

/* The entry for path, or NULL (binary search: m must be sorted). */
const struct remote_manifest_entry *remote_manifest_find(const struct remote_manifest *m, const char *path);

/* 1 if path is acceptable as said above. */
int remote_manifest_path_ok(const char *path);

/* The hash as 64 lower-case hex digits (out: 65 bytes). */
void remote_manifest_hex(const unsigned char hash[REMOTE_MANIFEST_HASH_BYTES], char out[2 * REMOTE_MANIFEST_HASH_BYTES + 1]);

#endif
