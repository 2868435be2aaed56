/* manual.c: the user manual's parts (build --manual DIR) into the model;
 * pictures whose screenshot is missing are left out (load.h). */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load/load.h"
#include "load/load_int.h"

static int is_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* "![alt](shots/NAME.png)" alone on the line (after indentation): the
 * offset of NAME and its length, or 0 when the line is something else. */
static size_t shot_name(const char *line, size_t len, size_t *at)
{
	size_t i = 0, k;

	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	if (len - i < 2 || line[i] != '!' || line[i + 1] != '[')
		return 0;
	for (k = i + 2; k < len && line[k] != ']'; k++)
		;
	if (k + 8 > len || memcmp(line + k, "](shots/", 8) != 0)
		return 0;
	*at = k + 8;
	for (k = *at; k < len && ((line[k] >= 'a' && line[k] <= 'z') || (line[k] >= '0' && line[k] <= '9') ||
		line[k] == '-'); k++)
		;
	if (k == *at || k + 5 != len || memcmp(line + k, ".png)", 5) != 0)
		return 0;
	return k + 4 - *at; /* with ".png" */
}

/* The body with each picture kept (shots present) or dropped; names kept
 * are added to m->manual_shots once. */
static const char *pictures(struct model *m, const char *rel, int body_line, const char *body,
	const char *media, struct diags *d)
{
	struct arena *a = &m->arena;
	size_t n = strlen(body), out = 0, at, len, i;
	char *t = arena_alloc(a, n * 2 + 1), path[4096];
	const char *p = body;
	int line = body_line;

	while (*p) {
		const char *e = strchr(p, '\n');
		size_t ll = e ? (size_t)(e - p) : strlen(p);
		if (ll && p[ll - 1] == '\r') /* a file saved with CRLF */
			ll--;
		if ((len = shot_name(p, ll, &at)) != 0) {
			const char *name = arena_strndup(a, p + at, len);
			if (media && snprintf(path, sizeof(path), "%s/shots/%s", media, name) < (int)sizeof(path) &&
				is_file(path)) {
				/* "(shots/NAME.png)" -> "(../NAME.png)": the pictures sit in
				 * manual/ beside its index, the parts one folder below */
				memcpy(t + out, p, at - 6);
				out += at - 6;
				memcpy(t + out, "../", 3);
				out += 3;
				memcpy(t + out, p + at, ll - at);
				out += ll - at;
				t[out++] = '\n';
				for (i = 0; i < m->n_manual_shots && strcmp(m->manual_shots[i], name) != 0; i++)
					;
				if (i == m->n_manual_shots && i < MODEL_MAX_MANUAL_SHOTS)
					m->manual_shots[m->n_manual_shots++] = name;
				else if (i == m->n_manual_shots) {
					struct loc l = { rel, line, 1 };
					diag_error(d, l, "ภาพในคู่มือเกิน %d ภาพ", "more than %d pictures in the manual",
						MODEL_MAX_MANUAL_SHOTS);
				}
			} else if (media) {
				struct loc l = { rel, line, 1 };
				diag_warn(d, l, "ไม่มีภาพ %s/shots/%s (รัน make manual) จึงไม่แสดงภาพนี้",
					"no picture %s/shots/%s (run make manual): it is left out", media, name);
			}
		} else {
			ll = e ? (size_t)(e - p) : strlen(p);
			memcpy(t + out, p, ll);
			out += ll;
			if (e)
				t[out++] = '\n';
		}
		if (!e)
			break;
		p = e + 1;
		line++;
	}
	t[out] = '\0';
	return t;
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int load_manual(struct model *m, const char *dir, const char *media, struct diags *d)
{
	struct arena scratch;
	struct loader ld = { { &m->arena, d, NULL }, &scratch, dir, &m->site };
	char *names[MODEL_MAX_MANUAL + 1], path[4096];
	size_t n = 0, i, len;
	struct dirent *e;
	DIR *dp = opendir(dir);
	int rc = 0;

	if (!dp) {
		diag_error(d, file_loc(dir), "อ่านโฟลเดอร์คู่มือไม่ได้ (--manual)", "cannot read the manual folder (--manual)");
		return -1;
	}
	while ((e = readdir(dp)) != NULL) {
		size_t l = strlen(e->d_name);
		if (e->d_name[0] == '.' || l < 4 || strcmp(e->d_name + l - 3, ".md") != 0)
			continue;
		if (n == MODEL_MAX_MANUAL) {
			diag_error(d, file_loc(dir), "คู่มือมีได้ไม่เกิน %d ตอน", "the manual has at most %d parts",
				MODEL_MAX_MANUAL);
			rc = -1;
			break;
		}
		names[n++] = arena_strdup(&m->arena, e->d_name);
	}
	closedir(dp);
	if (rc)
		return rc;
	qsort(names, n, sizeof(*names), cmp_name);
	m->manual = arena_alloc(&m->arena, (n + 1) * sizeof(*m->manual));
	m->manual_shots = arena_alloc(&m->arena, MODEL_MAX_MANUAL_SHOTS * sizeof(*m->manual_shots));
	m->manual_media = media;
	m->manual_pdf = media && snprintf(path, sizeof(path), "%s/manual.pdf", media) < (int)sizeof(path) &&
		is_file(path);
	arena_init(&scratch);
	for (i = 0; i < n; i++) {
		const char *rel = arena_printf(&m->arena, "%s/%s", dir, names[i]);
		char *text = read_file(&scratch, d, dir, names[i], MODEL_MAX_FILE_SIZE, &len);
		struct page *pg;
		const char *b;
		int line = 1;
		if (!text)
			continue;
		ld.c.path = rel;
		if (!(pg = load_page(&ld, rel, text, len)))
			continue;
		/* the body is the end of the text: its first line follows the front matter */
		for (b = text; b < text + len - strlen(pg->body) && *b; b++)
			if (*b == '\n')
				line++;
		pg->body = pictures(m, rel, line, pg->body, media, d);
		m->manual[m->n_manual++] = pg;
	}
	arena_free(&scratch);
	qsort(m->manual, m->n_manual, sizeof(*m->manual), cmp_page);
	return 0;
}
