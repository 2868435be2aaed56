#!/usr/bin/env bash
# variants: release
# What a person came for, seen in headless Chromium (tests/browser/sees.mjs):
# the executives, real tables, the dashboard's first screen, phones (menu,
# cards, chart text, SVG clipping, layout shift), absence wording, search,
# rating a project from its page without JavaScript.
# The sample site is built for --today 2026-11-24 and served by lighttpd.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
[ -d "$TOP/node_modules/playwright-core" ] || { fail "node_modules missing: run make deps-node"; finish; }
[ -x /usr/bin/chromium ] || { fail "chromium missing: make deps-test"; finish; }
ws_available lighttpd || { fail "lighttpd missing: make deps-test"; finish; }
site=$TEST_OUT/site
mkdir -p "$TEST_OUT/db"
run_prongsai build -q -C "$TOP/content" -o "$site" --today 2026-11-24 --db "$TEST_OUT/db/prongsai.db" 2>"$TEST_OUT/build.err"
expect_eq "$?" 0 "sample site builds"
# #11.9 a corruption report's code appears only on its own tracking page
for code in $(sed -n 's/.*form: corruption, code: \([0-9A-Z-]*\).*/\1/p' "$TOP/content/sample-submissions.yaml"); do
	found=$(grep -rlF -- "$code" "$site" | grep -v "^$site/track/$code/")
	expect_eq "$found" "" "corruption code $code listed nowhere but its tracking page"
done
# #11.6 in December no project has reported yet: the dashboard names the owners
run_prongsai build -q -C "$TOP/content" -o "$TEST_OUT/december" --today 2026-12-20 2>/dev/null
expect_eq "$?" 0 "sample site builds for 2026-12-20"
sed -n '/id="alert-unreported"/,/<\/li>/p' "$TEST_OUT/december/dashboard/index.html" >"$TEST_OUT/unreported.html"
expect_grep "ยังไม่รายงานเดือน ธ.ค. 2569" "$TEST_OUT/unreported.html" "dashboard: the month without reports"
expect_grep "นางรัชนี พรหมวงศ์ (1)" "$TEST_OUT/unreported.html" "dashboard: projects without a report, by owner"
ws_start lighttpd "$site" "$TEST_OUT/db/prongsai.db" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }
trap ws_stop EXIT
BASE_URL=$WS_URL/ SITE_DIR=$site OUT_DIR=$TEST_OUT node "$TOP/tests/browser/sees.mjs"
expect_eq "$?" 0 "each page shows what a person came for (details above)"
# #11.13 the rating sent from the project page names the project
expect_eq "$(sqlite3 "$TEST_OUT/db/prongsai.db" "SELECT value FROM submission_values WHERE name = 'project'")" 2569-001 \
	"the rating from project 2569-001's page is stored with its project"
finish
