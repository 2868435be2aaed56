/* track.c: see track.h. */
#include "track.h"

#include <string.h>

#include "urlenc.h"

int track_code_from_query(const char *query, char out[TRACKCODE_SIZE])
{
	char value[TRACK_QUERY_MAX + 1];
	size_t qlen, i, k;
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
	k = strcspn(p, "&");
	memcpy(value, p, k);
	k = urlenc_decode(value, k);
	if (k == (size_t)-1 || k > TRACK_CODE_INPUT_MAX)
		return -1;
	for (i = 0; i < k; i++)
		if ((unsigned char)value[i] < 0x20 || (unsigned char)value[i] >= 0x7f)
			return -1; /* a code is printable ASCII */
	value[k] = '\0';
	return trackcode_normalize(value, out);
}

int track_query_has(const char *query, const char *param)
{
	size_t n = strlen(param), k;
	const char *p;

	if (!query || strnlen(query, TRACK_QUERY_MAX + 1) > TRACK_QUERY_MAX)
		return 0;
	for (p = query; *p; p += k + (p[k] == '&')) {
		k = strcspn(p, "&");
		if (k == n && strncmp(p, param, n) == 0)
			return 1;
	}
	return 0;
}
