/* utf8.h: strict UTF-8 validation (RFC 3629 §4: no overlongs, no surrogates,
 * nothing above U+10FFFF). */
#ifndef PRONGSAI_UTF8_H
#define PRONGSAI_UTF8_H

#include <stddef.h>

/* Return 1 if s[0..len) is valid UTF-8.  Otherwise return 0 and, when bad is
 * not NULL, store the byte offset of the first invalid sequence. */
int utf8_valid(const char *s, size_t len, size_t *bad);

/* Decode one code point at s (len bytes available).  Returns the number of
 * bytes consumed (1..4) and stores the code point, or 0 for an invalid or
 * truncated sequence. */
size_t utf8_decode(const char *s, size_t len, unsigned *cp);

/* Number of code points in a valid UTF-8 string (invalid bytes count as one). */
size_t utf8_count(const char *s, size_t len);

/* The length of s[0..len) without a multi-byte sequence that the end cuts
 * short (as snprintf leaves it when it truncates), so that a text cut at
 * len bytes never ends mid-character.  Other bytes are left as they are. */
size_t utf8_whole_prefix(const char *s, size_t len);

/* Is cp a space or an invisible character (Unicode White_Space, ZWSP,
 * ZWNJ, ZWJ, WORD JOINER, BOM, SOFT HYPHEN, U+180E)?  1 or 0. */
int utf8_is_blank(unsigned cp);

/* Is cp a bidirectional formatting character (UAX #9 §2: embeddings,
 * overrides, isolates, LRM, RLM, ALM)?  1 or 0. */
int utf8_is_bidi_control(unsigned cp);

/* Is cp U+2028 LINE SEPARATOR or U+2029 PARAGRAPH SEPARATOR (a line break
 * that one-line fields, terminals and CSV readers do not expect)?  1 or 0. */
int utf8_is_line_separator(unsigned cp);

/* Put the valid UTF-8 text v[0..len) into Unicode Normalization Form C
 * (UAX #15, libunistring's u8_normalize) in place, NUL-terminated, and
 * return the new length.  When the NFC form is longer than len (a few
 * composition exclusions, such as U+0958 or Hebrew presentation forms) or
 * cannot be computed (out of memory), v is left as it was and len returned. */
size_t utf8_nfc(char *v, size_t len);

/* Copy s[0..len) to out (len + 1 bytes), as staff should see it: bidi
 * controls dropped (the order shown is the order sent) and U+2028/U+2029
 * made "\n"; returns the new length (<= len), out NUL-terminated.  out
 * may be s itself (in place). */
size_t utf8_for_staff(const char *s, size_t len, char *out);

#endif
