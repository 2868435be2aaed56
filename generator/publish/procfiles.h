/* procfiles.h: the สขร.1 (monthly procurement summary) as files to
 * download, the way agencies post them: CSV and .xlsx (libxlsxwriter).
 *
 * For every fiscal year of site.yaml: procurement/<FY>/sor-kor-1-<FY>.csv
 * and .xlsx (the whole year), and procurement/<FY>/<MM>/sor-kor-1-<FY>-<MM>
 * .csv and .xlsx (one month).  Rows follow the official form: month,
 * number, item, budget ceiling (วงเงินที่จะซื้อหรือจ้าง), reference price
 * (ราคากลาง), method, bidders and prices, supplier, agreed price, reason,
 * contract number and date, e-GP number, source of funds.  A month without
 * records is one row saying so in the note column, in the words of the
 * pages (procure.h): ไม่มีการจัดซื้อจัดจ้าง only when recorded none,
 * ยังไม่ถึงรอบ before the month has ended, ยังไม่ได้บันทึก otherwise.
 * CSV cells go through csv_field() (textout.h); money is baht with two
 * decimals.  In the .xlsx, money cells are numbers (baht) and text cells
 * are strings, never formulas. */
#ifndef PRONGSAI_PROCFILES_H
#define PRONGSAI_PROCFILES_H

#include <stddef.h>
#include "publish/output.h"
#include "render/pages.h"

/* Bytes of one CSV file at most (the .xlsx is written by the library). */
#define PROCFILES_MAX_SIZE (64u * 1024 * 1024)

/* 1 if rel is a file procfiles_write() writes for the model. */
int procfiles_has(const struct model *m, const char *rel);

/* Write every file.  Returns 0, or -1 with a message in err (the output
 * is then marked failed, so nothing is published). */
int procfiles_write(const struct site_ctx *sc, struct outdir *out, char *err, size_t errlen);

#endif
