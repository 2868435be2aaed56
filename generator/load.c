/* load.c: walk content/, read each file, map YAML to the model. */
#define _DEFAULT_SOURCE /* realpath, O_NOFOLLOW under c11 */
#include "load.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "forms.h"
#include "utf8.h"
#include "ycheck.h"

#define LOAD_MAX_DEPTH 8 /* folders below content/ */

enum file_kind {
	FK_IGNORED, FK_SITE, FK_PEOPLE, FK_PROJECT, FK_REPORT, FK_NEWS, FK_PAGE,
	FK_FORM, FK_MEDIA
};

struct file_job {
	char *rel;                /* path relative to root */
	enum file_kind kind;
	void *result;             /* the loaded record, or NULL */
};

struct walk {
	const char *root, *real_root;
	size_t real_root_len;
	struct file_job *files;
	size_t n, alloc;
	struct diags *d;
	int too_many;
};

static struct loc file_loc(const char *path)
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
	w->files[w->n].rel = strdup(rel);
	w->files[w->n].kind = FK_IGNORED;
	w->files[w->n].result = NULL;
	if (w->files[w->n].rel)
		w->n++;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk_dir(struct walk *w, const char *rel, int depth)
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
		if ((names[n] = strdup(de->d_name)) != NULL)
			n++;
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof(*names), cmp_str);
	for (i = 0; i < n && !w->too_many; i++) {
		struct stat st;
		int len = snprintf(child_rel, sizeof(child_rel), "%s%s%s", rel, rel[0] ? "/" : "", names[i]);
		if (len < 0 || (size_t)len >= sizeof(child_rel) - 1) {
			diag_error(w->d, file_loc(rel), "ชื่อไฟล์ยาวเกินไป", "path too long");
			continue;
		}
		snprintf(full, sizeof(full), "%s/%s", w->root, child_rel);
		if (lstat(full, &st) != 0)
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

static int is_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return n > 0;
}

static int ends_with(const char *s, const char *suffix)
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

static enum file_kind classify(struct diags *d, const char *rel)
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
	if (nc == 1 && (ends_with(base, ".md") || strncmp(base, "README", 6) == 0 ||
			strcmp(base, "LICENSE") == 0))
		return FK_IGNORED; /* notes for staff */
	if (strncmp(rel, "complaints/", 11) == 0 || strncmp(rel, "oit/", 4) == 0 ||
		strncmp(rel, "procurement/", 12) == 0)
		return FK_IGNORED; /* read by later stages */
	diag_warn(d, file_loc(rel), "ไม่รู้จักไฟล์นี้ จึงไม่ได้นำไปใช้ (ตรวจชื่อและตำแหน่งไฟล์)",
		"unknown file, ignored (check its name and folder)");
	return FK_IGNORED;
}

/* ---- reading ---- */

/* Read a whole file under the cap into the arena.  On error reports and
 * returns NULL. */
static char *read_file(struct arena *a, struct diags *d, const char *root,
	const char *rel, size_t cap, size_t *len)
{
	char full[PATH_MAX];
	struct stat st;
	char *data;
	size_t got = 0, bad;
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
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	data[got] = '\0';
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

int split_front_matter(const char *text, size_t len, const char **yaml,
	size_t *yaml_len, const char **body, int *body_line)
{
	const char *p, *end = text + len;
	int line = 2;

	if (len >= 3 && (unsigned char)text[0] == 0xEF && (unsigned char)text[1] == 0xBB &&
		(unsigned char)text[2] == 0xBF) {
		text += 3; /* UTF-8 BOM from Windows editors */
		len -= 3;
	}
	if (len < 4 || strncmp(text, "---", 3) != 0 || (text[3] != '\n' && text[3] != '\r'))
		return -1;
	p = memchr(text, '\n', len);
	if (!p)
		return -1;
	p++;
	*yaml = p;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t ll = nl ? (size_t)(nl - p) : (size_t)(end - p);
		if (ll && p[ll - 1] == '\r')
			ll--;
		if (ll == 3 && strncmp(p, "---", 3) == 0) {
			*yaml_len = (size_t)(p - *yaml);
			*body = nl ? nl + 1 : end;
			*body_line = line + 1;
			return 0;
		}
		if (!nl)
			break;
		p = nl + 1;
		line++;
	}
	return -1;
}

/* ---- per-type loaders ---- */

struct loader {
	struct yctx c;            /* c.a: the model's arena (what is kept) */
	struct arena *scratch;    /* the file's text and YAML tree, freed after each file */
	const char *root;
	const struct site *site; /* loaded first, for forms' district choices */
};

static const char *get_text(struct yctx *c, const struct ynode *map, const char *key, int required)
{
	return yget_str(c, map, key, required, 0);
}

static int load_named_list(struct yctx *c, const struct ynode *map, const char *key,
	struct named **out, size_t *n_out, int required)
{
	static const char *const keys[] = { "id", "name", "name_en", NULL };
	const struct ynode *seq = yget_seq(c, map, key, required);
	struct named *items;
	size_t i, n = 0;

	if (!seq)
		return -1;
	items = arena_alloc(c->a, (seq->n + 1) * sizeof(*items));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(c->path, it), "แต่ละรายการของ \"%s\" ต้องมี id และ name",
				"each item of \"%s\" needs an id and a name", key);
			continue;
		}
		ycheck_keys(c, it, keys);
		items[n].id = yget_id(c, it, "id", 1);
		items[n].name = get_text(c, it, "name", 1);
		items[n].name_en = get_text(c, it, "name_en", 0);
		if (items[n].id && items[n].name)
			n++;
	}
	*out = items;
	*n_out = n;
	return 0;
}

