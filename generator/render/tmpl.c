/* tmpl.c: a logic-less template engine, a subset of Mustache.  See tmpl.h.
 *
 * Each template is parsed once into a tree of nodes held in the template's
 * own arena (so a failed tmpl_add_string() leaves nothing behind).  After
 * loading, the set is never written, and rendering keeps all of its state
 * (the context stack) in a struct on the caller's stack: any number of
 * threads may render from one set at once.
 *
 * Not supported, by design: triple mustaches {{{x}}} (use {{& x}}),
 * set-delimiter tags, lambdas, standalone-line whitespace stripping (text is
 * output exactly as written).
 */
#include "render/tmpl.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "utf8.h"

enum node_kind { N_TEXT, N_VAR, N_RAW, N_SECTION, N_INVERTED, N_PARTIAL };

struct tnode {
	enum node_kind kind;
	const char *text;     /* N_TEXT: bytes (not NUL-terminated) */
	size_t len;           /* N_TEXT: byte count */
	const char *name;     /* tags: the name as written (trimmed) */
	const char **parts;   /* N_VAR..N_INVERTED: dotted name split up */
	int nparts;           /* 0 for "." (the current value) */
	struct tnode *child;  /* sections: the body */
	struct tnode *next;   /* next sibling */
};

struct tmpl {
	struct arena arena;   /* owns everything below, the struct included */
	const char *name;
	struct tnode *root;
};

struct tmpl_set {
	int n;
	struct tmpl *t[TMPL_MAX_TEMPLATES];
};

/* ---- errors ---- */

/* Write "path:line:col: error: message" (or "path: error: message" when
 * line is 0) into err; err may be NULL or errlen 0. */
static void set_err(char *err, size_t errlen, const char *path, int line, int col,
	const char *fmt, ...) __attribute__((format(printf, 6, 7)));
static void set_err(char *err, size_t errlen, const char *path, int line, int col,
	const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (!err || errlen == 0)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (line > 0)
		snprintf(err, errlen, "%s:%d:%d: error: %s", path, line, col, msg);
	else
		snprintf(err, errlen, "%s: error: %s", path, msg);
}

/* Line and column (both from 1; the column counts UTF-8 characters, so it
 * matches what an editor shows for Thai text) of byte offset off. */
static void position(const char *text, size_t off, int *line, int *col)
{
	size_t i;

	*line = 1;
	*col = 1;
	for (i = 0; i < off; i++) {
		if (text[i] == '\n') {
			++*line;
			*col = 1;
		} else if (((unsigned char)text[i] & 0xC0) != 0x80) {
			++*col;
		}
	}
}

/* At most max bytes of s[0..len), shortened to end on a character boundary
 * and before any newline, for quoting in messages. */
static int quote_len(const char *s, size_t len, size_t max)
{
	size_t n = len < max ? len : max;
	const char *nl = memchr(s, '\n', n);

	if (nl)
		n = (size_t)(nl - s);
	if (n < len)
		while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	return (int)n;
}

/* ---- parsing ---- */

struct parser {
	struct arena *a;
	const char *path;   /* for messages */
	const char *text;   /* the template, copied into the arena */
	size_t len;
	char *err;
	size_t errlen;
};

static int fail_at(struct parser *p, size_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Report a syntax error at byte offset off; always returns -1. */
static int fail_at(struct parser *p, size_t off, const char *fmt, ...)
{
	char msg[400];
	va_list ap;
	int line, col;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	position(p->text, off, &line, &col);
	set_err(p->err, p->errlen, p->path, line, col, "%s", msg);
	return -1;
}

/* Offset of the first "xx" (two-byte needle) in text[from..len), or len. */
static size_t find2(const char *text, size_t len, size_t from, char c1, char c2)
{
	size_t i;

	for (i = from; i + 1 < len; i++)
		if (text[i] == c1 && text[i + 1] == c2)
			return i;
	return len;
}

static int is_name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
		|| c == '_' || c == '-';
}

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Check a variable or section name: "." or segments of [A-Za-z0-9_-]
 * joined by single dots.  On success fill n->parts/nparts. */
