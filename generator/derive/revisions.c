/* revisions.c: flatten two versions of a content file, report the tracked
 * fields that differ (see revisions.h).  YAML through libyaml's document
 * loader (YAML 1.1, as the content loader reads it). */
#include "derive/revisions.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "load/load.h"

struct pair {
	const char *key, *value;
};

struct flat {
	struct pair *p;
	size_t n, cap;
	struct arena *a;
};

enum rev_kind rev_kind_of(const char *path)
{
	size_t n = strlen(path);
	int yaml = n > 5 && strcmp(path + n - 5, ".yaml") == 0;

	if (strncmp(path, "progress/", 9) == 0 && yaml)
		return REV_PROGRESS;
	if (strncmp(path, "projects/", 9) == 0 && n > 3 && strcmp(path + n - 3, ".md") == 0)
		return REV_PROJECT;
	if (strncmp(path, "complaints/", 11) == 0 && yaml)
		return REV_COMPLAINT;
	if (strncmp(path, "procurement/", 12) == 0 && yaml)
		return REV_PROCUREMENT;
	return REV_NONE;
}

/* Does key start with prefix as a whole path component? */
static int under(const char *key, const char *prefix)
{
	size_t n = strlen(prefix);

	return strncmp(key, prefix, n) == 0 && (key[n] == '\0' || key[n] == '.' || key[n] == '[');
}

static int tracked(enum rev_kind k, const char *key)
{
	const char *dot;

	switch (k) {
	case REV_PROGRESS:
		return strcmp(key, "percent") == 0 || strcmp(key, "disbursed") == 0 || under(key, "kpis");
	case REV_PROJECT:
		return strcmp(key, "budget.allocated") == 0 || under(key, "plan") || under(key, "period") ||
			strcmp(key, "status") == 0;
	case REV_COMPLAINT:
		if (!under(key, "history") || !(dot = strrchr(key, '.')))
			return 0;
		return strcmp(dot, ".status") == 0 || strcmp(dot, ".note") == 0 || strcmp(dot, ".reason") == 0;
	case REV_PROCUREMENT:
		return under(key, "records");
	default:
		return 0;
	}
}

static void add(struct flat *f, const char *key, const char *value, size_t len)
{
	struct pair *np;

	if (f->n >= REV_MAX_FIELDS)
		return;
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 32;
		np = arena_alloc(f->a, f->cap * sizeof(*np));
		if (f->n)
			memcpy(np, f->p, f->n * sizeof(*np));
		f->p = np;
	}
	if (len > REV_MAX_VALUE) {
		len = REV_MAX_VALUE;
		while (len > 0 && ((unsigned char)value[len] & 0xC0) == 0x80)
			len--; /* not in the middle of a UTF-8 sequence */
		f->p[f->n].value = arena_printf(f->a, "%.*s…", (int)len, value);
	} else
		f->p[f->n].value = arena_strndup(f->a, value, len);
	f->p[f->n++].key = key;
}

static const char *scalar_of(yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

/* The name of a sequence item: its `month` or `id` value, else NULL. */
static const char *item_name(yaml_document_t *d, yaml_node_t *n)
{
	yaml_node_pair_t *p;

	if (n->type != YAML_MAPPING_NODE)
		return NULL;
	for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
		const char *k = scalar_of(yaml_document_get_node(d, p->key));
		if (k && (strcmp(k, "month") == 0 || strcmp(k, "id") == 0))
			return scalar_of(yaml_document_get_node(d, p->value));
	}
	return NULL;
}

static void walk(struct flat *f, yaml_document_t *d, yaml_node_t *n, const char *key, int depth)
{
	if (!n || depth > 16)
		return;
	if (n->type == YAML_SCALAR_NODE) {
		if (key[0])
			add(f, key, (const char *)n->data.scalar.value, n->data.scalar.length);
	} else if (n->type == YAML_MAPPING_NODE) {
		yaml_node_pair_t *p;
		for (p = n->data.mapping.pairs.start; p < n->data.mapping.pairs.top; p++) {
			const char *k = scalar_of(yaml_document_get_node(d, p->key));
			if (k)
				walk(f, d, yaml_document_get_node(d, p->value),
					key[0] ? arena_printf(f->a, "%s.%s", key, k) : arena_strdup(f->a, k), depth + 1);
		}
	} else if (n->type == YAML_SEQUENCE_NODE) {
		yaml_node_item_t *it;
		size_t i = 0;
		for (it = n->data.sequence.items.start; it < n->data.sequence.items.top; it++, i++) {
			yaml_node_t *c = yaml_document_get_node(d, *it);
			const char *name = c ? item_name(d, c) : NULL;
			walk(f, d, c, name ? arena_printf(f->a, "%s[%s]", key, name) :
				arena_printf(f->a, "%s.%zu", key, i), depth + 1);
		}
	}
}

static int by_key(const void *x, const void *y)
{
	return strcmp(((const struct pair *)x)->key, ((const struct pair *)y)->key);
}

/* Flatten one version into f (sorted by key); unparsable text: nothing. */
static void flatten(struct flat *f, const char *path, const char *text, size_t n)
{
	yaml_parser_t p;
	yaml_document_t d;
	const char *body;
	int body_line;

	if (!text)
		return;
	if (rev_kind_of(path) == REV_PROJECT &&
		split_front_matter(text, n, &text, &n, &body, &body_line) != 0)
		return;
	if (!yaml_parser_initialize(&p))
		return;
	yaml_parser_set_input_string(&p, (const unsigned char *)text, n);
	if (yaml_parser_load(&p, &d)) {
		walk(f, &d, yaml_document_get_root_node(&d), "", 0);
		yaml_document_delete(&d);
	}
	yaml_parser_delete(&p);
	if (f->n)
		qsort(f->p, f->n, sizeof(*f->p), by_key);
}

size_t rev_diff(const char *path, const char *old, size_t n_old, const char *new, size_t n_new,
	rev_emit_fn emit, void *ctx, struct arena *a)
{
	struct flat fo = { NULL, 0, 0, a }, fn = { NULL, 0, 0, a };
	enum rev_kind k = rev_kind_of(path);
	size_t i = 0, j = 0, n = 0;

	flatten(&fo, path, old, n_old);
	flatten(&fn, path, new, n_new);
	while (i < fo.n || j < fn.n) {
		int c = i == fo.n ? 1 : j == fn.n ? -1 : strcmp(fo.p[i].key, fn.p[j].key);
		const char *key = c <= 0 ? fo.p[i].key : fn.p[j].key;
		const char *ov = c <= 0 ? fo.p[i].value : NULL, *nv = c >= 0 ? fn.p[j].value : NULL;
		if (c <= 0)
			i++;
		if (c >= 0)
			j++;
		if (!tracked(k, key) || (ov && nv && strcmp(ov, nv) == 0))
			continue;
		emit(ctx, key, ov, nv);
		n++;
	}
	return n;
}

const char *rev_field(const char *path, const char *text, size_t n, const char *key, struct arena *a)
{
	struct flat f = { NULL, 0, 0, a };
	size_t i;

	flatten(&f, path, text, n);
	for (i = 0; i < f.n; i++)
		if (strcmp(f.p[i].key, key) == 0)
			return f.p[i].value;
	return NULL;
}

const char *rev_reason(const char *path, const char *text, size_t n, struct arena *a)
{
	return rev_kind_of(path) == REV_PROGRESS ? rev_field(path, text, n, "correction", a) : NULL;
}
