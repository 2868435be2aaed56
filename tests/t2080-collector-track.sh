#!/usr/bin/env bash
# GET <script>/track?code=CODE (issue 11.5).  Right after a complaint the
# collector sends the browser to its own answer (not to a static page with
# the code in its address): a page that shows the code without JavaScript
# (never wrapped, a Sarabun font stack, a copy button left hidden for
# copy.js), when it was received and that its tracking page appears after
# the next site update, with the link.  A code typed in any case, with
# spaces, that the live site was built with: 303 to its tracking page; one
# stored since the last build: that same 200 answer instead of a 404;
# anything else 404 with a Thai message.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
cl_setup "$TEST_OUT/c" || finish
r=$(cl_cgi POST /complaint application/x-www-form-urlencoded 'subject=s&detail=d&consent=yes&website=')
expect_eq "$(cl_status "$r")" 303 "complaint accepted"
code=$(sqlite3 "$CL_DB" "SELECT code FROM submissions LIMIT 1")
printf '%s' "$r" | grep -q "^Location: /cgi-bin/collect.cgi/track?code=$code"$'\r'"\?$" &&
	pass "a complaint goes to the collector's own answer" || fail "Location: $(printf '%s' "$r" | grep -a ^Location)"
expect_eq "$(sqlite3 "$CL_DB" "SELECT value FROM settings WHERE key = 'built_through'")" 0 "built_through: nothing built yet"

# stored, not built yet: 200, the code and when its page appears
typed=$(printf '%s' "$code" | tr 'A-Z-' 'a-z+')
r=$(cl_cgi GET /track '' '' QUERY_STRING="code=$typed")
expect_eq "$(cl_status "$r")" 200 "a code stored since the last build: 200, not 404"
printf '%s' "$r" >"$TEST_OUT/pending.html"
expect_grep "<strong class=\"code\" id=\"tracking-code\">$code</strong>" "$TEST_OUT/pending.html" "the code is on the page (no JavaScript needed)"
expect_grep "รับเรื่องแล้วเมื่อ $(TZ=Asia/Bangkok date +%d/%m/)$(( $(TZ=Asia/Bangkok date +%Y) + 543 )) เวลา" "$TEST_OUT/pending.html" "received when (Thai date)"
expect_grep "หน้าติดตามจะปรากฏภายใน" "$TEST_OUT/pending.html" "says when the tracking page appears"
expect_grep "href=\"/track/$code/index.html\"" "$TEST_OUT/pending.html" "links its tracking page"
expect_grep "white-space:nowrap" "$TEST_OUT/pending.html" "the code does not wrap"
expect_grep "font-family:ui-monospace,Menlo,Consolas,Sarabun" "$TEST_OUT/pending.html" ".code font stack includes Sarabun"
expect_grep 'data-copy="tracking-code" hidden' "$TEST_OUT/pending.html" "copy button, hidden without JavaScript"
expect_grep 'src="/assets/js/copy.js"' "$TEST_OUT/pending.html" "copy.js from the site's assets"
expect_grep "script-src 'self'" "$TEST_OUT/pending.html" "CSP lets only the site's own script run"
expect_no_grep "<script>" "$TEST_OUT/pending.html" "no inline script"
expect_grep "ได้รับเรื่องร้องเรียนของท่านแล้ว" "$TEST_OUT/pending.html" "the form's thank-you text"
expect_no_grep "ส่งซ้ำ" "$TEST_OUT/pending.html" "no repeat note"
r=$(cl_cgi GET /track '' '' QUERY_STRING="code=$code&repeat=1")
printf '%s' "$r" | grep -q "ส่งซ้ำ" && pass "repeat=1: the repeat note" || fail "repeat=1: no repeat note"
r=$(cl_cgi GET /track '' '' QUERY_STRING="code=$code" HTTP_ACCEPT=application/json)
printf '%s' "$r" | grep -q "\"code\":\"$code\",\"built\":false" && pass "JSON: built false" || fail "JSON: $r"

# the build that reads it: built_through, and the lookup goes to its page
"$PRONGSAI" build -q -C "$TOP/content" -o "$CL_PUBLIC" --db "$CL_DB" --public-key "$CL_PUB" >/dev/null 2>&1 ||
	fail "rebuild"
[ -f "$CL_PUBLIC/track/$code/index.html" ] && pass "the rebuild wrote the tracking page" || fail "no tracking page"
expect_eq "$(sqlite3 "$CL_DB" "SELECT value FROM settings WHERE key = 'built_through'")" \
	"$(sqlite3 "$CL_DB" "SELECT max(id) FROM submissions")" "built_through: the last id the build read"
r=$(cl_cgi GET /track '' '' QUERY_STRING="code=$typed")
expect_eq "$(cl_status "$r")" 303 "known code (lower case, + for spaces) 303"
printf '%s' "$r" | grep -q "^Location: /track/$code/index.html" && pass "Location is the tracking page" || fail "Location: $r"
r=$(cl_cgi GET /track '' '' QUERY_STRING="x=1&code=$code")
expect_eq "$(cl_status "$r")" 303 "code after another parameter"
# a second complaint after the build: pending again
r=$(cl_cgi POST /complaint application/x-www-form-urlencoded 'subject=s2&detail=d2&consent=yes&website=')
code2=$(sqlite3 "$CL_DB" "SELECT code FROM submissions ORDER BY id DESC LIMIT 1")
r=$(cl_cgi GET /track '' '' QUERY_STRING="code=$code2")
expect_eq "$(cl_status "$r")" 200 "a complaint after the build: 200 until the next"
# a survey has no code: the site's thank-you page
r=$(cl_cgi POST /satisfaction application/x-www-form-urlencoded 'website=&speed=5&courtesy=5&clarity=5&process=5&transparency=5&overall=5')
printf '%s' "$r" | grep -q "^Location: /forms/satisfaction/thanks/index.html" && pass "survey: the site's thank-you page" ||
	fail "survey: $(printf '%s' "$r" | grep -a ^Location)"

r=$(cl_cgi GET /track '' '' QUERY_STRING="code=AAAA-AAAA-AAAA-AAAA")
expect_eq "$(cl_status "$r")" 404 "invalid check symbol 404"
printf '%s' "$r" | grep -q 'ไม่พบรหัสติดตามเรื่องนี้' && pass "Thai message" || fail "no Thai message"
r=$(cl_cgi GET /track '' '' QUERY_STRING="code=%zz")
expect_eq "$(cl_status "$r")" 404 "bad percent-encoding 404"
r=$(cl_cgi GET /track '' '' QUERY_STRING="code=$(head -c 600 /dev/zero | tr '\0' 'A')")
expect_eq "$(cl_status "$r")" 404 "over-long query 404"
r=$(cl_cgi GET /track '' '')
expect_eq "$(cl_status "$r")" 404 "no query 404"
r=$(cl_cgi POST /track application/x-www-form-urlencoded "code=$code")
expect_eq "$(cl_status "$r")" 405 "POST to track 405"
expect_eq "$(cl_count)" 3 "nothing written by lookups"
finish