static int split_name(struct parser *p, struct tnode *n, const char *s, size_t len)
{
	size_t i, start = 0;
	int k = 0, count = 1;

	if (len == 1 && s[0] == '.') {
		n->nparts = 0;
		return 0;
	}
	for (i = 0; i < len; i++) {
		if (s[i] == '.') {
			if (i == start)
				return -1;
			count++;
			start = i + 1;
		} else if (!is_name_char(s[i])) {
			return -1;
		}
	}
	if (start == len)
		return -1; /* empty last segment: "a." */
	n->parts = arena_alloc(p->a, (size_t)count * sizeof *n->parts);
	for (start = 0, i = 0; i <= len; i++) {
		if (i == len || s[i] == '.') {
			n->parts[k++] = arena_strndup(p->a, s + start, i - start);
			start = i + 1;
		}
	}
	assert(k == count);
	n->nparts = count;
	return 0;
}

/* Check a partial name: [A-Za-z0-9_.-]+ not starting with '.'. */
static int check_partial_name(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || s[0] == '.')
		return -1;
	for (i = 0; i < len; i++)
		if (!is_name_char(s[i]) && s[i] != '.')
			return -1;
	return 0;
}

/* Parse p->text into a node list in *root.  Returns 0, or -1 with the error
 * message written. */
static int parse(struct parser *p, struct tnode **root)
{
	struct open {
		struct tnode *sec;
		struct tnode **tail; /* where the section's next sibling goes */
		size_t at;           /* offset of its opening tag */
	} stack[TMPL_MAX_DEPTH];
	int sp = 0;
	struct tnode **tail = root, *n;
	const char *t = p->text, *name;
	size_t i = 0, tag, close, nlen, nb, ne;
	char sigil;

	*root = NULL;
	while (i < p->len) {
		tag = find2(t, p->len, i, '{', '{');
		if (tag > i) {
			n = arena_alloc(p->a, sizeof *n);
			n->kind = N_TEXT;
			n->text = t + i;
			n->len = tag - i;
			*tail = n;
			tail = &n->next;
		}
		if (tag == p->len)
			break;
		close = find2(t, p->len, tag + 2, '}', '}');
		if (close == p->len)
			return fail_at(p, tag, "unterminated tag: \"{{\" without \"}}\"");
		i = close + 2;
		nb = tag + 2;
		sigil = t[nb];
		if (sigil == '!')
			continue; /* comment */
		if (sigil == '{')
			return fail_at(p, tag, "{{{...}}} is not supported; write {{& name}} for raw output");
		if (sigil == '#' || sigil == '^' || sigil == '/' || sigil == '>' || sigil == '&')
			nb++;
		else
			sigil = 0;
		ne = close;
		while (nb < ne && is_space(t[nb]))
			nb++;
		while (ne > nb && is_space(t[ne - 1]))
			ne--;
		name = t + nb;
		nlen = ne - nb;
		if (nlen == 0)
			return fail_at(p, tag, "tag without a name");

		if (sigil == '/') {
			struct open *o;
			int line, col;

			if (sp == 0)
				return fail_at(p, tag, "{{/%.*s}} closes no open section",
					quote_len(name, nlen, 60), name);
			o = &stack[sp - 1];
			if (strlen(o->sec->name) != nlen || memcmp(o->sec->name, name, nlen) != 0) {
				position(t, o->at, &line, &col);
				return fail_at(p, tag, "{{/%.*s}} does not match {{%c%s}} opened at line %d col %d",
					quote_len(name, nlen, 60), name,
					o->sec->kind == N_SECTION ? '#' : '^', o->sec->name, line, col);
			}
			tail = o->tail;
			sp--;
			continue;
		}

		n = arena_alloc(p->a, sizeof *n);
		n->name = arena_strndup(p->a, name, nlen);
		if (sigil == '>') {
			if (check_partial_name(name, nlen) != 0)
				return fail_at(p, tag, "bad partial name \"%.*s\"",
					quote_len(name, nlen, 60), name);
			n->kind = N_PARTIAL;
		} else {
			if (split_name(p, n, name, nlen) != 0)
				return fail_at(p, tag, "bad name \"%.*s\" (names are letters, digits, _ and -, joined by dots)",
					quote_len(name, nlen, 60), name);
			n->kind = sigil == '#' ? N_SECTION : sigil == '^' ? N_INVERTED
				: sigil == '&' ? N_RAW : N_VAR;
		}
		*tail = n;
		tail = &n->next;
		if (n->kind == N_SECTION || n->kind == N_INVERTED) {
			if (sp == TMPL_MAX_DEPTH)
				return fail_at(p, tag, "sections nested more than %d deep", TMPL_MAX_DEPTH);
			stack[sp].sec = n;
			stack[sp].tail = tail;
			stack[sp].at = tag;
			sp++;
			tail = &n->child;
		}
	}
	if (sp > 0) {
		struct open *o = &stack[sp - 1];

		return fail_at(p, o->at, "unclosed section {{%c%s}}",
			o->sec->kind == N_SECTION ? '#' : '^', o->sec->name);
	}
	return 0;
}

