/* multipart.c: see multipart.h.
 *
 * RFC 2046 §5.1.1:
 *   multipart-body := [preamble CRLF] dash-boundary transport-padding CRLF
 *                     body-part *encapsulation close-delimiter
 *                     transport-padding [CRLF epilogue]
 *   encapsulation := delimiter transport-padding CRLF body-part
 *   delimiter := CRLF dash-boundary;  dash-boundary := "--" boundary
 *   close-delimiter := delimiter "--"
 */
#include "multipart.h"

#include <assert.h>
#include <string.h>
#include <strings.h>

/* First occurrence of needle[0..nlen) in hay[0..hlen), or NULL. */
static char *find(char *hay, size_t hlen, const char *needle, size_t nlen)
{
	char *p = hay, *end = hay + hlen;

	assert(nlen > 0);
	while ((size_t)(end - p) >= nlen) {
		p = memchr(p, needle[0], (size_t)(end - p) - nlen + 1);
		if (!p)
			return NULL;
		if (memcmp(p, needle, nlen) == 0)
			return p;
		p++;
	}
	return NULL;
}

/* After a dash-boundary at *pos: "--" means the close delimiter (returns 1);
 * else transport padding and CRLF (returns 0, *pos after the CRLF); -1 if
 * neither. */
static int after_boundary(const char *body, size_t len, size_t *pos)
{
	size_t p = *pos;

	if (len - p >= 2 && body[p] == '-' && body[p + 1] == '-')
		return 1;
	while (p < len && (body[p] == ' ' || body[p] == '\t'))
		p++;
	if (len - p < 2 || body[p] != '\r' || body[p + 1] != '\n')
		return -1;
	*pos = p + 2;
	return 0;
}

