/* walk.c: find, classify and read the files under content/ (with caps). */
#define _DEFAULT_SOURCE /* realpath under c11 */
#include "load/load_int.h"
#include "model/schema.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "utf8.h"

struct loc file_loc(const char *path)
{
	struct loc l = { path, 0, 0 };
	return l;
}

/* ---- walking ---- */

static int name_is_safe(const char *s)
{
	size_t i;

	for (i = 0; s[i]; i++) {
		char ch = s[i];
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
			(ch >= '0' && ch <= '9') || ch == '-' || ch == '_' || (ch == '.' && i > 0))
			continue;
		return 0;
	}
	return i > 0 && i <= 128;
}

static void walk_add(struct walk *w, const char *rel)
{
	if (w->n >= MODEL_MAX_FILES) {
		if (!w->too_many)
			diag_error(w->d, file_loc(rel), "มีไฟล์ใน content/ มากเกิน %d ไฟล์",
				"more than %d files under content/", MODEL_MAX_FILES);
		w->too_many = 1;
		return;
	}
	if (w->n == w->alloc) {
		size_t na = w->alloc ? w->alloc * 2 : 1024;
		struct file_job *p = realloc(w->files, na * sizeof(*p));
		if (!p) {
			diag_error(w->d, file_loc(rel), "หน่วยความจำไม่พอ", "out of memory");
			w->too_many = 1;
			return;
		}
		w->files = p;
		w->alloc = na;
	}
	memset(&w->files[w->n], 0, sizeof(w->files[w->n]));
	w->files[w->n].rel = strdup(rel);
	w->files[w->n].kind = FK_IGNORED;
	if (w->files[w->n].rel)
		w->n++;
}

int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void walk_dir(struct walk *w, const char *rel, int depth)
{
	char full[2 * PATH_MAX + 2], child_rel[PATH_MAX];
	DIR *dir;
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, alloc = 0, i;

	snprintf(full, sizeof(full), "%s%s%s", w->root, rel[0] ? "/" : "", rel);
	dir = opendir(full);
	if (!dir) {
		diag_error(w->d, file_loc(rel[0] ? rel : "."), "เปิดโฟลเดอร์ไม่ได้: %s",
			"cannot open folder: %s", strerror(errno));
		return;
	}
	while ((de = readdir(dir)) != NULL) {
		if (de->d_name[0] == '.')
			continue; /* ., .., .git, .gitkeep, editor files */
		if (n == alloc) {
			size_t na = alloc ? alloc * 2 : 64;
			char **p = realloc(names, na * sizeof(*p));
			if (!p)
				break;
			names = p;
			alloc = na;
		}
		/* the entry's type, after its name (a NUL between): sorting
		 * the names keeps each with its type */
		{
			size_t l = strlen(de->d_name);
			if ((names[n] = malloc(l + 2)) != NULL) {
				memcpy(names[n], de->d_name, l + 1);
				names[n][l + 1] = (char)(de->d_type == DT_REG ? 'f' : de->d_type == DT_DIR ? 'd' : '?');
				n++;
			}
		}
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n && !w->too_many; i++) {
		struct stat st;
		char type = names[i][strlen(names[i]) + 1];
		int len = snprintf(child_rel, sizeof(child_rel), "%s%s%s", rel, rel[0] ? "/" : "", names[i]);
		if (len < 0 || (size_t)len >= sizeof(child_rel) - 1) {
			diag_error(w->d, file_loc(rel), "ชื่อไฟล์ยาวเกินไป", "path too long");
			continue;
		}
		snprintf(full, sizeof(full), "%s/%s", w->root, child_rel);
		/* a regular file or a folder as the listing says; anything else
		 * (a link, a type not given) looked at with lstat */
		memset(&st, 0, sizeof(st));
		if (type == 'f')
			st.st_mode = S_IFREG;
		else if (type == 'd')
			st.st_mode = S_IFDIR;
		else if (lstat(full, &st) != 0)
			continue;
		if (S_ISLNK(st.st_mode)) {
			char target[PATH_MAX];
			if (!realpath(full, target) ||
				strncmp(target, w->real_root, w->real_root_len) != 0 ||
				target[w->real_root_len] != '/') {
				diag_error(w->d, file_loc(child_rel),
					"ลิงก์สัญลักษณ์ชี้ออกไปนอกโฟลเดอร์ content/ (ไม่อนุญาต)",
					"symbolic link points outside content/ (not allowed)");
				continue;
			}
			if (stat(full, &st) != 0 || S_ISDIR(st.st_mode)) {
				diag_error(w->d, file_loc(child_rel),
					"ไม่รองรับลิงก์สัญลักษณ์ไปยังโฟลเดอร์", "symbolic links to folders are not supported");
				continue;
			}
		}
		if (S_ISDIR(st.st_mode)) {
			if (depth >= LOAD_MAX_DEPTH) {
				diag_error(w->d, file_loc(child_rel), "โฟลเดอร์ซ้อนลึกเกิน %d ชั้น",
					"folders nested deeper than %d levels", LOAD_MAX_DEPTH);
				continue;
			}
			walk_dir(w, child_rel, depth + 1);
		} else if (S_ISREG(st.st_mode)) {
			walk_add(w, child_rel);
		}
	}
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* ---- classification ---- */

int is_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

int file_has_content(struct yctx *c, const char *rel, const struct ynode *root)
{
	if (root)
		return 1;
	diag_error(c->d, file_loc(rel), "ไฟล์ว่างเปล่า", "the file is empty");
	return 0;
}

int be_year_name(const char *s)
{
	return strlen(s) == 4 && is_digits(s, 4) && year_be_ok(atoi(s)) ? atoi(s) : 0;
}

int ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && strcmp(s + a - b, suffix) == 0;
}

