/* urlenc.c: see urlenc.h. */
#include "urlenc.h"

#include <assert.h>
#include <string.h>

static int hexval(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

size_t urlenc_decode(char *s, size_t len)
{
	size_t i, o = 0;
	int hi, lo;

	for (i = 0; i < len; i++) {
		if (s[i] == '+') {
			s[o++] = ' ';
		} else if (s[i] == '%') {
			if (len - i < 3 || (hi = hexval((unsigned char)s[i + 1])) < 0 ||
			    (lo = hexval((unsigned char)s[i + 2])) < 0)
				return (size_t)-1;
			s[o++] = (char)(hi << 4 | lo);
			i += 2;
		} else {
			s[o++] = s[i];
		}
	}
	assert(o <= len);
	return o;
}

int urlenc_parse(char *body, size_t len, struct form_data *out, const char **reason)
{
	size_t pos = 0, seg_end, eq, nlen, vlen;
	struct form_part *p;
	char *seg, *amp, *e;

	while (pos < len) {
		seg = body + pos;
		amp = memchr(seg, '&', len - pos);
		seg_end = amp ? (size_t)(amp - body) : len;
		if (seg_end == pos) { /* empty segment */
			pos++;
			continue;
		}
		if (out->n == FORMDATA_MAX_PARTS) {
			*reason = "too many fields";
			return PARSE_TOO_MANY;
		}
		e = memchr(seg, '=', seg_end - pos);
		eq = e ? (size_t)(e - body) : seg_end;
		nlen = urlenc_decode(seg, eq - pos);
		if (nlen == (size_t)-1) {
			*reason = "bad percent-encoding in a field name";
			return PARSE_BAD;
		}
		if (nlen == 0) {
			*reason = "empty field name";
			return PARSE_BAD;
		}
		seg[nlen] = '\0'; /* at or before the "=" (or the end) */
		p = &out->parts[out->n];
		memset(p, 0, sizeof *p);
		p->name = seg;
		p->name_len = nlen;
		if (e) {
			vlen = urlenc_decode(e + 1, seg_end - eq - 1);
			if (vlen == (size_t)-1) {
				*reason = "bad percent-encoding in a value";
				return PARSE_BAD;
			}
			e[1 + vlen] = '\0'; /* at or before the "&" (or the end) */
			p->value = e + 1;
			p->len = vlen;
		} else {
			p->value = seg + nlen; /* the NUL just written */
			p->len = 0;
		}
		out->n++;
		pos = seg_end + 1;
	}
	return PARSE_OK;
}
