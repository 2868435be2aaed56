/* inbox.h: `prongsai inbox`: the complaint officer's tools.
 *
 *   prongsai inbox keygen --key FILE   make the key pair (below)
 *   prongsai inbox list|show|export|purge   (issue 4: not yet)
 *
 * The key file (mode 0600, never overwritten) is text, one "name: value"
 * per line, lines starting with "#" are comments:
 *   secret_key: <base64 of the 32-byte X25519 secret key>
 *   public_key: <base64 of the 32-byte X25519 public key>
 * (standard base64 with padding, libsodium crypto_box key pair).  The
 * public key goes into site.yaml (inbox.public_key) or --public-key; the
 * collector seals personal data to it with crypto_box_seal. */
#ifndef PRONGSAI_INBOX_H
#define PRONGSAI_INBOX_H

#include <stddef.h>

/* argv[0] is "inbox".  Returns the exit status (0 ok, 1 failure, 2 usage). */
int inbox_main(int argc, char **argv);

/* Write a new key pair to path (created with O_EXCL, mode 0600, synced) and
 * the base64 public key (44 characters and a NUL) to pub_b64.  Returns 0,
 * or -1 with err (English and Thai) if the file exists or cannot be
 * written; a partly written file is removed. */
int inbox_keygen(const char *path, char pub_b64[45], char *err, size_t errlen);

/* Read a key file written by inbox_keygen().  Returns 0 with both keys, or
 * -1 with err if the file is missing, malformed, or the keys do not belong
 * together (the public key is recomputed from the secret one). */
int inbox_key_read(const char *path, unsigned char sk[32], unsigned char pk[32],
		   char *err, size_t errlen);

#endif
