/* numfmt.h: exact money and decimal parsing, and Thai-style display.
 *
 * Money is an int64_t count of satang (1 baht = 100 satang).  Percentages and
 * other decimals with two places are int64_t hundredths ("basis points" of a
 * percent: 45.5% = 4550).  No floating point anywhere.
 */
#ifndef PRONGSAI_NUMFMT_H
#define PRONGSAI_NUMFMT_H

#include <stddef.h>
#include <stdint.h>

enum num_parse_result {
	NUM_OK = 0,
	NUM_SYNTAX = 1,     /* not a number of the accepted form */
	NUM_PRECISION = 2,  /* more than two decimal places */
	NUM_RANGE = 3,      /* too large (|value| above 10^15 baht) */
	NUM_NEGATIVE = 4    /* negative where not allowed */
};

/* Parse a non-negative decimal with at most two decimal places into
 * hundredths: "1250000", "1,250,000.50", "0.5", "45.25".  Thousands
 * separators must be in groups of three.  An optional trailing " บาท" is NOT
 * accepted (callers give plain numbers).  Leading '+' is rejected; a leading
 * '-' gives NUM_NEGATIVE ("-0" included).  Also NUM_SYNTAX: "", any space,
 * ".5", "5.", and leading zeros ("007", "00.5": YAML 1.1 reads 010 as octal,
 * so such values are ambiguous).  Checked in the order SYNTAX, PRECISION,
 * RANGE.  10^15 baht itself is accepted.  On failure *out is unchanged. */
enum num_parse_result num_parse_hundredths(const char *s, int64_t *out);

/* Format hundredths with thousands separators and exactly two decimals:
 * 125000050 -> "1,250,000.50".  Negative values get a leading '-'.
 * Writes at most outlen bytes including the NUL (cutting the text; nothing
 * when outlen is 0; 32 bytes always suffice); returns out.  The two
 * formatters below behave alike. */
char *num_format_money(int64_t hundredths, char *out, size_t outlen);

/* Format hundredths with two decimals but trailing ".00" dropped and
 * thousands separators: 4550 -> "45.50", 4500 -> "45", 123456700 -> "1,234,567". */
char *num_format_decimal(int64_t hundredths, char *out, size_t outlen);

/* Format non-negative hundredths as a plain YAML number as a person types
 * it, no separators, decimals only when there are some: 123450 ->
 * "1234.50", 5000 -> "50" (what `new` and `sheet import` write). */
char *num_format_plain(int64_t hundredths, char *out, size_t outlen);

/* Format an integer with thousands separators: 1234567 -> "1,234,567". */
char *num_format_int(int64_t v, char *out, size_t outlen);

/* Replace ASCII digits 0-9 in a UTF-8 string by Thai digits ๐-๙, writing into
 * out (at most outlen bytes including NUL; the output is cut at a character
 * boundary if too long).  Returns out. */
char *num_thai_digits(const char *in, char *out, size_t outlen);

/* a * b / c rounded half away from zero, without overflow for |a|,|b| up to
 * 2^62 and c > 0 (uses 128-bit arithmetic where available, else long
 * division).  Used for percentages of money and weighted averages.  A
 * result outside int64_t is clamped to INT64_MIN / INT64_MAX. */
int64_t num_muldiv(int64_t a, int64_t b, int64_t c);

#endif