static int64_t *target_row(struct yctx *c, const struct ynode *t, const char *key,
	int64_t row[4], int *has)
{
	const struct ynode *seq = yget_seq(c, t, key, 0);
	size_t i;

	*has = 0;
	if (!seq)
		return NULL;
	if (seq->n != 4) {
		diag_error(c->d, yloc(c->path, seq),
			"\"%s\" ต้องมี 4 ค่า (ร้อยละสะสมเมื่อสิ้นไตรมาส 1 ถึง 4)",
			"\"%s\" needs 4 values (cumulative %% at the end of Q1 to Q4)", key);
		return NULL;
	}
	for (i = 0; i < 4; i++)
		if (ynode_percent(c, seq->items[i], key, &row[i]) != Y_OK)
			return NULL;
	for (i = 1; i < 4; i++)
		if (row[i] < row[i - 1])
			diag_error(c->d, yloc(c->path, seq->items[i]),
				"เป้าหมายสะสมต้องไม่ลดลงจากไตรมาสก่อน", "cumulative targets must not go down");
	*has = 1;
	return row;
}

static void load_site(struct loader *ld, const struct ynode *root, struct site *s)
{
	static const char *const keys[] = { "sample", "office", "base_url", "collector",
		"license", "fiscal_years", "display", "status", "rollup", "districts", "groups",
		"dimensions", "disbursement_targets", "inbox", NULL };
	static const char *const office_keys[] = { "name", "name_en", "parent", "parent_en",
		"address", "address_en", "phone", "email", "social", NULL };
	static const char *const link_keys[] = { "label", "url", NULL };
	static const char *const license_keys[] = { "name", "name_en", "url", NULL };
	static const char *const display_keys[] = { "digits", NULL };
	static const char *const status_keys[] = { "behind", "seriously_behind", NULL };
	static const char *const target_keys[] = { "fiscal_year", "overall", "recurrent", "capital", NULL };
	static const char *const inbox_keys[] = { "public_key", NULL };
	struct yctx *c = &ld->c;
	const struct ynode *o, *n, *seq;
	size_t i;
	long v;

	memset(s, 0, sizeof(*s));
	s->behind = 1000;
	s->seriously_behind = 2500;
	s->collector = "cgi-bin/collect.cgi";
	if (!root) {
		diag_error(c->d, file_loc(c->path), "site.yaml ว่างเปล่า", "site.yaml is empty");
		return;
	}
	ycheck_keys(c, root, keys);
	yget_bool(c, root, "sample", 0, &s->sample);
	if ((o = yget_map(c, root, "office", 1)) != NULL) {
		ycheck_keys(c, o, office_keys);
		s->name = get_text(c, o, "name", 1);
		s->name_en = get_text(c, o, "name_en", 1);
		s->parent = get_text(c, o, "parent", 0);
		s->parent_en = get_text(c, o, "parent_en", 0);
		s->address = get_text(c, o, "address", 0);
		s->address_en = get_text(c, o, "address_en", 0);
		s->phone = get_text(c, o, "phone", 0);
		s->email = get_text(c, o, "email", 0);
		if ((seq = yget_seq(c, o, "social", 0)) != NULL) {
			s->social = arena_alloc(c->a, (seq->n + 1) * sizeof(*s->social));
			for (i = 0; i < seq->n; i++) {
				ycheck_keys(c, seq->items[i], link_keys);
				s->social[s->n_social].label = get_text(c, seq->items[i], "label", 1);
				s->social[s->n_social].url = get_text(c, seq->items[i], "url", 1);
				if (s->social[s->n_social].label && s->social[s->n_social].url)
					s->n_social++;
			}
		}
	}
	if ((n = ymap_get(root, "base_url")) && (s->base_url = get_text(c, root, "base_url", 1))) {
		size_t len = strlen(s->base_url);
		if (strncmp(s->base_url, "https://", 8) != 0 && strncmp(s->base_url, "http://", 7) != 0)
			diag_error(c->d, yloc(c->path, n), "base_url ต้องขึ้นต้นด้วย https:// หรือ http://",
				"base_url must start with https:// or http://");
		else if (s->base_url[len - 1] != '/')
			s->base_url = arena_printf(c->a, "%s/", s->base_url);
	} else if (!n) {
		get_text(c, root, "base_url", 1);
	}
	if ((n = ymap_get(root, "collector")) && get_text(c, root, "collector", 0)) {
		const char *p = n->s;
		size_t k;
		int okp = p[0] && p[0] != '/' && !strstr(p, "..") && !strstr(p, "//");
		for (k = 0; p[k] && okp; k++)
			okp = (p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') ||
				(p[k] >= '0' && p[k] <= '9') || strchr("-_./", p[k]);
		if (okp)
			s->collector = arena_strdup(c->a, n->s);
		else
			diag_error(c->d, yloc(c->path, n),
				"collector ต้องเป็นพาธสัมพัทธ์จากรากของเว็บ เช่น cgi-bin/collect.cgi",
				"collector must be a path relative to the site root, e.g. cgi-bin/collect.cgi");
	}
	if ((o = yget_map(c, root, "license", 0)) != NULL) {
		ycheck_keys(c, o, license_keys);
		s->license_name = get_text(c, o, "name", 1);
		s->license_name_en = get_text(c, o, "name_en", 0);
		s->license_url = get_text(c, o, "url", 0);
	}
	if ((seq = yget_seq(c, root, "fiscal_years", 1)) != NULL) {
		if (seq->n == 0 || seq->n > MODEL_MAX_FISCAL_YEARS)
			diag_error(c->d, yloc(c->path, seq), "fiscal_years ต้องมี 1 ถึง %d ปี",
				"fiscal_years needs 1 to %d years", MODEL_MAX_FISCAL_YEARS);
		for (i = 0; i < seq->n && i < MODEL_MAX_FISCAL_YEARS; i++) {
			const struct ynode *it = seq->items[i];
			char *end;
			long fy = it->kind == YN_SCALAR ? strtol(it->s, &end, 10) : 0;
			if (it->kind != YN_SCALAR || *end || fy < 2500 || fy > 2700) {
				diag_error(c->d, yloc(c->path, it),
					"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569", "a fiscal year is a BE year such as 2569");
				continue;
			}
			if (s->n_fiscal_years && fy <= s->fiscal_years[s->n_fiscal_years - 1]) {
				diag_error(c->d, yloc(c->path, it), "เรียงปีงบประมาณจากน้อยไปมากและไม่ซ้ำ",
					"list fiscal years in ascending order without repeats");
				continue;
			}
			s->fiscal_years[s->n_fiscal_years++] = (int)fy;
		}
	}
	if ((o = yget_map(c, root, "display", 0)) != NULL) {
		const char *dg;
		ycheck_keys(c, o, display_keys);
		if ((dg = get_text(c, o, "digits", 0)) != NULL) {
			if (strcmp(dg, "thai") == 0)
				s->digits = DIGITS_THAI;
			else if (strcmp(dg, "arabic") != 0)
				diag_error(c->d, yloc(c->path, ymap_get(o, "digits")),
					"digits ต้องเป็น arabic หรือ thai", "digits must be arabic or thai");
		}
	}
	if ((o = yget_map(c, root, "status", 1)) != NULL) {
		ycheck_keys(c, o, status_keys);
		yget_percent(c, o, "behind", 1, &s->behind);
		yget_percent(c, o, "seriously_behind", 1, &s->seriously_behind);
		if (s->seriously_behind < s->behind)
			diag_error(c->d, yloc(c->path, o),
				"seriously_behind ต้องไม่น้อยกว่า behind", "seriously_behind must be at least behind");
	}
	if ((n = ymap_get(root, "rollup")) && get_text(c, root, "rollup", 0)) {
		if (strcmp(n->s, "weight") == 0)
			s->rollup = ROLLUP_WEIGHT;
		else if (strcmp(n->s, "budget") != 0)
			diag_error(c->d, yloc(c->path, n), "rollup ต้องเป็น budget หรือ weight",
				"rollup must be budget or weight");
	}
	load_named_list(c, root, "districts", &s->districts, &s->n_districts, 1);
	load_named_list(c, root, "groups", &s->groups, &s->n_groups, 1);
	load_named_list(c, root, "dimensions", &s->dimensions, &s->n_dimensions, 0);
	if ((seq = yget_seq(c, root, "disbursement_targets", 0)) != NULL) {
		s->targets = arena_alloc(c->a, (seq->n + 1) * sizeof(*s->targets));
		for (i = 0; i < seq->n; i++) {
			const struct ynode *t = seq->items[i];
			struct disb_target *dt = &s->targets[s->n_targets];
			int has;
			if (t->kind != YN_MAP) {
				diag_error(c->d, yloc(c->path, t), "เป้าหมายแต่ละปีต้องเป็นชุดฟิลด์",
					"each target must be a mapping");
				continue;
			}
			ycheck_keys(c, t, target_keys);
			if (yget_int(c, t, "fiscal_year", 1, 2500, 2700, &v) != Y_OK)
				continue;
			dt->fiscal_year = (int)v;
			if (!target_row(c, t, "overall", dt->overall, &has)) {
				if (!ymap_get(t, "overall"))
					yget_seq(c, t, "overall", 1);
				continue;
			}
			target_row(c, t, "recurrent", dt->recurrent, &dt->has_recurrent);
			target_row(c, t, "capital", dt->capital, &dt->has_capital);
			s->n_targets++;
		}
	}
	if ((o = yget_map(c, root, "inbox", 0)) != NULL) {
		const char *k;
		ycheck_keys(c, o, inbox_keys);
		k = get_text(c, o, "public_key", 0);
		if (k && k[0]) {
			size_t kl = strlen(k), j;
			int okk = kl == 44 && k[43] == '=';
			for (j = 0; j < 43 && okk; j++)
				okk = (k[j] >= 'A' && k[j] <= 'Z') || (k[j] >= 'a' && k[j] <= 'z') ||
					(k[j] >= '0' && k[j] <= '9') || k[j] == '+' || k[j] == '/';
			if (okk)
				s->public_key = k;
			else
				diag_error(c->d, yloc(c->path, ymap_get(o, "public_key")),
					"public_key ต้องเป็นกุญแจสาธารณะแบบ base64 (44 ตัวอักษร) จาก prongsai inbox keygen",
					"public_key must be a base64 public key (44 characters) from prongsai inbox keygen");
		}
	}
}

static struct person *load_people(struct loader *ld, const struct ynode *root, size_t *n_out)
{
	static const char *const keys[] = { "people", NULL };
	static const char *const pkeys[] = { "id", "name", "name_en", "position", "position_en",
		"group", "district", "executive", "photo", "phone", "email", NULL };
	struct yctx *c = &ld->c;
	const struct ynode *seq;
	struct person *people;
	size_t i, n = 0;

	*n_out = 0;
	if (!root)
		return NULL;
	ycheck_keys(c, root, keys);
	if (!(seq = yget_seq(c, root, "people", 1)))
		return NULL;
	people = arena_alloc(c->a, (seq->n + 1) * sizeof(*people));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		struct person *p = &people[n];
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(c->path, it), "แต่ละคนต้องเป็นชุดฟิลด์ (id, name, position)",
				"each person must be a mapping (id, name, position)");
			continue;
		}
		ycheck_keys(c, it, pkeys);
		p->line = it->line;
		p->id = yget_id(c, it, "id", 1);
		p->name = get_text(c, it, "name", 1);
		p->name_en = get_text(c, it, "name_en", 0);
		p->position = get_text(c, it, "position", 1);
		p->position_en = get_text(c, it, "position_en", 0);
		p->group = yget_id(c, it, "group", 0);
		p->district = yget_id(c, it, "district", 0);
		yget_bool(c, it, "executive", 0, &p->executive);
		p->photo = get_text(c, it, "photo", 0);
		p->phone = get_text(c, it, "phone", 0);
		p->email = get_text(c, it, "email", 0);
		if (p->id && p->name && p->position)
			n++;
	}
	*n_out = n;
	return people;
}

