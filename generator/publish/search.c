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

/* The index as files: doc chunks, term shards and the map (search.h). */
struct files {
	struct buf all;       /* every file's content, one after another */
	size_t *off;          /* file k is all[off[k] .. off[k+1]) */
	char **name;          /* its path under search/ */
	size_t n, alloc;
	int oom, over;
};

static void file_begin(struct files *f, const char *name)
{
	if (f->oom)
		return;
	if (f->n + 1 >= f->alloc) {
		size_t na = f->alloc ? f->alloc * 2 : 256;
		size_t *no = realloc(f->off, na * sizeof(*no));
		char **nn = no ? realloc(f->name, na * sizeof(*nn)) : NULL;
		if (no)
			f->off = no;
		if (!no || !nn) {
			f->oom = 1;
			return;
		}
		f->name = nn;
		f->alloc = na;
	}
	if (!(f->name[f->n] = strdup(name))) {
		f->oom = 1;
		return;
	}
	f->off[f->n++] = f->all.len;
	f->off[f->n] = f->all.len;
}

static void file_end(struct files *f)
{
	if (!f->oom && f->n)
		f->off[f->n] = f->all.len;
}

/* One document: [path, title, kind, extra]. */
static void doc(struct buf *b, int first, const char *path, const char *title, const char *kind,
	const char *extra)
{
	buf_adds(b, first ? "\n[" : ",\n[");
	json_str(b, path);
	buf_addc(b, ',');
	json_str(b, title);
	buf_addc(b, ',');
	json_str(b, kind);
	buf_addc(b, ',');
	json_str(b, extra ? extra : "");
	buf_addc(b, ']');
}

/* The unique words, sorted, each with its entry "word":[doc, gap, ...]
 * in ent[off[k] .. off[k+1]). */
struct terms {
	const char **word;
	size_t *off;
	size_t n;
	struct buf ent;
};