/* Count path components. */
static int components(const char *rel)
{
	int n = 1;
	for (; *rel; rel++)
		n += *rel == '/';
	return n;
}

/* Passive file types that content/media/ may publish (issue 19.14): a
 * browser never runs them.  HTML, scripts, SVG (which can carry script)
 * and anything unknown are refused. */
int media_type_passive(const char *name)
{
	static const char *const ok[] = { "jpg", "jpeg", "png", "gif", "webp", "pdf", "doc", "docx", "xls",
		"xlsx", "ppt", "pptx", "odt", "ods", "odp", "csv", "txt", NULL };
	const char *dot = strrchr(name, '.');
	size_t i;

	if (!dot || dot == name)
		return 0;
	for (i = 0; ok[i]; i++)
		if (strcasecmp(dot + 1, ok[i]) == 0)
			return 1;
	return 0;
}

enum file_kind classify(struct diags *d, const char *rel)
{
	const char *base = strrchr(rel, '/');
	int nc = components(rel);

	base = base ? base + 1 : rel;
	if (strcmp(rel, "site.yaml") == 0)
		return FK_SITE;
	if (strcmp(rel, "people.yaml") == 0)
		return FK_PEOPLE;
	if (strncmp(rel, "media/", 6) == 0) {
		const char *p = rel;
		char comp[PATH_MAX];
		while (*p) {
			size_t k = strcspn(p, "/");
			memcpy(comp, p, k);
			comp[k] = '\0';
			if (!name_is_safe(comp)) {
				diag_error(d, file_loc(rel),
					"ชื่อไฟล์หรือโฟลเดอร์ \"%s\" มีอักขระที่ใช้ใน URL ไม่ได้ (ใช้ a-z A-Z 0-9 . _ -)",
					"file or folder name \"%s\" has characters unsafe in URLs (use a-z A-Z 0-9 . _ -)",
					comp);
				return FK_IGNORED;
			}
			p += k + (p[k] == '/');
		}
		if (!media_type_passive(base)) {
			diag_error(d, file_loc(rel),
				"ไฟล์ \"%s\" เผยแพร่ไม่ได้ ใน media/ ใช้ได้เฉพาะรูปภาพ (jpg png gif webp) PDF เอกสารสำนักงาน"
				" (doc docx xls xlsx ppt pptx odt ods odp) CSV และ txt (SVG ให้แปลงเป็น PNG)",
				"\"%s\" cannot be published: media/ takes only images (jpg png gif webp), PDF, office documents"
				" (doc docx xls xlsx ppt pptx odt ods odp), CSV and txt (convert SVG to PNG)", base);
			return FK_IGNORED;
		}
		return FK_MEDIA;
	}
	if (strncmp(rel, "projects/", 9) == 0 && nc == 3 && ends_with(rel, ".md"))
		return FK_PROJECT;
	if (strncmp(rel, "progress/", 9) == 0 && nc == 4 && ends_with(rel, ".yaml"))
		return FK_REPORT;
	if (strncmp(rel, "news/", 5) == 0 && nc == 2 && ends_with(rel, ".md"))
		return FK_NEWS;
	if (strncmp(rel, "pages/", 6) == 0 && nc == 2 && ends_with(rel, ".md"))
		return FK_PAGE;
	if (strncmp(rel, "forms/", 6) == 0 && nc == 2 && ends_with(rel, ".yaml"))
		return FK_FORM;
	if (strncmp(rel, "participation/", 14) == 0 && nc == 3 && ends_with(rel, ".md"))
		return FK_PARTICIPATION;
	if (strncmp(rel, "services/", 9) == 0 && nc == 2 && ends_with(rel, ".yaml"))
		return FK_SERVICE;
	if (strncmp(rel, "questions/", 10) == 0 && nc == 2 && ends_with(rel, ".yaml"))
		return FK_QUESTION;
	if (strcmp(rel, "corruption-guideline.yaml") == 0)
		return FK_GUIDELINE;
	if (nc == 1 && (ends_with(base, ".md") || strncmp(base, "README", 6) == 0 ||
			strcmp(base, "LICENSE") == 0))
		return FK_IGNORED; /* notes for staff */
	if (strncmp(rel, "oit/", 4) == 0 && nc == 2 && ends_with(rel, ".yaml"))
		return FK_OIT;
	if (strncmp(rel, "procurement/", 12) == 0 && nc == 3 && ends_with(rel, ".yaml"))
		return FK_PROCUREMENT;
	if (strncmp(rel, "holidays/", 9) == 0 && nc == 2 && ends_with(rel, ".yaml"))
		return FK_HOLIDAYS;
	if (strcmp(rel, "sample-submissions.yaml") == 0)
		return FK_SAMPLE_SUBS;
	if (strncmp(rel, "complaints/", 11) == 0 && nc == 2 && ends_with(rel, ".yaml"))
		return FK_COMPLAINT;
	if (strncmp(rel, "complaints/", 11) == 0 && nc == 2 && strncmp(base, "README", 6) == 0)
		return FK_IGNORED; /* notes for staff */
	if (ends_with(base, ".yml")) {
		/* never silently unpublished: a report saved as .yml is an error */
		diag_error(d, file_loc(rel), "ใช้นามสกุล .yaml แทน .yml: เปลี่ยนชื่อไฟล์เป็น %.*s.yaml",
			"use the extension .yaml, not .yml: rename the file to %.*s.yaml",
			(int)(strlen(rel) - 4), rel);
		return FK_IGNORED;
	}
	diag_warn(d, file_loc(rel), "ไม่รู้จักไฟล์นี้ จึงไม่ได้นำไปใช้ (ตรวจชื่อและตำแหน่งไฟล์)",
		"unknown file, ignored (check its name and folder)");
	return FK_IGNORED;
}