/* Parse "YYYY-MM" (BE years converted) into year and month. */
static int parse_month(const char *s, int *y, int *m)
{
	char tmp[16];
	pdate t;
	int be, d;

	if (strlen(s) != 7 || s[4] != '-')
		return -1;
	snprintf(tmp, sizeof(tmp), "%s-01", s);
	if (date_parse(tmp, &t, &be) != DATE_OK)
		return -1;
	date_to_ymd(t, y, m, &d);
	return 0;
}

/* Base name of rel without its extension, into the arena. */
static const char *stem(struct arena *a, const char *rel, const char *ext)
{
	const char *b = strrchr(rel, '/');
	size_t n;

	b = b ? b + 1 : rel;
	n = strlen(b) - strlen(ext);
	return arena_strndup(a, b, n);
}

/* The n-th path component (0-based). */
static const char *component(struct arena *a, const char *rel, int idx)
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

static struct photo *load_photos(struct yctx *c, const struct ynode *map, size_t *n_out)
{
	static const char *const keys[] = { "src", "alt", NULL };
	const struct ynode *seq = yget_seq(c, map, "photos", 0);
	struct photo *ph;
	size_t i, n = 0;

	*n_out = 0;
	if (!seq)
		return NULL;
	ph = arena_alloc(c->a, (seq->n + 1) * sizeof(*ph));
	for (i = 0; i < seq->n; i++) {
		const struct ynode *it = seq->items[i];
		if (it->kind != YN_MAP) {
			diag_error(c->d, yloc(c->path, it), "รูปแต่ละรูปต้องมี src และ alt",
				"each photo needs src and alt");
			continue;
		}
		ycheck_keys(c, it, keys);
		ph[n].src = get_text(c, it, "src", 1);
		ph[n].alt = get_text(c, it, "alt", 1);
		if (ph[n].src && ph[n].alt)
			n++;
	}
	*n_out = n;
	return ph;
}

