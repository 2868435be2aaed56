/* test_numfmt.c: exact money parsing, formatting, Thai digits, muldiv. */
#include <stdint.h>

#include "check.h"
#include "model/numfmt.h"

/* Parse s; return the result code and store the value (or -777 if unset). */
static int parse(const char *s, int64_t *v)
{
	*v = -777;
	return num_parse_hundredths(s, v);
}

static void test_parse(void)
{
	int64_t v;

	CHECK_INT(parse("1,250,000.00", &v), NUM_OK); CHECK_INT(v, 125000000);
	CHECK_INT(parse("1,250,000.50", &v), NUM_OK); CHECK_INT(v, 125000050);
	CHECK_INT(parse("1250000", &v), NUM_OK); CHECK_INT(v, 125000000);
	CHECK_INT(parse("0.5", &v), NUM_OK); CHECK_INT(v, 50);
	CHECK_INT(parse("0.05", &v), NUM_OK); CHECK_INT(v, 5);
	CHECK_INT(parse("45.25", &v), NUM_OK); CHECK_INT(v, 4525);
	CHECK_INT(parse("0", &v), NUM_OK); CHECK_INT(v, 0);
	CHECK_INT(parse("0.00", &v), NUM_OK); CHECK_INT(v, 0);
	CHECK_INT(parse("100", &v), NUM_OK); CHECK_INT(v, 10000);
	CHECK_INT(parse("999", &v), NUM_OK); CHECK_INT(v, 99900);
	CHECK_INT(parse("1,000", &v), NUM_OK); CHECK_INT(v, 100000);
	CHECK_INT(parse("12,345", &v), NUM_OK); CHECK_INT(v, 1234500);
	CHECK_INT(parse("123,456.7", &v), NUM_OK); CHECK_INT(v, 12345670);

	/* syntax */
	CHECK_INT(parse("1,25,000", &v), NUM_SYNTAX);
	CHECK_INT(parse("1250,000", &v), NUM_SYNTAX);
	CHECK_INT(parse("1,250,00", &v), NUM_SYNTAX);
	CHECK_INT(parse("1,2500", &v), NUM_SYNTAX);
	CHECK_INT(parse(",250", &v), NUM_SYNTAX);
	CHECK_INT(parse("250,", &v), NUM_SYNTAX);
	CHECK_INT(parse("1,,250", &v), NUM_SYNTAX);
	CHECK_INT(parse("1,250.", &v), NUM_SYNTAX);
	CHECK_INT(parse("", &v), NUM_SYNTAX);
	CHECK_INT(parse(" 5", &v), NUM_SYNTAX);
	CHECK_INT(parse("5 ", &v), NUM_SYNTAX);
	CHECK_INT(parse("5 บาท", &v), NUM_SYNTAX);
	CHECK_INT(parse("+5", &v), NUM_SYNTAX);
	CHECK_INT(parse(".5", &v), NUM_SYNTAX);
	CHECK_INT(parse("5.", &v), NUM_SYNTAX);
	CHECK_INT(parse("1e5", &v), NUM_SYNTAX);
	CHECK_INT(parse("1.2.3", &v), NUM_SYNTAX);
	CHECK_INT(parse("1.2a", &v), NUM_SYNTAX);
	CHECK_INT(parse("abc", &v), NUM_SYNTAX);
	CHECK_INT(parse("๕", &v), NUM_SYNTAX);
	CHECK_INT(parse("-", &v), NUM_SYNTAX);
	CHECK_INT(parse("-x", &v), NUM_SYNTAX);
	CHECK_INT(parse("--5", &v), NUM_SYNTAX);
	/* leading zeros are rejected: YAML 1.1 reads 010 as octal 8 */
	CHECK_INT(parse("007", &v), NUM_SYNTAX);
	CHECK_INT(parse("00", &v), NUM_SYNTAX);
	CHECK_INT(parse("00.5", &v), NUM_SYNTAX);
	CHECK_INT(parse("0,250", &v), NUM_SYNTAX);
	CHECK_INT(parse("1,050", &v), NUM_OK); CHECK_INT(v, 105000); /* zeros inside groups are fine */

	/* precision */
	CHECK_INT(parse("1.234", &v), NUM_PRECISION);
	CHECK_INT(parse("1.230", &v), NUM_PRECISION);
	CHECK_INT(parse("0.001", &v), NUM_PRECISION);
	CHECK_INT(v, -777);

	/* negative */
	CHECK_INT(parse("-5", &v), NUM_NEGATIVE);
	CHECK_INT(parse("-0", &v), NUM_NEGATIVE);
	CHECK_INT(parse("-1,250.50", &v), NUM_NEGATIVE);
	CHECK_INT(v, -777);

	/* range: at most 10^15 baht */
	CHECK_INT(parse("1000000000000000", &v), NUM_OK); CHECK_INT(v, INT64_C(100000000000000000));
	CHECK_INT(parse("1,000,000,000,000,000.00", &v), NUM_OK);
	CHECK_INT(parse("1000000000000000.01", &v), NUM_RANGE);
	CHECK_INT(parse("1000000000000001", &v), NUM_RANGE);
	CHECK_INT(parse("99999999999999999999999999999999", &v), NUM_RANGE);
	CHECK_INT(parse("99999999999999999999999999999999.1", &v), NUM_RANGE);
	CHECK_INT(parse("9,223,372,036,854,775,808", &v), NUM_RANGE);
	CHECK_INT(parse("99999999999999999999x", &v), NUM_SYNTAX);
	CHECK_INT(v, -777);
}