/* ---- reading ---- */

static char *text_ok(struct diags *d, const char *rel, char *data, size_t got, size_t *len);

/* Read a whole file under the cap into the arena.  On error reports and
 * returns NULL. */
char *read_file(struct arena *a, struct diags *d, const char *root,
	const char *rel, size_t cap, size_t *len)
{
	char full[PATH_MAX];
	struct stat st;
	char *data;
	size_t got = 0;
	int fd;

	snprintf(full, sizeof(full), "%s/%s", root, rel);
	fd = open(full, O_RDONLY);
	if (fd < 0 || fstat(fd, &st) != 0) {
		diag_error(d, file_loc(rel), "อ่านไฟล์ไม่ได้: %s", "cannot read file: %s", strerror(errno));
		if (fd >= 0)
			close(fd);
		return NULL;
	}
	if ((size_t)st.st_size > cap) {
		diag_error(d, file_loc(rel), "ไฟล์ใหญ่เกินไป (%lld ไบต์ เกินขีดจำกัด %zu ไบต์)",
			"file too large (%lld bytes, the limit is %zu)", (long long)st.st_size, cap);
		close(fd);
		return NULL;
	}
	data = arena_alloc(a, (size_t)st.st_size + 1);
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, data + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			/* never a truncated file: a read error or a file cut short is an error */
			if (r < 0)
				diag_error(d, file_loc(rel), "อ่านไฟล์ไม่ได้: %s", "cannot read file: %s",
					strerror(errno));
			else
				diag_error(d, file_loc(rel), "ไฟล์สั้นลงระหว่างอ่าน (มีคนแก้ไฟล์อยู่?) ลองใหม่อีกครั้ง",
					"the file got shorter while it was read (being edited?); try again");
			close(fd);
			return NULL;
		}
		got += (size_t)r;
	}
	close(fd);
	data[got] = '\0';
	return text_ok(d, rel, data, got, len);
}