static enum budget_category parse_category(struct yctx *c, const struct ynode *budget, int *ok)
{
	const struct ynode *n = ymap_get(budget, "category");
	const char *s = get_text(c, budget, "category", 1);

	*ok = 0;
	if (!s)
		return CAT_RECURRENT;
	if (strcmp(s, "recurrent") == 0 || strcmp(s, "ประจำ") == 0 || strcmp(s, "งบประจำ") == 0) {
		*ok = 1;
		return CAT_RECURRENT;
	}
	if (strcmp(s, "capital") == 0 || strcmp(s, "ลงทุน") == 0 || strcmp(s, "งบลงทุน") == 0) {
		*ok = 1;
		return CAT_CAPITAL;
	}
	diag_error(c->d, yloc(c->path, n), "category ต้องเป็น recurrent (ประจำ) หรือ capital (ลงทุน)",
		"category must be recurrent (ประจำ) or capital (ลงทุน)");
	return CAT_RECURRENT;
}

static struct project *load_project(struct loader *ld, const char *rel, const char *text, size_t len)
{
	static const char *const keys[] = { "id", "title", "title_en", "fiscal_year", "group",
		"owner", "team", "districts", "dimension", "strategy", "period", "budget", "plan",
		"kpis", "weight", "status", "status_reason", NULL };
	static const char *const period_keys[] = { "start", "end", NULL };
	static const char *const budget_keys[] = { "allocated", "source", "category", NULL };
	static const char *const plan_keys[] = { "month", "percent", "disbursed", NULL };
	static const char *const kpi_keys[] = { "id", "name", "unit", "target", NULL };
	struct yctx *c = &ld->c;
	const char *yaml, *body;
	size_t yaml_len, i;
	int body_line, ok, good = 1, cat_ok;
	struct ynode *root;
	const struct ynode *n, *seq;
	struct project *p;
	long v;
	const char *file_id = stem(c->a, rel, ".md");
	const char *dir_fy = component(c->a, rel, 1);

