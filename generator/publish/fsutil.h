/* fsutil.h: small file-system helpers shared by `build --db` and `backup`.
 *
 * Every function returns 0 on success, or -1 with a message (English and
 * Thai, naming the path and the system's reason) in err, always
 * NUL-terminated when errlen > 0.  None keeps any state. */
#ifndef PRONGSAI_FSUTIL_H
#define PRONGSAI_FSUTIL_H

#include <stddef.h>
#include <sys/types.h>

/* mkdir -p: create dir and each missing parent with the given mode (less
 * the umask).  A component that exists must be a directory (or a symbolic
 * link to one).  *created (may be NULL) is set to the number of directories
 * made.  On failure the directories already made are left in place (they
 * are empty).  "" and "." succeed without creating anything. */
int fs_mkdirs(const char *dir, mode_t mode, int *created, char *err, size_t errlen);

/* The directory part of path (as dirname(3), without modifying path) into
 * out: "a/b/c" -> "a/b", "c" -> ".", "/c" -> "/".  -1 if it does not fit. */
int fs_parent(const char *path, char *out, size_t outlen, char *err, size_t errlen);

/* fsync(2) the directory itself, so that a rename or unlink in it is
 * durable. */
int fs_sync_dir(const char *dir, char *err, size_t errlen);

#endif
