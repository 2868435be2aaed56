/* trackcode.c: see trackcode.h. */
#include "trackcode.h"

#include <assert.h>
#include <string.h>
#include <sodium.h>

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* Crockford decoding of one byte; -1 for anything that is not a symbol. */
static int symbol_value(unsigned char c)
{
	const char *p;

	if (c >= 'a' && c <= 'z')
		c = (unsigned char)(c - 'a' + 'A');
	if (c == 'O')
		c = '0';
	else if (c == 'I' || c == 'L')
		c = '1';
	if (c == 0)
		return -1;
	p = strchr(alphabet, c);
	return p ? (int)(p - alphabet) : -1;
}

/* Luhn mod N with N = 32 over the data values, rightmost doubled first. */
unsigned trackcode_check(const unsigned char v[TRACKCODE_SYMBOLS - 1])
{
	unsigned factor = 2, sum = 0, addend;
	int i;

	for (i = TRACKCODE_SYMBOLS - 2; i >= 0; i--) {
		assert(v[i] < 32);
		addend = factor * v[i];
		factor = factor == 2 ? 1 : 2;
		sum += addend / 32 + addend % 32;
	}
	return (32 - sum % 32) % 32;
}

/* Format 16 values as XXXX-XXXX-XXXX-XXXX. */
static void format_code(const unsigned char v[TRACKCODE_SYMBOLS], char out[TRACKCODE_SIZE])
{
	size_t i, o = 0;

	for (i = 0; i < TRACKCODE_SYMBOLS; i++) {
		if (i && i % 4 == 0)
			out[o++] = '-';
		out[o++] = alphabet[v[i]];
	}
	out[o] = '\0';
	assert(o == TRACKCODE_LEN);
}

void trackcode_from_bytes(const unsigned char rnd[TRACKCODE_RANDOM_BYTES],
			  char out[TRACKCODE_SIZE])
{
	unsigned char v[TRACKCODE_SYMBOLS];
	size_t i, bit;

	for (i = 0; i < TRACKCODE_SYMBOLS - 1; i++) {
		unsigned x = 0, k;

		for (k = 0; k < 5; k++) {
			bit = i * 5 + k;
			x = (x << 1) | ((rnd[bit / 8] >> (7 - bit % 8)) & 1u);
		}
		v[i] = (unsigned char)x;
	}
	v[TRACKCODE_SYMBOLS - 1] = (unsigned char)trackcode_check(v);
	format_code(v, out);
}

int trackcode_new(char out[TRACKCODE_SIZE])
{
	unsigned char rnd[TRACKCODE_RANDOM_BYTES];

	out[0] = '\0';
	if (sodium_init() < 0)
		return -1;
	randombytes_buf(rnd, sizeof rnd);
	trackcode_from_bytes(rnd, out);
	sodium_memzero(rnd, sizeof rnd);
	return 0;
}

int trackcode_normalize(const char *in, char out[TRACKCODE_SIZE])
{
	unsigned char v[TRACKCODE_SYMBOLS];
	size_t n = 0, i;
	int x;

	if (!in)
		return -1;
	for (i = 0; i < 64 && in[i]; i++) {
		unsigned char c = (unsigned char)in[i];

		if (c == '-' || c == ' ')
			continue;
		x = symbol_value(c);
		if (x < 0 || n == TRACKCODE_SYMBOLS)
			return -1;
		v[n++] = (unsigned char)x;
	}
	if (in[i] || n != TRACKCODE_SYMBOLS)
		return -1;
	if (trackcode_check(v) != v[TRACKCODE_SYMBOLS - 1])
		return -1;
	format_code(v, out);
	return 0;
}
