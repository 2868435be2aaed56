/* test_opendata.c: the open data writer's caps (opendata.h): the columns of
 * a resource (OPENDATA_MAX_COLS), the size of each file (OPENDATA_MAX_SIZE,
 * through opendata_write_max: a file of exactly the cap is written, one byte
 * more fails and nothing of that resource is written), and a cell built from
 * many pieces (procurement bids) that alone passes the cap: an error, never
 * a file with the cell left out.  And the formula guard of text cells. */
#include "check.h"
#include "publish/opendata.h"
#include "publish/textout.h"
#include "testsite.h"

static const char *const extra_files[] = { "data/oc4ids.json", "data/datapackage.json",
	"complaints/statistics.csv" };

/* The name and size of the largest file under data/ (and the statistics). */
static long largest(const struct outdir *o, char *name, size_t namelen)
{
	long best = -1, n;
	size_t i;
	char rel[128];

	for (i = 0; i < od_n_resources * 2 + 3; i++) {
		if (i < od_n_resources * 2)
			snprintf(rel, sizeof(rel), "data/%s.%s", od_resources[i / 2].name, i % 2 ? "json" : "csv");
		else
			snprintf(rel, sizeof(rel), "%s", extra_files[i - od_n_resources * 2]);
		n = ts_size(o, rel);
		CHECK(n > 0);
		if (n > best) {
			best = n;
			snprintf(name, namelen, "%s", rel);
		}
	}
	return best;
}

static void test_columns(void)
{
	size_t i, j;
	char rel[128];

	CHECK(od_n_resources >= 6);
	for (i = 0; i < od_n_resources; i++) {
		CHECK(od_resources[i].n_cols >= 1 && od_resources[i].n_cols <= OPENDATA_MAX_COLS);
		for (j = 0; j < od_resources[i].n_cols; j++) {
			const char *t = od_resources[i].cols[j].type;
			CHECK(strcmp(t, "string") == 0 || strcmp(t, "integer") == 0 || strcmp(t, "number") == 0 ||
				strcmp(t, "date") == 0);
		}
		snprintf(rel, sizeof(rel), "data/%s.csv", od_resources[i].name);
		CHECK(opendata_has(rel));
		snprintf(rel, sizeof(rel), "data/%s.json", od_resources[i].name);
		CHECK(opendata_has(rel));
	}
	CHECK(opendata_has("data/datapackage.json") && opendata_has("data/oc4ids.json"));
	CHECK(!opendata_has("data/index.html") && !opendata_has("data/nothing.csv"));
}

static long test_size_cap(struct testsite *ts)
{
	struct outdir o;
	char err[512], name[128], want[256];
	char *full, *again;
	size_t flen = 0, alen = 0;
	long s;

	/* the real cap: everything is written */
	if (ts_out(&o) != 0) {
		CHECK(0);
		return -1;
	}
	CHECK_INT(opendata_write(&ts->site.sc, &o, err, sizeof(err)), 0);
	s = largest(&o, name, sizeof(name));
	CHECK(s > 100);
	full = ts_read(&o, name, &flen);
	ts_out_done(&o);

	/* exactly the cap: the same bytes */
	if (ts_out(&o) != 0)
		return -1;
	CHECK_INT(opendata_write_max(&ts->site.sc, &o, (size_t)s, err, sizeof(err)), 0);
	CHECK_INT(ts_size(&o, name), s);
	again = ts_read(&o, name, &alen);
	CHECK(full && again && flen == alen && memcmp(full, again, flen) == 0);
	free(again);
	ts_out_done(&o);

	/* one byte over: an error that names the file, no part of it written */
	if (ts_out(&o) != 0)
		return -1;
	CHECK_INT(opendata_write_max(&ts->site.sc, &o, (size_t)s - 1, err, sizeof(err)), -1);
	snprintf(want, sizeof(want), "%s: more than %ld bytes", name, s - 1);
	CHECK_STR(err, want);
	CHECK_INT(ts_size(&o, name), -1);
	ts_out_done(&o);
	free(full);
	return s;
}