	if (split_front_matter(text, len, &yaml, &yaml_len, &body, &body_line) != 0) {
		struct loc l = { rel, 1, 1 };
		diag_error(c->d, l, "ต้องขึ้นต้นไฟล์ด้วยบรรทัด --- ตามด้วยข้อมูลโครงการ และปิดด้วย ---",
			"the file must start with a --- line, the project's fields, and a closing ---");
		return NULL;
	}
	root = yload(ld->scratch, c->d, rel, yaml, yaml_len, 1, &ok);
	if (!ok)
		return NULL;
	if (!root) {
		struct loc l = { rel, 1, 1 };
		diag_error(c->d, l, "ไม่มีข้อมูลโครงการระหว่างบรรทัด ---", "no project fields between the --- lines");
		return NULL;
	}
	p = arena_alloc(c->a, sizeof(*p));
	p->path = rel;
	p->body = arena_strdup(c->a, body);
	p->status_override = ST__COUNT;
	ycheck_keys(c, root, keys);
	p->id = yget_id(c, root, "id", 1);
	if ((n = ymap_get(root, "id")))
		p->line_id = n->line;
	if (p->id && strcmp(p->id, file_id) != 0) {
		diag_error(c->d, yloc(rel, n), "id \"%s\" ต้องตรงกับชื่อไฟล์ \"%s.md\"",
			"id \"%s\" must match the file name \"%s.md\"", p->id, file_id);
		good = 0;
	}
	if (!id_is_safe(file_id)) {
		diag_error(c->d, file_loc(rel), "ชื่อไฟล์ใช้ได้เฉพาะ a-z ตัวเล็ก 0-9 และ -",
			"file names may use only lowercase a-z, 0-9 and -");
		good = 0;
	}
	p->title = yget_str(c, root, "title", 1, 500);
	p->title_en = yget_str(c, root, "title_en", 0, 500);
	if (yget_int(c, root, "fiscal_year", 1, 2500, 2700, &v) == Y_OK) {
		p->fiscal_year = (int)v;
		if (strcmp(dir_fy, ymap_get(root, "fiscal_year")->s) != 0) {
			diag_error(c->d, yloc(rel, ymap_get(root, "fiscal_year")),
				"fiscal_year %ld ไม่ตรงกับโฟลเดอร์ projects/%s/",
				"fiscal_year %ld does not match the folder projects/%s/", v, dir_fy);
			good = 0;
		}
	} else {
		good = 0;
	}
	p->group = yget_id(c, root, "group", 1);
	p->owner = yget_id(c, root, "owner", 1);
	p->line_group = (n = ymap_get(root, "group")) ? n->line : 0;
	p->line_owner = (n = ymap_get(root, "owner")) ? n->line : 0;
	p->line_team = (n = ymap_get(root, "team")) ? n->line : 0;
	p->line_districts = (n = ymap_get(root, "districts")) ? n->line : 0;
	p->line_dimension = (n = ymap_get(root, "dimension")) ? n->line : 0;
	if ((seq = yget_seq(c, root, "team", 0)) != NULL) {
		p->team = arena_alloc(c->a, (seq->n + 1) * sizeof(char *));
		for (i = 0; i < seq->n; i++)
			if ((p->team[p->n_team] = ynode_id(c, seq->items[i], "team")))
				p->n_team++;
	}
	if ((seq = yget_seq(c, root, "districts", 1)) != NULL) {
		p->districts = arena_alloc(c->a, (seq->n + 1) * sizeof(char *));
		for (i = 0; i < seq->n; i++)
			if ((p->districts[p->n_districts] = ynode_id(c, seq->items[i], "districts")))
				p->n_districts++;
		if (seq->n == 0)
			diag_error(c->d, yloc(rel, seq), "ต้องระบุอำเภออย่างน้อย 1 อำเภอ",
				"name at least one district");
	}
	p->dimension = yget_id(c, root, "dimension", 0);
	p->strategy = get_text(c, root, "strategy", 0);
	if ((n = yget_map(c, root, "period", 1)) != NULL) {
		ycheck_keys(c, n, period_keys);
		if (yget_date(c, n, "start", 1, &p->start) != Y_OK ||
			yget_date(c, n, "end", 1, &p->end) != Y_OK)
			good = 0;
		else if (p->end < p->start) {
			diag_error(c->d, yloc(rel, ymap_get(n, "end")), "วันสิ้นสุดอยู่ก่อนวันเริ่มต้น",
				"the end date is before the start date");
			good = 0;
		}
		if (ymap_get(n, "start"))
			p->line_start = ymap_get(n, "start")->line;
	} else {
		good = 0;
	}
	if ((n = yget_map(c, root, "budget", 1)) != NULL) {
		ycheck_keys(c, n, budget_keys);
		if (yget_money(c, n, "allocated", 1, &p->allocated) != Y_OK)
			good = 0;
		if (ymap_get(n, "allocated"))
			p->line_allocated = ymap_get(n, "allocated")->line;
		p->budget_source = get_text(c, n, "source", 0);
		p->category = parse_category(c, n, &cat_ok);
	} else {
		good = 0;
	}
	if ((seq = yget_seq(c, root, "plan", 0)) != NULL) {
		p->plan = arena_alloc(c->a, (seq->n + 1) * sizeof(*p->plan));
		for (i = 0; i < seq->n; i++) {
			const struct ynode *it = seq->items[i];
			struct plan_point *pp = &p->plan[p->n_plan];
			const char *ms;
			if (it->kind != YN_MAP) {
				diag_error(c->d, yloc(rel, it), "แต่ละเดือนของแผนต้องมี month และ percent หรือ disbursed",
					"each plan month needs month and percent or disbursed");
				continue;
			}
			ycheck_keys(c, it, plan_keys);
			if (!(ms = get_text(c, it, "month", 1)))
				continue;
			if (parse_month(ms, &pp->year, &pp->month) != 0) {
				diag_error(c->d, yloc(rel, ymap_get(it, "month")),
					"month ต้องเป็น ปปปป-ดด เช่น 2026-01 (ได้ \"%s\")",
					"month must be YYYY-MM such as 2026-01 (got \"%s\")", ms);
				continue;
			}
			pp->month_end = date_month_end(date_from_ymd(pp->year, pp->month, 1));
			pp->percent = pp->disbursed = -1;
			if (yget_percent(c, it, "percent", 0, &pp->percent) == Y_ERROR ||
				yget_money(c, it, "disbursed", 0, &pp->disbursed) == Y_ERROR)
				continue;
			if (pp->percent < 0 && pp->disbursed < 0) {
				diag_error(c->d, yloc(rel, it), "ต้องมี percent หรือ disbursed อย่างน้อยหนึ่งค่า",
					"give percent or disbursed (or both)");
				continue;
			}
			if (p->n_plan && pp->month_end <= p->plan[p->n_plan - 1].month_end) {
				diag_error(c->d, yloc(rel, it), "เรียงเดือนของแผนจากเก่าไปใหม่และไม่ซ้ำ",
					"list plan months in order, each once");
				continue;
			}
			p->n_plan++;
		}
	}
	if ((seq = yget_seq(c, root, "kpis", 0)) != NULL) {
		p->kpis = arena_alloc(c->a, (seq->n + 1) * sizeof(*p->kpis));
		for (i = 0; i < seq->n; i++) {
			const struct ynode *it = seq->items[i];
			struct kpi *k = &p->kpis[p->n_kpis];
			size_t j;
			if (it->kind != YN_MAP) {
				diag_error(c->d, yloc(rel, it), "ตัวชี้วัดแต่ละตัวต้องมี id, name, unit, target",
					"each KPI needs id, name, unit, target");
				continue;
			}
			ycheck_keys(c, it, kpi_keys);
			k->id = yget_id(c, it, "id", 1);
			k->name = get_text(c, it, "name", 1);
			k->unit = get_text(c, it, "unit", 1);
			if (yget_decimal(c, it, "target", 1, &k->target) != Y_OK || !k->id || !k->name || !k->unit)
				continue;
			for (j = 0; j < p->n_kpis; j++)
				if (strcmp(p->kpis[j].id, k->id) == 0)
					break;
			if (j < p->n_kpis) {
				diag_error(c->d, yloc(rel, ymap_get(it, "id")), "id ตัวชี้วัด \"%s\" ซ้ำ",
					"duplicate KPI id \"%s\"", k->id);
				continue;
			}
			p->n_kpis++;
		}
	}
	if (ymap_get(root, "weight") && yget_decimal(c, root, "weight", 0, &p->weight) == Y_OK &&
		p->weight == 0) {
		diag_error(c->d, yloc(rel, ymap_get(root, "weight")), "weight ต้องมากกว่า 0",
			"weight must be greater than 0");
	}
	if ((n = ymap_get(root, "status")) && get_text(c, root, "status", 0)) {
		if (strcmp(n->s, "cancelled") == 0)
			p->status_override = ST_CANCELLED;
		else if (strcmp(n->s, "suspended") == 0)
			p->status_override = ST_SUSPENDED;
		else
			diag_error(c->d, yloc(rel, n),
				"status ใส่ได้เฉพาะ cancelled (ยกเลิก) หรือ suspended (ระงับ) สถานะอื่นคำนวณให้อัตโนมัติ",
				"status may only be cancelled or suspended; other statuses are computed");
		p->status_reason = get_text(c, root, "status_reason", 1);
	} else if (ymap_get(root, "status_reason")) {
		diag_warn(c->d, yloc(rel, ymap_get(root, "status_reason")),
			"มี status_reason แต่ไม่มี status", "status_reason without a status");
	}
	if (!good || !p->id || !p->title || !p->group || !p->owner)
		return NULL;
	return p;
}

