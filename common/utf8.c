#include "utf8.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <uninorm.h> /* libunistring */

size_t utf8_decode(const char *str, size_t len, unsigned *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned c, min;
	size_t n, i;

	if (len == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else {
		return 0;
	}
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

int utf8_valid(const char *s, size_t len, size_t *bad)
{
	size_t i = 0, n;
	unsigned cp;

	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 0) {
			if (bad)
				*bad = i;
			return 0;
		}
		i += n;
	}
	return 1;
}

size_t utf8_count(const char *s, size_t len)
{
	size_t i = 0, count = 0, n;
	unsigned cp;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
		count++;
	}
	return count;
}

size_t utf8_whole_prefix(const char *s, size_t len)
{
	size_t i = len, need;
	unsigned char lead;

	/* back over at most 3 continuation bytes to the lead byte */
	while (i > 0 && len - i < 3 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
		i--;
	if (i == 0)
		return len;
	lead = (unsigned char)s[i - 1];
	need = lead >= 0xF0 && lead <= 0xF7 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
	if (lead >= 0xC0 && lead <= 0xF7 && len - (i - 1) < need)
		return i - 1;
	return len;
}

int utf8_is_blank(unsigned cp)
{
	/* Unicode White_Space (Zs, tab, line breaks) and the invisible
	 * characters people paste: ZWSP, ZWNJ, ZWJ, WORD JOINER, BOM, SOFT
	 * HYPHEN, MONGOLIAN VOWEL SEPARATOR */
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == 0xA0 || cp == 0xAD ||
	       cp == 0x1680 || cp == 0x180E || (cp >= 0x2000 && cp <= 0x200D) || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x2060 || cp == 0x3000 || cp == 0xFEFF;
}

int utf8_is_line_separator(unsigned cp)
{
	return cp == 0x2028 || cp == 0x2029;
}

size_t utf8_nfc(char *v, size_t len)
{
	size_t n = 0;
	uint8_t *r = u8_normalize(UNINORM_NFC, (const uint8_t *)v, len, NULL, &n);

	if (r && n <= len) {
		memcpy(v, r, n);
		v[n] = '\0';
		len = n;
	}
	free(r);
	return len;
}

size_t utf8_for_staff(const char *s, size_t len, char *out)
{
	size_t i, o = 0, k;
	unsigned cp;

	for (i = 0; i < len; i += k) {
		k = utf8_decode(s + i, len - i, &cp);
		if (k == 0) { /* not UTF-8: the byte as it is, for the caller's own rule */
			out[o++] = s[i];
			k = 1;
		} else if (utf8_is_line_separator(cp)) {
			out[o++] = '\n';
		} else if (!utf8_is_bidi_control(cp)) {
			memmove(out + o, s + i, k);
			o += k;
		}
	}
	out[o] = '\0';
	return o;
}

int utf8_is_bidi_control(unsigned cp)
{
	/* UAX #9 §2: LRE RLE PDF LRO RLO, LRI RLI FSI PDI, LRM RLM ALM */
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
	       cp == 0x200F || cp == 0x061C;
}
