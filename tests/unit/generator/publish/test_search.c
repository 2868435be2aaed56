/* test_search.c: word segmentation and the search index's caps (search.h):
 * SEARCH_MAX_WORD (a word of exactly the cap is whole, a longer one is cut
 * at the last whole character that fits), SEARCH_MAX_TEXT (the code point at
 * the cap is read, the next is not), SEARCH_MAX_POSTINGS and SEARCH_MAX_SIZE
 * (through search_write_limits: exactly the cap is written, one more fails
 * and writes nothing); the index is written once, as shards (meta.js,
 * d/<k>.js, t/<hex>.js), no index.json or index.js. */
#include "check.h"
#include "publish/search.h"
#include "testsite.h"

struct words {
	size_t n;
	char w[8][SEARCH_MAX_WORD + 8];
	size_t len[8];
};

static void keep(const char *w, size_t len, void *ctx)
{
	struct words *ws = ctx;

	if (ws->n < 8) {
		snprintf(ws->w[ws->n], sizeof(ws->w[0]), "%s", w);
		ws->len[ws->n] = len;
	}
	ws->n++;
}

static int words(const char *text, struct words *ws)
{
	memset(ws, 0, sizeof(*ws));
	return search_words(text, keep, ws);
}

static void count_word(const char *w, size_t len, void *ctx)
{
	(void)w;
	(void)len;
	(*(size_t *)ctx)++;
}

/* a string of n copies of the UTF-8 character ch, then tail */
static char *rep(const char *ch, size_t n, const char *tail)
{
	size_t k = strlen(ch), i;
	char *s = malloc(n * k + strlen(tail) + 1);

	for (i = 0; i < n; i++)
		memcpy(s + i * k, ch, k);
	strcpy(s + n * k, tail);
	return s;
}

static void test_words(void)
{
	struct words ws;
	char *s;

	CHECK_INT(words(NULL, &ws), 0);
	CHECK_INT(words("", &ws), 0);
	CHECK_INT(words("Loei 2569-001, OK!", &ws), 4);
	CHECK_STR(ws.w[0], "loei");
	CHECK_STR(ws.w[1], "2569");
	CHECK_STR(ws.w[2], "001");
	CHECK_STR(ws.w[3], "ok");
	/* a Thai word from the middle of a title */
	CHECK(words("หมู่บ้านเศรษฐกิจพอเพียง", &ws) >= 3);
	CHECK(ws.n >= 3 && (strcmp(ws.w[1], "เศรษฐกิจ") == 0 || strcmp(ws.w[0], "เศรษฐกิจ") == 0));

	/* SEARCH_MAX_WORD: ASCII, exactly the cap and one over */
	s = rep("A", SEARCH_MAX_WORD, "");
	CHECK_INT(words(s, &ws), 1);
	CHECK_INT(ws.len[0], SEARCH_MAX_WORD);
	CHECK_INT(strlen(ws.w[0]), SEARCH_MAX_WORD);
	CHECK(ws.w[0][0] == 'a' && ws.w[0][SEARCH_MAX_WORD - 1] == 'a'); /* lowercased */
	free(s);
	s = rep("a", SEARCH_MAX_WORD + 1, "");
	CHECK_INT(words(s, &ws), 1);
	CHECK_INT(ws.len[0], SEARCH_MAX_WORD);
	free(s);
	/* two-byte letters (é): 32 of them are exactly the cap, 33 are cut to 32 */
	s = rep("\xC3\xA9", SEARCH_MAX_WORD / 2, "");
	CHECK_INT(words(s, &ws), 1);
	CHECK_STR(ws.w[0], s);
	free(s);
	s = rep("\xC3\xA9", SEARCH_MAX_WORD / 2 + 1, "");
	CHECK_INT(words(s, &ws), 1);
	CHECK_INT(ws.len[0], SEARCH_MAX_WORD);
	free(s);
	/* "a" and 32 é (65 bytes): never half a character, so 63 bytes */
	s = rep("\xC3\xA9", SEARCH_MAX_WORD / 2, "");
	{
		char *t = malloc(strlen(s) + 2);
		t[0] = 'a';
		strcpy(t + 1, s);
		CHECK_INT(words(t, &ws), 1);
		CHECK_INT(ws.len[0], SEARCH_MAX_WORD - 1);
		CHECK_INT(strncmp(ws.w[0], t, SEARCH_MAX_WORD - 1), 0);
		free(t);
	}
	free(s);

	/* SEARCH_MAX_TEXT: the code point at the cap is read, the next is not */
	s = rep(" ", SEARCH_MAX_TEXT - 1, "x");
	CHECK_INT(words(s, &ws), 1);
	CHECK_STR(ws.w[0], "x");
	free(s);
	s = rep(" ", SEARCH_MAX_TEXT, "x");
	CHECK_INT(words(s, &ws), 0);
	free(s);
	/* counted in code points, not bytes: Thai digits are 3 bytes each */
	s = rep("\xE0\xB9\x91", SEARCH_MAX_TEXT - 1, " z"); /* ๑๑๑… then " z" */
	CHECK_INT(words(s, &ws), 1);                         /* the digits; " " is the cap */
	free(s);
	s = rep("\xE0\xB9\x91", SEARCH_MAX_TEXT - 2, " z");
	CHECK_INT(words(s, &ws), 2);
	CHECK_STR(ws.w[1], "z");
	free(s);
}

/* Every word the index collects for the mini fixture, as search_write()
 * collects them (projects: title, English title, id, group, districts;
 * published news: title, summary; pages: titles, summary, text; forms:
 * titles, help; each section's top page: its titles). */