static struct report *load_report(struct loader *ld, const char *rel, const char *text, size_t len)
{
	static const char *const keys[] = { "date", "reporter", "percent", "disbursed", "kpis",
		"narrative", "problems", "photos", NULL };
	struct yctx *c = &ld->c;
	struct ynode *root;
	const struct ynode *n;
	struct report *r;
	int ok, good = 1;
	char iso[11];
	const char *file_date = stem(c->a, rel, ".yaml");
	const char *fy = component(c->a, rel, 1);

	root = yload(ld->scratch, c->d, rel, text, len, 0, &ok);
	if (!ok)
		return NULL;
	if (!root) {
		diag_error(c->d, file_loc(rel), "รายงานว่างเปล่า", "the report is empty");
		return NULL;
	}
	r = arena_alloc(c->a, sizeof(*r));
	r->path = rel;
	r->project_id = component(c->a, rel, 2);
	r->fiscal_year = is_digits(fy, strlen(fy)) && strlen(fy) == 4 ? atoi(fy) : 0;
	if (!r->fiscal_year) {
		diag_error(c->d, file_loc(rel), "โฟลเดอร์ progress/%s/ ต้องเป็นปีงบประมาณ เช่น 2569",
			"the folder progress/%s/ must be a fiscal year such as 2569", fy);
		good = 0;
	}
	if (!id_is_safe(r->project_id)) {
		diag_error(c->d, file_loc(rel), "ชื่อโฟลเดอร์ \"%s\" ไม่ใช่รหัสโครงการที่ใช้ได้",
			"folder name \"%s\" is not a valid project id", r->project_id);
		good = 0;
	}
	ycheck_keys(c, root, keys);
	if (yget_date(c, root, "date", 1, &r->date) == Y_OK) {
		n = ymap_get(root, "date");
		r->line_date = n->line;
		pdate fd;
		int be;
		date_iso(r->date, iso);
		if (date_parse(file_date, &fd, &be) != DATE_OK || fd != r->date) {
			diag_error(c->d, yloc(rel, n), "date %s ต้องตรงกับชื่อไฟล์ (ชื่อไฟล์คือ %s.yaml ควรเป็น %s.yaml)",
				"date %s must match the file name (%s.yaml; expected %s.yaml)", n->s, file_date, iso);
			good = 0;
		}
	} else {
		good = 0;
	}
	r->reporter = yget_id(c, root, "reporter", 1);
	r->line_reporter = (n = ymap_get(root, "reporter")) ? n->line : 0;
	if (yget_percent(c, root, "percent", 1, &r->percent) != Y_OK)
		good = 0;
	else
		r->line_percent = ymap_get(root, "percent")->line;
	if (yget_money(c, root, "disbursed", 1, &r->disbursed) != Y_OK)
		good = 0;
	else
		r->line_disbursed = ymap_get(root, "disbursed")->line;
	if ((n = yget_map(c, root, "kpis", 0)) != NULL) {
		size_t i;
		r->kpis = arena_alloc(c->a, (n->n + 1) * sizeof(*r->kpis));
		for (i = 0; i < n->n; i++) {
			struct kpi_actual *k = &r->kpis[r->n_kpis];
			k->kpi = arena_strdup(c->a, n->keys[i]->s);
			k->line = n->keys[i]->line;
			k->col = n->keys[i]->col;
			if (ynode_decimal(c, n->items[i], k->kpi, &k->value) == Y_OK)
				r->n_kpis++;
		}
	}
	r->narrative = get_text(c, root, "narrative", 0);
	r->problems = get_text(c, root, "problems", 0);
	r->photos = load_photos(c, root, &r->n_photos);
	if (!good || !r->reporter)
		return NULL;
	return r;
}

static struct news *load_news(struct loader *ld, const char *rel, const char *text, size_t len)
{
	static const char *const keys[] = { "title", "title_en", "date", "summary", "image", NULL };
	struct yctx *c = &ld->c;
	const char *yaml, *body, *name = stem(c->a, rel, ".md");
	size_t yaml_len;
	int body_line, ok, be;
	struct ynode *root;
	struct news *nw;
	char prefix[11];
	pdate fdate;

