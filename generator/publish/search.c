/* search.c: word segmentation (libthai) and the search index. */
#include "publish/search.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <thai/thbrk.h>
#include <thai/thwbrk.h>

#include "publish/textout.h"
#include "utf8.h"

const enum page_kind search_sections[] = { PG_FORMS, PG_TRACK, PG_COMPLAINTS, PG_SURVEYS, PG_DASHBOARD,
	PG_REPORTS, PG_OIT, PG_PROCUREMENT, PG_DATA, PG_PARTICIPATION, PG_SERVICES, PG_GUIDELINE,
	PG_ESERVICE, PG_QUESTIONS };
const size_t search_n_sections = sizeof search_sections / sizeof search_sections[0];

static int is_thai(unsigned cp)
{
	return cp >= 0x0E01 && cp <= 0x0E5B && !(cp >= 0x0E50 && cp <= 0x0E59) && cp != 0x0E2F &&
		cp != 0x0E46 && cp != 0x0E4F && cp != 0x0E5A && cp != 0x0E5B;
}

static int is_word(unsigned cp)
{
	return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
		(cp >= 0x0E50 && cp <= 0x0E59) || (cp >= 0xC0 && cp < 0x0E00 && cp != 0xD7 && cp != 0xF7);
}

static size_t put_utf8(char *o, unsigned cp)
{
	if (cp < 0x80) {
		o[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	o[0] = (char)(0xE0 | (cp >> 12));
	o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
	o[2] = (char)(0x80 | (cp & 0x3F));
	return 3;
}

static void emit(const unsigned *cps, size_t from, size_t to,
	void (*fn)(const char *, size_t, void *), void *ctx, int *count)
{
	char w[SEARCH_MAX_WORD + 4];
	size_t n = 0, i;

	/* whole characters only, at most SEARCH_MAX_WORD bytes */
	for (i = from; i < to; i++) {
		unsigned cp = cps[i];
		size_t k = cp < 0x80 ? 1 : cp < 0x800 ? 2 : 3;
		if (n + k > SEARCH_MAX_WORD)
			break;
		if (cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		n += put_utf8(w + n, cp);
	}
	if (!n)
		return;
	w[n] = '\0';
	fn(w, n, ctx);
	(*count)++;
}

static int words_brk(ThBrk *brk, const char *text, void (*fn)(const char *, size_t, void *),
	void *ctx)
{
	unsigned *cp = malloc(SEARCH_MAX_TEXT * sizeof(*cp));
	wchar_t *wbuf = malloc((SEARCH_MAX_TEXT + 1) * sizeof(*wbuf));
	int *pos = malloc((SEARCH_MAX_TEXT + 1) * sizeof(*pos));
	size_t n = 0, len = text ? strlen(text) : 0, off = 0, i;
	int count = 0;

	if (!brk || !cp || !wbuf || !pos) {
		free(cp);
		free(wbuf);
		free(pos);
		return -1;
	}
	while (off < len && n < SEARCH_MAX_TEXT) {
		unsigned c;
		size_t k = utf8_decode(text + off, len - off, &c);
		if (!k)
			break;
		cp[n++] = c;
		off += k;
	}
	i = 0;
	while (i < n) {
		size_t j = i;
		if (is_thai(cp[i])) {
			int nb, b, prev = 0;
			while (j < n && is_thai(cp[j]))
				j++;
			for (b = 0; b < (int)(j - i); b++)
				wbuf[b] = (wchar_t)cp[i + (size_t)b];
			wbuf[j - i] = 0;
			nb = th_brk_wc_find_breaks(brk, (const thwchar_t *)wbuf, pos, SEARCH_MAX_TEXT);
			for (b = 0; b < nb; b++) {
				emit(cp, i + (size_t)prev, i + (size_t)pos[b], fn, ctx, &count);
				prev = pos[b];
			}
			emit(cp, i + (size_t)prev, j, fn, ctx, &count);
		} else if (is_word(cp[i])) {
			while (j < n && is_word(cp[j]))
				j++;
			emit(cp, i, j, fn, ctx, &count);
		} else {
			j++;
		}
		i = j;
	}
	free(cp);
	free(wbuf);
	free(pos);
	return count;
}

int search_words(const char *text, void (*fn)(const char *w, size_t len, void *ctx), void *ctx)
{
	ThBrk *brk = th_brk_new(NULL);
	int n;

	if (!brk)
		return -1;
	n = words_brk(brk, text, fn, ctx);
	th_brk_delete(brk);
	return n;
}

/* ---- the index ---- */

struct posting {
	char *word;
	size_t doc;
};

struct collect {
	struct posting *p;
	size_t n, alloc, max;
	size_t doc;
	int oom, over;
};

static void add_word(const char *w, size_t len, void *ctx)
{
	struct collect *c = ctx;

	(void)len;
	if (c->oom || c->over)
		return;
	if (c->n >= c->max) {
		c->over = 1;
		return;
	}
	if (c->n == c->alloc) {
		size_t na = c->alloc ? c->alloc * 2 : 4096;
		struct posting *np = realloc(c->p, na * sizeof(*np));
		if (!np) {
			c->oom = 1;
			return;
		}
		c->p = np;
		c->alloc = na;
	}
	if ((c->p[c->n].word = strdup(w)) == NULL) {
		c->oom = 1;
		return;
	}
	c->p[c->n++].doc = c->doc;
}

static int cmp_posting(const void *a, const void *b)
{
	const struct posting *x = a, *y = b;
	int c = strcmp(x->word, y->word);

	if (c)
		return c;
	return x->doc < y->doc ? -1 : x->doc > y->doc;
}

static void doc(struct buf *b, struct collect *c, const char *path, const char *title,
	const char *kind, const char *extra)
{
	buf_adds(b, c->doc ? ",\n[" : "\n[");
	json_str(b, path);
	buf_addc(b, ',');
	json_str(b, title);
	buf_addc(b, ',');
	json_str(b, kind);
	buf_addc(b, ',');
	json_str(b, extra ? extra : "");
	buf_addc(b, ']');
}

int search_write(const struct site_ctx *sc, struct outdir *out, char *err, size_t errlen)
{
	const struct search_limits lim = { SEARCH_MAX_POSTINGS, SEARCH_MAX_SIZE };

	return search_write_limits(sc, out, &lim, err, errlen);
}

int search_write_limits(const struct site_ctx *sc, struct outdir *out,
	const struct search_limits *lim, char *err, size_t errlen)
{
	const struct model *m = sc->m;
	struct collect c;
	struct buf b;
	struct arena a;
	size_t i, j;
	int rc = 0;

	ThBrk *brk = th_brk_new(NULL);

	if (!brk) {
		snprintf(err, errlen, "search: libthai could not start (is libthai-data installed?)");
		return -1;
	}
	memset(&c, 0, sizeof(c));
	c.max = lim->max_postings;
	buf_init(&b, lim->max_size);
	arena_init(&a);
	buf_adds(&b, "{\"v\":1,\"docs\":[");
	for (i = 0; i < m->n_projects; i++, c.doc++) {
		const struct project *p = m->projects[i];
		const struct named *g = model_group(m, p->group);
		doc(&b, &c, arena_printf(&a, "projects/%s/index.html", p->id), p->title, "project",
			arena_printf(&a, "%s · %d", p->id, p->fiscal_year));
		if (words_brk(brk, p->title, add_word, &c) < 0) {
			snprintf(err, errlen, "search: libthai could not start (is libthai-data installed?)");
			rc = -1;
			break;
		}
		words_brk(brk, p->title_en, add_word, &c);
		add_word(p->id, strlen(p->id), &c);
		if (g)
			words_brk(brk, g->name, add_word, &c);
		for (j = 0; j < p->n_districts; j++) {
			const struct named *d = model_district(m, p->districts[j]);
			if (d)
				words_brk(brk, d->name, add_word, &c);
		}
	}
	for (i = 0; !rc && i < m->n_news; i++) {
		const struct news *n = m->news[i];
		char iso[11];
		if (n->date > m->today)
			continue;
		date_iso(n->date, iso);
		doc(&b, &c, arena_printf(&a, "news/%s-%s/index.html", iso, n->slug), n->title, "news", iso);
		words_brk(brk, n->title, add_word, &c);
		words_brk(brk, n->summary, add_word, &c);
		c.doc++;
	}
	for (i = 0; !rc && i < m->n_pages; i++, c.doc++) {
		const struct page *pg = m->pages[i];
		doc(&b, &c, arena_printf(&a, "%s/index.html", pg->slug), pg->title, "page", "");
		words_brk(brk, pg->title, add_word, &c);
		words_brk(brk, pg->title_en, add_word, &c);
		words_brk(brk, pg->summary, add_word, &c);
		words_brk(brk, pg->body, add_word, &c);
	}
	for (i = 0; !rc && i < m->n_forms; i++, c.doc++) {
		const struct form_def *f = &m->forms[i];
		doc(&b, &c, arena_printf(&a, "forms/%s/index.html", f->id), f->title_th, "form", "");
		words_brk(brk, f->title_th, add_word, &c);
		words_brk(brk, f->title_en, add_word, &c);
		words_brk(brk, f->help_th, add_word, &c);
	}
	if (!rc) { /* the site's own sections, by their page titles */
		size_t n_jobs, k;
		struct page_job *jobs = pages_plan(sc, &a, &n_jobs);
		for (k = 0; k < search_n_sections; k++)
			for (j = 0; j < n_jobs; j++) {
				const char *en, *t;
				if (jobs[j].kind != search_sections[k] || strchr(jobs[j].out, '/') != strrchr(jobs[j].out, '/'))
					continue; /* the section's top page only: "<dir>/index.html" */
				t = page_title(sc, &jobs[j], &a, &en);
				doc(&b, &c, jobs[j].out, t, "section", "");
				words_brk(brk, t, add_word, &c);
				words_brk(brk, en, add_word, &c);
				c.doc++;
				break;
			}
	}
	buf_adds(&b, "\n],\"terms\":{");
	if (!rc && c.over) {
		snprintf(err, errlen, "search: more than %zu words to index", c.max);
		rc = -1;
	}
	if (c.n && !rc)
		qsort(c.p, c.n, sizeof(*c.p), cmp_posting);
	for (i = 0; !rc && i < c.n; i = j) {
		size_t last = (size_t)-1;
		buf_adds(&b, i ? ",\n" : "\n");
		json_str(&b, c.p[i].word);
		buf_adds(&b, ":[");
		for (j = i; j < c.n && strcmp(c.p[j].word, c.p[i].word) == 0; j++) {
			if (c.p[j].doc == last)
				continue;
			buf_printf(&b, last == (size_t)-1 ? "%zu" : ",%zu", c.p[j].doc);
			last = c.p[j].doc;
		}
		buf_addc(&b, ']');
	}
	buf_adds(&b, "\n}}\n");
	if (!rc && c.oom) {
		snprintf(err, errlen, "search: out of memory");
		rc = -1;
	}
	if (!rc && b.err) {
		snprintf(err, errlen, "search/index.json: more than %zu bytes", lim->max_size);
		rc = -1;
	}
	if (!rc && out_write(out, "search/index.json", buf_str(&b), b.len) != 0) {
		snprintf(err, errlen, "%s", out->err);
		rc = -1;
	}
	if (!rc) {
		struct buf js;
		buf_init(&js, b.len + 64);
		buf_adds(&js, "window.prongsaiIndex = ");
		buf_add(&js, buf_str(&b), b.len);
		buf_adds(&js, ";\n");
		if (out_write(out, "search/index.js", buf_str(&js), js.len) != 0) {
			snprintf(err, errlen, "%s", out->err);
			rc = -1;
		}
		buf_free(&js);
	}
	for (i = 0; i < c.n; i++)
		free(c.p[i].word);
	free(c.p);
	th_brk_delete(brk);
	buf_free(&b);
	arena_free(&a);
	return rc;
}
