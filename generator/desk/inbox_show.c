/* inbox_show.c: `prongsai inbox show CODE [--attachments DIR]` (inbox_cmd.h). */
#include "desk/inbox_cmd.h"
#include "fdio.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load/complaints.h"
#include "trackcode.h"

static const struct form_field *find_field(const struct form_def *f, const char *name)
{
	size_t i;

	for (i = 0; f && i < f->n_fields; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return &f->fields[i];
	return NULL;
}

/* "  label_th / label_en: value" (the name when the form or field is gone). */
static void print_value(const struct form_def *form, const struct form_part *p)
{
	const struct form_field *fl = find_field(form, p->name);
	size_t i;

	fputs("  ", stdout);
	if (fl) {
		inbox_print_field(stdout, fl->label_th, 0);
		fputs(" / ", stdout);
		inbox_print_field(stdout, fl->label_en, 0);
	} else {
		inbox_print_text(stdout, p->name, p->name_len, "");
	}
	fputs(": ", stdout);
	inbox_print_text(stdout, p->value, p->len, "      ");
	if (fl && fl->type == FT_CHOICE)
		for (i = 0; i < fl->n_choices; i++)
			if (strcmp(fl->choices[i].value, p->value) == 0) {
				fputs(" (", stdout);
				inbox_print_field(stdout, fl->choices[i].label_th, 0);
				fputs(" / ", stdout);
				inbox_print_field(stdout, fl->choices[i].label_en, 0);
				putchar(')');
				break;
			}
	putchar('\n');
}

static void print_status(const struct inbox_run *r, const struct inbox_case *c)
{
	struct inbox_status s;
	char day[11];
	size_t i;

	inbox_status_of(&r->m, c->code, &s);
	if (!s.resp) {
		printf("สถานะ / status:     new — ยังไม่มีแฟ้มบันทึกการตอบ / no response file yet "
		       "(%s/complaints/%s.yaml)\n", r->o->content, c->code);
		return;
	}
	date_iso(s.since, day);
	printf("สถานะ / status:     %s %s (%s / %s)\n                    ", case_status_name(s.status), day,
	       case_status_label_th(s.status), case_status_label_en(s.status));
	for (i = 0; i < s.resp->n_history; i++) {
		date_iso(s.resp->history[i].date, day);
		printf("%s%s %s", i ? "; " : "", day, case_status_name(s.resp->history[i].status));
	}
	printf("\n                    (%s/%s)\n", r->o->content, s.resp->path);
}

struct save_ctx {
	const char *dir, *code;
	int saved;
	char err[PATH_MAX + 256];
};

/* DIR/<CODE>-<n>.<ext>, created 0600 and never overwritten. */
static int save_one(void *ctx, const struct inbox_attachment *a, const unsigned char *data, size_t len)
{
	struct save_ctx *s = ctx;
	char path[PATH_MAX];
	int fd, n, ok;

	n = snprintf(path, sizeof path, "%s/%s-%d.%s", s->dir, s->code, a->position + 1,
		     inbox_media_ext(a->media_type));
	if (n < 0 || (size_t)n >= sizeof path) {
		snprintf(s->err, sizeof s->err, "path too long / ชื่อแฟ้มยาวเกินไป");
		return -1;
	}
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (fd < 0) {
		snprintf(s->err, sizeof s->err, "%s: %s%s / เขียนแฟ้มไม่ได้%s", path, strerror(errno),
			 errno == EEXIST ? " (never overwritten: move it away first)" : "",
			 errno == EEXIST ? " (มีแฟ้มอยู่แล้ว จะไม่เขียนทับ)" : "");
		return -1;
	}
	ok = fchmod(fd, 0600) == 0 && fd_write_all(fd, data, len) == 0 && fsync(fd) == 0;
	if (close(fd) != 0)
		ok = 0;
	if (!ok) {
		snprintf(s->err, sizeof s->err, "%s: %s / เขียนแฟ้มไม่ได้", path, strerror(errno));
		unlink(path);
		return -1;
	}
	printf("  %d. ", a->position + 1);
	inbox_print_field(stdout, a->media_type, 0);
	printf(", %zu bytes%s -> %s\n", len, a->sealed ? ", เข้ารหัสไว้ / was sealed" : "", path);
	s->saved++;
	return 0;
}

static int list_one(void *ctx, const struct inbox_attachment *a, const unsigned char *data, size_t len)
{
	(void)ctx;
	(void)data;
	(void)len;
	printf("  %d. ", a->position + 1);
	inbox_print_field(stdout, a->media_type, 0);
	printf(", %lld bytes%s\n", (long long)a->size, a->sealed ? ", เข้ารหัสไว้ / sealed" : "");
	return 0;
}

/* DIR itself: created 0700 if missing; a warning if others may read it. */
static int attachments_dir(const char *dir)
{
	struct stat st;

	if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
		fprintf(stderr, "prongsai inbox show: %s: %s / สร้างโฟลเดอร์ไม่ได้\n", dir, strerror(errno));
		return -1;
	}
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "prongsai inbox show: %s is not a folder / %s ไม่ใช่โฟลเดอร์\n", dir, dir);
		return -1;
	}
	if (st.st_mode & 077)
		fprintf(stderr, "prongsai inbox show: คำเตือน ผู้ใช้อื่นเข้าถึงโฟลเดอร์ %s ได้ / warning: other users "
			"can reach %s (chmod 700 %s)\n", dir, dir, dir);
	return 0;
}