	if (strlen(name) < 12 || name[10] != '-' ||
		(memcpy(prefix, name, 10), prefix[10] = '\0', date_parse(prefix, &fdate, &be)) != DATE_OK ||
		!id_is_safe(name + 11)) {
		diag_error(c->d, file_loc(rel),
			"ชื่อไฟล์ข่าวต้องเป็น ปปปป-ดด-วว-ชื่อ.md เช่น 2026-01-15-meeting.md (ชื่อใช้ a-z 0-9 -)",
			"news file names are YYYY-MM-DD-slug.md, e.g. 2026-01-15-meeting.md (slug: a-z 0-9 -)");
		return NULL;
	}
	if (split_front_matter(text, len, &yaml, &yaml_len, &body, &body_line) != 0) {
		struct loc l = { rel, 1, 1 };
		diag_error(c->d, l, "ต้องขึ้นต้นไฟล์ด้วยบรรทัด --- ตามด้วยหัวข้อข่าว และปิดด้วย ---",
			"the file must start with a --- line, the news fields, and a closing ---");
		return NULL;
	}
	root = yload(ld->scratch, c->d, rel, yaml, yaml_len, 1, &ok);
	if (!ok)
		return NULL;
	nw = arena_alloc(c->a, sizeof(*nw));
	nw->path = rel;
	nw->slug = name + 11;
	nw->body = arena_strdup(c->a, body);
	if (!root) {
		struct loc l = { rel, 1, 1 };
		diag_error(c->d, l, "ไม่มีหัวข้อข่าว (title)", "missing title");
		return NULL;
	}
	ycheck_keys(c, root, keys);
	nw->title = yget_str(c, root, "title", 1, 500);
	nw->title_en = yget_str(c, root, "title_en", 0, 500);
	nw->summary = get_text(c, root, "summary", 0);
	nw->image = get_text(c, root, "image", 0);
	nw->date = fdate;
	if (ymap_get(root, "date")) {
		pdate d2;
		if (yget_date(c, root, "date", 0, &d2) == Y_OK && d2 != fdate)
			diag_error(c->d, yloc(rel, ymap_get(root, "date")),
				"date ต้องตรงกับวันที่ในชื่อไฟล์ (%s)", "date must match the file name's date (%s)",
				prefix);
	}
	return nw->title ? nw : NULL;
}

static struct page *load_page(struct loader *ld, const char *rel, const char *text, size_t len)
{
	static const char *const keys[] = { "title", "title_en", "menu", "summary", NULL };
	struct yctx *c = &ld->c;
	const char *yaml, *body, *slug = stem(c->a, rel, ".md");
	size_t yaml_len;
	int body_line, ok;
	struct ynode *root;
	struct page *pg;
	long v;

	if (!id_is_safe(slug)) {
		diag_error(c->d, file_loc(rel), "ชื่อไฟล์หน้าใช้ได้เฉพาะ a-z ตัวเล็ก 0-9 และ -",
			"page file names may use only lowercase a-z, 0-9 and -");
		return NULL;
	}
	if (split_front_matter(text, len, &yaml, &yaml_len, &body, &body_line) != 0) {
		struct loc l = { rel, 1, 1 };
		diag_error(c->d, l, "ต้องขึ้นต้นไฟล์ด้วยบรรทัด --- ตามด้วย title และปิดด้วย ---",
			"the file must start with a --- line, the title, and a closing ---");
		return NULL;
	}
	root = yload(ld->scratch, c->d, rel, yaml, yaml_len, 1, &ok);
	if (!ok)
		return NULL;
	pg = arena_alloc(c->a, sizeof(*pg));
	pg->path = rel;
	pg->slug = slug;
	pg->body = arena_strdup(c->a, body);
	pg->menu = -1;
	if (!root) {
		struct loc l = { rel, 1, 1 };
		diag_error(c->d, l, "ไม่มี title", "missing title");
		return NULL;
	}
	ycheck_keys(c, root, keys);
	pg->title = yget_str(c, root, "title", 1, 500);
	pg->title_en = yget_str(c, root, "title_en", 0, 500);
	pg->summary = get_text(c, root, "summary", 0);
	if (yget_int(c, root, "menu", 0, 0, 99, &v) == Y_OK)
		pg->menu = (int)v;
	return pg->title ? pg : NULL;
}


static void load_one(struct loader *ld, struct file_job *fj)
{
	size_t len;
	char *text;
	int ok;
	struct ynode *root;
	size_t cap = ends_with(fj->rel, ".md") ? MODEL_MAX_FILE_SIZE : MODEL_MAX_YAML_SIZE;
	const char *rel;

	if (fj->kind == FK_MEDIA || fj->kind == FK_IGNORED || fj->result)
		return;
	rel = arena_strdup(ld->c.a, fj->rel); /* records keep their path */
	ld->c.path = rel;
	text = read_file(ld->scratch, ld->c.d, ld->root, rel, cap, &len);
	if (!text)
		return;
	switch (fj->kind) {
	case FK_SITE:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok) {
			struct site *s = arena_alloc(ld->c.a, sizeof(*s));
			load_site(ld, root, s);
			fj->result = s;
		}
		break;
	case FK_PEOPLE:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok) {
			struct person_list { struct person *p; size_t n; } *pl = arena_alloc(ld->c.a, sizeof(*pl));
			pl->p = load_people(ld, root, &pl->n);
			fj->result = pl;
		}
		break;
	case FK_PROJECT:
		fj->result = load_project(ld, rel, text, len);
		break;
	case FK_REPORT:
		fj->result = load_report(ld, rel, text, len);
		break;
	case FK_NEWS:
		fj->result = load_news(ld, rel, text, len);
		break;
	case FK_PAGE:
		fj->result = load_page(ld, rel, text, len);
		break;
	case FK_FORM:
		root = yload(ld->scratch, ld->c.d, rel, text, len, 0, &ok);
		if (ok)
			fj->result = load_form(&ld->c, rel, root, ld->site);
		break;
	default:
		break;
	}
	arena_reset(ld->scratch);
}

struct load_pool {
	struct walk *w;
	struct model *m;
	struct diags *d;
	atomic_size_t next;
};

struct load_worker {
	struct load_pool *pool;
	struct arena *arena;
};

static void *load_thread(void *arg)
{
	struct load_worker *lw = arg;
	struct load_pool *pool = lw->pool;
	struct loader ld;
	struct arena scratch;
	size_t i;

	arena_init(&scratch);
	ld.scratch = &scratch;
	ld.c.a = lw->arena;
	ld.c.d = pool->d;
	ld.root = pool->m->root;
	ld.site = &pool->m->site;
	while ((i = atomic_fetch_add(&pool->next, 1)) < pool->w->n)
		load_one(&ld, &pool->w->files[i]);
	arena_free(&scratch);
	return NULL;
}

