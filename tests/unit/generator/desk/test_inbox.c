/* test_inbox.c: the pieces of `prongsai inbox` that need no database: CSV
 * cells (quoting, formula injection), Thai time from created_at, unsealing
 * (round trip, wrong key, damaged, short), and the key file's mode check. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#include "check.h"
#include "desk/csvout.h"
#include "desk/inbox_cmd.h"
#include "desk/inbox_db.h"
#include "desk/inbox_key.h"
#include "desk/purge.h"

/* The CSV of one record of the given cells, without the BOM and CRLF. */
static const char *csv_of(const char *const *cells, size_t n)
{
	static char out[1024];
	struct csv c;
	FILE *f = fmemopen(out, sizeof out, "w");
	size_t i, len;

	if (!f)
		return "(fmemopen failed)";
	csv_begin(&c, f);
	for (i = 0; i < n; i++)
		csv_cells(&c, cells[i]);
	csv_row_end(&c);
	CHECK_INT(csv_end(&c), 0);
	fclose(f);
	len = strlen(out);
	CHECK(len >= 5 && memcmp(out, "\xEF\xBB\xBF", 3) == 0 && memcmp(out + len - 2, "\r\n", 2) == 0);
	if (len < 5)
		return "";
	out[len - 2] = '\0';
	return out + 3;
}

static void test_csv(void)
{
	const char *plain[] = { "a", "ไทย", "", NULL, "b" };
	const char *quoted[] = { "a,b", "say \"hi\"", "two\nlines", "cr\rhere", " lead", "trail " };
	const char *formula[] = { "=1+2", "+66812345678", "-3", "@SUM(A1)", "\tx", "\rx", "a=b" };
	const char *both[] = { "=HYPERLINK(\"http://x\",\"y\")", "-1,5" };

	CHECK_STR(csv_of(plain, 5), "a,ไทย,,,b");
	CHECK_STR(csv_of(quoted, 6), "\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\"cr\rhere\",\" lead\",\"trail \"");
	CHECK_STR(csv_of(formula, 7), "'=1+2,'+66812345678,'-3,'@SUM(A1),'\tx,\"'\rx\",a=b");
	CHECK_STR(csv_of(both, 2), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",\"'-1,5\"");
}

static void test_time(void)
{
	char t[INBOX_TIME_SIZE];

	CHECK_INT(inbox_time_bangkok("2026-01-05T10:30:15Z", 0, t), 0);
	CHECK_STR(t, "2026-01-05 17:30");
	CHECK_INT(inbox_time_bangkok("2026-01-05T10:30:15Z", 1, t), 0);
	CHECK_STR(t, "2026-01-05 17:30:15");
	CHECK_INT(inbox_time_bangkok("2025-12-31T17:00:00Z", 0, t), 0); /* the next day, and year */
	CHECK_STR(t, "2026-01-01 00:00");
	CHECK_INT(inbox_time_bangkok("2024-02-28T20:59:59Z", 1, t), 0); /* leap day */
	CHECK_STR(t, "2024-02-29 03:59:59");
	CHECK_INT(inbox_time_bangkok("2026-02-30T00:00:00Z", 0, t), -1);
	CHECK_STR(t, "?");
	CHECK_INT(inbox_time_bangkok("2026-01-05 10:30:15", 0, t), -1);
	CHECK_INT(inbox_time_bangkok("2026-01-05T24:00:00Z", 0, t), -1);
	CHECK_INT(inbox_time_bangkok("", 0, t), -1);
	CHECK_INT(inbox_time_bangkok("2026-01-05T10:30:15Zx", 0, t), -1);
}

static void test_unseal(void)
{
	unsigned char pk[32], sk[32], pk2[32], sk2[32], c[64 + 48], *out;
	const char *m = "name=%E0%B8%81&phone=0812345678";
	size_t n = strlen(m), outlen;

	CHECK(sodium_init() >= 0);
	crypto_box_keypair(pk, sk);
	crypto_box_keypair(pk2, sk2);
	CHECK_INT(crypto_box_seal(c, (const unsigned char *)m, n, pk), 0);
	CHECK_INT(inbox_unseal(sk, pk, c, n + 48, &out, &outlen), 0);
	CHECK_INT(outlen, n);
	CHECK(out && memcmp(out, m, n) == 0 && out[n] == '\0');
	inbox_wipe_free(out, outlen + 1);
	CHECK_INT(inbox_unseal(sk2, pk2, c, n + 48, &out, &outlen), -1); /* another key */
	CHECK(out == NULL && outlen == 0);
	c[60] ^= 1; /* damaged */
	CHECK_INT(inbox_unseal(sk, pk, c, n + 48, &out, &outlen), -1);
	CHECK_INT(inbox_unseal(sk, pk, c, 47, &out, &outlen), -1); /* shorter than the overhead */
	CHECK_INT(inbox_unseal(sk, pk, NULL, 0, &out, &outlen), -1);
	inbox_wipe_free(NULL, 10);
}