static int show_case(struct inbox_run *r, const struct inbox_case *c, struct arena *a)
{
	const struct form_def *form = inbox_db_form(&r->x, c->form_id);
	struct inbox_personal p;
	struct form_data *pub = arena_alloc(a, sizeof(*pub));
	struct save_ctx sc;
	char when[INBOX_TIME_SIZE], err[1024];
	size_t i;
	int rc;

	/* everything that may fail before anything personal is printed */
	if (inbox_public_values(&r->x, c->id, a, pub, err, sizeof err) != 0 ||
	    inbox_personal_open(&r->x, c->id, &p, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai inbox show %s: %s\n", c->code, err);
		return 1;
	}
	inbox_time_bangkok(c->created_at, 0, when);
	printf("รหัส / code:        %s\n", c->code);
	fputs("แบบฟอร์ม / form:    ", stdout);
	inbox_print_field(stdout, c->form_id, 0);
	if (form) {
		fputs(" (", stdout);
		inbox_print_field(stdout, form->title_th, 0);
		fputs(" / ", stdout);
		inbox_print_field(stdout, form->title_en, 0);
		putchar(')');
	}
	fputs(", ช่องทาง / channel: ", stdout);
	inbox_print_field(stdout, c->channel, 0);
	putchar('\n');
	printf("รับเมื่อ / received: %s (เวลาไทย / Thai time)\n", when);
	print_status(r, c);

	printf("\nข้อมูลที่เปิดเผยได้ / public values:\n");
	for (i = 0; i < pub->n; i++)
		print_value(form, &pub->parts[i]);
	if (!pub->n)
		printf("  -\n");
	if (c->purged_at[0])
		printf("  (ข้อความอิสระถูกลบพร้อมข้อมูลส่วนบุคคล / free text was purged with the personal data)\n");

	if (form && form->channel == CHANNEL_CORRUPTION) /* all but its choices are sealed */
		printf("\nข้อมูลที่เข้ารหัส: เรื่อง รายละเอียด และข้อมูลส่วนบุคคล (ความลับ) / sealed: subject, details "
		       "and personal data (confidential):\n");
	else
		printf("\nข้อมูลส่วนบุคคล (ความลับ) / personal data (confidential):\n");
	if (c->purged_at[0]) {
		inbox_time_bangkok(c->purged_at, 0, when);
		printf("  ลบแล้วเมื่อ %s (เวลาไทย) / purged on %s (Thai time)\n", when, when);
	} else if (!p.fd.n) {
		printf("  - (ไม่ได้ให้ไว้ / none given)\n");
	}
	for (i = 0; i < p.fd.n; i++)
		print_value(form, &p.fd.parts[i]);
	inbox_personal_wipe(&p);

	printf("\nไฟล์แนบ / attachments: %d\n", c->n_attachments);
	if (!c->n_attachments)
		return fflush(stdout) == 0 ? 0 : 1;
	memset(&sc, 0, sizeof sc);
	if (r->o->attachments) {
		if (attachments_dir(r->o->attachments) != 0)
			return 1;
		sc.dir = r->o->attachments;
		sc.code = c->code;
		rc = inbox_each_attachment(&r->x, c->id, 1, save_one, &sc, err, sizeof err);
	} else {
		rc = inbox_each_attachment(&r->x, c->id, 0, list_one, &sc, err, sizeof err);
		printf("  บันทึกไฟล์ด้วย / to save them: prongsai inbox show %s --attachments DIR\n", c->code);
	}
	if (fflush(stdout) != 0)
		rc = rc ? rc : (snprintf(err, sizeof err, "cannot write the output / เขียนผลลัพธ์ไม่ได้"), -1);
	if (rc != 0) {
		fprintf(stderr, "prongsai inbox show %s: %s\n", c->code, sc.err[0] ? sc.err : err);
		return 1;
	}
	return 0;
}

int inbox_cmd_show(struct inbox_run *r)
{
	char code[TRACKCODE_SIZE], err[512];
	struct inbox_case c;
	struct arena a;
	int rc;

	if (trackcode_normalize(r->o->code, code) != 0) {
		fputs("prongsai inbox show: รหัสติดตามเรื่องไม่ถูกต้อง (ตรวจการพิมพ์) / not a valid tracking code "
		      "(check it for typos)\n", stderr);
		return 1;
	}
	if (inbox_db_read_begin(&r->x, err, sizeof err) != 0) {
		fprintf(stderr, "prongsai inbox show: %s\n", err);
		return 1;
	}
	rc = inbox_find_case(&r->x, code, &c, err, sizeof err);
	if (rc != 0) {
		inbox_db_read_end(&r->x);
		if (rc > 0)
			fprintf(stderr, "prongsai inbox show: ไม่พบเรื่อง %s ในฐานข้อมูล / no complaint %s in the database\n",
				code, code);
		else
			fprintf(stderr, "prongsai inbox show: %s\n", err);
		return 1;
	}
	arena_init(&a);
	rc = show_case(r, &c, &a);
	arena_free(&a);
	inbox_db_read_end(&r->x);
	return rc;
}
