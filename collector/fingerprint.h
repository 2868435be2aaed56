/* fingerprint.h: the two hashes the collector keeps for a while and then
 * forgets (BLAKE2b, libsodium crypto_generichash):
 *
 * - the client key, for the rate limit: the client's network (IPv4 /32,
 *   IPv6 /64, addresses normalised) hashed with the hour's key
 *   (hourkey.h), which is not in the database and is replaced every hour;
 * - the submission digest, to fold a true resubmission (a double click, a
 *   reload): the form's per-page token (FC_FORM_TOKEN, random, drawn by
 *   the browser when the form page loads) with the form id and every value
 *   and attachment.  It never includes the client: two people on one
 *   address sending the same text are two submissions, and a stored
 *   digest cannot be linked to an address.  Without a token nothing is
 *   folded. */
#ifndef PRONGSAI_FINGERPRINT_H
#define PRONGSAI_FINGERPRINT_H

#include <stddef.h>
#include "formdef.h"
#include "hourkey.h"
#include "submission.h"

#define CLIENT_KEY_BYTES 16
#define DIGEST_BYTES 32
#define CLIENT_NET_BYTES 9   /* family byte + at most 8 address bytes */

/* The network the rate limit counts for remote_addr (REMOTE_ADDR): family
 * 4 and the 4 bytes of an IPv4 address (also written as ::ffff:a.b.c.d),
 * family 6 and the first 8 bytes (the /64) of an IPv6 address, in any of
 * its RFC 4291 §2.2 text forms (a zone "%eth0" is dropped).  Returns the
 * number of bytes written to out (5 or 9), or 0 when remote_addr is NULL or
 * not an address (such clients share one count). */
size_t client_network(const char *remote_addr, unsigned char out[CLIENT_NET_BYTES]);

/* The client key of remote_addr under key (the hour's key).  Never fails. */
void client_key(const unsigned char key[HOURKEY_BYTES], const char *remote_addr,
		unsigned char out[CLIENT_KEY_BYTES]);

/* The digest of a valid submission with its token s->token (see above):
 * form id, token, every value and every attachment (length-prefixed, so no
 * two submissions share one by concatenation).  Returns 1 and out, or 0
 * when the submission has no token (it is never folded). */
int submission_digest(const struct form_def *form, const struct submission *s,
		      unsigned char out[DIGEST_BYTES]);

#endif
