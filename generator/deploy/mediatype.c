/* mediatype.c: see mediatype.h. */
#include "deploy/mediatype.h"

#include <string.h>
#include <strings.h>

static const struct { const char *ext, *type; } types[] = {
	{ ".html", "text/html; charset=utf-8" },
	{ ".css", "text/css; charset=utf-8" },
	{ ".js", "text/javascript; charset=utf-8" },
	{ ".mjs", "text/javascript; charset=utf-8" },
	{ ".json", "application/json" },
	{ ".geojson", "application/geo+json" },
	{ ".webmanifest", "application/manifest+json" },
	{ ".xml", "application/xml" },
	{ ".rss", "application/rss+xml" },
	{ ".atom", "application/atom+xml" },
	{ ".txt", "text/plain; charset=utf-8" },
	{ ".csv", "text/csv; charset=utf-8" },
	{ ".ics", "text/calendar; charset=utf-8" },
	{ ".svg", "image/svg+xml" },
	{ ".png", "image/png" },
	{ ".jpg", "image/jpeg" },
	{ ".jpeg", "image/jpeg" },
	{ ".webp", "image/webp" },
	{ ".gif", "image/gif" },
	{ ".ico", "image/x-icon" },
	{ ".pdf", "application/pdf" },
	{ ".woff2", "font/woff2" },
	{ ".woff", "font/woff" },
	{ ".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
	{ ".docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
	{ ".ods", "application/vnd.oasis.opendocument.spreadsheet" },
	{ ".odt", "application/vnd.oasis.opendocument.text" },
	{ ".zip", "application/zip" },
	{ ".gz", "application/gzip" },
};

const char *mediatype_of(const char *path)
{
	size_t pl = strlen(path), i;

	for (i = 0; i < sizeof types / sizeof types[0]; i++) {
		size_t el = strlen(types[i].ext);
		if (pl > el && strcasecmp(path + pl - el, types[i].ext) == 0)
			return types[i].type;
	}
	return "application/octet-stream";
}

int mediatype_is_page(const char *path)
{
	const char *t = mediatype_of(path);

	return strncmp(t, "text/html", 9) == 0 || strcmp(t, "application/xml") == 0 ||
	       strcmp(t, "application/json") == 0 || strncmp(t, "application/rss", 15) == 0 ||
	       strncmp(t, "application/atom", 16) == 0 || strncmp(t, "text/plain", 10) == 0 ||
	       strncmp(path, ".prongsai", 9) == 0;
}
