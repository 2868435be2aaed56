/* origin.c: allowed origins for form posts (RFC 6454); see origin.h. */
#include "origin.h"

#include <assert.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

int origin_of_url(const char *url, char *out, size_t outlen)
{
	const char *p, *host, *end;
	size_t scheme_len, host_len, i;
	int https, n;
	long port = -1;
	char hostbuf[256];

	if (!url)
		return -1;
	if (strncasecmp(url, "https://", 8) == 0) {
		https = 1; scheme_len = 5;
	} else if (strncasecmp(url, "http://", 7) == 0) {
		https = 0; scheme_len = 4;
	} else {
		return -1;
	}
	host = url + scheme_len + 3;
	end = host + strcspn(host, "/?#");
	if (memchr(host, '@', (size_t)(end - host)))
		return -1; /* userinfo has no place in an origin */
	p = host;
	if (*p == '[') { /* IPv6 literal (RFC 3986 §3.2.2) */
		const char *close = memchr(p, ']', (size_t)(end - p));

		if (!close)
			return -1;
		p = close + 1;
	} else {
		while (p < end && *p != ':')
			p++;
	}
	host_len = (size_t)(p - host);
	if (host_len == 0 || host_len >= sizeof hostbuf)
		return -1;
	for (i = 0; i < host_len; i++) {
		unsigned char c = (unsigned char)host[i];

		if (!(isalnum(c) || c == '.' || c == '-' || c == '[' || c == ']' || c == ':'))
			return -1;
		hostbuf[i] = (char)tolower(c);
	}
	hostbuf[host_len] = '\0';
	if (p < end) {
		if (*p != ':')
			return -1;
		p++;
		if (p < end) { /* "host:" alone is the default port (RFC 3986 §3.2.3) */
			port = 0;
			for (; p < end; p++) {
				if (!isdigit((unsigned char)*p) || port > 65535)
					return -1;
				port = port * 10 + (*p - '0');
			}
			if (port < 1 || port > 65535)
				return -1;
		}
	}
	if (port == (https ? 443 : 80))
		port = -1;
	if (port > 0)
		n = snprintf(out, outlen, "%s://%s:%ld", https ? "https" : "http", hostbuf, port);
	else
		n = snprintf(out, outlen, "%s://%s", https ? "https" : "http", hostbuf);
	return n < 0 || (size_t)n >= outlen ? -1 : 0;
}

int origin_list_has(const char *list, const char *origin)
{
	size_t len = strlen(origin);
	const char *p = list;

	if (!list || len == 0)
		return 0;
	while (*p) {
		size_t tok = strcspn(p, " ");

		if (tok == len && memcmp(p, origin, len) == 0)
			return 1;
		p += tok;
		p += strspn(p, " ");
	}
	return 0;
}

int origin_list_add(char *list, size_t listlen, const char *url)
{
	char o[ORIGIN_MAX];
	size_t used, count = 0;
	const char *p;

	assert(list && listlen > 0);
	if (origin_of_url(url, o, sizeof o) < 0)
		return -1;
	if (origin_list_has(list, o))
		return 0;
	for (p = list + strspn(list, " "); *p; p += strspn(p, " ")) {
		count++;
		p += strcspn(p, " ");
	}
	used = strlen(list);
	if (count >= ORIGIN_LIST_MAX || used + (used > 0) + strlen(o) + 1 > listlen)
		return -1;
	if (used)
		list[used++] = ' ';
	memcpy(list + used, o, strlen(o) + 1);
	return 0;
}

/* The verdict for one header value that must name a single allowed origin:
 * a whole URL when from_url (Referer), else exactly a serialised origin. */
static enum origin_verdict judge(const char *list, const char *value, int from_url)
{
	char o[ORIGIN_MAX];
	const char *host = strstr(value, "://");

	if (!host || (!from_url && strpbrk(host + 3, "/?#@ ")) || strpbrk(value, " \t\r\n"))
		return ORIGIN_FOREIGN; /* "null", a list of origins, a path, garbage */
	if (origin_of_url(value, o, sizeof o) < 0)
		return ORIGIN_FOREIGN;
	return origin_list_has(list, o) ? ORIGIN_ALLOWED : ORIGIN_FOREIGN;
}

enum origin_verdict origin_check(const char *list, const char *origin_hdr, const char *referer)
{
	if (origin_hdr)
		return judge(list, origin_hdr, 0);
	if (referer)
		return judge(list, referer, 1);
	return ORIGIN_NONE;
}
