/* seal.h: personal data sealed to the complaint officer's public key with
 * libsodium's crypto_box_seal (X25519 + XSalsa20-Poly1305, an anonymous
 * sender): the collector can write it but never read it back.
 *
 * The personal values of a submission are sealed together as one
 * application/x-www-form-urlencoded string, "name=value&name=value" in form
 * order, every byte outside RFC 3986 unreserved percent-encoded (so issue 4's
 * inbox reads it with the collector's own urlencoded parser). */
#ifndef PRONGSAI_SEAL_H
#define PRONGSAI_SEAL_H

#include <stddef.h>
#include <sodium.h>
#include "buf.h"
#include "formcheck.h"
#include "formdef.h"
#include "submission.h"

#define SEAL_OVERHEAD crypto_box_SEALBYTES /* 48 bytes */

/* Append the urlencoded values of s that are to be sealed (field_sealed():
 * fields marked personal; in the corruption channel all but the choices)
 * to out.  Returns the number of values, or -1 if out is full. */
int seal_serialize_personal(const struct form_def *form, const struct submission *s, struct buf *out);

/* Seal m[0..len) to pk into out, which must hold len + SEAL_OVERHEAD bytes.
 * Returns 0, or -1 (libsodium failed). */
int seal_bytes(const unsigned char *m, size_t len, const unsigned char pk[32], unsigned char *out);

#endif