/* ---- sets ---- */

static struct tmpl *find(const struct tmpl_set *set, const char *name)
{
	int i;

	for (i = 0; i < set->n; i++)
		if (strcmp(set->t[i]->name, name) == 0)
			return set->t[i];
	return NULL;
}

/* Parse text as template name (path used in messages) and add it to set.
 * Returns 0, or -1 with err written and the set unchanged. */
static int add(struct tmpl_set *set, const char *name, const char *path,
	const char *text, size_t len, char *err, size_t errlen)
{
	struct arena a;
	struct tmpl *t;
	struct parser p;
	size_t bad;

	assert(set && name && path && (text || len == 0));
	if (len > TMPL_MAX_SIZE) {
		set_err(err, errlen, path, 1, 1, "template is larger than %d bytes", TMPL_MAX_SIZE);
		return -1;
	}
	if (find(set, name)) {
		set_err(err, errlen, path, 1, 1, "a template named \"%s\" is already loaded", name);
		return -1;
	}
	if (set->n == TMPL_MAX_TEMPLATES) {
		set_err(err, errlen, path, 1, 1, "more than %d templates", TMPL_MAX_TEMPLATES);
		return -1;
	}
	arena_init(&a);
	p.a = &a;
	p.path = path;
	p.text = len ? arena_strndup(&a, text, len) : "";
	p.len = len;
	p.err = err;
	p.errlen = errlen;
	if (!utf8_valid(p.text, len, &bad)) {
		fail_at(&p, bad, "invalid UTF-8");
		arena_free(&a);
		return -1;
	}
	t = arena_alloc(&a, sizeof *t);
	if (parse(&p, &t->root) != 0) {
		arena_free(&a);
		return -1;
	}
	t->arena = a; /* the arena now lives inside the block it owns */
	t->name = arena_strdup(&t->arena, name);
	set->t[set->n++] = t;
	return 0;
}

/* A new set holding just the template text (see tmpl.h). */
struct tmpl_set *tmpl_load_string(const char *name, const char *text, size_t len,
	char *err, size_t errlen)
{
	struct tmpl_set *set = calloc(1, sizeof *set);

	if (!set) {
		set_err(err, errlen, name, 0, 0, "out of memory");
		return NULL;
	}
	if (add(set, name, name, text, len, err, errlen) != 0) {
		tmpl_free(set);
		return NULL;
	}
	return set;
}

/* One more template from memory (see tmpl.h); also fails for a duplicate
 * name or a full set. */
