/* staff.h: `prongsai staff add|passwd|disable|list`: the accounts of the
 * staff area (common/staffdb.h), for people of people.yaml.
 *
 * Passwords are read from the terminal without echo (twice), or as one
 * line from standard input with --password-stdin, and stored only as an
 * Argon2id hash (libsodium crypto_pwhash_str_alg at the interactive limits:
 * STAFF_PW_OPS / STAFF_PW_MEM). */
#ifndef PRONGSAI_STAFF_H
#define PRONGSAI_STAFF_H

#include <stddef.h>

#define STAFF_PW_MIN 10   /* characters (bytes) of a password, at least */
#define STAFF_PW_MAX 256  /* bytes of a password, at most */

/* Hash pw (NUL-terminated, STAFF_PW_MIN..STAFF_PW_MAX bytes) into out
 * (crypto_pwhash_STRBYTES).  0, or -1 with err (too short or long, out of
 * memory). */
int staff_hash_password(const char *pw, char *out, size_t outlen, char *err, size_t errlen);

/* argv[0] is "staff".  Returns the exit status: 0 done, 1 failed (reason in
 * Thai and English on stderr), 2 usage error. */
int staff_main(int argc, char **argv);

#endif
