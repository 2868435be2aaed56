/* numfmt.c: exact decimal parsing and Thai-style number display.  Integer
 * arithmetic only; see numfmt.h for the contracts.
 */
#include "model/numfmt.h"

#include <assert.h>
#include <stdio.h>
#include <stdint.h>
#include <string.h>

/* 10^15 baht in satang: the largest accepted magnitude. */
#define NUM_MAX_HUNDREDTHS INT64_C(100000000000000000)

static int is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Parse the unsigned part of a number at s (see num_parse_hundredths).
 * Returns NUM_OK with *out set, or NUM_SYNTAX / NUM_PRECISION / NUM_RANGE,
 * checked in that order (a malformed string is SYNTAX even if it is also
 * long). */
static enum num_parse_result parse_unsigned(const char *s, int64_t *out)
{
	const char *p, *end = s;
	int64_t v = 0;
	int group = 0, commas = 0, frac = 0, big = 0;

	/* Integer part: the span of digits and commas. */
	while (is_digit(*end) || *end == ',')
		end++;
	if (end == s || *s == ',' || end[-1] == ',')
		return NUM_SYNTAX;
	if (*s == '0' && end - s > 1)
		return NUM_SYNTAX; /* leading zero: "007", "0,250" */
	for (p = s; p < end; p++) {
		if (*p == ',') {
			/* the first group may be 1-3 digits, later ones exactly 3 */
			if (commas ? group != 3 : group > 3)
				return NUM_SYNTAX;
			commas++;
			group = 0;
			continue;
		}
		group++;
		if (v > NUM_MAX_HUNDREDTHS)
			big = 1; /* stop accumulating; keep checking syntax */
		else
			v = v * 10 + (*p - '0');
	}
	if (commas && group != 3)
		return NUM_SYNTAX;
	if (v > NUM_MAX_HUNDREDTHS / 100)
		big = 1;
	else
		v *= 100;
	p = end;
	if (*p == '.') {
		p++;
		if (!is_digit(*p))
			return NUM_SYNTAX; /* "5." */
		for (; is_digit(*p); p++) {
			frac++;
			if (frac == 1)
				v += (*p - '0') * 10;
			else if (frac == 2)
				v += *p - '0';
		}
	}
	if (*p != '\0')
		return NUM_SYNTAX;
	if (frac > 2)
		return NUM_PRECISION;
	if (big || v > NUM_MAX_HUNDREDTHS)
		return NUM_RANGE;
	*out = v;
	return NUM_OK;
}

/* Parse a non-negative decimal into hundredths.  Accepted form:
 *   int [ "." d [ d ] ]   where int is "0", or digits without a leading zero,
 * optionally grouped by commas in threes ("1,250,000"; the first group 1-3
 * digits).  Rejected with NUM_SYNTAX: "", spaces anywhere, "+5", ".5", "5.",
 * "1,25,000", "1250,000", leading zeros such as "007" (YAML 1.1 would read
 * that as octal, so it is ambiguous).  NUM_PRECISION for three or more
 * decimals ("1.234", even "1.230"); NUM_RANGE above 10^15 baht; NUM_NEGATIVE
 * for "-" followed by anything that would otherwise parse or fail only on
 * precision/range ("-0" included); "-" followed by garbage is NUM_SYNTAX.
 * On failure *out is unchanged. */
enum num_parse_result num_parse_hundredths(const char *s, int64_t *out)
{
	int64_t v;
	enum num_parse_result r;

	assert(s && out);
	if (*s == '-') {
		r = parse_unsigned(s + 1, &v);
		return r == NUM_SYNTAX ? NUM_SYNTAX : NUM_NEGATIVE;
	}
	r = parse_unsigned(s, &v);
	if (r == NUM_OK)
		*out = v;
	return r;
}

/* Copy the NUL-terminated src into out (outlen bytes including the NUL),
 * truncating if needed; nothing is written when outlen is 0.  src is ASCII
 * here, so any cut is at a character boundary. */
static char *copy_out(const char *src, char *out, size_t outlen)
{
	size_t n = strlen(src);

	if (outlen == 0)
		return out;
	if (n >= outlen)
		n = outlen - 1;
	memcpy(out, src, n);
	out[n] = '\0';
	return out;
}

/* Write the magnitude u with thousands separators into the end of tmp;
 * returns a pointer to the first character.  tmp must hold 27 bytes. */
static char *group_digits(uint64_t u, char *end)
{
	char *p = end;
	int n = 0;

	*--p = '\0';
	do {
		if (n && n % 3 == 0)
			*--p = ',';
		*--p = (char)('0' + u % 10);
		u /= 10;
		n++;
	} while (u);
	return p;
}

