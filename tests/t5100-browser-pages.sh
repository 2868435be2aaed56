#!/usr/bin/env bash
# variants: release
# Every page of the sample site, served by lighttpd with the collector, in
# headless Chromium (playwright-core, Debian's chromium): loads with no
# console error, no failed request, no request leaving 127.0.0.1 and no
# violation of the Content-Security-Policy of docs/webserver/; does
# not scroll sideways at 360x640; axe-core finds no WCAG 2.1 A/AA
# violation.  Screenshots of one page per page type at 360 and 1280 wide
# are kept in tests/out/release/t5100-browser-pages/screenshots/.  The
# site has the user manual (manual/, text only: docs/manual.md).
# Needs `make deps-node` (make test runs it).
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
[ -d "$TOP/node_modules/playwright-core" ] && [ -d "$TOP/node_modules/axe-core" ] \
	|| { fail "node_modules missing: run make deps-node"; finish; }
[ -x /usr/bin/chromium ] || { fail "chromium missing: make deps-test"; finish; }
ws_available lighttpd || { fail "lighttpd missing: make deps-test"; finish; }
site=$TEST_OUT/site
mkdir -p "$TEST_OUT/db"
run_prongsai build -q -C "$TOP/content" -o "$site" --today 2026-11-24 --db "$TEST_OUT/db/prongsai.db" \
	--manual "$TOP/docs/manual" 2>"$TEST_OUT/build.err"
expect_eq "$?" 0 "sample site builds"
ws_start lighttpd "$site" "$TEST_OUT/db/prongsai.db" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }
trap ws_stop EXIT
BASE_URL=$WS_URL/ SITE_DIR=$site OUT_DIR=$TEST_OUT node "$TOP/tests/browser/pages.mjs"
expect_eq "$?" 0 "pages load clean, fit 360px and pass axe (details above; $TEST_OUT/axe-results.json)"
n=$(ls "$TEST_OUT/screenshots" 2>/dev/null | wc -l)
[ "$n" -ge 2 ] && pass "$n screenshots kept" || fail "no screenshots in $TEST_OUT/screenshots"
finish
