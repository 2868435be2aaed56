/* fingerprint.h: the two salted hashes the collector keeps for a while and
 * then forgets: a client key (for the rate limit) and a submission digest
 * (to fold a repeated identical submission).  BLAKE2b (libsodium
 * crypto_generichash) keyed with the database's random rate_limit_salt, so
 * the address itself is never stored and the hashes mean nothing without the
 * salt. */
#ifndef PRONGSAI_FINGERPRINT_H
#define PRONGSAI_FINGERPRINT_H

#include <stddef.h>
#include "formdef.h"
#include "submission.h"

#define CLIENT_KEY_BYTES 16
#define DIGEST_BYTES 32

/* The client key of remote_addr (REMOTE_ADDR; NULL counts as "").
 * salt_hex is the 64-hex-digit salt.  Returns 0, or -1 if the salt is not
 * 64 hex digits. */
int client_key(const char *salt_hex, const char *remote_addr, unsigned char out[CLIENT_KEY_BYTES]);

/* The digest of a valid submission: form id, client key, every value and
 * every attachment (length-prefixed, so no two submissions share one by
 * concatenation).  Returns 0, or -1 for a bad salt. */
int submission_digest(const char *salt_hex, const unsigned char client[CLIENT_KEY_BYTES],
		      const struct form_def *form, const struct submission *s,
		      unsigned char out[DIGEST_BYTES]);

#endif