static void test_key_file(void)
{
	char dir[] = "/tmp/test_inbox_XXXXXX", path[64], err[512], pub[INBOX_KEY_B64], b64[INBOX_KEY_B64];
	unsigned char sk[32], pk[32];

	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	snprintf(path, sizeof path, "%s/k", dir);
	CHECK_INT(inbox_keygen(path, pub, err, sizeof err), 0);
	CHECK_INT(inbox_key_read(path, sk, pk, err, sizeof err), 0);
	sodium_bin2base64(b64, sizeof b64, pk, 32, sodium_base64_VARIANT_ORIGINAL);
	CHECK_STR(b64, pub);
	CHECK_INT(chmod(path, 0640), 0);
	CHECK_INT(inbox_key_read(path, sk, pk, err, sizeof err), -1);
	CHECK(strstr(err, "chmod 600") != NULL);
	CHECK_INT(chmod(path, 0604), 0);
	CHECK_INT(inbox_key_read(path, sk, pk, err, sizeof err), -1);
	CHECK_INT(chmod(path, 0400), 0);
	CHECK_INT(inbox_key_read(path, sk, pk, err, sizeof err), 0);
	CHECK_INT(inbox_key_read(dir, sk, pk, err, sizeof err), -1); /* a folder */
	unlink(path);
	CHECK_INT(inbox_key_read(path, sk, pk, err, sizeof err), -1); /* missing */
	rmdir(dir);
}

/* inbox_print_text() of s, or inbox_print_field() when width >= 0. */
static const char *shown(const char *s, const char *indent, int width)
{
	static char out[256];
	FILE *f = fmemopen(out, sizeof out, "w");

	if (!f)
		return "(fmemopen failed)";
	if (width >= 0)
		inbox_print_field(f, s, width);
	else
		inbox_print_text(f, s, strlen(s), indent);
	fclose(f);
	return out;
}

static void test_print_text(void)
{
	CHECK_STR(shown("ไทย tab\tend", "", -1), "ไทย tab\tend");
	CHECK_STR(shown("a\r\nb\nc", "  ", -1), "a\n  b\n  c");
	CHECK_STR(shown("\x1b]0;title\x07\x1b[2J\x7f", "", -1), "?]0;title??[2J?");
	CHECK_STR(shown("c1 \xc2\x9b" "31m", "", -1), "c1 ?31m");         /* C1 CSI as UTF-8 */
	CHECK_STR(shown("raw \x9b" "31m \x85", "", -1), "raw ?31m ?");   /* lone C1 bytes */
	CHECK_STR(shown("bad \xe0\x80\x9b \xc0\x9b \xff", "", -1), "bad ??? ?? ?"); /* overlong, invalid */
	CHECK_STR(shown("nbsp \xc2\xa0.", "", -1), "nbsp \xc2\xa0.");
	CHECK_STR(shown("ab", "", 4), "ab  ");
	CHECK_STR(shown("a\x1b[0m", "", 2), "a?[0m");
	CHECK_STR(shown(NULL, "", 3), "   ");
}

/* the retention rule's "closed, and since when" (purge.h): the last entry decides */
static void test_purge_closed_on(void)
{
	struct case_event ev[2];
	struct complaint_resp resp;
	pdate since = 0;

	memset(ev, 0, sizeof ev);
	memset(&resp, 0, sizeof resp);
	ev[0].status = CS_RECEIVED;
	ev[0].date = date_from_ymd(2025, 10, 1);
	ev[1].status = CS_RESOLVED;
	ev[1].date = date_from_ymd(2025, 10, 20);
	resp.history = ev;
	CHECK_INT(purge_closed_on(NULL, &since), 0); /* no response yet: new, open */
	CHECK_INT(purge_closed_on(&resp, &since), 0); /* no entry */
	resp.n_history = 1;
	CHECK_INT(purge_closed_on(&resp, &since), 0); /* received: open */
	resp.n_history = 2;
	CHECK_INT(purge_closed_on(&resp, &since), 1);
	CHECK(since == date_from_ymd(2025, 10, 20));
	ev[1].status = CS_REJECTED;
	CHECK_INT(purge_closed_on(&resp, &since), 1);
	ev[1].status = CS_FORWARDED;
	CHECK_INT(purge_closed_on(&resp, &since), 0);
}

int main(void)
{
	test_purge_closed_on();
	test_csv();
	test_print_text();
	test_time();
	test_unseal();
	test_key_file();
	return CHECK_RESULT();
}