int tmpl_add_string(struct tmpl_set *set, const char *name, const char *text,
	size_t len, char *err, size_t errlen)
{
	return add(set, name, name, text, len, err, errlen);
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read a whole file of at most TMPL_MAX_SIZE bytes into a malloc'd buffer.
 * Returns NULL with err written on failure. */
static char *read_file(const char *path, size_t *len, char *err, size_t errlen)
{
	FILE *f = fopen(path, "rb");
	char *data;
	size_t n;

	if (!f) {
		set_err(err, errlen, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	data = malloc((size_t)TMPL_MAX_SIZE + 1);
	if (!data) {
		fclose(f);
		set_err(err, errlen, path, 0, 0, "out of memory");
		return NULL;
	}
	n = fread(data, 1, (size_t)TMPL_MAX_SIZE + 1, f);
	if (ferror(f)) {
		set_err(err, errlen, path, 0, 0, "read error");
		fclose(f);
		free(data);
		return NULL;
	}
	fclose(f);
	if (n > TMPL_MAX_SIZE) {
		set_err(err, errlen, path, 1, 1, "template is larger than %d bytes", TMPL_MAX_SIZE);
		free(data);
		return NULL;
	}
	*len = n;
	return data;
}

/* Every regular, non-hidden *.html file of dir, in name order (so the first
 * error reported does not depend on readdir order).  I/O errors are reported
 * as "path: error: message". */
struct tmpl_set *tmpl_load_dir(const char *dir, char *err, size_t errlen)
{
	DIR *d;
	struct dirent *e;
	char *names[TMPL_MAX_TEMPLATES + 1];
	int nnames = 0, i, ok = 1;
	struct tmpl_set *set = NULL;

	assert(dir);
	d = opendir(dir);
	if (!d) {
		set_err(err, errlen, dir, 0, 0, "cannot open directory: %s", strerror(errno));
		return NULL;
	}
	while ((e = readdir(d)) != NULL) {
		size_t l = strlen(e->d_name);
		char *path;
		struct stat st;

		if (e->d_name[0] == '.' || l <= 5 || strcmp(e->d_name + l - 5, ".html") != 0)
			continue;
		if (nnames == TMPL_MAX_TEMPLATES) {
			set_err(err, errlen, dir, 0, 0, "more than %d templates", TMPL_MAX_TEMPLATES);
			ok = 0;
			break;
		}
		path = malloc(strlen(dir) + l + 2);
		if (!path) {
			set_err(err, errlen, dir, 0, 0, "out of memory");
			ok = 0;
			break;
		}
		sprintf(path, "%s/%s", dir, e->d_name);
		if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
			free(path);
			continue;
		}
		names[nnames++] = path;
	}
	closedir(d);
	if (ok) {
		qsort(names, (size_t)nnames, sizeof names[0], cmp_str);
		set = calloc(1, sizeof *set);
		if (!set) {
			set_err(err, errlen, dir, 0, 0, "out of memory");
			ok = 0;
		}
	}
	for (i = 0; ok && i < nnames; i++) {
		const char *base = strrchr(names[i], '/') + 1;
		size_t blen = strlen(base) - 5, len;
		char name[256], *text;

		if (blen >= sizeof name) {
			set_err(err, errlen, names[i], 0, 0, "file name too long");
			ok = 0;
			break;
		}
		memcpy(name, base, blen);
		name[blen] = '\0';
		text = read_file(names[i], &len, err, errlen);
		if (!text || add(set, name, names[i], text, len, err, errlen) != 0)
			ok = 0;
		free(text);
	}
	for (i = 0; i < nnames; i++)
		free(names[i]);
	if (!ok) {
		tmpl_free(set);
		return NULL;
	}
	return set;
}

/* 1 if set has a template called name. */
int tmpl_has(const struct tmpl_set *set, const char *name)
{
	return set && name && find(set, name) != NULL;
}

/* Free the set and all its templates; NULL is ignored. */
void tmpl_free(struct tmpl_set *set)
{
	int i;

	if (!set)
		return;
	for (i = 0; i < set->n; i++) {
		struct arena a = set->t[i]->arena; /* copy out: the arena frees itself */

		arena_free(&a);
	}
	free(set);
}

/* ---- rendering ---- */

struct render {
	const struct tmpl_set *set;
	struct buf *out;
	int sp;
	/* one entry for the view, one per open section */
	const struct tval *stack[TMPL_MAX_DEPTH + 1];
};

/* Resolve a name: "." is the top of the stack; otherwise the first part is
 * looked up from the top down, and the other parts only inside what it
 * found.  NULL when missing. */
static const struct tval *lookup(const struct render *r, const struct tnode *n)
{
	const struct tval *v = NULL;
	int i;

	assert(r->sp > 0);
	if (n->nparts == 0)
		return r->stack[r->sp - 1];
	for (i = r->sp - 1; i >= 0 && !v; i--)
		v = tv_get(r->stack[i], n->parts[0]);
	for (i = 1; i < n->nparts && v; i++)
		v = tv_get(v, n->parts[i]);
	return v;
}

static int render_nodes(struct render *r, const struct tnode *n, int depth);

/* Render the body of a section once with v on top of the stack. */
static int render_with(struct render *r, const struct tnode *body, const struct tval *v, int depth)
{
	int rc;

	assert(r->sp < (int)(sizeof r->stack / sizeof r->stack[0]));
	r->stack[r->sp++] = v;
	rc = render_nodes(r, body, depth);
	r->sp--;
	return rc;
}

/* Render a node list at nesting depth (sections and partials entered so
 * far).  Returns 0 or -1 (see tmpl_render). */
static int render_nodes(struct render *r, const struct tnode *n, int depth)
{
	const struct tval *v;
	const struct tmpl *t;
	size_t i;

	for (; n; n = n->next) {
		switch (n->kind) {
		case N_TEXT:
			if (buf_add(r->out, n->text, n->len) != BUF_OK)
				return -1;
			break;
		case N_VAR:
		case N_RAW:
			v = lookup(r, n);
			if (!v || v->kind != TV_STR || !v->s)
				break;
			if ((n->kind == N_VAR ? html_escape(r->out, v->s, strlen(v->s))
			     : buf_adds(r->out, v->s)) != BUF_OK)
				return -1;
			break;
		case N_SECTION:
			v = lookup(r, n);
			if (!tv_truthy(v))
				break;
			if (depth >= TMPL_MAX_DEPTH)
				return -1;
			if (v->kind == TV_LIST) {
				for (i = 0; i < v->n; i++)
					if (render_with(r, n->child, v->items[i], depth + 1) != 0)
						return -1;
			} else if (render_with(r, n->child, v, depth + 1) != 0) {
				return -1;
			}
			break;
		case N_INVERTED:
			if (tv_truthy(lookup(r, n)))
				break;
			if (depth >= TMPL_MAX_DEPTH || render_nodes(r, n->child, depth + 1) != 0)
				return -1;
			break;
		case N_PARTIAL:
			t = find(r->set, n->name);
			if (!t || depth >= TMPL_MAX_DEPTH || render_nodes(r, t->root, depth + 1) != 0)
				return -1;
			break;
		}
	}
	return 0;
}

/* See tmpl.h.  view may be NULL (every name is then missing). */
int tmpl_render(const struct tmpl_set *set, const char *name,
	const struct tval *view, struct buf *out)
{
	struct render r;
	const struct tmpl *t;

	assert(set && name && out);
	t = find(set, name);
	if (!t)
		return -1;
	r.set = set;
	r.out = out;
	r.sp = 1;
	r.stack[0] = view;
	return render_nodes(&r, t->root, 0);
}

/* Append s[0..len) with & < > " ' replaced by entities, copying the runs in
 * between in one piece.  On failure out may hold part of the text. */