static size_t postings(struct testsite *ts)
{
	const struct model *m = &ts->m;
	size_t n = 0, i, j;
	struct arena a;

	for (i = 0; i < m->n_projects; i++) {
		const struct project *p = m->projects[i];
		const struct named *g = model_group(m, p->group);
		search_words(p->title, count_word, &n);
		search_words(p->title_en, count_word, &n);
		n++; /* the id, whole */
		{
			char extra[64];
			snprintf(extra, sizeof(extra), "%s · %d", p->id, p->fiscal_year);
			search_words(extra, count_word, &n);
		}
		if (g)
			search_words(g->name, count_word, &n);
		for (j = 0; j < p->n_districts; j++) {
			const struct named *d = model_district(m, p->districts[j]);
			if (d)
				search_words(d->name, count_word, &n);
		}
	}
	for (i = 0; i < m->n_news; i++)
		if (m->news[i]->date <= m->today) {
			search_words(m->news[i]->title, count_word, &n);
			search_words(m->news[i]->summary, count_word, &n);
		}
	for (i = 0; i < m->n_pages; i++) {
		search_words(m->pages[i]->title, count_word, &n);
		search_words(m->pages[i]->title_en, count_word, &n);
		search_words(m->pages[i]->summary, count_word, &n);
		search_words(m->pages[i]->body, count_word, &n);
	}
	for (i = 0; i < m->n_forms; i++) {
		search_words(m->forms[i].title_th, count_word, &n);
		search_words(m->forms[i].title_en, count_word, &n);
		search_words(m->forms[i].help_th, count_word, &n);
	}
	arena_init(&a);
	for (i = 0; i < search_n_sections; i++)
		for (j = 0; j < ts->site.n_jobs; j++) {
			const char *en, *t;
			if (ts->site.jobs[j].kind != search_sections[i] || strchr(ts->site.jobs[j].out, '/') != strrchr(ts->site.jobs[j].out, '/'))
				continue;
			t = page_title(&ts->site.sc, &ts->site.jobs[j], &a, &en);
			search_words(t, count_word, &n);
			search_words(en, count_word, &n);
			break;
		}
	arena_free(&a);
	return n;
}

static void test_index_caps(struct testsite *ts)
{
	struct outdir o;
	struct search_limits lim = { SEARCH_MAX_POSTINGS, SEARCH_MAX_SIZE };
	char err[512], want[128], *meta = NULL, *d0;
	size_t mlen = 0, total = 0, n, p = postings(ts);

	CHECK(p > 10);
	if (ts_out(&o) != 0) {
		CHECK(0);
		return;
	}
	CHECK_INT(search_write(&ts->site.sc, &o, err, sizeof(err)), 0);
	total = o.bytes;
	meta = ts_read(&o, "search/meta.js", &mlen);
	CHECK(meta && mlen > 50 && meta[mlen - 1] == '\n' &&
		strncmp(meta, "prongsaiSearch(\"meta\",{\"v\":2,", 29) == 0);
	d0 = ts_read(&o, "search/d/0.js", &n);
	CHECK(d0 && strncmp(d0, "prongsaiSearch(\"d/0\",[", 22) == 0);
	free(d0);
	/* the index is written once: no index.json or index.js any more */
	CHECK_INT(ts_size(&o, "search/index.json"), -1);
	CHECK_INT(ts_size(&o, "search/index.js"), -1);
	ts_out_done(&o);

	/* postings: exactly the fixture's words, then one fewer allowed */
	lim.max_postings = p;
	if (ts_out(&o) == 0) {
		char *again;
		CHECK_INT(search_write_limits(&ts->site.sc, &o, &lim, err, sizeof(err)), 0);
		again = ts_read(&o, "search/meta.js", &n);
		CHECK(again && meta && n == mlen && memcmp(again, meta, n) == 0);
		CHECK_INT(o.bytes, total);
		free(again);
		ts_out_done(&o);
	}
	lim.max_postings = p - 1;
	if (ts_out(&o) == 0) {
		CHECK_INT(search_write_limits(&ts->site.sc, &o, &lim, err, sizeof(err)), -1);
		snprintf(want, sizeof(want), "search: more than %zu words to index", p - 1);
		CHECK_STR(err, want);
		CHECK_INT(ts_size(&o, "search/meta.js"), -1);
		CHECK_INT(o.files, 0);
		ts_out_done(&o);
	}

	/* size: search files of exactly the cap in all, then one byte over
	 * (nothing written) */
	lim.max_postings = SEARCH_MAX_POSTINGS;
	lim.max_size = total;
	if (ts_out(&o) == 0) {
		CHECK_INT(search_write_limits(&ts->site.sc, &o, &lim, err, sizeof(err)), 0);
		CHECK_INT(ts_size(&o, "search/meta.js"), (long)mlen);
		CHECK_INT(o.bytes, total);
		ts_out_done(&o);
	}
	lim.max_size = total - 1;
	if (ts_out(&o) == 0) {
		CHECK_INT(search_write_limits(&ts->site.sc, &o, &lim, err, sizeof(err)), -1);
		snprintf(want, sizeof(want), "search/: more than %zu bytes", total - 1);
		CHECK_STR(err, want);
		CHECK_INT(ts_size(&o, "search/meta.js"), -1);
		CHECK_INT(o.files, 0);
		ts_out_done(&o);
	}
	free(meta);
}

int main(void)
{
	struct testsite ts;

	test_words();
	CHECK_INT(ts_load(&ts), 0);
	test_index_caps(&ts);
	ts_free(&ts);
	return CHECK_RESULT();
}
