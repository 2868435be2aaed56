/* inbox_key.h: the complaint officer's key pair, and opening what the
 * collector sealed to it.
 *
 * The key file (mode 0600, never overwritten) is text, one "name: value"
 * per line, lines starting with "#" are comments:
 *   secret_key: <base64 of the 32-byte X25519 secret key>
 *   public_key: <base64 of the 32-byte X25519 public key>
 * (standard base64 with padding, libsodium crypto_box key pair).  The
 * public key goes into site.yaml (inbox.public_key) or --public-key; the
 * collector seals personal data to it with crypto_box_seal (48 bytes of
 * overhead), see collector/seal.h.
 *
 * Error messages (English and Thai) name files but never hold key material
 * or anything decrypted. */
#ifndef PRONGSAI_INBOX_KEY_H
#define PRONGSAI_INBOX_KEY_H

#include <stddef.h>

#define INBOX_KEY_BYTES 32
#define INBOX_KEY_B64 45 /* base64 of a key and the NUL */
#define INBOX_SEAL_OVERHEAD 48 /* crypto_box_SEALBYTES */

/* Write a new key pair to path (created with O_EXCL, mode 0600, synced,
 * then its directory synced) and the base64 public key (44 characters and a
 * NUL) to pub_b64.  Returns 0, or -1 with err if the file exists or cannot
 * be written; a partly written file is removed. */
int inbox_keygen(const char *path, char pub_b64[INBOX_KEY_B64], char *err, size_t errlen);

/* Read a key file written by inbox_keygen().  Returns 0 with both keys, or
 * -1 with err (sk then zeroed) if the file is missing or unreadable, is not
 * a regular file, can be read or written by its group or others (like ssh:
 * err says to run chmod 600), is malformed, or its keys do not belong
 * together (the public key is recomputed from the secret one).  path "-"
 * reads standard input (left open), which must be the key file itself
 * (`--key - < FILE`: its mode is checked the same way) or a pipe; so a
 * command run as another user (the web server's, which owns the database)
 * gets the key without being able to open the file.  Everything read is
 * wiped before returning. */
int inbox_key_read(const char *path, unsigned char sk[INBOX_KEY_BYTES], unsigned char pk[INBOX_KEY_BYTES],
		   char *err, size_t errlen);

/* Open the sealed box c[0..clen) with the key pair into a new buffer of
 * *outlen = clen - INBOX_SEAL_OVERHEAD bytes and a NUL after them (so that
 * it can be parsed in place).  Returns 0 and *out, to be released with
 * inbox_wipe_free(*out, *outlen + 1); or -1 and *out NULL when c is shorter
 * than the overhead, was not sealed to this key, is damaged, or memory runs
 * out (nothing decrypted is left behind). */
int inbox_unseal(const unsigned char sk[INBOX_KEY_BYTES], const unsigned char pk[INBOX_KEY_BYTES],
		 const void *c, size_t clen, unsigned char **out, size_t *outlen);

/* Zero p[0..n) (sodium_memzero, never optimised away), then free(p).
 * p may be NULL. */
void inbox_wipe_free(void *p, size_t n);

#endif
