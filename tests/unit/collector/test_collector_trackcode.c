/* Unit tests of common/trackcode.c. */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "trackcode.h"

static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int main(void)
{
	unsigned char zero[TRACKCODE_RANDOM_BYTES] = { 0 }, ones[TRACKCODE_RANDOM_BYTES];
	char c[TRACKCODE_SIZE], d[TRACKCODE_SIZE], typo[TRACKCODE_SIZE], seen[200][TRACKCODE_SIZE];
	int i, j, k, caught = 0, swaps = 0, dup = 0;

	trackcode_from_bytes(zero, c);
	CHECK_STR(c, "0000-0000-0000-0000");
	memset(ones, 0xFF, sizeof ones);
	trackcode_from_bytes(ones, c);
	CHECK_INT(strlen(c), TRACKCODE_LEN);
	CHECK(strncmp(c, "ZZZZ-ZZZZ-ZZZZ-ZZZ", 18) == 0);
	CHECK_INT(trackcode_normalize(c, d), 0);
	CHECK_STR(d, c);
	for (i = 0; i < 200; i++) {
		CHECK_INT(trackcode_new(seen[i]), 0);
		CHECK_INT(strlen(seen[i]), TRACKCODE_LEN);
		CHECK(seen[i][4] == '-' && seen[i][9] == '-' && seen[i][14] == '-');
		CHECK_INT(trackcode_normalize(seen[i], d), 0);
		for (j = 0; j < i; j++)
			dup |= strcmp(seen[i], seen[j]) == 0;
	}
	CHECK(!dup);
	/* as people type it: lower case, no hyphens, spaces, O for 0, I/L for 1 */
	trackcode_from_bytes(zero, c);
	CHECK_INT(trackcode_normalize("oooo oooo-OOOO0000", d), 0);
	CHECK_STR(d, "0000-0000-0000-0000");
	strcpy(c, seen[0]);
	for (i = 0; c[i]; i++)
		d[i] = (char)(c[i] >= 'A' && c[i] <= 'Z' ? c[i] - 'A' + 'a' : c[i]);
	d[i] = '\0';
	CHECK_INT(trackcode_normalize(d, typo), 0);
	CHECK_STR(typo, c);
	/* every single substitution is caught by the check symbol */
	for (i = 0; i < TRACKCODE_LEN; i++) {
		if (c[i] == '-')
			continue;
		for (k = 0; k < 32; k++) {
			if (alphabet[k] == c[i])
				continue;
			strcpy(typo, c);
			typo[i] = alphabet[k];
			caught += trackcode_normalize(typo, d) != 0;
		}
	}
	CHECK_INT(caught, 16 * 31);
	/* most swaps of neighbours too */
	for (i = 0; i + 1 < TRACKCODE_LEN; i++) {
		if (c[i] == '-' || c[i + 1] == '-' || c[i] == c[i + 1])
			continue;
		strcpy(typo, c);
		typo[i] = c[i + 1];
		typo[i + 1] = c[i];
		swaps += trackcode_normalize(typo, d) != 0;
	}
	CHECK(swaps >= 8);
	/* wrong lengths and symbols */
	CHECK_INT(trackcode_normalize("", d), -1);
	CHECK_INT(trackcode_normalize(NULL, d), -1);
	CHECK_INT(trackcode_normalize("0000-0000-0000-000", d), -1);
	CHECK_INT(trackcode_normalize("0000-0000-0000-00000", d), -1);
	CHECK_INT(trackcode_normalize("0000-0000-0000-000U", d), -1);
	CHECK_INT(trackcode_normalize("0000-0000-0000-000/", d), -1);
	CHECK_INT(trackcode_normalize("../../etc/passwd", d), -1);
	return CHECK_RESULT();
}
