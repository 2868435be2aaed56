#!/usr/bin/env bash
# variants: release
# The web servers' logs do not identify a reporter (issue 19.1).  Through
# each of lighttpd, Apache and nginx+fcgiwrap (docs/webserver/), headless
# Chromium sends every form of the sample site (JavaScript on and off),
# follows the redirect to the collector's answer or the thank-you page,
# looks each tracking code up on the tracking page before the rebuild (the
# collector says when its page appears) and after it; a code without a
# page is asked for too.  Then no log of the server (access, error, the CGI's
# stderr) holds a tracking code, and no line about a form, a thank-you
# page, a tracking page, an asset or the collector carries a client address
# or a time of day.  Ordinary pages visited on the way are still logged
# with the address, so the check sees the log.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
. "$TOP/tests/lib/webserver"
[ -d "$TOP/node_modules/playwright-core" ] || { fail "node_modules missing: run make deps-node"; finish; }
[ -x /usr/bin/chromium ] || { fail "chromium missing: make deps-test"; finish; }
trap ws_stop EXIT

suite() {
	local K=$1 out=$TEST_OUT/$1 js logs code bare lines
	cl_setup "$out" || return
	ws_start "$K" "$CL_PUBLIC" "$CL_DB" "$out/run" || { fail "$K: server did not start"; return; }
	for js in on off; do
		BASE_URL=$WS_URL/ SITE_DIR=$CL_PUBLIC OUT_DIR=$out JS=$js node "$TOP/tests/browser/journeys.mjs"
		expect_eq "$?" 0 "$K: every form sent with JavaScript $js"
	done
	cat "$out"/submissions-*.txt | awk '$2 != "-"' >"$out/codes.txt"
	n=$(wc -l <"$out/codes.txt")
	[ "$n" -ge 2 ] && pass "$K: $n tracking codes" || fail "$K: only $n tracking codes"
	# stored, not built yet: the lookup answers (issue 11.5), its address
	# (the collector's, with the code) reaches no log either
	for js in on off; do
		BASE_URL=$WS_URL/ CODES=$out/codes.txt JS=$js PENDING=1 node "$TOP/tests/browser/track.mjs"
		expect_eq "$?" 0 "$K: codes not built yet answered with JavaScript $js"
	done
	"$PRONGSAI" build -q -C "$TOP/content" -o "$CL_PUBLIC" --db "$CL_DB" --public-key "$CL_PUB" \
		>>"$out/build.log" 2>&1 || fail "$K: rebuild with the submissions"
	for js in on off; do
		BASE_URL=$WS_URL/ CODES=$out/codes.txt JS=$js node "$TOP/tests/browser/track.mjs"
		expect_eq "$?" 0 "$K: tracking pages found with JavaScript $js"
	done
	# a code whose page is not built yet: the site's 404 page
	expect_eq "$(curl -s -o /dev/null -w '%{http_code}' "$WS_URL/track/ZZZZ-ZZZZ-ZZZZ-ZZZZ/")" 404 "$K: unbuilt tracking page"
	echo "complaint ZZZZ-ZZZZ-ZZZZ-ZZZZ" >>"$out/codes.txt"
	# ordinary pages
	for p in / /news/; do curl -s -o /dev/null "$WS_URL$p"; done
	ws_stop # flushes the logs
	logs=("$out/run/"*.log)

	while read -r _ code; do
		bare=${code//-/}
		if grep -qiF -e "$code" -e "$bare" "${logs[@]}"; then
			fail "$K: tracking code $code in a log: $(grep -iF -e "$code" -e "$bare" "${logs[@]}" | head -2)"
		else
			pass "$K: tracking code $code in no log"
		fi
	done <"$out/codes.txt"
	lines=$(grep -hE '/+(forms|track|assets)(/|[ ?"]|$)|thanks|collect\.cgi' "${logs[@]}" |
		grep -E '127\.0\.0\.1|[0-9][0-9]:[0-9][0-9]:[0-9][0-9]')
	expect_eq "$lines" "" "$K: no form, thank-you, tracking, asset or collector line with an address or a time"
	if grep -qE '^127\.0\.0\.1 .*"GET /(index\.html)? ' "$out/run/access.log" &&
		grep -qE '^127\.0\.0\.1 .*"GET /news/(index\.html)? ' "$out/run/access.log"; then
		pass "$K: ordinary pages are logged with the address"
	else
		fail "$K: ordinary pages not in the access log: $(head -3 "$out/run/access.log")"
	fi
}

ws_each_server suite
finish
