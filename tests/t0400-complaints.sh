#!/usr/bin/env bash
# Issue 4 (generator side): complaints from the database to the public pages.
# A database made by `prongsai build --db`, submissions inserted with the
# sqlite3 CLI (public values, plus canary personal and free-text values in
# the places the collector keeps them); build; the tracking page, the
# statistics, the CSV, the survey results and the dashboard show them; no
# canary anywhere under public/; a staff response file changes the status;
# `check` errors for bad response files; a response to an unknown code is a
# warning with --db; without --db the pages come from the content files.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
command -v sqlite3 >/dev/null || { fail "sqlite3 CLI missing (make deps-test)"; finish; }
c=$TEST_OUT/c db=$TEST_OUT/db/prongsai.db site=$TEST_OUT/site
make_db_case "$c"
run_prongsai build -q -C "$c" -o "$site" --today 2026-04-15 --db "$db" || fail "first build --db"
[ -s "$site/track/index.html" ] && pass "lookup page" || fail "no track/index.html"
grep -q 'ไม่มีเรื่องร้องเรียนใน' "$site/complaints/index.html" && pass "no complaints said explicitly" ||
	fail "empty period not said"
A=7NJ6-QX11-GG92-2QTE
# mkcode 15SYMBOLS: the code with its check symbol (Luhn mod 32, as common/trackcode.c)
mkcode() { python3 -c '
import sys
A="0123456789ABCDEFGHJKMNPQRSTVWXYZ"
v=[A.index(ch) for ch in sys.argv[1]]
f,s=2,0
for x in reversed(v):
    a=f*x; f=1 if f==2 else 2; s+=a//32+a%32
print("-".join(("".join(A[x] for x in v)+A[(32-s%32)%32])[i:i+4] for i in range(0,16,4)))' "$1"; }
B=$(mkcode K3MQW9X2HBDRT5V)
C=$(mkcode ABCDEFGHJKMNPQR)
printf '%s\n' "$B" | grep -qE '^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$' && pass "code B $B" || fail "code B"
sqlite3 "$db" <<SQL || fail "insert submissions"
INSERT INTO submissions(id, form_id, kind, channel, code, created_at, sealed)
 VALUES (1, 'complaint', 'complaint', 'general', '$A', '2026-01-05T03:00:00Z', X'43414e4152592d5345414c4544');
INSERT INTO submission_values VALUES (1, 'subject', 0, 'CANARY-SUBJECT-TEXT'), (1, 'detail', 1, 'CANARY-DETAIL-TEXT'),
 (1, 'district', 2, 'dan-sai'), (1, 'category', 3, 'service');
INSERT INTO attachments(submission_id, position, field, media_type, size, sealed, data)
 VALUES (1, 0, 'attachments', 'image/png', 12, 1, X'43414e4152592d46494c45');
INSERT INTO submissions(id, form_id, kind, channel, code, created_at, sealed)
 VALUES (2, 'corruption', 'complaint', 'corruption', '$B', '2026-02-10T18:30:00Z', NULL);
INSERT INTO submission_values VALUES (2, 'subject', 0, 'CANARY-CORRUPTION-SUBJECT'), (2, 'category', 1, 'bribery'),
 (2, 'name', 2, 'CANARY-NAME Somchai'), (2, 'phone', 3, '0812345678'), (2, 'email', 4, 'canary@example.org');
INSERT INTO submissions(id, form_id, kind, channel, code, created_at) VALUES
 (3, 'satisfaction', 'survey', 'none', NULL, '2026-03-01T02:00:00Z'),
 (4, 'satisfaction', 'survey', 'none', NULL, '2026-03-02T02:00:00Z'),
 (5, 'satisfaction', 'survey', 'none', NULL, '2026-03-03T02:00:00Z');
INSERT INTO submission_values VALUES (3, 'overall', 0, '5'), (3, 'speed', 1, '4'), (3, 'comment', 2, 'CANARY-COMMENT'),
 (3, 'project', 3, '2569-001'), (4, 'overall', 0, '4'), (4, 'speed', 1, '2'), (4, 'project', 1, 'CANARY-PROJECT'),
 (5, 'overall', 0, '2'), (5, 'speed', 1, '9');
SQL
run_prongsai build -q -C "$c" -o "$site" --today 2026-04-15 --db "$db" 2>"$TEST_OUT/b2.err" || fail "build with submissions"
t=$site/track/$A/index.html
[ -s "$t" ] && pass "tracking page for $A" || fail "no tracking page $t"
[ -s "$site/track/$B/index.html" ] && pass "tracking page for the corruption report" || fail "no page for $B"
expect_grep 'รับเรื่องแล้ว' "$t" "an unanswered complaint shows received"
expect_grep 'datetime="2026-01-05"' "$t" "with its date"
expect_grep 'การให้บริการ' "$t" "and its category"
expect_grep 'name="robots" content="noindex"' "$t" "tracking pages are not indexed"
expect_grep 'datetime="2026-02-11"' "$site/track/$B/index.html" "created_at is read as a date in Thailand (UTC+7)"
grep -q "track/$A" "$site/sitemap.xml" && fail "tracking page in the sitemap" || pass "not in the sitemap"
csv=$site/complaints/statistics.csv
[ -s "$csv" ] && pass "statistics CSV" || fail "no complaints/statistics.csv"
expect_grep '2569,year,2569,ปีงบประมาณ 2569,2,0,2,,database,2026-04-15' "$csv" "year totals: 2 received, 0 completed, 2 in progress"
expect_grep '2569,channel,corruption,แจ้งเบาะแสการทุจริต,1,0,1' "$csv" "by channel"
expect_grep '2569,district,dan-sai,ด่านซ้าย,1,0,1' "$csv" "by district"
expect_grep '2569,month,2026-01,2569-01,1,0,1' "$csv" "by month"
cmp -s "$csv" "$site/data/complaint-statistics.csv" && pass "page CSV = open data CSV" || fail "CSV differs"
expect_grep "track/$A/index.html" "$site/dashboard/index.html" "dashboard lists the open case"
s=$site/surveys/satisfaction/index.html
[ -s "$s" ] && pass "survey page" || fail "no survey page"
# overall: 5, 4, 2 -> n 3, high 2 = 66.67% [20.76, 93.86]; speed: 4, 2 (9 is no level) -> n 2
expect_grep 'satisfaction,2569,overall,ความพึงพอใจโดยรวม,,3,1,1,0,1,0,66.67,20.76,93.86,80.00' "$site/data/survey-results.csv" \
	"survey distribution, share and Wilson interval"
expect_grep 'satisfaction,2569,speed,ความรวดเร็วในการให้บริการ,,2,0,1,0,1,0,50.00' "$site/data/survey-results.csv" \
	"a value outside the scale is dropped"
expect_grep 'satisfaction,2569,overall,ความพึงพอใจโดยรวม,2569-001,1,1,0,0,0,0,100.00' "$site/data/survey-results.csv" \
	"per project (an unknown project id is dropped)"
expect_grep '<svg class="chart bar-chart"' "$s" "survey chart"
expect_grep '66.67%' "$s" "survey table"
python3 - "$site/data/datapackage.json" <<'PY' && pass "datapackage lists the new resources" || fail "datapackage"
import json, sys
names = [r["name"] for r in json.load(open(sys.argv[1], encoding="utf-8"))["resources"]]
sys.exit(0 if "complaint-statistics" in names and "survey-results" in names else 1)
PY
# canaries: no personal value, no free text, no attachment anywhere under public/
for canary in CANARY Somchai 0812345678 canary@example.org; do
	expect_no_grep "$canary" "$site" "no \"$canary\" under public/"
done
# no folder without an index page (no server listing can show the codes)
missing=$(find "$site" -type d ! -exec test -e '{}/index.html' \; -print | head -3)
expect_eq "$missing" "" "every folder has an index.html"
# a staff response: the status changes
mkdir -p "$c/complaints"
cat >"$c/complaints/$A.yaml" <<Y
category: staff
history:
  - {date: 2026-01-06, status: received, note: ได้รับเรื่องแล้ว}
  - {date: 2026-01-10, status: under-review, note: อยู่ระหว่างตรวจสอบ}
  - {date: 2026-02-01, status: resolved, note: แก้ไขแล้ว, reason: ดำเนินการตามข้อร้องเรียนแล้ว}
summary: CANARY-PRIVATE-SUMMARY
publish_summary: false
Y
run_prongsai build -q -C "$c" -o "$site" --today 2026-04-15 --db "$db" 2>"$TEST_OUT/b3.err" || fail "build with a response"
expect_grep 'ดำเนินการแล้วเสร็จ' "$t" "status changed to resolved"
expect_grep 'ดำเนินการตามข้อร้องเรียนแล้ว' "$t" "the reason is shown"
expect_grep 'การปฏิบัติงานของเจ้าหน้าที่' "$t" "the category override"
expect_no_grep CANARY-PRIVATE-SUMMARY "$site" "an unpublished summary stays private"
expect_grep '2569,year,2569,ปีงบประมาณ 2569,2,1,1,27.00,database,2026-04-15' "$csv" "completed 1, median 27 days"
grep -q "track/$A/index.html" "$site/dashboard/index.html" && fail "closed case still on the dashboard" || pass "closed case left the dashboard"
sed -i 's/publish_summary: false/publish_summary: true/; s/CANARY-PRIVATE-SUMMARY/สรุปโดยเจ้าหน้าที่ PUBLIC-SUMMARY/' "$c/complaints/$A.yaml"
run_prongsai build -q -C "$c" -o "$site" --today 2026-04-15 --db "$db" || fail "build with summary"
expect_grep 'PUBLIC-SUMMARY' "$t" "a summary staff allowed is published"
# a response to a code the database does not know: a warning, not published
cp "$c/complaints/$A.yaml" "$c/complaints/$C.yaml"
run_prongsai build -C "$c" -o "$site" --today 2026-04-15 --db "$db" --lang en 2>"$TEST_OUT/b4.err" || fail "unknown code is not an error"
expect_grep "complaints/$C.yaml: warning: unknown code $C" "$TEST_OUT/b4.err" "unknown code warned"
[ -e "$site/track/$C" ] && fail "unknown code published" || pass "unknown code not published"
# without --db: from the content files only, and the page says so
run_prongsai build -q -C "$c" -o "$TEST_OUT/nodb" --today 2026-04-15 || fail "build without --db"
[ -s "$TEST_OUT/nodb/track/$C/index.html" ] && pass "content-only tracking page" || fail "no content-only page"
expect_grep 'content/complaints/' "$TEST_OUT/nodb/complaints/index.html" "the page says where the figures come from"
rm "$c/complaints/$C.yaml"
# a response dated before the submission was received: an error with --db
sed -i 's/date: 2026-01-06/date: 2026-01-01/' "$c/complaints/$A.yaml"
run_prongsai build -C "$c" -o "$site" --today 2026-04-15 --db "$db" --lang en 2>"$TEST_OUT/b5.err"
expect_eq "$?" 1 "date before the submission fails the build"
expect_grep "complaints/$A.yaml:3:5: error: the date is before the complaint was received" "$TEST_OUT/b5.err" "date before receipt"
# a build while the collector writes: the reader does not block the writer
sed -i 's/date: 2026-01-01/date: 2026-01-06/' "$c/complaints/$A.yaml"
( for i in $(seq 100 160); do
	sqlite3 -cmd '.timeout 5000' "$db" "INSERT INTO submissions(form_id, kind, channel, created_at) VALUES ('satisfaction', 'survey', 'none', '2026-03-05T02:00:00Z')" || exit 1
done ) & writer=$!
for i in 1 2 3; do run_prongsai build -q -C "$c" -o "$site" --today 2026-04-15 --db "$db" || fail "build $i during writes"; done
wait "$writer" && pass "writer not blocked by builds" || fail "writer failed during builds"
finish
