#!/usr/bin/env bash
# The collector run directly as a CGI (RFC 3875), for what a web server would
# not let through: missing, non-numeric, negative and absurd CONTENT_LENGTH,
# bodies shorter than announced, no configuration.  Every refusal is checked
# to have written nothing.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"

cl_setup "$TEST_OUT/site" || finish
URL=application/x-www-form-urlencoded
# the defaults when site.yaml says nothing
settings() { sqlite3 "$1" "SELECT group_concat(key || '=' || value, ' ') FROM (SELECT key, value FROM settings
	WHERE key IN ('rate_limit_per_hour', 'repeat_window_s', 'busy_timeout_ms', 'thanks_base') ORDER BY key)"; }
expect_eq "$(settings "$CL_DB")" "busy_timeout_ms=5000 rate_limit_per_hour=300 repeat_window_s=600 thanks_base=" \
	"defaults without collector_settings"
GOOD='subject=%E0%B8%96%E0%B8%99%E0%B8%99%E0%B8%8A%E0%B8%B3%E0%B8%A3%E0%B8%B8%E0%B8%94&detail=line1%0D%0Aline2&district=dan-sai&category=service&consent=yes&website='

# expect STATUS WHAT METHOD PATH CTYPE BODY [VAR=VALUE...]: the status, and
# that nothing was written
expect() {
	local want=$1 what=$2 before out
	shift 2
	before=$(cl_state)
	out=$(cl_cgi "$@" 2>"$TEST_OUT/stderr")
	expect_eq "$(cl_status "$out")" "$want" "$what: status"
	[ "$want" = 303 ] || expect_eq "$(cl_state)" "$before" "$what: nothing written"
	printf '%s\n' "$out" >"$TEST_OUT/last"
}

# CONTENT_LENGTH (RFC 3875 §4.1.2)
expect 411 "missing CONTENT_LENGTH" POST /complaint "$URL" "$GOOD" CONTENT_LENGTH=
expect 411 "a chunked body passed on without CONTENT_LENGTH" POST /complaint "$URL" "$GOOD" CONTENT_LENGTH= HTTP_TRANSFER_ENCODING=chunked
grep -q "411 form=complaint: no CONTENT_LENGTH (chunked body)" "$TEST_OUT/stderr" && pass "411 logged" || fail "411 not logged"
expect 400 "non-numeric CONTENT_LENGTH" POST /complaint "$URL" "$GOOD" CONTENT_LENGTH=abc
expect 400 "negative CONTENT_LENGTH" POST /complaint "$URL" "$GOOD" CONTENT_LENGTH=-1
expect 400 "CONTENT_LENGTH with a sign" POST /complaint "$URL" "$GOOD" CONTENT_LENGTH=+10
expect 400 "CONTENT_LENGTH with a space" POST /complaint "$URL" "$GOOD" "CONTENT_LENGTH= 10"
expect 413 "CONTENT_LENGTH past any integer" POST /complaint "$URL" "$GOOD" \
	CONTENT_LENGTH=999999999999999999999999999999999999999999
expect 413 "CONTENT_LENGTH 2^64" POST /complaint "$URL" "$GOOD" CONTENT_LENGTH=18446744073709551616
expect 413 "CONTENT_LENGTH one past the form's cap" POST /satisfaction "$URL" "x" CONTENT_LENGTH=65537
# decided before reading: the body is not even there
out=$(printf '' | env -i PRONGSAI_DB="$CL_DB" REQUEST_METHOD=POST PATH_INFO=/complaint CONTENT_TYPE=$URL \
	CONTENT_LENGTH=16000001 SCRIPT_NAME=/cgi-bin/collect.cgi timeout 10 "$COLLECT_CGI")
