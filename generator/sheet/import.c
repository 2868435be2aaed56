/* import.c: a filled progress sheet into one queue entry (see import.h). */
#define _DEFAULT_SOURCE
#include "sheet/import.h"

#include <stdarg.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "build.h"
#include "buf.h"
#include "db.h"
#include "escape.h"
#include "staffdb.h"
#include "check/check.h"
#include "load/load.h"
#include "model/numfmt.h"
#include "render/thaidate.h"
#include "sheet/batch.h"
#include "sheet/grid.h"

/* The file, at most SHEET_MAX_FILE bytes, into *data (malloc'd). */
static int read_file(const char *file, char **data, size_t *lenp, char *err, size_t errlen)
{
	int fd = open(file, O_RDONLY | O_CLOEXEC);
	struct stat st;
	size_t len = 0;
	ssize_t n;

	if (fd < 0 || fstat(fd, &st) != 0) {
		snprintf(err, errlen, "เปิดไฟล์ไม่ได้ / cannot open the file: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (!S_ISREG(st.st_mode) || st.st_size > SHEET_MAX_FILE) {
		snprintf(err, errlen, "ไฟล์ใหญ่เกิน %ld ไบต์ / the file is larger than %ld bytes", SHEET_MAX_FILE,
			SHEET_MAX_FILE);
		close(fd);
		return -1;
	}
	if (!(*data = malloc((size_t)st.st_size + 1))) {
		close(fd);
		snprintf(err, errlen, "หน่วยความจำไม่พอ / out of memory");
		return -1;
	}
	/* read at most one byte past the size: a file that grew is refused */
	while (len <= (size_t)SHEET_MAX_FILE && (n = read(fd, *data + len, (size_t)st.st_size + 1 - len)) > 0)
		if ((len += (size_t)n) > (size_t)st.st_size)
			break;
	close(fd);
	if (len > (size_t)st.st_size) {
		free(*data);
		*data = NULL;
		snprintf(err, errlen, "ไฟล์เปลี่ยนขณะอ่าน / the file changed while it was read");
		return -1;
	}
	*lenp = len;
	return 0;
}

/* Queue b in the staff database of o. */
static int enqueue(const struct import_opts *o, const struct batch *b, int64_t *id, char *err, size_t errlen)
{
	char path[PATH_MAX];
	sqlite3 *db;
	int rc;

	if (staffdb_path(o->staff_db, path, sizeof(path), err, errlen) != 0 ||
		staffdb_open(path, DB_OPEN_EXISTING, &db, err, errlen) != 0)
		return -1;
	rc = batch_enqueue(b, db, time(NULL), id, err, errlen);
	sqlite3_close(db);
	return rc;
}

int sheet_import(const struct import_opts *o)
{
	struct model m;
	struct diags d;
	struct batch_src src;
	struct batch *b = NULL;
	char err[1024], line[BATCH_PROBLEM_MAX];
	char *data = NULL;
	size_t len = 0, i, np;
	int rc = 1;
	int64_t qid;

	diags_init(&d, o->lang);
	model_init(&m);
	if (!o->quiet)
		fprintf(stderr, L(&d, "prongsai: กำลังอ่าน %s ...\n", "prongsai: reading %s ...\n"), o->file);
	if (read_file(o->file, &data, &len, err, sizeof(err)) != 0) {
		fprintf(stderr, "%s: %s\n", o->file, err);
		goto done;
	}
	/* the content as it is, for the projects and the people */
	m.today = o->today;
	load_content(&m, o->content, o->jobs, &d);
	check_model(&m, &d);
	if (d.errors) {
		diags_print(&d, stderr, "");
		fprintf(stderr, "%s\n", L(&d, "prongsai: เนื้อหามีข้อผิดพลาด แก้ก่อนนำเข้าตาราง",
			"prongsai: the content has errors; fix them before importing a sheet"));
		goto done;
	}
	if (o->as && !model_person(&m, o->as)) {
		fprintf(stderr, L(&d, "prongsai: ไม่มีบุคคลรหัส '%s' ใน people.yaml\n",
			"prongsai: no person '%s' in people.yaml\n"), o->as);
		goto done;
	}
	memset(&src, 0, sizeof(src));
	src.name = o->file;
	src.data = data;
	src.len = len;
	src.m = &m;
	src.as = o->as;
	src.today = o->today;
	src.lang = o->lang;
	if (!(b = batch_read(&src))) {
		fprintf(stderr, "prongsai: out of memory\n");
		goto done;
	}
	if (!o->quiet && batch_n_reports(b))
		fprintf(stderr, L(&d, "prongsai: ตรวจ %zu รายงาน ...\n", "prongsai: checking %zu reports ...\n"),
			batch_n_reports(b));
	if (batch_check_content(b, o->content, o->jobs, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		goto done;
	}
	if ((np = batch_n_problems(b))) {
		for (i = 0; i < np; i++) {
			if (batch_problem(b, i, line, sizeof(line)))
				fprintf(stderr, "%s: %s\n", o->file, line);
			else
				fprintf(stderr, "%s\n", line);
		}
		fprintf(stderr, L(&d, "prongsai: พบ %zu ปัญหา ไม่ได้นำเข้าแถวใดเลย แก้ตารางแล้วนำเข้าใหม่\n",
			"prongsai: %zu problems; nothing was imported: fix the sheet and import it again\n"), np);
		goto done;
	}
	if (!batch_n_reports(b)) {
		fprintf(stderr, L(&d, "prongsai: ไม่มีแถวที่กรอกตัวเลขใหม่ (ข้าม %zu แถว)\n",
			"prongsai: no row has new figures (%zu rows skipped)\n"), batch_n_skipped(b));
		goto done;
	}
	if (!o->as) {
		fprintf(stderr, L(&d, "prongsai: ตรวจแล้วไม่พบปัญหา: %zu รายงาน ข้าม %zu แถว (ไม่มี --as จึงไม่ได้นำเข้า)\n",
			"prongsai: no problems: %zu reports, %zu rows skipped (no --as: nothing imported)\n"),
			batch_n_reports(b), batch_n_skipped(b));
		rc = 0;
		goto done;
	}
	if (enqueue(o, b, &qid, err, sizeof(err)) != 0) {
		fprintf(stderr, "prongsai: %s\n", err);
		goto done;
	}
	fprintf(stderr, L(&d, "prongsai: เข้าคิวแล้ว %zu รายงาน ข้าม %zu แถว คิวที่ %lld (prongsai import จะ commit)\n",
		"prongsai: queued %zu reports, %zu rows skipped, queue entry %lld (prongsai import commits it)\n"),
		batch_n_reports(b), batch_n_skipped(b), (long long)qid);
	printf("%lld\n", (long long)qid);
	rc = 0;
done:
	batch_free(b);
	free(data);
	model_free(&m);
	diags_free(&d);
	return rc;
}
