#!/usr/bin/env bash
# variants: release
# An officer files a monthly report from a 360 px phone in headless
# Chromium (tests/browser/staff.mjs), with JavaScript on and off, through
# lighttpd, staff.cgi and a real staff database: sign in, my projects, the
# form, the acknowledgement as queued (and the queue row), someone else's
# project refused, signed out.  The steps and the time are printed (FIGURE).
# Then the monthly sheet at 1280 px (tests/browser/sheet.mjs): the workbook
# downloaded, a bad sheet's problems listed, a clean sheet queued.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
[ -d "$TOP/node_modules/playwright-core" ] || { fail "node_modules missing: run make deps-node"; finish; }
[ -x /usr/bin/chromium ] || { fail "chromium missing: make deps-test"; finish; }
ws_available lighttpd || { fail "lighttpd missing: make deps-test"; finish; }
site=$TEST_OUT/site
mkdir -p "$TEST_OUT/db"
WS_STAFF_DB=$TEST_OUT/db/staff.db
run_prongsai build -q -C "$TOP/content" -o "$site" --db "$TEST_OUT/db/prongsai.db" --staff-db "$WS_STAFF_DB" 2>"$TEST_OUT/build.err"
expect_eq "$?" 0 "sample site builds with the staff database"
PW='phone password 360'
printf '%s\n' "$PW" | "$PRONGSAI" staff add suphaphon-c --staff-db "$WS_STAFF_DB" --password-stdin 2>/dev/null
OTHER=$(sqlite3 "$WS_STAFF_DB" "SELECT id FROM staff_projects WHERE id NOT IN
	(SELECT project_id FROM staff_members WHERE person_id = 'suphaphon-c') LIMIT 1")
ws_start lighttpd "$site" "$TEST_OUT/db/prongsai.db" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }
trap ws_stop EXIT
for js in on off; do
	BASE_URL=$WS_URL/ STAFF_USER=suphaphon-c STAFF_PASSWORD=$PW PROJECT=2570-001 OTHER=$OTHER JS=$js \
		node "$TOP/tests/browser/staff.mjs"
	expect_eq "$?" 0 "the officer's journey, JavaScript $js (details above)"
done
expect_eq "$(sqlite3 "$WS_STAFF_DB" "SELECT count(*) FROM queue WHERE person_id = 'suphaphon-c' AND subject = '2570-001' AND state = 'queued'")" 2 \
	"both reports are in the queue"

# the monthly sheet at 1280 px (issue 14): download, a bad upload, a clean one
H='รหัสโครงการ,วันที่รายงาน,ความก้าวหน้าสะสม 0-100,เบิกจ่ายสะสม (บาท)'
printf '%s\n2570-001,%s,150,60000\n' "$H" "$(date +%F)" >"$TEST_OUT/bad.csv"
printf '%s\n2570-001,%s,12,60000\n' "$H" "$(date +%F)" >"$TEST_OUT/good.csv"
n0=$(sqlite3 "$WS_STAFF_DB" "SELECT count(*) FROM queue WHERE kind = 'sheet'")
BASE_URL=$WS_URL/ STAFF_USER=suphaphon-c STAFF_PASSWORD=$PW BAD_SHEET=$TEST_OUT/bad.csv GOOD_SHEET=$TEST_OUT/good.csv \
	DOWNLOAD_TO=$TEST_OUT/dl.xlsx node "$TOP/tests/browser/sheet.mjs"
expect_eq "$?" 0 "the monthly sheet in the browser at 1280 px (details above)"
expect_eq "$(sqlite3 "$WS_STAFF_DB" "SELECT count(*) FROM queue WHERE kind = 'sheet' AND person_id = 'suphaphon-c'")" "$((n0 + 1))" \
	"one sheet entry queued (the bad sheet queued nothing)"
finish
