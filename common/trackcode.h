/* trackcode.h: tracking codes for complaints.
 *
 * A code is 75 random bits from the operating system (libsodium's
 * randombytes_buf, i.e. getrandom(2)) written as 15 symbols of Crockford's
 * base32 (0-9 A-Z without I L O U), then one check symbol (Luhn mod 32, which
 * catches every single mistyped symbol and most swapped neighbours), shown in
 * four groups of four: "7K3M-QW9X-2HBD-RT5V".  Easy to read aloud, no symbol
 * that needs escaping in a URL or an HTML attribute.
 */
#ifndef PRONGSAI_TRACKCODE_H
#define PRONGSAI_TRACKCODE_H

#include <stddef.h>

#define TRACKCODE_RANDOM_BYTES 10 /* 80 bits drawn, 75 used */
#define TRACKCODE_SYMBOLS 16      /* 15 data + 1 check */
#define TRACKCODE_LEN 19          /* with three hyphens */
#define TRACKCODE_SIZE 20         /* with the NUL */

/* Write a new random code into out.  Returns 0, or -1 if the random source
 * could not be initialised (out is then the empty string). */
int trackcode_new(char out[TRACKCODE_SIZE]);

/* Deterministic form of trackcode_new for tests: the code for the given
 * bytes (the top 75 bits are used).  Never fails. */
void trackcode_from_bytes(const unsigned char rnd[TRACKCODE_RANDOM_BYTES],
			  char out[TRACKCODE_SIZE]);

/* Read a code as a person may type it: any case, hyphens and spaces anywhere,
 * O for 0, I and L for 1.  Returns 0 and writes the canonical form into out,
 * or -1 (out untouched) if it is not 16 symbols or the check symbol does not
 * match.  At most 64 bytes of input are looked at. */
int trackcode_normalize(const char *in, char out[TRACKCODE_SIZE]);

/* The check symbol's value (0..31) for 15 data values (each 0..31). */
unsigned trackcode_check(const unsigned char v[TRACKCODE_SYMBOLS - 1]);

#endif