/* One bid whose "name=price" cell alone passes the cap C (the largest file
 * of the fixture, so every other file fits, and procurement.csv would fit
 * with the cell left empty): the build must fail, not drop the cell. */
static void test_cell_cap(struct testsite *ts, size_t c)
{
	struct model *m = &ts->m;
	struct outdir o;
	struct proc_bid bid, *old;
	size_t old_n;
	char err[512], want[256], *name;

	CHECK(m->n_procurement >= 1);
	if (!m->n_procurement || c < 16)
		return;
	old = m->procurement[0].bids;
	old_n = m->procurement[0].n_bids;
	m->procurement[0].bids = &bid;
	m->procurement[0].n_bids = 1;
	bid.price = 100; /* "=1.00" */
	name = malloc(c + 1);
	memset(name, 'x', c - 4); /* c - 4 + strlen("=1.00") = c + 1 bytes */
	name[c - 4] = '\0';
	bid.name = name;
	if (ts_out(&o) == 0) {
		/* under the real cap the cell is written whole */
		char *csv;
		CHECK_INT(opendata_write(&ts->site.sc, &o, err, sizeof(err)), 0);
		csv = ts_read(&o, "data/procurement.csv", NULL);
		CHECK(csv && strstr(csv, "xxxx=1.00") != NULL);
		free(csv);
		ts_out_done(&o);
	}
	if (ts_out(&o) == 0) {
		CHECK_INT(opendata_write_max(&ts->site.sc, &o, c, err, sizeof(err)), -1);
		snprintf(want, sizeof(want), "data/procurement.csv: more than %zu bytes", c);
		CHECK_STR(err, want);
		CHECK_INT(ts_size(&o, "data/procurement.csv"), -1);
		CHECK_INT(ts_size(&o, "data/procurement.json"), -1);
		CHECK(ts_size(&o, "data/projects.csv") > 0); /* the others are written */
		ts_out_done(&o);
	}
	m->procurement[0].bids = old;
	m->procurement[0].n_bids = old_n;
	free(name);
}

/* Text cells go through the one CSV writer with its formula guard;
 * numbers keep their sign. */
static void test_formula_guard(struct testsite *ts)
{
	struct project *p = ts->m.projects[0];
	const char *old = p->title;
	struct outdir o;
	struct buf b;
	char err[512], *csv;

	buf_init(&b, 256);
	csv_field(&b, "-3");
	buf_addc(&b, '|');
	out_decimal(&b, -305);
	buf_addc(&b, '|');
	csv_field(&b, "=1+2,3");
	buf_addc(&b, '|');
	csv_field(&b, "trail ");
	buf_addc(&b, '|');
	csv_field(&b, "a=b");
	CHECK_STR(buf_str(&b), "'-3|-3.05|\"'=1+2,3\"|\"trail \"|a=b");
	buf_free(&b);
	p->title = "=HYPERLINK(\"http://x.test\",\"y\")";
	if (ts_out(&o) == 0) {
		CHECK_INT(opendata_write(&ts->site.sc, &o, err, sizeof(err)), 0);
		csv = ts_read(&o, "data/projects.csv", NULL);
		CHECK(csv && strstr(csv, ",\"'=HYPERLINK(\"\"http://x.test\"\",\"\"y\"\")\",") != NULL);
		free(csv);
		ts_out_done(&o);
	}
	p->title = old;
}

int main(void)
{
	struct testsite ts;
	long s;

	test_columns();
	CHECK_INT(ts_load(&ts), 0);
	test_formula_guard(&ts);
	s = test_size_cap(&ts);
	if (s > 0)
		test_cell_cap(&ts, (size_t)s);
	ts_free(&ts);
	return CHECK_RESULT();
}
