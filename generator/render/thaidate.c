/* thaidate.c: dates, fiscal years and quarters as Thai readers expect them.
 * See thaidate.h.  Every formatter writes at most outlen bytes including the
 * NUL, cuts an over-long result at a character boundary (never inside a
 * Thai letter), writes nothing when outlen is 0, and returns out.
 */
#include "render/thaidate.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "model/numfmt.h"

#define BE_OFFSET 543

static const char *const month_short[12] = {
	"ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.",
	"ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."
};
static const char *const month_long[12] = {
	"มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน",
	"กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"
};
static const char *const month_english[12] = {
	"Jan", "Feb", "Mar", "Apr", "May", "Jun",
	"Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
};

/* Abbreviated Thai month name for m in 1..12, else NULL. */
const char *thai_month_short(int m)
{
	return (m >= 1 && m <= 12) ? month_short[m - 1] : NULL;
}

/* Full Thai month name for m in 1..12, else NULL. */
const char *thai_month_long(int m)
{
	return (m >= 1 && m <= 12) ? month_long[m - 1] : NULL;
}

/* Copy the UTF-8 string src into out under the rules at the top of this
 * file, converting digits to Thai ones when ds asks for it. */
static char *emit(const char *src, enum digit_style ds, char *out, size_t outlen)
{
	size_t n;

	assert(out || outlen == 0);
	if (outlen == 0)
		return out;
	if (ds == DIGITS_THAI)
		return num_thai_digits(src, out, outlen);
	n = strlen(src);
	if (n >= outlen) {
		n = outlen - 1;
		while (n > 0 && ((unsigned char)src[n] & 0xC0) == 0x80)
			n--; /* back off to the start of the cut character */
	}
	memcpy(out, src, n);
	out[n] = '\0';
	return out;
}

/* "5 ม.ค. 2569": day without a leading zero, BE year. */
char *thaidate_short(pdate t, enum digit_style ds, char *out, size_t outlen)
{
	char tmp[64];
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	snprintf(tmp, sizeof tmp, "%d %s %d", d, month_short[m - 1], y + BE_OFFSET);
	return emit(tmp, ds, out, outlen);
}

/* "5 มกราคม 2569". */
char *thaidate_long(pdate t, enum digit_style ds, char *out, size_t outlen)
{
	char tmp[80];
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	snprintf(tmp, sizeof tmp, "%d %s %d", d, month_long[m - 1], y + BE_OFFSET);
	return emit(tmp, ds, out, outlen);
}

/* "ม.ค. 2569"; a month outside 1..12 gives "". */
char *thaidate_month(int ce_year, int month, enum digit_style ds, char *out, size_t outlen)
{
	char tmp[64];

	if (month < 1 || month > 12)
		tmp[0] = '\0';
	else
		snprintf(tmp, sizeof tmp, "%s %d", month_short[month - 1], ce_year + BE_OFFSET);
	return emit(tmp, ds, out, outlen);
}

/* "5 Jan 2026" (CE, Arabic digits). */
char *date_english(pdate t, char *out, size_t outlen)
{
	char tmp[64];
	int y, m, d;

	date_to_ymd(t, &y, &m, &d);
	snprintf(tmp, sizeof tmp, "%d %s %d", d, month_english[m - 1], y);
	return emit(tmp, DIGITS_ARABIC, out, outlen);
}

/* "ปีงบประมาณ 2569". */
char *thaidate_fiscal_year(int fy, enum digit_style ds, char *out, size_t outlen)
{
	char tmp[64];

	snprintf(tmp, sizeof tmp, "ปีงบประมาณ %d", fy);
	return emit(tmp, ds, out, outlen);
}

/* "ไตรมาส 2/2569". */
char *thaidate_quarter(int fy, int q, enum digit_style ds, char *out, size_t outlen)
{
	char tmp[64];

	snprintf(tmp, sizeof tmp, "ไตรมาส %d/%d", q, fy);
	return emit(tmp, ds, out, outlen);
}
