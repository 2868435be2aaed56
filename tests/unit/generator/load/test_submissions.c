/* test_submissions.c: the build's read of the collector's database
 * (generator/load/submissions.c) on a real SQLite file: the cap on the
 * complaints read (exactly the cap: all of them; one over: the newest ones,
 * the oldest counted as left out, no failure), their public values, and
 * the surveys read only as counts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "db.h"
#include "load/submissions.h"
#include "testforms.h"

static char dir[] = "/tmp/prongsai-test-subs-XXXXXX";
static char path[256];

static void make_db(void)
{
	sqlite3 *db = NULL;
	char err[512];

	CHECK(mkdtemp(dir) != NULL);
	snprintf(path, sizeof path, "%s/p.db", dir);
	CHECK_INT(db_open(path, DB_OPEN_CREATE, &db, err, sizeof err), 0);
	CHECK_INT(db_migrate(db, err, sizeof err), 0);
	CHECK_INT(formdb_install(db, &tf_complaint, 1, NULL, err, sizeof err), 0);
	/* four complaints, 1 January .. 4 January (Thailand); and 3 surveys of
	 * a form that the model does not have (counted, then dropped) */
	CHECK_INT(sqlite3_exec(db,
		"INSERT INTO submissions(id, form_id, kind, channel, created_at) VALUES"
		" (1, 'complaint', 'complaint', 'general', '2026-01-01T03:00:00Z'),"
		" (2, 'complaint', 'complaint', 'general', '2026-01-02T03:00:00Z'),"
		" (3, 'complaint', 'complaint', 'general', '2026-01-03T03:00:00Z'),"
		" (4, 'complaint', 'complaint', 'general', '2026-01-04T03:00:00Z'),"
		" (5, 'gone', 'survey', 'none', '2026-01-04T03:00:00Z'),"
		" (6, 'gone', 'survey', 'none', '2026-01-04T03:00:00Z'),"
		" (7, 'gone', 'survey', 'none', 'not a date');"
		"INSERT INTO submission_values VALUES (1, 'district', 2, 'dan-sai'), (4, 'district', 2, 'dan-sai'),"
		" (4, 'name', 7, 'CANARY');", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(db);
}

/* Read with the cap max; returns the report. */
static struct subs_report read_max(long max, struct model *m, struct form_def *f)
{
	struct subs_report rep;
	char err[512];

	model_init(m);
	*f = tf_complaint;
	m->forms = f;
	m->n_forms = 1;
	CHECK_INT(subs_read_db_max(m, path, max, &rep, err, sizeof err), 0);
	return rep;
}

int main(void)
{
	struct model m;
	struct form_def f;
	struct subs_report rep;
	char want[16];

	make_db();
	/* exactly the cap: all four, nothing left out */
	rep = read_max(4, &m, &f);
	CHECK_INT(m.n_subs, 4);
	CHECK_INT(rep.left_out, 0);
	CHECK_INT(m.subs_from_db, 1);
	CHECK(m.n_subs == 4 && m.subs[0].district && strcmp(m.subs[0].district, "dan-sai") == 0);
	model_free(&m);
	/* one over: the newest three; the oldest counted, no failure */
	rep = read_max(3, &m, &f);
	CHECK_INT(m.n_subs, 3);
	CHECK_INT(rep.left_out, 1);
	if (m.n_subs == 3) {
		date_iso(m.subs[0].created, want);
		CHECK_STR(want, "2026-01-02");
		CHECK(m.subs[0].district == NULL);
		CHECK(m.subs[2].district && strcmp(m.subs[2].district, "dan-sai") == 0);
	}
	/* the surveys: counted, none kept row by row; their form is gone */
	CHECK_INT(rep.surveys, 0);
	CHECK_INT(rep.skipped, 1);
	CHECK_INT(m.n_survey_counts, 0);
	model_free(&m);
	{
		char cmd[300];
		snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
		CHECK_INT(system(cmd), 0);
	}
	return CHECK_RESULT();
}
