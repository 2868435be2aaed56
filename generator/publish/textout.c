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

enum buf_result csv_field_n(struct buf *b, const char *s, size_t len)
{
	enum buf_result r = BUF_OK;
	size_t i;
	int quote, formula;

	if (!s || !len)
		return BUF_OK;
	formula = s[0] && strchr(CSV_FORMULA_START, s[0]) != NULL;
	quote = s[0] == ' ' || s[len - 1] == ' ';
	for (i = 0; i < len && !quote; i++)
		quote = s[i] == ',' || s[i] == '"' || s[i] == '\r' || s[i] == '\n';
	if (!quote && !formula)
		return buf_add(b, s, len);
	if (quote)
		r = buf_addc(b, '"');
	if (formula && r == BUF_OK)
		r = buf_addc(b, '\'');
	for (i = 0; i < len && r == BUF_OK; i++)
		r = s[i] == '"' ? buf_adds(b, "\"\"") : buf_addc(b, s[i]);
	return r == BUF_OK && quote ? buf_addc(b, '"') : r;
}

enum buf_result csv_field(struct buf *b, const char *s)
{
	return csv_field_n(b, s, s ? strlen(s) : 0);
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