static void test_format(void)
{
	char b[64];

	CHECK_STR(num_format_money(0, b, sizeof b), "0.00");
	CHECK_STR(num_format_money(5, b, sizeof b), "0.05");
	CHECK_STR(num_format_money(50, b, sizeof b), "0.50");
	CHECK_STR(num_format_money(125000050, b, sizeof b), "1,250,000.50");
	CHECK_STR(num_format_money(125000000, b, sizeof b), "1,250,000.00");
	CHECK_STR(num_format_money(99999, b, sizeof b), "999.99");
	CHECK_STR(num_format_money(100000, b, sizeof b), "1,000.00");
	CHECK_STR(num_format_money(-5, b, sizeof b), "-0.05");
	CHECK_STR(num_format_money(-125000050, b, sizeof b), "-1,250,000.50");
	CHECK_STR(num_format_money(INT64_MAX, b, sizeof b), "92,233,720,368,547,758.07");
	CHECK_STR(num_format_money(INT64_MIN, b, sizeof b), "-92,233,720,368,547,758.08");
	CHECK_STR(num_format_money(125000050, b, 6), "1,250"); /* truncated */
	b[0] = 'x';
	num_format_money(1, b, 0);
	CHECK(b[0] == 'x');

	CHECK_STR(num_format_decimal(4550, b, sizeof b), "45.50");
	CHECK_STR(num_format_decimal(4500, b, sizeof b), "45");
	CHECK_STR(num_format_decimal(4505, b, sizeof b), "45.05");
	CHECK_STR(num_format_decimal(123456700, b, sizeof b), "1,234,567");
	CHECK_STR(num_format_decimal(0, b, sizeof b), "0");
	CHECK_STR(num_format_decimal(-4550, b, sizeof b), "-45.50");
	CHECK_STR(num_format_decimal(-50, b, sizeof b), "-0.50");

	CHECK_STR(num_format_int(0, b, sizeof b), "0");
	CHECK_STR(num_format_int(999, b, sizeof b), "999");
	CHECK_STR(num_format_int(1000, b, sizeof b), "1,000");
	CHECK_STR(num_format_int(1234567, b, sizeof b), "1,234,567");
	CHECK_STR(num_format_int(-1234567, b, sizeof b), "-1,234,567");
	CHECK_STR(num_format_int(INT64_MIN, b, sizeof b), "-9,223,372,036,854,775,808");

	/* parse(format(x)) == x */
	{
		static const int64_t vals[] = { 0, 1, 99, 100, 101, 99999, 100000, 123456789,
			INT64_C(100000000000000000) };
		size_t i;
		int64_t v;
		for (i = 0; i < sizeof vals / sizeof vals[0]; i++) {
			num_format_money(vals[i], b, sizeof b);
			CHECK(num_parse_hundredths(b, &v) == NUM_OK && v == vals[i]);
		}
	}
}