/* Bytes of the first d code points of w, or 0 if w has fewer. */
static size_t prefix_len(const char *w, int d)
{
	size_t i = 0;

	while (d-- > 0) {
		if (!w[i])
			return 0;
		i++;
		while ((w[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

static void shard_emit(struct files *f, struct buf *map, const struct terms *t, size_t lo, size_t hi,
	const char *key, size_t klen)
{
	char name[2 * SEARCH_KEY_MAX * 4 + 16];
	size_t i, k = 0;

	for (i = 0; i < klen && k + 3 < sizeof(name); i++)
		k += (size_t)snprintf(name + k, sizeof(name) - k, "%02x", (unsigned char)key[i]);
	name[k] = '\0';
	{
		char path[sizeof(name) + 8];
		snprintf(path, sizeof(path), "t/%s", name);
		file_begin(f, path);
		buf_adds(&f->all, "prongsaiSearch(");
		json_str(&f->all, path);
		buf_adds(&f->all, ",{");
	}
	for (i = lo; i < hi; i++) {
		if (i > lo)
			buf_adds(&f->all, ",\n");
		buf_add(&f->all, t->ent.data + t->off[i], t->off[i + 1] - t->off[i]);
	}
	buf_adds(&f->all, "});\n");
	file_end(f);
	if (map->len > 1 && map->data[map->len - 1] != '{')
		buf_addc(map, ',');
	{
		char *kz = strndup(key, klen);
		if (!kz) {
			f->oom = 1;
			return;
		}
		json_str(map, kz);
		free(kz);
	}
	buf_printf(map, ":%zu", f->off[f->n] - f->off[f->n - 1]);
}

/* terms lo..hi share their first depth code points (klen bytes): one
 * shard, or split by the next code point when larger than
 * SEARCH_SHARD_TARGET (the words that are the key itself keep it). */
static void shard(struct files *f, struct buf *map, const struct terms *t, size_t lo, size_t hi,
	size_t klen, int depth)
{
	size_t size = t->off[hi] - t->off[lo], i = lo;

	if (depth > 0 && (size <= SEARCH_SHARD_TARGET || depth >= SEARCH_KEY_MAX)) {
		shard_emit(f, map, t, lo, hi, t->word[lo], klen);
		return;
	}
	if (depth > 0) {
		while (i < hi && strlen(t->word[i]) == klen)
			i++;
		if (i > lo)
			shard_emit(f, map, t, lo, i, t->word[lo], klen);
	}
	while (i < hi && !f->oom) {
		size_t nk = prefix_len(t->word[i], depth + 1), j = i + 1;
		while (j < hi && strncmp(t->word[j], t->word[i], nk) == 0)
			j++;
		shard(f, map, t, i, j, nk, depth + 1);
		i = j;
	}
}

int search_write(const struct site_ctx *sc, struct outdir *out, char *err, size_t errlen)
{
	const struct search_limits lim = { SEARCH_MAX_POSTINGS, SEARCH_MAX_SIZE };

	return search_write_limits(sc, out, &lim, err, errlen);
}

/* Close doc chunk k (its docs are in b) as a file. */
static void chunk_out(struct files *f, struct buf *b, struct buf *sizes, size_t k)
{
	char name[32];

	if (b->err)
		f->over = 1;
	snprintf(name, sizeof(name), "d/%zu", k);
	file_begin(f, name);
	buf_adds(&f->all, "prongsaiSearch(");
	json_str(&f->all, name);
	buf_adds(&f->all, ",[");
	buf_add(&f->all, buf_str(b), b->len);
	buf_adds(&f->all, "\n]);\n");
	file_end(f);
	buf_printf(sizes, k ? ",%zu" : "%zu", f->off[f->n] - f->off[f->n - 1]);
	buf_reset(b);
}

int search_write_limits(const struct site_ctx *sc, struct outdir *out,
	const struct search_limits *lim, char *err, size_t errlen)
{
	const struct model *m = sc->m;
	struct collect c;
	struct files f;
	struct terms t;
	struct buf b, map, sizes;
	struct arena a;
	size_t i, j, total = 0;
	int rc = 0;

	ThBrk *brk = th_brk_new(NULL);

	if (!brk) {
		snprintf(err, errlen, "search: libthai could not start (is libthai-data installed?)");
		return -1;
	}
	memset(&c, 0, sizeof(c));
	memset(&f, 0, sizeof(f));
	memset(&t, 0, sizeof(t));
	c.max = lim->max_postings;
	buf_init(&f.all, lim->max_size + 1);
	buf_init(&b, lim->max_size + 1);
	buf_init(&map, lim->max_size + 1);
	buf_init(&sizes, lim->max_size + 1);
	buf_init(&t.ent, lim->max_size + 1);
	arena_init(&a);
#define DOC_DONE() do { if (++c.doc % SEARCH_DOC_CHUNK == 0) \
	chunk_out(&f, &b, &sizes, c.doc / SEARCH_DOC_CHUNK - 1); } while (0)
	for (i = 0; i < m->n_projects; i++) {
		const struct project *p = m->projects[i];
		const struct named *g = model_group(m, p->group);
		const char *extra = arena_printf(&a, "%s · %d", p->id, p->fiscal_year);
		doc(&b, c.doc % SEARCH_DOC_CHUNK == 0, arena_printf(&a, "projects/%s/index.html", p->id),
			p->title, "project", extra);
		if (words_brk(brk, p->title, add_word, &c) < 0) {
			snprintf(err, errlen, "search: libthai could not start (is libthai-data installed?)");
			rc = -1;
			break;
		}
		words_brk(brk, p->title_en, add_word, &c);
		add_word(p->id, strlen(p->id), &c);
		words_brk(brk, extra, add_word, &c);
		if (g)
			words_brk(brk, g->name, add_word, &c);
		for (j = 0; j < p->n_districts; j++) {
			const struct named *d = model_district(m, p->districts[j]);
			if (d)
				words_brk(brk, d->name, add_word, &c);
		}
		DOC_DONE();
	}
	for (i = 0; !rc && i < m->n_news; i++) {
		const struct news *n = m->news[i];
		char iso[11];
		if (n->date > m->today)
			continue;
		date_iso(n->date, iso);
		doc(&b, c.doc % SEARCH_DOC_CHUNK == 0, arena_printf(&a, "news/%s-%s/index.html", iso, n->slug),
			n->title, "news", iso);
		words_brk(brk, n->title, add_word, &c);
		words_brk(brk, n->summary, add_word, &c);
		DOC_DONE();
	}
	for (i = 0; !rc && i < m->n_pages; i++) {
		const struct page *pg = m->pages[i];
		doc(&b, c.doc % SEARCH_DOC_CHUNK == 0, arena_printf(&a, "%s/index.html", pg->slug), pg->title,
			"page", "");
		words_brk(brk, pg->title, add_word, &c);
		words_brk(brk, pg->title_en, add_word, &c);
		words_brk(brk, pg->summary, add_word, &c);
		words_brk(brk, pg->body, add_word, &c);
		DOC_DONE();
	}
	for (i = 0; !rc && i < m->n_forms; i++) {
		const struct form_def *fd = &m->forms[i];
		doc(&b, c.doc % SEARCH_DOC_CHUNK == 0, arena_printf(&a, "forms/%s/index.html", fd->id),
			fd->title_th, "form", "");
		words_brk(brk, fd->title_th, add_word, &c);
		words_brk(brk, fd->title_en, add_word, &c);
		words_brk(brk, fd->help_th, add_word, &c);
		DOC_DONE();
	}
	if (!rc) { /* the site's own sections, by their page titles */
		size_t n_jobs, k;
		struct page_job *jobs = pages_plan(sc, &a, &n_jobs);
		for (k = 0; k < search_n_sections; k++)
			for (j = 0; j < n_jobs; j++) {
				const char *en, *ti;
				if (jobs[j].kind != search_sections[k] || strchr(jobs[j].out, '/') != strrchr(jobs[j].out, '/'))
					continue; /* the section's top page only: "<dir>/index.html" */
				ti = page_title(sc, &jobs[j], &a, &en);
				doc(&b, c.doc % SEARCH_DOC_CHUNK == 0, jobs[j].out, ti, "section", "");
				words_brk(brk, ti, add_word, &c);
				words_brk(brk, en, add_word, &c);
				DOC_DONE();
				break;
			}
	}
	if (!rc && c.doc % SEARCH_DOC_CHUNK)
		chunk_out(&f, &b, &sizes, c.doc / SEARCH_DOC_CHUNK);
#undef DOC_DONE
	if (!rc && c.over) {
		snprintf(err, errlen, "search: more than %zu words to index", c.max);
		rc = -1;
	}
	if (c.n && !rc)
		qsort(c.p, c.n, sizeof(*c.p), cmp_posting);
	/* each word once, its documents as gaps: [first, +gap, ...] */
	if (!rc && c.n && (!(t.word = malloc(c.n * sizeof(*t.word))) ||
		!(t.off = malloc((c.n + 1) * sizeof(*t.off)))))
		c.oom = 1;
	for (i = 0; !rc && !c.oom && i < c.n; i = j) {
		size_t last = (size_t)-1;
		t.word[t.n] = c.p[i].word;
		t.off[t.n++] = t.ent.len;
		json_str(&t.ent, c.p[i].word);
		buf_adds(&t.ent, ":[");
		for (j = i; j < c.n && strcmp(c.p[j].word, c.p[i].word) == 0; j++) {
			if (c.p[j].doc == last)
				continue;
			buf_printf(&t.ent, last == (size_t)-1 ? "%zu" : ",%zu",
				last == (size_t)-1 ? c.p[j].doc : c.p[j].doc - last);
			last = c.p[j].doc;
		}
		buf_addc(&t.ent, ']');
	}
	if (t.off)
		t.off[t.n] = t.ent.len;
	if (!rc && !c.oom) {
		buf_adds(&map, "{");
		if (t.n)
			shard(&f, &map, &t, 0, t.n, 0, 0);
		buf_adds(&map, "}");
		file_begin(&f, "meta");
		buf_printf(&f.all, "prongsaiSearch(\"meta\",{\"v\":2,\"docs\":%zu,\"chunk\":%d,\"keymax\":%d,"
			"\"budget\":[%d,%d],\"d\":[", c.doc, SEARCH_DOC_CHUNK, SEARCH_KEY_MAX,
			SEARCH_BUDGET_TERMS, SEARCH_BUDGET_DOCS);
		buf_add(&f.all, buf_str(&sizes), sizes.len);
		buf_adds(&f.all, "],\"t\":");
		buf_add(&f.all, buf_str(&map), map.len);
		buf_adds(&f.all, "});\n");
		file_end(&f);
	}
	if (!rc && (c.oom || f.oom || b.err == BUF_NOMEM || map.err == BUF_NOMEM || sizes.err == BUF_NOMEM ||
		t.ent.err == BUF_NOMEM || f.all.err == BUF_NOMEM)) {
		snprintf(err, errlen, "search: out of memory");
		rc = -1;
	}
	total = f.all.len;
	if (!rc && (f.over || f.all.err || b.err || map.err || sizes.err || t.ent.err || total > lim->max_size)) {
		snprintf(err, errlen, "search/: more than %zu bytes", lim->max_size);
		rc = -1;
	}
	/* nothing is written unless all of it fits */
	for (i = 0; !rc && i < f.n; i++) {
		char path[96];
		snprintf(path, sizeof(path), "search/%s.js", f.name[i]);
		if (out_write(out, path, f.all.data + f.off[i], f.off[i + 1] - f.off[i]) != 0) {
			snprintf(err, errlen, "%s", out->err);
			rc = -1;
		}
	}
	for (i = 0; i < f.n; i++)
		free(f.name[i]);
	free(f.name);
	free(f.off);
	for (i = 0; i < c.n; i++)
		free(c.p[i].word);
	free(c.p);
	free(t.word);
	free(t.off);
	th_brk_delete(brk);
	buf_free(&f.all);
	buf_free(&b);
	buf_free(&map);
	buf_free(&sizes);
	buf_free(&t.ent);
	arena_free(&a);
	return rc;
}
