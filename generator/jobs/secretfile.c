/* secretfile.c: see secretfile.h. */
#define _DEFAULT_SOURCE /* realpath */
#include "jobs/secretfile.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <sodium.h>

#include "load/ycheck.h"
#include "load/yload.h"

static void file_error(struct diags *d, const char *path, const char *th, const char *en)
{
	struct loc l = { path, 0, 0 };

	/* both formats take both arguments; "%.0s" prints nothing */
	diag_error(d, l, "%s%.0s", "%.0s%s", th, en);
}

/* 1 if a directory above file holds a prongsai checkout (content/site.yaml)
 * or is a content directory (site.yaml); its name into found. */
static int under_checkout(const char *file, char *found, size_t foundlen)
{
	char real[PATH_MAX], probe[PATH_MAX + 32];
	char *slash;
	struct stat st;

	if (!realpath(file, real))
		return 0;
	while ((slash = strrchr(real, '/')) != NULL) {
		*slash = '\0';
		snprintf(probe, sizeof probe, "%s/content/site.yaml", real);
		if (stat(probe, &st) == 0) {
			snprintf(found, foundlen, "%s", real[0] ? real : "/");
			return 1;
		}
		snprintf(probe, sizeof probe, "%s/site.yaml", real);
		if (stat(probe, &st) == 0) {
			snprintf(found, foundlen, "%s", real[0] ? real : "/");
			return 1;
		}
	}
	return 0;
}

static void too_large(struct diags *d, const char *path, size_t max)
{
	char th[200], en[200];

	snprintf(th, sizeof th, "แฟ้มตั้งค่าใหญ่เกิน %zu ไบต์", max);
	snprintf(en, sizeof en, "the configuration is larger than %zu bytes", max);
	file_error(d, path, th, en);
}

char *secretfile_read(const char *path, size_t max, const char *cmd, const char *example,
		      struct diags *d, size_t *len)
{
	char msg_th[PATH_MAX + 400], msg_en[PATH_MAX + 400], where[PATH_MAX];
	struct stat st;
	char *text;
	size_t n = 0;
	ssize_t r;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);

	if (fd < 0) {
		snprintf(msg_th, sizeof msg_th, "เปิดแฟ้มตั้งค่าไม่ได้: %s", strerror(errno));
		snprintf(msg_en, sizeof msg_en, "cannot open the configuration: %s", strerror(errno));
		file_error(d, path, msg_th, msg_en);
		return NULL;
	}
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		file_error(d, path, "แฟ้มตั้งค่าต้องเป็นแฟ้มธรรมดา", "the configuration must be a regular file");
		close(fd);
		return NULL;
	}
	if (st.st_mode & 077) {
		snprintf(msg_th, sizeof msg_th, "ผู้ใช้อื่นอ่านหรือแก้แฟ้มนี้ได้ (สิทธิ์ %03o) แฟ้มนี้เก็บรหัสผ่านและโทเค็น "
			 "ให้แก้ด้วยคำสั่ง chmod 600 %s", (unsigned)(st.st_mode & 0777), path);
		snprintf(msg_en, sizeof msg_en, "other users can read or change this file (mode %03o), which holds "
			 "passwords and tokens: run chmod 600 %s", (unsigned)(st.st_mode & 0777), path);
		file_error(d, path, msg_th, msg_en);
		close(fd);
		return NULL;
	}
	if (st.st_uid != geteuid() && st.st_uid != 0) {
		snprintf(msg_en, sizeof msg_en, "the configuration is owned by another user: it must belong "
			 "to the user running %s, or to root", cmd);
		file_error(d, path, "แฟ้มตั้งค่าเป็นของผู้ใช้อื่น ต้องเป็นของผู้ใช้ที่รันคำสั่งนี้หรือ root", msg_en);
		close(fd);
		return NULL;
	}
	if (under_checkout(path, where, sizeof where)) {
		snprintf(msg_th, sizeof msg_th, "แฟ้มตั้งค่าอยู่ในที่เก็บเว็บไซต์ (%s) ซึ่งอาจเข้า git หรือขึ้นเว็บ "
			 "ให้ย้ายออกไปไว้ที่อื่น เช่น %s", where, example);
		snprintf(msg_en, sizeof msg_en, "the configuration lies inside the site's checkout (%s), whence it "
			 "could reach git or the web: move it out, e.g. to %s", where, example);
		file_error(d, path, msg_th, msg_en);
		close(fd);
		return NULL;
	}
	if ((unsigned long long)st.st_size > max) {
		too_large(d, path, max);
		close(fd);
		return NULL;
	}
	text = malloc(max + 1);
	if (!text) {
		file_error(d, path, "หน่วยความจำไม่พอ", "out of memory");
		close(fd);
		return NULL;
	}
	while (n <= max && (r = read(fd, text + n, max + 1 - n)) != 0) {
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			/* never go on with part of the file (a channel's forms: cut
			 * off would widen what it gets) */
			snprintf(msg_th, sizeof msg_th, "อ่านแฟ้มตั้งค่าไม่ได้: %s", strerror(errno));
			snprintf(msg_en, sizeof msg_en, "cannot read the configuration: %s", strerror(errno));
			file_error(d, path, msg_th, msg_en);
			close(fd);
			sodium_memzero(text, max + 1);
			free(text);
			return NULL;
		}
		n += (size_t)r;
	}
	close(fd);
	if (n > max) {
		sodium_memzero(text, max + 1);
		free(text);
		too_large(d, path, max);
		return NULL;
	}
	text[n] = '\0';
	*len = n;
	return text;
}


