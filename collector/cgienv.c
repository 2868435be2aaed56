/* cgienv.c: see cgienv.h. */
#include "cgienv.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "db.h"

void cgi_env_read(struct cgi_env *e)
{
	e->method = getenv("REQUEST_METHOD");
	e->path_info = getenv("PATH_INFO");
	e->script_name = getenv("SCRIPT_NAME");
	e->content_type = getenv("CONTENT_TYPE");
	e->content_length = getenv("CONTENT_LENGTH");
	e->remote_addr = getenv("REMOTE_ADDR");
	e->origin = getenv("HTTP_ORIGIN");
	e->referer = getenv("HTTP_REFERER");
	e->accept = getenv("HTTP_ACCEPT");
	e->db_path = getenv("PRONGSAI_DB");
	e->transfer_encoding = getenv("HTTP_TRANSFER_ENCODING");
	e->allow_unsandboxed = getenv("PRONGSAI_ALLOW_UNSANDBOXED") &&
			       strcmp(getenv("PRONGSAI_ALLOW_UNSANDBOXED"), "1") == 0;
}

enum cl_result cgi_content_length(const char *s, size_t cap, size_t *out)
{
	size_t v = 0;
	int too_big = 0;
	const char *p;

	if (!s || !*s)
		return CL_MISSING;
	for (p = s; *p; p++) {
		if (*p < '0' || *p > '9')
			return CL_INVALID;
		if (too_big)
			continue; /* keep checking the syntax */
		if (v > cap / 10 || (size_t)(*p - '0') > cap - v * 10)
			too_big = 1;
		else
			v = v * 10 + (size_t)(*p - '0');
	}
	if (too_big || v > cap)
		return CL_TOO_BIG;
	*out = v;
	return CL_OK;
}

/* RFC 9110 §5.6.2 tchar */
static int is_tchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("!#$%&'*+-.^_`|~", c));
}

/* RFC 2046 §5.1.1 bchars */
static int is_bchar(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("'()+_,-./:=? ", c));
}

static const char *skip_ows(const char *p)
{
	while (*p == ' ' || *p == '\t')
		p++;
	return p;
}

/* Parse one parameter "name=value" (value a token or a quoted-string,
 * RFC 9110 §5.6.4) at p.  Name and unquoted value go into the buffers
 * (truncation is an error).  Returns the position after it, or NULL. */
static const char *parse_param(const char *p, char *name, size_t nsize, char *val, size_t vsize)
{
	size_t n = 0;

	while (is_tchar((unsigned char)*p)) {
		if (n + 1 >= nsize)
			return NULL;
		name[n++] = *p++;
	}
	name[n] = '\0';
	if (n == 0 || *p != '=')
		return NULL;
	p++;
	n = 0;
	if (*p == '"') {
		for (p++; *p != '"'; p++) {
			if (!*p || (unsigned char)*p < 0x20 || *p == 0x7f)
				return NULL;
			if (*p == '\\') {
				p++;
				if (!*p || (unsigned char)*p < 0x20)
					return NULL;
			}
			if (n + 1 >= vsize)
				return NULL;
			val[n++] = *p;
		}
		p++;
	} else {
		while (is_tchar((unsigned char)*p)) {
			if (n + 1 >= vsize)
				return NULL;
			val[n++] = *p++;
		}
		if (n == 0)
			return NULL;
	}
	val[n] = '\0';
	return p;
}

enum ct_kind cgi_content_type(const char *s, char boundary[CGI_BOUNDARY_MAX + 1])
{
	static const char urlenc[] = "application/x-www-form-urlencoded";
	static const char multi[] = "multipart/form-data";
	enum ct_kind kind;
	const char *p;
	char name[32], val[CGI_BOUNDARY_MAX + 2];
	size_t len, i;
	int have_boundary = 0;

