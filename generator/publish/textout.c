/* textout.c: CSV, JSON and XML escaping. */
#include "publish/textout.h"

#include <string.h>

#include "escape.h"

enum buf_result out_decimal(struct buf *b, int64_t h)
{
	uint64_t u = h < 0 ? (uint64_t)0 - (uint64_t)h : (uint64_t)h;

	return buf_printf(b, "%s%llu.%02llu", h < 0 ? "-" : "", (unsigned long long)(u / 100),
		(unsigned long long)(u % 100));
}

enum buf_result csv_field(struct buf *b, const char *s)
{
	enum buf_result r = BUF_OK;

	if (!s)
		return BUF_OK;
	if (!strpbrk(s, ",\"\r\n") && s[0] != ' ')
		return buf_adds(b, s);
	r = buf_addc(b, '"');
	for (; *s && r == BUF_OK; s++)
		r = *s == '"' ? buf_adds(b, "\"\"") : buf_addc(b, *s);
	return r == BUF_OK ? buf_addc(b, '"') : r;
}

enum buf_result json_str(struct buf *b, const char *s)
{
	enum buf_result r;

	if (!s)
		return buf_adds(b, "null");
	if ((r = buf_addc(b, '"')) != BUF_OK || (r = json_escape(b, s, strlen(s))) != BUF_OK)
		return r;
	return buf_addc(b, '"');
}

enum buf_result xml_text(struct buf *b, const char *s)
{
	enum buf_result r = BUF_OK;

	for (; s && *s && r == BUF_OK; s++) {
		switch (*s) {
		case '&': r = buf_adds(b, "&amp;"); break;
		case '<': r = buf_adds(b, "&lt;"); break;
		case '>': r = buf_adds(b, "&gt;"); break;
		case '"': r = buf_adds(b, "&quot;"); break;
		case '\'': r = buf_adds(b, "&apos;"); break;
		default:
			/* control characters are not allowed in XML 1.0 */
			r = (unsigned char)*s < 0x20 && *s != '\n' && *s != '\t' && *s != '\r' ?
				buf_addc(b, ' ') : buf_addc(b, *s);
		}
	}
	return r;
}

enum buf_result out_date(struct buf *b, pdate t)
{
	char iso[11];

	date_iso(t, iso);
	return buf_adds(b, iso);
}
