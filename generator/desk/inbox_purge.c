/* inbox_purge.c: `prongsai inbox purge --closed-before DATE [--dry-run]`
 * (inbox_cmd.h): the retention rule of purge.h (the staff desk's purge
 * page runs the same), with the statuses of CONTENT/complaints/<CODE>.yaml.
 * Prints what was (or would be) purged: codes and closing dates only. */
#include "desk/inbox_cmd.h"
#include "desk/purge.h"
#include "utcstamp.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

static const struct complaint_resp *resp_of(void *ctx, const char *code)
{
	struct inbox_status s;

	inbox_status_of(ctx, code, &s);
	return s.resp;
}

int inbox_cmd_purge(struct inbox_run *r)
{
	struct purge_result res;
	struct arena a;
	char now[INBOX_TIME_SIZE], day[11], err[1024];
	size_t i;
	int rc = 1;

	if (!r->responses_ok) {
		fputs("prongsai inbox purge: ไม่ลบข้อมูลเพราะแฟ้มบันทึกการตอบมีข้อผิดพลาด แก้ให้ผ่าน prongsai check ก่อน / "
		      "nothing purged: fix the response files first (prongsai check)\n", stderr);
		return 1;
	}
	utc_stamp(time(NULL), now);
	arena_init(&a);
	if (purge_run(&r->x, resp_of, &r->m, r->o->before, r->o->dry_run, now, &a, &res, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai inbox purge: %s\nprongsai inbox purge: ไม่ได้ลบอะไร / nothing was purged\n", err);
		goto out;
	}
	if (res.wal_kept)
		fputs("prongsai inbox purge: คำเตือน ยังล้าง WAL ไม่ได้ (มีโปรแกรมอื่นกำลังอ่าน) ให้รันคำสั่งนี้อีกครั้งภายหลัง "
		      "/ warning: the WAL could not be truncated now (another process is reading): run "
		      "purge again later to clear it\n", stderr);
	printf("%s %zu เรื่อง ที่ปิดก่อน %s / %s %zu complaint(s) closed before %s%s\n",
	       r->o->dry_run ? "จะลบข้อมูลส่วนบุคคลของ" : "ลบข้อมูลส่วนบุคคลของ", res.n, r->o->before_iso,
	       r->o->dry_run ? "would purge" : "purged", res.n, r->o->before_iso,
	       r->o->dry_run ? " (--dry-run: ไม่ได้เปลี่ยนแปลงอะไร / nothing changed)" : "");
	for (i = 0; i < res.n; i++) {
		date_iso(res.v[i].closed, day);
		printf("  %s  closed %s\n", res.v[i].code, day);
	}
	rc = fflush(stdout) != 0;
out:
	arena_free(&a);
	return rc;
}