	boundary[0] = '\0';
	if (!s || !*s)
		return CT_MISSING;
	p = skip_ows(s);
	len = strcspn(p, "; \t");
	if (len == sizeof urlenc - 1 && strncasecmp(p, urlenc, len) == 0)
		kind = CT_URLENCODED;
	else if (len == sizeof multi - 1 && strncasecmp(p, multi, len) == 0)
		kind = CT_MULTIPART;
	else
		return CT_OTHER;
	p = skip_ows(p + len);
	while (*p) {
		if (*p != ';')
			return kind == CT_MULTIPART ? CT_BAD : CT_OTHER;
		p = skip_ows(p + 1);
		if (!*p)
			break; /* a trailing ";" is harmless */
		p = parse_param(p, name, sizeof name, val, sizeof val);
		if (!p)
			return kind == CT_MULTIPART ? CT_BAD : CT_OTHER;
		p = skip_ows(p);
		if (strcasecmp(name, "charset") == 0) {
			if (strcasecmp(val, "utf-8") != 0 && strcasecmp(val, "utf8") != 0)
				return CT_OTHER;
		} else if (kind == CT_MULTIPART && strcasecmp(name, "boundary") == 0) {
			len = strlen(val);
			if (have_boundary || len == 0 || len > CGI_BOUNDARY_MAX || val[len - 1] == ' ')
				return CT_BAD;
			for (i = 0; i < len; i++)
				if (!is_bchar((unsigned char)val[i]))
					return CT_BAD;
			memcpy(boundary, val, len + 1);
			have_boundary = 1;
		}
	}
	if (kind == CT_MULTIPART && !have_boundary)
		return CT_BAD;
	return kind;
}

/* q-value of one Accept element's parameters at p (RFC 9110 §12.4.2):
 * 0..1000.  Malformed q counts as 0. */
static int parse_q(const char *p, const char *end)
{
	int q = 1000, d;

	while (p < end) {
		p = strchr(p, ';');
		if (!p || p >= end)
			break;
		p = skip_ows(p + 1);
		if ((p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
			p += 2;
			if (*p == '1') {
				q = 1000;
			} else if (*p == '0') {
				q = 0;
				if (p[1] == '.')
					for (d = 100, p += 2; d && *p >= '0' && *p <= '9'; d /= 10, p++)
						q += d * (*p - '0');
			} else {
				q = 0;
			}
		}
	}
	return q;
}

int cgi_wants_json(const char *accept)
{
	const char *p = accept, *end, *type_end;
	int q_json = -1, q_html = -1, pos = 0, pos_json = 0, pos_html = 0, q;
	size_t len;

	if (!accept)
		return 0;
	for (; *p; p = *end ? end + 1 : end) {
		end = p + strcspn(p, ",");
		p = skip_ows(p);
		type_end = p + strcspn(p, ";, \t");
		if (type_end > end)
			type_end = end;
		len = (size_t)(type_end - p);
		q = parse_q(type_end, end);
		pos++;
		if (len == 16 && strncasecmp(p, "application/json", len) == 0 && q_json < 0) {
			q_json = q;
			pos_json = pos;
		} else if (len == 9 && strncasecmp(p, "text/html", len) == 0 && q_html < 0) {
			q_html = q;
			pos_html = pos;
		}
	}
	if (q_json <= 0)
		return 0;
	if (q_json != q_html)
		return q_json > q_html;
	return pos_json < pos_html;
}

/* RFC 3986 §3.3 pchar without "%" (we encode it), plus "/" */
static int path_safe(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       (c && strchr("-._~!$&'()*+,;=:@/", c));
}

int cgi_site_root(const char *script_name, const char *collector_path,
		  const char *thanks_base, char *out, size_t outlen)
{
	size_t slen, clen, i, o = 0;
	const char *src;

	assert(outlen > 0);
	if (thanks_base && *thanks_base) {
		/* installed by formdb_install: checked there, ends in "/" */
		if (strlen(thanks_base) >= outlen)
			return -1;
		memcpy(out, thanks_base, strlen(thanks_base) + 1);
		return 0;
	}
	if (!script_name || !collector_path)
		return -1;
	while (*collector_path == '/')
		collector_path++;
	slen = strlen(script_name);
	clen = strlen(collector_path);
	if (clen == 0 || slen <= clen || strcmp(script_name + slen - clen, collector_path) != 0 ||
	    script_name[slen - clen - 1] != '/' || script_name[0] != '/')
		return -1;
	src = script_name;
	for (i = 0; i < slen - clen; i++) {
		unsigned char c = (unsigned char)src[i];

		if (path_safe(c)) {
			if (o + 1 >= outlen)
				return -1;
			out[o++] = (char)c;
		} else {
			if (o + 3 >= outlen)
				return -1;
			snprintf(out + o, 4, "%%%02X", c);
			o += 3;
		}
	}
	out[o] = '\0';
	/* "//" at the start would make a network-path reference (RFC 3986 §4.2) */
	while (o > 1 && out[0] == '/' && out[1] == '/') {
		memmove(out, out + 1, o);
		o--;
	}
	return 0;
}
