/* search.h: the site search index, built at build time so that a small
 * script can answer queries in the browser with no server.
 *
 * Thai has no spaces between words: Thai runs are split into words with
 * libthai's dictionary (th_brk_wc_find_breaks); runs of other letters and
 * digits are split at everything else and lowercased (ASCII).  Words its
 * dictionary lacks still come out as pieces, and the script also matches any
 * part of a query that is not an indexed word as a substring of the title
 * (the fallback), so a query always finds the title it is part of.
 *
 * Files (each a script that calls prongsaiSearch(name, data), so that
 * the page loads them with <script> tags, from file:// too):
 *   search/meta.js     {"v":2,"docs":N,"chunk":C,"keymax":K,"budget":[T,D],
 *                       "d":[bytes of each doc chunk],"t":{key: bytes}}:
 *                       the map of the other files
 *   search/d/<k>.js    documents k*C .. k*C+C-1: [[path,title,kind,extra],...]
 *   search/t/<hex>.js  the words whose longest key in "t" is key (hex: the
 *                       key's UTF-8 bytes): {"word":[doc, gap, gap, ...]}
 *                       (document numbers as gaps from the previous one)
 * Words are sharded by their first code point; a shard over
 * SEARCH_SHARD_TARGET bytes is split by the next code point, down to
 * SEARCH_KEY_MAX code points (the words that are the key itself stay in
 * the key's shard).  A query loads the map, the shards of the keys along
 * its text and the chunks of the documents it shows: at most
 * SEARCH_BUDGET_TERMS bytes of shards and SEARCH_BUDGET_DOCS of chunks
 * (search.js; the map says them), so that one query stays under 300 KB
 * however large the site.
 * Documents: projects (title, English title, id, the id and fiscal year
 * shown beside it, group, districts),
 * news (title, summary), pages (titles, summary, text), forms (titles,
 * help), in model order; then the top page of each section (forms, track,
 * complaints, surveys, dashboard, reports, oit, procurement, data) by its
 * page title.  Paths are relative
 * to the site root. */
#ifndef PRONGSAI_SEARCH_H
#define PRONGSAI_SEARCH_H

#include <stddef.h>
#include "publish/output.h"
#include "render/pages.h"

/* Caps.  A word longer than SEARCH_MAX_WORD bytes is cut at the last whole
 * character that fits; only the first SEARCH_MAX_TEXT code points of a text
 * (a title, a summary, ...) are read; past SEARCH_MAX_POSTINGS words in all
 * (every word of every indexed text, repeats too) or SEARCH_MAX_SIZE bytes
 * of search files in all the build fails rather than publish part of an
 * index. */
#define SEARCH_MAX_WORD 64
#define SEARCH_MAX_TEXT 4096
#define SEARCH_MAX_POSTINGS (8u * 1024 * 1024)
#define SEARCH_MAX_SIZE (256u * 1024 * 1024)
#define SEARCH_SHARD_TARGET 16384
#define SEARCH_KEY_MAX 8
#define SEARCH_DOC_CHUNK 20
#define SEARCH_BUDGET_TERMS 160000
#define SEARCH_BUDGET_DOCS 100000

/* The site's own sections whose top page's titles are indexed (the page of
 * each kind whose output is one folder deep), and how many there are. */
extern const enum page_kind search_sections[];
extern const size_t search_n_sections;

/* Call fn for each word of text (UTF-8), in order, duplicates included.
 * Returns the number of words, or -1 if libthai could not be initialised
 * (then nothing is called).  Thread-safe: each call uses its own breaker. */
int search_words(const char *text, void (*fn)(const char *w, size_t len, void *ctx), void *ctx);

/* Write the search files (above).  Returns 0, or -1 with err
 * set (libthai missing its dictionary, a write failed, or the index passed
 * SEARCH_MAX_POSTINGS or SEARCH_MAX_SIZE). */
int search_write(const struct site_ctx *sc, struct outdir *out, char *err, size_t errlen);

/* search_write() with other caps (for the tests: exactly max_postings words,
 * or search files of exactly max_size bytes in all, are written; one more
 * fails and writes nothing). */
struct search_limits {
	size_t max_postings, max_size;
};
int search_write_limits(const struct site_ctx *sc, struct outdir *out,
	const struct search_limits *lim, char *err, size_t errlen);

#endif
