#include "track.h"

#include <string.h>

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int track_code_from_query(const char *query, char out[TRACKCODE_SIZE])
{
	char value[65];
	size_t qlen, i, k = 0;
	const char *p;

	if (!query)
		return -1;
	qlen = strnlen(query, TRACK_QUERY_MAX + 1);
	if (qlen > TRACK_QUERY_MAX)
		return -1;
	/* find "code=" at the start or after '&' */
	for (p = query; p; p = strchr(p, '&')) {
		if (*p == '&')
			p++;
		if (strncmp(p, "code=", 5) == 0)
			break;
	}
	if (!p)
		return -1;
	p += 5;
	for (i = 0; p[i] && p[i] != '&'; i++) {
		char c = p[i];
		if (k >= sizeof(value) - 1)
			return -1;
		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			int hi = hexval(p[i + 1]), lo = hi < 0 ? -1 : hexval(p[i + 2]);
			if (hi < 0 || lo < 0)
				return -1;
			c = (char)(hi * 16 + lo);
			i += 2;
		}
		if ((unsigned char)c < 0x20 || (unsigned char)c >= 0x7f)
			return -1; /* a code is printable ASCII */
		value[k++] = c;
	}
	value[k] = '\0';
	return trackcode_normalize(value, out);
}