static int cmp_project(const void *a, const void *b)
{
	return strcmp((*(struct project *const *)a)->id, (*(struct project *const *)b)->id);
}

static int cmp_report(const void *a, const void *b)
{
	const struct report *x = *(struct report *const *)a, *y = *(struct report *const *)b;
	int c = strcmp(x->project_id, y->project_id);
	if (c)
		return c;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return strcmp(x->path, y->path);
}

static int cmp_news(const void *a, const void *b)
{
	const struct news *x = *(struct news *const *)a, *y = *(struct news *const *)b;
	if (x->date != y->date)
		return x->date > y->date ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

static int cmp_page(const void *a, const void *b)
{
	const struct page *x = *(struct page *const *)a, *y = *(struct page *const *)b;
	int mx = x->menu < 0 ? 1000 : x->menu, my = y->menu < 0 ? 1000 : y->menu;
	if (mx != my)
		return mx < my ? -1 : 1;
	return strcmp(x->slug, y->slug);
}

int load_content(struct model *m, const char *root, int jobs, struct diags *d)
{
	struct walk w;
	char real_root[PATH_MAX];
	struct stat st;
	struct load_pool pool;
	struct load_worker workers[MODEL_MAX_JOBS];
	pthread_t tids[MODEL_MAX_JOBS];
	size_t i, np = 0, nr = 0, nn = 0, npg = 0, nf = 0, nm = 0;
	int t, have_site = 0;

	m->root = arena_strdup(&m->arena, root);
	if (stat(root, &st) != 0 || !S_ISDIR(st.st_mode) || !realpath(root, real_root)) {
		diag_error(d, file_loc(root), "ไม่พบโฟลเดอร์เนื้อหา", "content folder not found");
		return -1;
	}
	memset(&w, 0, sizeof(w));
	w.root = root;
	w.real_root = real_root;
	w.real_root_len = strlen(real_root);
	w.d = d;
	walk_dir(&w, "", 0);
	for (i = 0; i < w.n; i++)
		w.files[i].kind = classify(d, w.files[i].rel);

	/* site.yaml first: other files depend on it */
	for (i = 0; i < w.n; i++) {
		if (w.files[i].kind == FK_SITE) {
			struct arena scratch;
			struct loader ld = { { &m->arena, d, NULL }, &scratch, m->root, &m->site };
			arena_init(&scratch);
			load_one(&ld, &w.files[i]);
			arena_free(&scratch);
			if (w.files[i].result)
				m->site = *(struct site *)w.files[i].result;
		}
	}
	if (jobs < 1)
		jobs = 1;
	if (jobs > MODEL_MAX_JOBS)
		jobs = MODEL_MAX_JOBS;
	if ((size_t)jobs > w.n / 256 + 1)
		jobs = (int)(w.n / 256 + 1);
	pool.w = &w;
	pool.m = m;
	pool.d = d;
	atomic_init(&pool.next, 0);
	for (t = 0; t < jobs; t++) {
		workers[t].pool = &pool;
		workers[t].arena = &m->worker[t];
	}
	for (t = 1; t < jobs; t++)
		if (pthread_create(&tids[t], NULL, load_thread, &workers[t]) != 0)
			break;
	load_thread(&workers[0]);
	while (--t > 0)
		pthread_join(tids[t], NULL);

	/* assemble, in path order (deterministic) */
	m->projects = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->projects));
	m->reports = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->reports));
	m->news = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->news));
	m->pages = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->pages));
	m->forms = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->forms));
	m->media = arena_alloc(&m->arena, (w.n + 1) * sizeof(*m->media));
	for (i = 0; i < w.n; i++) {
		struct file_job *fj = &w.files[i];
		switch (fj->kind) {
		case FK_SITE:
			have_site = 1;
			break;
		case FK_PEOPLE:
			if (fj->result) {
				struct person_list { struct person *p; size_t n; } *pl = fj->result;
				m->people = pl->p;
				m->n_people = pl->n;
			}
			break;
		case FK_PROJECT:
			if (fj->result)
				m->projects[np++] = fj->result;
			break;
		case FK_REPORT:
			if (fj->result)
				m->reports[nr++] = fj->result;
			break;
		case FK_NEWS:
			if (fj->result)
				m->news[nn++] = fj->result;
			break;
		case FK_PAGE:
			if (fj->result)
				m->pages[npg++] = fj->result;
			break;
		case FK_FORM:
			if (fj->result)
				m->forms[nf++] = *(struct form_def *)fj->result;
			break;
		case FK_MEDIA:
			m->media[nm++].path = arena_strdup(&m->arena, fj->rel);
			break;
		default:
			break;
		}
	}
	m->n_projects = np;
	m->n_reports = nr;
	m->n_news = nn;
	m->n_pages = npg;
	m->n_forms = nf;
	m->n_media = nm;
	m->project_files = arena_alloc(&m->arena, (w.n + 1) * sizeof(char *));
	for (i = 0; i < w.n; i++) {
		if (w.files[i].kind != FK_PROJECT)
			continue;
		/* "projects/<fy>/<id>.md" -> "<fy>/<id>" */
		size_t len = strlen(w.files[i].rel);
		m->project_files[m->n_project_files++] =
			arena_strndup(&m->arena, w.files[i].rel + 9, len - 9 - 3);
	}
	qsort(m->projects, np, sizeof(*m->projects), cmp_project);
	qsort(m->reports, nr, sizeof(*m->reports), cmp_report);
	qsort(m->news, nn, sizeof(*m->news), cmp_news);
	qsort(m->pages, npg, sizeof(*m->pages), cmp_page);
	qsort(m->media, nm, sizeof(*m->media), cmp_str); /* byte order, for lookups */
	model_index(m);
	if (!have_site)
		diag_error(d, file_loc("site.yaml"), "ไม่พบไฟล์ site.yaml (ข้อมูลหน่วยงาน)",
			"site.yaml (the office's settings) is missing");
	/* rel paths are referenced by the model: keep them in the arena */
	for (i = 0; i < w.n; i++)
		free(w.files[i].rel);
	free(w.files);
	return 0;
}