void secretfile_free(char *text, size_t max)
{
	if (!text)
		return;
	sodium_memzero(text, max + 1);
	free(text);
}

const struct ynode *secretfile_load_map(const char *path, size_t max, const char *cmd,
	const char *example, const char *need_th, const char *need_en, struct arena *a, struct diags *d)
{
	const struct ynode *root;
	size_t len = 0;
	char *text = secretfile_read(path, max, cmd, example, d, &len);
	int ok;

	if (!text)
		return NULL;
	root = yload_secret(a, d, path, text, len, &ok);
	secretfile_free(text, max);
	if (!ok)
		return NULL;
	if (!root || root->kind != YN_MAP) {
		struct loc l = { path, root ? root->line : 1, root ? root->col : 1 };
		/* both formats take both arguments; "%.0s" prints nothing */
		diag_error(d, l, "แฟ้มตั้งค่าต้องเป็นชุดฟิลด์ (ชื่อ: ค่า) %s%.0s",
			   "the configuration must be a mapping (key: value) %.0s%s", need_th, need_en);
		return NULL;
	}
	return root;
}

void secretfile_print_errors(const char *cmd, const struct diags *th, const struct diags *en)
{
	size_t i;

	for (i = 0; i < th->n; i++) {
		const struct diag_item *t = &th->items[i];
		const char *e = i < en->n ? en->items[i].msg : "";
		if (t->line > 0)
			fprintf(stderr, "%s:%d:%d: error: %s (%s)\n", t->path, t->line, t->col > 0 ? t->col : 1,
				t->msg, e);
		else
			fprintf(stderr, "%s: error: %s (%s)\n", t->path, t->msg, e);
	}
	fprintf(stderr, "prongsai %s: %zu ข้อผิดพลาดในแฟ้มตั้งค่า (error(s) in the configuration)\n", cmd,
		th->errors);
}

int secretfile_printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= 0x20 || (unsigned char)*s >= 0x7f)
			return 0;
	return 1;
}

const char *secretfile_get_secret(struct yctx *c, const struct ynode *map, const char *key,
	int required, size_t max)
{
	const struct ynode *n = ymap_get(map, key);
	const char *s = yget_str(c, map, key, required, max);

	if (s && (!s[0] || !secretfile_printable(s))) {
		diag_error(c->d, yloc(c->path, n),
			   "\"%s\" ต้องเป็นตัวอักษร ASCII ที่พิมพ์ได้ ไม่มีช่องว่าง (ไม่แสดงค่าเพราะเป็นความลับ)",
			   "\"%s\" must be printable ASCII without spaces (the value is secret: not shown)", key);
		return NULL;
	}
	return s;
}