/* |v| as uint64_t, correct for INT64_MIN. */
static uint64_t magnitude(int64_t v)
{
	return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

/* Shared by the money and decimal formatters: keep_zero says whether a
 * ".00" fraction is printed. */
static char *format_hundredths(int64_t h, int keep_zero, char *out, size_t outlen)
{
	char tmp[40], *p;
	uint64_t u = magnitude(h);
	unsigned frac = (unsigned)(u % 100);
	size_t n;

	p = group_digits(u / 100, tmp + 32);
	if (h < 0)
		*--p = '-';
	n = strlen(p);
	memmove(tmp, p, n + 1);
	if (frac || keep_zero) {
		tmp[n++] = '.';
		tmp[n++] = (char)('0' + frac / 10);
		tmp[n++] = (char)('0' + frac % 10);
		tmp[n] = '\0';
	}
	return copy_out(tmp, out, outlen);
}

/* "1,250,000.50"; any int64_t, truncated to outlen (30 bytes always fit). */
char *num_format_money(int64_t hundredths, char *out, size_t outlen)
{
	return format_hundredths(hundredths, 1, out, outlen);
}

/* As num_format_money but ".00" is dropped ("45"), other fractions kept in
 * full ("45.50", "45.05"). */
char *num_format_decimal(int64_t hundredths, char *out, size_t outlen)
{
	return format_hundredths(hundredths, 0, out, outlen);
}

/* "1,234,567"; any int64_t, truncated to outlen (28 bytes always fit). */
char *num_format_int(int64_t v, char *out, size_t outlen)
{
	char tmp[32], *p;

	p = group_digits(magnitude(v), tmp + sizeof tmp);
	if (v < 0)
		*--p = '-';
	return copy_out(p, out, outlen);
}

/* Length of the UTF-8 sequence that starts with byte c (1 for a stray
 * continuation or invalid lead byte, which is then copied as is). */
static size_t seq_len(unsigned char c)
{
	if (c >= 0xF0 && c <= 0xF4)
		return 4;
	if (c >= 0xE0)
		return c <= 0xEF ? 3 : 1;
	if (c >= 0xC2)
		return 2;
	return 1;
}

/* Copy in to out with ASCII digits replaced by U+0E50..U+0E59 (3 bytes
 * each).  Whole characters only: the output stops before the first one that
 * would not fit.  A sequence truncated by the end of in is copied as far as
 * it goes.  Nothing is written when outlen is 0. */
char *num_thai_digits(const char *in, char *out, size_t outlen)
{
	size_t o = 0, n, i;
	const unsigned char *p = (const unsigned char *)in;

	assert(in && out);
	if (outlen == 0)
		return out;
	while (*p) {
		if (*p >= '0' && *p <= '9') {
			if (outlen - o < 4)
				break;
			out[o++] = (char)0xE0;
			out[o++] = (char)0xB9;
			out[o++] = (char)(0x90 + (*p - '0'));
			p++;
			continue;
		}
		n = seq_len(*p);
		for (i = 1; i < n; i++)
			if (p[i] == '\0')
				n = i;
		if (outlen - o < n + 1)
			break;
		memcpy(out + o, p, n);
		o += n;
		p += n;
	}
	out[o] = '\0';
	return out;
}

#if defined(__SIZEOF_INT128__) && !defined(NUM_NO_INT128)
/* |a| * |b| / c with remainder, in 128 bits. */
static uint64_t muldiv_u(uint64_t a, uint64_t b, uint64_t c, uint64_t *rem, int *ovf)
{
	unsigned __int128 p = (unsigned __int128)a * b, q = p / c;

	*rem = (uint64_t)(p % c);
	*ovf = q > UINT64_MAX;
	return (uint64_t)q;
}
#else
/* |a| * |b| / c with remainder, by schoolbook multiplication into two 64-bit
 * words and binary long division. */
static uint64_t muldiv_u(uint64_t a, uint64_t b, uint64_t c, uint64_t *rem, int *ovf)
{
	uint64_t al = a & 0xFFFFFFFFu, ah = a >> 32, bl = b & 0xFFFFFFFFu, bh = b >> 32;
	uint64_t ll = al * bl, lh = al * bh, hl = ah * bl, hh = ah * bh;
	uint64_t mid = (ll >> 32) + (lh & 0xFFFFFFFFu) + (hl & 0xFFFFFFFFu);
	uint64_t lo = (ll & 0xFFFFFFFFu) | (mid << 32);
	uint64_t hi = hh + (lh >> 32) + (hl >> 32) + (mid >> 32);
	uint64_t r = 0, q = 0;
	int i;

	*ovf = hi >= c; /* the quotient needs more than 64 bits */
	for (i = 127; i >= 0; i--) {
		int top = (r >> 63) != 0;
		uint64_t bit = i >= 64 ? (hi >> (i - 64)) & 1 : (lo >> i) & 1;

		r = (r << 1) | bit;
		q <<= 1;
		if (top || r >= c) {
			r -= c;
			q |= 1;
		}
	}
	*rem = r;
	return q;
}
#endif

/* a * b / c rounded half away from zero; c > 0 (asserted).  Exact for any
 * int64_t a and b; a result outside int64_t is clamped to INT64_MIN or
 * INT64_MAX. */
int64_t num_muldiv(int64_t a, int64_t b, int64_t c)
{
	uint64_t q, r;
	int neg = (a < 0) != (b < 0), ovf;

	assert(c > 0);
	q = muldiv_u(magnitude(a), magnitude(b), (uint64_t)c, &r, &ovf);
	if (!ovf && r >= (uint64_t)c - r) { /* 2r >= c without overflow */
		if (q == UINT64_MAX)
			ovf = 1;
		else
			q++;
	}
	if (neg) {
		if (ovf || q >= (uint64_t)INT64_MAX + 1)
			return INT64_MIN;
		return -(int64_t)q;
	}
	if (ovf || q > (uint64_t)INT64_MAX)
		return INT64_MAX;
	return (int64_t)q;
}

char *num_format_plain(int64_t hundredths, char *out, size_t outlen)
{
	if (hundredths % 100)
		snprintf(out, outlen, "%lld.%02lld", (long long)(hundredths / 100), (long long)(hundredths % 100));
	else
		snprintf(out, outlen, "%lld", (long long)(hundredths / 100));
	return out;
}
