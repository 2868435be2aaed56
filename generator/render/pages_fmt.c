/* pages_fmt.c: the pg_ formatters (pages_int.h). */
#include "render/pages.h"

#include <stdio.h>
#include <string.h>

#include "model/numfmt.h"
#include "render/thaidate.h"
#include "render/pages_int.h"

/* ---- formatting ---- */

const char *pg_disp(const struct site_ctx *sc, struct arena *a, const char *s)
{
	char out[512];

	if (sc->m->site.digits != DIGITS_THAI)
		return s;
	num_thai_digits(s, out, sizeof(out));
	return arena_strdup(a, out);
}

const char *pg_money(const struct site_ctx *sc, struct arena *a, int64_t satang)
{
	char b[64];

	num_format_money(satang, b, sizeof(b));
	return pg_disp(sc, a, arena_strdup(a, b));
}

const char *pg_pct(const struct site_ctx *sc, struct arena *a, int64_t h)
{
	char b[64];

	num_format_decimal(h, b, sizeof(b));
	return pg_disp(sc, a, arena_printf(a, "%s%%", b));
}

const char *pg_dec(const struct site_ctx *sc, struct arena *a, int64_t h)
{
	char b[64];

	num_format_decimal(h, b, sizeof(b));
	return pg_disp(sc, a, arena_strdup(a, b));
}

const char *pg_integer(const struct site_ctx *sc, struct arena *a, int64_t v)
{
	char b[64];

	num_format_int(v, b, sizeof(b));
	return pg_disp(sc, a, arena_strdup(a, b));
}

const char *pg_tdate(const struct site_ctx *sc, struct arena *a, pdate t)
{
	char b[128];

	thaidate_short(t, sc->m->site.digits, b, sizeof(b));
	return arena_strdup(a, b);
}

const char *pg_isodate(struct arena *a, pdate t)
{
	char b[11];

	date_iso(t, b);
	return arena_strdup(a, b);
}

const char *pg_fy_label(const struct site_ctx *sc, struct arena *a, int fy)
{
	char b[128];

	thaidate_fiscal_year(fy, sc->m->site.digits, b, sizeof(b));
	return arena_strdup(a, b);
}

const char *pg_root_of(struct arena *a, int depth)
{
	char *r = arena_alloc(a, (size_t)depth * 3 + 1);
	int i;

	for (i = 0; i < depth; i++)
		memcpy(r + i * 3, "../", 3);
	return r;
}

/* Set a string and a Thai-digit-aware copy under the same key. */
void pg_set_str(struct arena *a, struct tval *v, const char *k, const char *s)
{
	if (s)
		tv_sets(a, v, k, s);
}

void pg_set_opt(struct arena *a, struct tval *v, const char *k, const char *s)
{
	if (s)
		tv_sets(a, v, k, s);
	else
		tv_setb(a, v, k, 0);
}

const char *pg_name_of(const struct named *n)
{
	return n ? n->name : "";
}
