#include "escape.h"

enum buf_result html_escape(struct buf *out, const char *s, size_t len)
{
	size_t i, run = 0;
	enum buf_result rc;
	const char *ent;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&': ent = "&amp;"; break;
		case '<': ent = "&lt;"; break;
		case '>': ent = "&gt;"; break;
		case '"': ent = "&quot;"; break;
		case '\'': ent = "&#39;"; break;
		default: continue;
		}
		if (i > run && (rc = buf_add(out, s + run, i - run)) != BUF_OK)
			return rc;
		if ((rc = buf_adds(out, ent)) != BUF_OK)
			return rc;
		run = i + 1;
	}
	return len > run ? buf_add(out, s + run, len - run) : BUF_OK;
}

enum buf_result json_escape(struct buf *out, const char *s, size_t len)
{
	enum buf_result r = BUF_OK;
	size_t i;

	for (i = 0; i < len && r == BUF_OK; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '"': r = buf_adds(out, "\\\""); break;
		case '\\': r = buf_adds(out, "\\\\"); break;
		case '\n': r = buf_adds(out, "\\n"); break;
		case '\r': r = buf_adds(out, "\\r"); break;
		case '\t': r = buf_adds(out, "\\t"); break;
		case '<': case '>': case '&': r = buf_printf(out, "\\u%04x", c); break;
		default:
			r = c < 0x20 || c == 0x7f ? buf_printf(out, "\\u%04x", c) : buf_addc(out, (char)c);
		}
	}
	return r;
}