static void test_thai_digits(void)
{
	char b[64];

	CHECK_STR(num_thai_digits("0123456789", b, sizeof b), "๐๑๒๓๔๕๖๗๘๙");
	CHECK_STR(num_thai_digits("5 ม.ค. 2569", b, sizeof b), "๕ ม.ค. ๒๕๖๙");
	CHECK_STR(num_thai_digits("1,250.00 บาท", b, sizeof b), "๑,๒๕๐.๐๐ บาท");
	CHECK_STR(num_thai_digits("", b, sizeof b), "");
	CHECK_STR(num_thai_digits("abc", b, sizeof b), "abc");
	/* cut at a character boundary, never inside a 3-byte digit */
	CHECK_STR(num_thai_digits("12", b, 4), "๑");
	CHECK_STR(num_thai_digits("12", b, 6), "๑");
	CHECK_STR(num_thai_digits("12", b, 7), "๑๒");
	CHECK_STR(num_thai_digits("1", b, 3), "");
	CHECK_STR(num_thai_digits("aก", b, 4), "a");
	CHECK_STR(num_thai_digits("aก", b, 5), "aก");
	b[0] = 'x';
	num_thai_digits("1", b, 0);
	CHECK(b[0] == 'x');
}

static void test_muldiv(void)
{
	CHECK_INT(num_muldiv(10, 20, 5), 40);
	CHECK_INT(num_muldiv(1, 1, 2), 1);      /* 0.5 -> 1 */
	CHECK_INT(num_muldiv(-1, 1, 2), -1);    /* -0.5 -> -1 */
	CHECK_INT(num_muldiv(1, -1, 2), -1);
	CHECK_INT(num_muldiv(-1, -1, 2), 1);
	CHECK_INT(num_muldiv(1, 1, 3), 0);      /* 0.33 -> 0 */
	CHECK_INT(num_muldiv(2, 1, 3), 1);      /* 0.67 -> 1 */
	CHECK_INT(num_muldiv(-2, 1, 3), -1);
	CHECK_INT(num_muldiv(5, 3, 2), 8);      /* 7.5 -> 8 */
	CHECK_INT(num_muldiv(-5, 3, 2), -8);
	CHECK_INT(num_muldiv(7, 1, 4), 2);      /* 1.75 -> 2 */
	CHECK_INT(num_muldiv(5, 1, 4), 1);      /* 1.25 -> 1 */
	CHECK_INT(num_muldiv(0, 123, 7), 0);
	/* 45.5% of 1,250,000.00 baht = 568,750.00: percent in hundredths,
	 * money in satang: money * pct / 10000 */
	CHECK_INT(num_muldiv(125000000, 4550, 10000), 56875000);
	/* disbursed/allocated as hundredths of a percent: 1/3 -> 33.33% */
	CHECK_INT(num_muldiv(100, 10000, 300), 3333);
	CHECK_INT(num_muldiv(200, 10000, 300), 6667);
	/* big operands: product far beyond 64 bits */
	CHECK_INT(num_muldiv(INT64_C(1) << 62, INT64_C(1) << 62, INT64_C(1) << 62), INT64_C(1) << 62);
	CHECK_INT(num_muldiv(INT64_C(4611686018427387903), INT64_C(4611686018427387903),
		INT64_C(4611686018427387904)), INT64_C(4611686018427387902));
	CHECK_INT(num_muldiv(INT64_C(100000000000000000), INT64_C(100000000000000000),
		INT64_C(100000000000000000)), INT64_C(100000000000000000));
	CHECK_INT(num_muldiv(-(INT64_C(1) << 62), INT64_C(3), INT64_C(3)), -(INT64_C(1) << 62));
	CHECK_INT(num_muldiv(INT64_MIN, 1, 1), INT64_MIN);
	/* clamped */
	CHECK_INT(num_muldiv(INT64_MAX, INT64_MAX, 1), INT64_MAX);
	CHECK_INT(num_muldiv(INT64_MAX, -INT64_MAX, 1), INT64_MIN);
	CHECK_INT(num_muldiv(INT64_MAX, 2, 1), INT64_MAX);
}

int main(void)
{
	test_parse();
	test_format();
	test_thai_digits();
	test_muldiv();
	return CHECK_RESULT();
}