static char *skip_ws(char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Read a parameter value at *pp (quoted-string or token), unquoting in
 * place and NUL-terminating.  Returns the value or NULL; *pp is left at the
 * byte after the value, which is ';' again if the NUL replaced one. */
static char *param_value(char **pp)
{
	char *p = *pp, *start, *o;

	if (*p == '"') {
		start = o = ++p;
		for (; *p != '"'; p++) {
			if (!*p)
				return NULL;
			if (*p == '\\' && p[1])
				p++;
			*o++ = *p;
		}
		*pp = p + 1;
		*o = '\0';
		return start;
	}
	start = p;
	while (*p && *p != ';' && *p != ' ' && *p != '\t')
		p++;
	if (p == start)
		return NULL;
	if (*p == ';') {
		/* shift the token left over the "=" to keep the ";" */
		memmove(start - 1, start, (size_t)(p - start));
		p[-1] = '\0';
		*pp = p;
		return start - 1;
	}
	if (*p)
		*p++ = '\0';
	*pp = p;
	return start;
}

/* Content-Disposition: form-data; name="x"[; filename="y"] (RFC 6266 §4.1
 * syntax, RFC 7578 §4.2).  v is the NUL-terminated field value. */
static int parse_disposition(char *v, struct form_part *part)
{
	char *p = skip_ws(v), *val;
	size_t n;
	int is_name, is_filename;

	if (strncasecmp(p, "form-data", 9) != 0)
		return -1;
	p = skip_ws(p + 9);
	while (*p) {
		if (*p != ';')
			return -1;
		p = skip_ws(p + 1);
		if (!*p)
			break;
		n = strcspn(p, "= \t;");
		is_name = n == 4 && strncasecmp(p, "name", 4) == 0;
		is_filename = n == 8 && strncasecmp(p, "filename", 8) == 0;
		p = skip_ws(p + n);
		if (n == 0 || *p != '=')
			return -1;
		p = skip_ws(p + 1);
		val = param_value(&p);
		if (!val)
			return -1;
		p = skip_ws(p);
		if (is_name) {
			if (part->name)
				return -1;
			part->name = val;
			part->name_len = strlen(val);
		} else if (is_filename) {
			if (part->is_file)
				return -1;
			part->is_file = 1;
			part->filename = val;
		} /* other parameters (filename*, ...) are ignored */
	}
	return part->name && part->name_len ? 0 : -1;
}

/* Parse the header block body[pos..hend) (hend at the CRLF CRLF) into part.
 * 0 or -1 with *reason. */
static int parse_headers(char *body, size_t pos, size_t hend, struct form_part *part,
			 const char **reason)
{
	int n_headers = 0, have_disposition = 0;
	size_t eol, i;
	char *line, *colon, *value;

	while (pos < hend) {
		line = body + pos;
		colon = find(line, hend - pos + 2, "\r\n", 2);
		assert(colon); /* the block ends in CRLF CRLF */
		eol = (size_t)(colon - body);
		if (eol - pos > MULTIPART_MAX_HEADER_LINE || ++n_headers > MULTIPART_MAX_HEADERS) {
			*reason = "part header too long or too many";
			return -1;
		}
		if (line[0] == ' ' || line[0] == '\t') {
			*reason = "folded part header";
			return -1;
		}
		for (i = pos; i < eol; i++)
			if ((unsigned char)body[i] < 0x20 && body[i] != '\t') {
				*reason = "control character in a part header";
				return -1;
			}
		body[eol] = '\0';
		colon = strchr(line, ':');
		if (!colon || colon == line) {
			*reason = "part header without a colon";
			return -1;
		}
		*colon = '\0';
		value = skip_ws(colon + 1);
		if (strcasecmp(line, "Content-Disposition") == 0) {
			if (have_disposition++ || parse_disposition(value, part) < 0) {
				*reason = "bad Content-Disposition";
				return -1;
			}
		} else if (strcasecmp(line, "Content-Type") == 0) {
			size_t vl = strlen(value);

			while (vl && (value[vl - 1] == ' ' || value[vl - 1] == '\t'))
				value[--vl] = '\0';
			part->media_type = value;
		}
		pos = eol + 2;
	}
	if (!have_disposition) {
		*reason = "part without Content-Disposition";
		return -1;
	}
	return 0;
}

int multipart_parse(char *body, size_t len, const char *boundary, struct form_data *out,
		    const char **reason)
{
	char delim[2 + 2 + 70 + 1]; /* CRLF "--" boundary */
	size_t blen = strlen(boundary), dlen, pos, hend, vend;
	char *p;
	struct form_part *part;
	int r;

	assert(blen >= 1 && blen <= 70);
	memcpy(delim, "\r\n--", 4);
	memcpy(delim + 4, boundary, blen);
	dlen = 4 + blen;
	delim[dlen] = '\0';
	/* the first dash-boundary: at the start, or after the preamble's CRLF */
	if (len >= dlen - 2 && memcmp(body, delim + 2, dlen - 2) == 0) {
		pos = dlen - 2;
	} else {
		p = find(body, len, delim, dlen);
		if (!p) {
			*reason = "no multipart boundary";
			return PARSE_BAD;
		}
		pos = (size_t)(p - body) + dlen;
	}
	for (;;) {
		r = after_boundary(body, len, &pos);
		if (r == 1)
			return PARSE_OK; /* close delimiter; the epilogue is ignored */
		if (r < 0) {
			*reason = "bad multipart delimiter line";
			return PARSE_BAD;
		}
		if (out->n == FORMDATA_MAX_PARTS) {
			*reason = "too many parts";
			return PARSE_TOO_MANY;
		}
		part = &out->parts[out->n];
		memset(part, 0, sizeof *part);
		/* headers end at CRLF CRLF; a part without headers starts with CRLF */
		if (len - pos >= 2 && body[pos] == '\r' && body[pos + 1] == '\n') {
			hend = pos;
		} else {
			p = find(body + pos, len - pos, "\r\n\r\n", 4);
			if (!p || (size_t)(p - body) - pos > MULTIPART_MAX_HEADERS * (MULTIPART_MAX_HEADER_LINE + 2)) {
				*reason = "part headers do not end";
				return PARSE_BAD;
			}
			hend = (size_t)(p - body);
		}
		if (parse_headers(body, pos, hend, part, reason) < 0)
			return PARSE_BAD;
		pos = hend + (hend == pos ? 2 : 4);
		p = find(body + pos, len - pos, delim, dlen);
		if (!p) {
			*reason = "multipart body does not end";
			return PARSE_BAD;
		}
		vend = (size_t)(p - body);
		part->value = body + pos;
		part->len = vend - pos;
		body[vend] = '\0'; /* the delimiter's CR, already found */
		out->n++;
		pos = vend + dlen;
	}
}