static int cmp_ov(const void *a, const void *b)
{
	return strcmp(((const struct load_overlay *)a)->rel, ((const struct load_overlay *)b)->rel);
}

void walk_add_overlay(struct walk *w, const struct load_overlay *ov, size_t n)
{
	size_t i, j, n_disk = w->n;
	struct load_overlay *found = calloc(n_disk ? n_disk : 1, sizeof(*found));

	if (!found) {
		diag_error(w->d, file_loc(""), "หน่วยความจำไม่พอ", "out of memory");
		return;
	}
	for (j = 0; j < n_disk; j++)
		found[j].rel = w->files[j].rel;
	qsort(found, n_disk, sizeof(*found), cmp_ov);
	for (i = 0; i < n; i++) {
		assert(i == 0 || strcmp(ov[i - 1].rel, ov[i].rel) < 0);
		if (!bsearch(&ov[i], found, n_disk, sizeof(*found), cmp_ov))
			walk_add(w, ov[i].rel);
	}
	free(found);
}

char *read_overlay(struct arena *a, struct diags *d, const struct load_overlay *ov,
	size_t cap, size_t *len)
{
	char *data;

	if (ov->len > cap) {
		diag_error(d, file_loc(ov->rel), "ไฟล์ใหญ่เกินไป (%lld ไบต์ เกินขีดจำกัด %zu ไบต์)",
			"file too large (%lld bytes, the limit is %zu)", (long long)ov->len, cap);
		return NULL;
	}
	data = arena_alloc(a, ov->len + 1);
	memcpy(data, ov->text, ov->len);
	data[ov->len] = '\0';
	return text_ok(d, ov->rel, data, ov->len, len);
}

/* The checks of a file's text once read: UTF-8, no NUL.  data or NULL. */
static char *text_ok(struct diags *d, const char *rel, char *data, size_t got, size_t *len)
{
	size_t bad;

	if (!utf8_valid(data, got, &bad)) {
		struct loc l = { rel, 1, 1 };
		size_t i;
		for (i = 0; i < bad; i++) {
			if (data[i] == '\n') {
				l.line++;
				l.col = 1;
			} else if (((unsigned char)data[i] & 0xC0) != 0x80) {
				l.col++;
			}
		}
		diag_error(d, l, "ไฟล์ไม่ใช่ UTF-8 ที่ถูกต้อง (บันทึกไฟล์ใหม่เป็น UTF-8)",
			"invalid UTF-8 (save the file as UTF-8)");
		return NULL;
	}
	if (memchr(data, '\0', got)) {
		diag_error(d, file_loc(rel), "ไฟล์มีอักขระ NUL", "file contains a NUL byte");
		return NULL;
	}
	*len = got;
	return data;
}

/* Base name of rel without its extension, into the arena. */
const char *stem(struct arena *a, const char *rel, const char *ext)
{
	const char *b = strrchr(rel, '/');
	size_t n;

	b = b ? b + 1 : rel;
	n = strlen(b) - strlen(ext);
	return arena_strndup(a, b, n);
}

/* The n-th path component (0-based). */
const char *component(struct arena *a, const char *rel, int idx)
{
	const char *p = rel;
	size_t k;

	while (idx-- > 0) {
		p = strchr(p, '/');
		if (!p)
			return "";
		p++;
	}
	k = strcspn(p, "/");
	return arena_strndup(a, p, k);
}

