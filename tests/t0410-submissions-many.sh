#!/usr/bin/env bash
# No number of stored submissions stops `build --db`: surveys are counted
# by SQL (a million and more cost a few hundred rows), and the figures are
# those of the rows.  The survey retention rule (`inbox purge-surveys`)
# deletes the surveys of older fiscal years, to the second, and nothing
# else.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
command -v sqlite3 >/dev/null || { fail "sqlite3 CLI missing (make deps-test)"; finish; }
c=$TEST_OUT/c db=$TEST_OUT/db/prongsai.db site=$TEST_OUT/site
make_db_case "$c"
run_prongsai build -q -C "$c" -o "$site" --today 2026-04-15 --db "$db" || fail "first build --db"

# 1. past the old limit of 1,000,000 rows: 1,000,050 surveys, 50 of them
#    with answers (speed 5, overall 4; 10 naming project 2569-001)
sqlite3 "$db" <<'SQL' || fail "insert"
PRAGMA synchronous=OFF;
BEGIN;
WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 1000050)
INSERT INTO submissions(form_id, kind, channel, created_at)
SELECT 'satisfaction', 'survey', 'none', '2026-01-05T03:00:00Z' FROM c;
INSERT INTO submission_values SELECT id, 'speed', 0, '5' FROM submissions WHERE id <= 50;
INSERT INTO submission_values SELECT id, 'overall', 5, '4' FROM submissions WHERE id <= 50;
INSERT INTO submission_values SELECT id, 'project', 7, '2569-001' FROM submissions WHERE id <= 10;
INSERT INTO submission_values SELECT id, 'comment', 6, 'CANARY-FREE-TEXT' FROM submissions WHERE id <= 50;
INSERT INTO submissions(form_id, kind, channel, created_at)
 VALUES ('complaint', 'complaint', 'general', '2026-02-01T03:00:00Z');
COMMIT;
SQL
run_prongsai build -q -C "$c" -o "$site" --today 2026-04-15 --db "$db" 2>"$TEST_OUT/big.err"
expect_eq "$?" 0 "build --db with 1,000,051 submissions succeeds"
csv=$site/data/survey-results.csv
expect_grep 'satisfaction,2569,overall,ความพึงพอใจโดยรวม,,50,0,50,0,0,0,100.00' "$csv" "the 50 overall answers counted"
expect_grep 'satisfaction,2569,speed,ความรวดเร็วในการให้บริการ,,50,50,0,0,0,0,100.00' "$csv" "the 50 speed answers counted"
expect_grep 'satisfaction,2569,overall,ความพึงพอใจโดยรวม,2569-001,10,0,10,0,0,0,100.00' "$csv" \
	"the answers naming a project counted for it"
expect_grep '1,000,050' "$site/surveys/satisfaction/index.html" "every response counted"
expect_no_grep 'CANARY-FREE-TEXT' "$site" "free text never published"

# 2. retention: --keep-years 1 as of 2026-12-01 (fiscal year 2570) keeps
#    what was received from 1 October 2026, 00:00 in Thailand (17:00 UTC)
sqlite3 "$db" <<'SQL' || fail "insert boundary rows"
INSERT INTO submissions(form_id, kind, channel, created_at) VALUES
 ('satisfaction', 'survey', 'none', '2026-09-30T16:59:59Z'),
 ('satisfaction', 'survey', 'none', '2026-09-30T17:00:00Z'),
 ('complaint', 'complaint', 'general', '2020-01-01T00:00:00Z');
SQL
before=$(sqlite3 "$db" "SELECT count(*) FROM submissions")
run_prongsai inbox purge-surveys --db "$db" --keep-years 1 --today 2026-12-01 --dry-run >"$TEST_OUT/dry.out" 2>&1
expect_eq "$?" 0 "purge-surveys --dry-run"
expect_grep "would delete 1000051 survey answer(s) received before fiscal year 2570" "$TEST_OUT/dry.out" \
	"dry run counts the surveys before 1 October 2026 (Thailand)"
expect_eq "$(sqlite3 "$db" "SELECT count(*) FROM submissions")" "$before" "dry run deletes nothing"
run_prongsai inbox purge-surveys --db "$db" --keep-years 1 --today 2026-12-01 >"$TEST_OUT/purge.out" 2>&1
expect_eq "$?" 0 "purge-surveys"
expect_eq "$(sqlite3 "$db" "SELECT group_concat(created_at) FROM submissions WHERE kind = 'survey'")" \
	"2026-09-30T17:00:00Z" "only the survey of fiscal year 2570 is kept"
expect_eq "$(sqlite3 "$db" "SELECT count(*) FROM submissions WHERE kind = 'complaint'")" 2 "complaints untouched"
expect_eq "$(sqlite3 "$db" "SELECT count(*) FROM submission_values")" 0 "their values went with them"
# the cap of --keep-years: 10 is taken, 0 and 11 are not
run_prongsai inbox purge-surveys --db "$db" --keep-years 10 --dry-run >/dev/null 2>&1
expect_eq "$?" 0 "--keep-years 10 (the cap)"
for k in 0 11; do
	run_prongsai inbox purge-surveys --db "$db" --keep-years $k >/dev/null 2>&1
	expect_eq "$?" 2 "--keep-years $k refused"
done
run_prongsai inbox purge-surveys --db "$TEST_OUT/none.db" --dry-run >/dev/null 2>"$TEST_OUT/none.err"
expect_eq "$?" 1 "a missing database: exit 1"
finish
