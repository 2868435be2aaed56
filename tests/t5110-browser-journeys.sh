#!/usr/bin/env bash
# variants: release
# End to end, in headless Chromium, with JavaScript on and off: each form of
# the sample site (complaint, corruption, satisfaction) is filled and sent
# through lighttpd and the collector, lands on its thank-you page with a
# tracking code (complaint kinds; shown on the page when JavaScript is on),
# and is in the database.  After a rebuild against that database each code
# is found through the tracking page (JavaScript on and off), and the
# statistics pages change.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
[ -d "$TOP/node_modules/playwright-core" ] || { fail "node_modules missing: run make deps-node"; finish; }
ws_available lighttpd || { fail "lighttpd missing: make deps-test"; finish; }
site=$TEST_OUT/site db=$TEST_OUT/db/prongsai.db
mkdir -p "$TEST_OUT/db"
# the office's public key: a corruption report is refused without one (it is sealed whole)
pub=$("$PRONGSAI" inbox keygen --key "$TEST_OUT/inbox.key" 2>/dev/null) || fail "inbox keygen"
run_prongsai build -q -C "$TOP/content" -o "$site" --today 2026-11-24 --db "$db" --public-key "$pub" 2>"$TEST_OUT/build.err"
expect_eq "$?" 0 "sample site builds with --db"
mkdir -p "$TEST_OUT/before"
for d in complaints surveys; do [ -d "$site/$d" ] && cp -r "$site/$d" "$TEST_OUT/before/"; done
ws_start lighttpd "$site" "$db" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }
trap ws_stop EXIT
for js in on off; do
	BASE_URL=$WS_URL/ SITE_DIR=$site OUT_DIR=$TEST_OUT JS=$js node "$TOP/tests/browser/journeys.mjs"
	expect_eq "$?" 0 "every form sent with JavaScript $js"
done
ws_stop
trap - EXIT
# each submission is in the database, under its form, with its code
cat "$TEST_OUT"/submissions-*.txt >"$TEST_OUT/sent.txt" 2>/dev/null
n_sent=$(wc -l <"$TEST_OUT/sent.txt")
[ "$n_sent" -ge 6 ] && pass "$n_sent submissions sent" || fail "only $n_sent submissions sent"
while read -r form code; do
	if [ "$code" = - ]; then continue; fi
	got=$(sqlite3 "$db" "SELECT form_id FROM submissions WHERE code = '$code'")
	expect_eq "$got" "$form" "code $code stored for $form"
done <"$TEST_OUT/sent.txt"
for form in $(cut -d' ' -f1 "$TEST_OUT/sent.txt" | sort -u); do
	want=$(grep -c "^$form " "$TEST_OUT/sent.txt")
	got=$(sqlite3 "$db" "SELECT count(*) FROM submissions WHERE form_id = '$form'")
	expect_eq "$got" "$want" "$form: one row per submission"
done
# rebuild against the database
run_prongsai build -q -C "$TOP/content" -o "$site" --today 2026-11-24 --db "$db" --public-key "$pub" \
	2>>"$TEST_OUT/build.err"
expect_eq "$?" 0 "site rebuilds with the submissions in the database"
# The tracking page and the statistics (issue 4): once the generator makes
# track/, each code is looked up there in the browser (JavaScript on and
# off), and the statistics pages differ from those built before.
if [ -d "$site/track" ]; then
	ws_start lighttpd "$site" "$db" "$TEST_OUT/run2" || { fail "lighttpd did not start again"; finish; }
	trap ws_stop EXIT
	for js in on off; do
		BASE_URL=$WS_URL/ CODES=$TEST_OUT/sent.txt JS=$js node "$TOP/tests/browser/track.mjs"
		expect_eq "$?" 0 "tracking codes found with JavaScript $js"
	done
	ws_stop
	trap - EXIT
	for d in complaints surveys; do
		[ -d "$TEST_OUT/before/$d" ] || continue
		if diff -rq "$TEST_OUT/before/$d" "$site/$d" >/dev/null; then fail "$d/ statistics unchanged by the submissions"
		else pass "$d/ statistics show the submissions"; fi
	done
else
	echo "todo: no track/ in the built site yet (issue 4); journeys stop at the database"
fi
finish