expect_eq "$(cl_status "$out")" 413 "413 without any body"
expect 400 "body shorter than CONTENT_LENGTH" POST /complaint "$URL" "$GOOD" CONTENT_LENGTH=$(( ${#GOOD} + 10 ))
# a longer body than announced: only CONTENT_LENGTH bytes are read (RFC 3875 §4.2)
n=$(cl_count)
S='website=&speed=5&courtesy=5&clarity=5&process=5&transparency=5&overall=5&comment=hel'
out=$(cl_cgi POST /satisfaction "$URL" "${S}lo" CONTENT_LENGTH=${#S} 2>/dev/null)
expect_eq "$(cl_status "$out")" 303 "extra bytes after CONTENT_LENGTH are not read"
expect_eq "$(sqlite3 "$CL_DB" "SELECT value FROM submission_values WHERE name='comment' ORDER BY submission_id DESC LIMIT 1")" \
	"hel" "the value ends where CONTENT_LENGTH does"
cl_setting repeat_window_s 0

# the seccomp sandbox cannot be installed (prctl fails, injected with strace):
# 503, logged, nothing stored; PRONGSAI_ALLOW_UNSANDBOXED=1 allows it
if command -v strace >/dev/null; then
	printf '#!/bin/sh\nexec strace -f -qq -o /dev/null -e trace=prctl -e inject=prctl:error=EPERM %s "$@"\n' \
		"$COLLECT_CGI" >"$TEST_OUT/nosandbox.cgi"
	chmod +x "$TEST_OUT/nosandbox.cgi"
	REAL_CGI=$COLLECT_CGI
	COLLECT_CGI=$TEST_OUT/nosandbox.cgi
	expect 503 "no seccomp sandbox: 503" POST /complaint "$URL" "${GOOD/line1/nosandbox}"
	grep -q "503 form=complaint: parser: the seccomp sandbox could not be installed" "$TEST_OUT/stderr" &&
		pass "no seccomp sandbox: logged" || fail "no seccomp sandbox: not logged"
	out=$(cl_cgi POST /complaint "$URL" "${GOOD/line1/unsandboxed}" PRONGSAI_ALLOW_UNSANDBOXED=1 2>/dev/null)
	expect_eq "$(cl_status "$out")" 303 "PRONGSAI_ALLOW_UNSANDBOXED=1: accepted without the sandbox"
	COLLECT_CGI=$REAL_CGI
else
	fail "strace is missing (make deps-test)"
fi

# routing and method
expect 404 "no form id" POST "" "$URL" "$GOOD"
expect 404 "unknown form" POST /nosuch "$URL" "$GOOD"
expect 404 "form id with a path" POST /../../etc/passwd "$URL" "$GOOD"
expect 404 "form id with a slash" POST /complaint/x "$URL" "$GOOD"
expect 405 "GET a form" GET /complaint "" ""
grep -q '^Allow: POST' "$TEST_OUT/last" && pass "405 has Allow: POST" || fail "405 without Allow: POST"
expect 405 "PUT a form" PUT /complaint "$URL" "$GOOD"
expect 405 "POST /health" POST /health "$URL" "x"
out=$(cl_cgi GET /health "" "")
expect_eq "$(cl_status "$out")" 200 "GET /health"
out=$(cl_cgi HEAD /health "" "")
expect_eq "$(cl_status "$out")" 200 "HEAD /health"

# content types and encodings
expect 415 "no content type" POST /complaint "" "$GOOD"
expect 415 "text/plain" POST /complaint "text/plain" "$GOOD"
expect 415 "JSON body" POST /complaint "application/json" '{"subject":"x"}'
expect 415 "another charset" POST /complaint "$URL; charset=TIS-620" "$GOOD"
expect 400 "multipart without boundary" POST /complaint "multipart/form-data" "$GOOD"
expect 400 "bad percent-encoding" POST /complaint "$URL" "${GOOD}%4"
expect 400 "invalid UTF-8" POST /complaint "$URL" "${GOOD/line2/%FF%FE}"
expect 400 "control character" POST /complaint "$URL" "${GOOD/subject=/subject=%07}"
expect 400 "line break in a one-line field" POST /complaint "$URL" "${GOOD/subject=/subject=a%0Ab}"
expect 422 "missing fields" POST /complaint "$URL" "consent=yes"
grep -q 'subject' "$TEST_OUT/last" && grep -q 'detail' "$TEST_OUT/last" && pass "422 names each field" ||
	fail "422 does not name the fields"
grep -q 'กรุณาแก้ไขข้อมูลต่อไปนี้' "$TEST_OUT/last" && grep -q 'Please correct' "$TEST_OUT/last" &&
	pass "422 page in Thai and English" || fail "422 page is not in Thai and English"

# JSON errors
out=$(cl_cgi POST /complaint "$URL" "consent=no" HTTP_ACCEPT=application/json)
expect_eq "$(cl_status "$out")" 422 "JSON 422"
body=$(printf '%s\n' "$out" | sed '1,/^\r*$/d')
if printf '%s' "$body" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["status"]==422; assert {f["name"] for f in d["fields"]} >= {"subject","detail","consent"}; assert d["message_th"] and d["message_en"]'; then
	pass "JSON body parses and names the fields"
else
	fail "JSON body: $body"
fi

# Origin (RFC 6454, common/origin.h): only the configured origins (base_url,
# build --origin), never the request's own Host, which DNS rebinding controls
expect_eq "$(sqlite3 "$CL_DB" "SELECT value FROM settings WHERE key = 'origins'")" https://loei.example.go.th \
	"base_url's origin installed"
expect 403 "foreign Origin" POST /complaint "$URL" "$GOOD" HTTP_ORIGIN=https://evil.example
expect 403 "Origin null" POST /complaint "$URL" "$GOOD" HTTP_ORIGIN=null
expect 403 "DNS rebinding: Origin equal to the request's Host" POST /complaint "$URL" "$GOOD" \
	HTTP_HOST=rebind.example:8080 HTTP_ORIGIN=http://rebind.example:8080
expect 403 "DNS rebinding: no Origin, Referer on the request's Host" POST /complaint "$URL" "$GOOD" \
	HTTP_HOST=rebind.example:8080 HTTP_REFERER=http://rebind.example:8080/forms/complaint/
expect 403 "the request's own origin when not configured" POST /complaint "$URL" "$GOOD" \
	HTTP_ORIGIN=http://127.0.0.1:8080
expect 403 "a foreign Origin with the site's Referer" POST /complaint "$URL" "$GOOD" \
	HTTP_ORIGIN=https://evil.example HTTP_REFERER=https://loei.example.go.th/forms/complaint/
n=$(cl_count)
expect 303 "the site's own Origin (base_url)" POST /complaint "$URL" "$GOOD" HTTP_ORIGIN=https://loei.example.go.th
expect_eq "$(cl_count)" $((n + 1)) "a valid submission is stored"
expect 303 "no Origin, the site's Referer" POST /complaint "$URL" "${GOOD/detail=/detail=ref}" \
	HTTP_REFERER=https://loei.example.go.th/forms/complaint/
expect 303 "neither Origin nor Referer (not a browser's post)" POST /complaint "$URL" "${GOOD/detail=/detail=none}"
# build --origin adds one (how make serve and the tests' servers take posts)
"$PRONGSAI" build -q -C "$TOP/content" -o "$CL_PUBLIC" --db "$CL_DB" --public-key "$CL_PUB" \
	--origin http://127.0.0.1:8080/ >"$TEST_OUT/build.log" 2>&1 || fail "build --origin"
expect_eq "$(sqlite3 "$CL_DB" "SELECT value FROM settings WHERE key = 'origins'")" \
	"https://loei.example.go.th http://127.0.0.1:8080" "build --origin: base_url's and the extra origin"
"$PRONGSAI" build -q -C "$TOP/content" -o "$TEST_OUT/unused" --origin ftp://x >"$TEST_OUT/build.log" 2>&1
expect_eq $? 2 "build --origin ftp://x: usage error"
grep -q -- "--origin ต้องเป็น URL" "$TEST_OUT/build.log" && pass "--origin error in Thai" || fail "--origin error"
n=$(cl_count)
out=$(cl_cgi POST /complaint "$URL" "${GOOD}&name=x" HTTP_ORIGIN=http://127.0.0.1:8080)
expect_eq "$(cl_status "$out")" 303 "a configured --origin"
loc=$(printf '%s\n' "$out" | sed -n 's/^Location: //p' | tr -d '\r')
case $loc in
/cgi-bin/collect.cgi/track\?code=[0-9A-Z][0-9A-Z][0-9A-Z][0-9A-Z]-*) pass "Location: $loc" ;;
*) fail "bad Location: $loc" ;;
esac
code=${loc#*code=}
expect_eq "$(cl_count "code = '$code'")" 1 "the tracking code is in the database"
# the site root is SCRIPT_NAME minus the collector path
out=$(cl_cgi POST /satisfaction "$URL" "speed=4&courtesy=4&clarity=4&process=4&transparency=4&overall=4&website=" \
	SCRIPT_NAME=/loei/cgi-bin/collect.cgi)
expect_eq "$(printf '%s\n' "$out" | sed -n 's/^Location: //p' | tr -d '\r')" \
	/loei/forms/satisfaction/thanks/index.html "survey: Location under the site root, no code"
# the survey's project (issue 11.13): the build installed every project id
# as its choices; an unknown one is refused with 400 and a Thai message
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM form_choices WHERE form_id = 'satisfaction' AND field_name = 'project'")" \
	"$(find "$TOP/content/projects" -name '*.md' | wc -l)" "every project id installed as a choice of the survey"
S='website=&speed=4&courtesy=4&clarity=4&process=4&transparency=4&overall=4'
expect 400 "survey with an unknown project id" POST /satisfaction "$URL" "$S&project=2569-999"
grep -q 'ไม่มีโครงการรหัสนี้' "$TEST_OUT/last" && pass "unknown project: Thai message" || fail "unknown project: $(cat "$TEST_OUT/last")"
expect 303 "survey rating project 2569-001" POST /satisfaction "$URL" "$S&project=2569-001"

# not configured: 503, and the page says what to do
for db in "" "$TEST_OUT/nosuch.db" "$TEST_OUT"; do
	out=$(printf '%s' "$GOOD" | env -i PRONGSAI_DB="$db" REQUEST_METHOD=POST PATH_INFO=/complaint CONTENT_TYPE=$URL \
		CONTENT_LENGTH=${#GOOD} "$COLLECT_CGI" 2>"$TEST_OUT/stderr")
	expect_eq "$(cl_status "$out")" 503 "PRONGSAI_DB=[$db]: 503"
	printf '%s' "$out" | grep -q 'Retry-After' && pass "503 has Retry-After" || fail "503 without Retry-After"
	[ -s "$TEST_OUT/stderr" ] && pass "503 is logged" || fail "503 is not logged"
done
[ ! -e "$TEST_OUT/nosuch.db" ] && pass "the collector never creates the database" || fail "nosuch.db was created"
sqlite3 "$TEST_OUT/empty.db" "PRAGMA user_version=0" && touch "$TEST_OUT/empty.db"
out=$(printf '' | env -i PRONGSAI_DB="$TEST_OUT/empty.db" REQUEST_METHOD=GET PATH_INFO=/health "$COLLECT_CGI" 2>/dev/null)
expect_eq "$(cl_status "$out")" 503 "health of an uninstalled database: 503"

# personal fields without a public key are refused by name; anonymous works
cl_setting public_key ""
expect 422 "personal field without a key" POST /complaint "$URL" "${GOOD}&phone=0812345678"
grep -q 'phone' "$TEST_OUT/last" && pass "the refusal names the field" || fail "no field named"
expect 303 "anonymous without a key" POST /complaint "$URL" "${GOOD/line1/anon}"

# the response headers every answer carries
out=$(cl_cgi POST /complaint "$URL" "x=1")
for h in 'Cache-Control: no-store' 'X-Content-Type-Options: nosniff' "Content-Security-Policy: default-src 'none'" \
	'Referrer-Policy: no-referrer'; do
	printf '%s' "$out" | grep -qF "$h" && pass "header $h" || fail "missing header $h"
done
# the tracking code must not leak through Referer: the redirect to the
# thank-you page and the collector's own pages say so (header and meta)
for req in "POST /complaint $URL ${GOOD/line1/referrer}" "GET /track  " "GET /health  " "POST /nosuch $URL x"; do
	set -- $req
	out=$(cl_cgi "$1" "$2" "${3:-}" "${4:-}" 2>/dev/null)
	printf '%s' "$out" | grep -qF 'Referrer-Policy: no-referrer' && pass "$1 $2 ($(cl_status "$out")): Referrer-Policy" ||
		fail "$1 $2: no Referrer-Policy header"
done
out=$(cl_cgi POST /nosuch "$URL" x 2>/dev/null)
printf '%s' "$out" | grep -qF '<meta name="referrer" content="no-referrer">' && pass "error page: referrer meta" ||
	fail "error page without the referrer meta"
for p in forms/complaint/thanks/index.html track/index.html; do
	grep -qF '<meta name="referrer" content="no-referrer">' "$CL_PUBLIC/$p" && pass "$p: referrer meta" ||
		fail "$p: no referrer meta"
done
grep -qF 'name="referrer"' "$CL_PUBLIC/forms/complaint/index.html" && fail "the form page got the referrer meta" ||
	pass "other pages keep the default referrer policy"

# site.yaml collector_settings reach the database and the collector; build
# --db makes the database's missing folders (0700)
cp -r "$TOP/content" "$TEST_OUT/content2"
cat >>"$TEST_OUT/content2/site.yaml" <<'Y'
collector_settings:
  rate_limit_per_hour: 2
  repeat_window_seconds: 0
  busy_timeout_ms: 2500
  thanks_base: "https://www.example.go.th/loei"
Y
DB2=$TEST_OUT/var/lib/prongsai/collect.db
"$PRONGSAI" build -q -C "$TEST_OUT/content2" -o "$TEST_OUT/public2" --db "$DB2" 2>"$TEST_OUT/build2.err"
expect_eq "$?" 0 "build --db into a folder that does not exist"
expect_eq "$(stat -c %a "$TEST_OUT/var/lib/prongsai"):$(stat -c %a "$TEST_OUT/var/lib"):$(stat -c %a "$TEST_OUT/var")" \
	700:700:700 "the missing folders are made 0700"
expect_eq "$(settings "$DB2")" \
	"busy_timeout_ms=2500 rate_limit_per_hour=2 repeat_window_s=0 thanks_base=https://www.example.go.th/loei/" \
	"collector_settings installed"
LIVE_DB=$CL_DB
CL_DB=$DB2
for i in 1 2 3; do
	out=$(cl_cgi POST /complaint "$URL" "${GOOD/line1/limit$i}" 2>/dev/null)
	st[$i]=$(cl_status "$out")
	[ "$i" = 1 ] && loc=$(printf '%s\n' "$out" | sed -n 's/^Location: //p' | tr -d '\r')
done
expect_eq "${st[1]} ${st[2]} ${st[3]}" "303 303 429" "rate_limit_per_hour: 2 lets two through"
# the collector's own answer (on its host) links the site under thanks_base
out=$(cl_cgi GET /track '' '' QUERY_STRING="${loc#*\?}")
case $loc in
/cgi-bin/collect.cgi/track\?code=*) pass "complaint: the collector's own answer: $loc" ;;
*) fail "complaint: Location $loc" ;;
esac
printf '%s' "$out" | grep -q "href=\"https://www.example.go.th/loei/track/${loc#*code=}/index.html\"" &&
	pass "thanks_base used for the tracking page" || fail "thanks_base not used: $out"
printf '%s' "$out" | grep -q "script-src 'self' https://www.example.go.th;" &&
	pass "CSP allows the site's origin for its assets" || fail "CSP: $(printf '%s' "$out" | grep -a Content-Security)"
CL_DB=$LIVE_DB
sed -i 's/rate_limit_per_hour: 2/rate_limit_per_hour: 0/' "$TEST_OUT/content2/site.yaml"
"$PRONGSAI" build -q -C "$TEST_OUT/content2" -o "$TEST_OUT/public2" --db "$DB2" 2>"$TEST_OUT/build2.err"
expect_eq "$(sqlite3 "$DB2" "SELECT value FROM settings WHERE key = 'rate_limit_per_hour'")" 0 \
	"rate_limit_per_hour: 0 is stored as no limit"
# a parent that is a file: refused, nothing built
: >"$TEST_OUT/afile"
"$PRONGSAI" build -q -C "$TEST_OUT/content2" -o "$TEST_OUT/public3" --db "$TEST_OUT/afile/x.db" 2>"$TEST_OUT/build3.err"
expect_eq "$?" 1 "build --db under a regular file exits 1"
expect_grep 'not a directory' "$TEST_OUT/build3.err" "... and says why"
[ ! -e "$TEST_OUT/public3" ] && pass "... and builds nothing" || fail "public3 was built"
finish
