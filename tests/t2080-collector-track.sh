#!/usr/bin/env bash
# GET <script>/track?code=CODE: 303 to the tracking page for a known code
# (typed in any case, with spaces), 404 with a Thai message otherwise.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
cl_setup "$TEST_OUT/c" || finish
r=$(cl_cgi POST /complaint application/x-www-form-urlencoded 'subject=s&detail=d&consent=yes&website=')
expect_eq "$(cl_status "$r")" 303 "complaint accepted"
code=$(sqlite3 "$CL_DB" "SELECT code FROM submissions LIMIT 1")
typed=$(printf '%s' "$code" | tr 'A-Z-' 'a-z+')
r=$(cl_cgi GET /track '' '' QUERY_STRING="code=$typed")
expect_eq "$(cl_status "$r")" 303 "known code (lower case, + for spaces) 303"
printf '%s' "$r" | grep -q "^Location: /track/$code/index.html" && pass "Location is the tracking page" || fail "Location: $r"
r=$(cl_cgi GET /track '' '' QUERY_STRING="x=1&code=$code")
expect_eq "$(cl_status "$r")" 303 "code after another parameter"
r=$(cl_cgi GET /track '' '' QUERY_STRING="code=AAAA-AAAA-AAAA-AAAA")
expect_eq "$(cl_status "$r")" 404 "invalid check symbol 404"
printf '%s' "$r" | grep -q 'ไม่พบรหัสติดตามเรื่องนี้' && pass "Thai message" || fail "no Thai message"
good_unknown=$(printf 'code=%s' "$code" | sed 's/.$//')
r=$(cl_cgi GET /track '' '' QUERY_STRING="code=%zz")
expect_eq "$(cl_status "$r")" 404 "bad percent-encoding 404"
r=$(cl_cgi GET /track '' '' QUERY_STRING="code=$(head -c 600 /dev/zero | tr '\0' 'A')")
expect_eq "$(cl_status "$r")" 404 "over-long query 404"
r=$(cl_cgi GET /track '' '')
expect_eq "$(cl_status "$r")" 404 "no query 404"
r=$(cl_cgi POST /track application/x-www-form-urlencoded "code=$code")
expect_eq "$(cl_status "$r")" 405 "POST to track 405"
expect_eq "$(cl_count)" 1 "nothing written by lookups"
finish
