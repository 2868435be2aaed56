#!/usr/bin/env bash
# variants: release
# The staff area through each web server configuration of docs/webserver/
# (lighttpd, Apache, nginx with fcgiwrap): the sign-in page and staff.cgi
# are noindex, a sign-in gives the session cookie, "my projects" and the
# form answer, a report is queued, a cross-site POST is refused, and
# logout ends the session.  t3010 goes through every case on lighttpd.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
trap ws_stop EXIT

for tool in curl sqlite3; do
	command -v $tool >/dev/null || { fail "$tool is not installed (make deps-test)"; finish; }
done

header() { sed -n "s/^$1: //Ip" "$D/resp.h" | tr -d '\r' | head -1; }
req() { # req WANT WHAT CURL-ARGS...
	local want=$1 what=$2 got
	shift 2
	got=$(curl -s -o "$D/resp.b" -D "$D/resp.h" -w '%{http_code}' "$@")
	expect_eq "$got" "$want" "$K: $what"
}

suite() {
	K=$1
	D=$TEST_OUT/$K
	mkdir -p "$D/db"
	WS_STAFF_DB=$D/db/staff.db
	"$PRONGSAI" build -q -C "$TOP/content" -o "$D/public" --db "$D/db/prongsai.db" --staff-db "$WS_STAFF_DB" \
		>"$D/build.log" 2>&1 || { fail "$K: build"; return; }
	printf 'a long password 1\n' | "$PRONGSAI" staff add suphaphon-c --staff-db "$WS_STAFF_DB" --password-stdin 2>/dev/null
	chmod 777 "$D/db" # Apache's fcgiwrap may run as another user: the WAL and key files
	chmod 666 "$WS_STAFF_DB"
	ws_start "$K" "$D/public" "$D/db/prongsai.db" "$D/run" || { fail "$K: server did not start"; return; }
	S=$WS_URL/staff/staff.cgi
	req 200 "sign-in page" "$WS_URL/staff/"
	case $(header X-Robots-Tag) in noindex*) pass "$K: sign-in page noindex" ;; *) fail "$K: no X-Robots-Tag on /staff/" ;; esac
	req 401 "no session" "$S/projects"
	case $(header X-Robots-Tag) in noindex*) pass "$K: staff.cgi noindex" ;; *) fail "$K: no X-Robots-Tag from staff.cgi" ;; esac
	req 403 "cross-site sign-in" -H "Origin: https://evil.example" --data-urlencode id=suphaphon-c \
		--data-urlencode "password=a long password 1" "$S/login"
	req 303 "sign in" -H "Origin: $WS_URL" --data-urlencode id=suphaphon-c --data-urlencode "password=a long password 1" "$S/login"
	TOK=$(header Set-Cookie | sed -n 's/^prongsai_staff=\([^;]*\);.*/\1/p')
	[ ${#TOK} -eq 43 ] && pass "$K: session cookie" || fail "$K: no session cookie"
	req 200 "my projects" -b "prongsai_staff=$TOK" "$S/projects"
	expect_grep "report?project=2570-001" "$D/resp.b" "$K: the officer's project is listed"
	req 200 "the form" -b "prongsai_staff=$TOK" "$S/report?project=2570-001"
	CS=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$D/resp.b" | head -1)
	BE=$(TZ=Asia/Bangkok date +%-d/%-m/)$(($(TZ=Asia/Bangkok date +%Y) + 543))
	req 403 "cross-site report" -b "prongsai_staff=$TOK" -H "Origin: https://evil.example" -F "csrf=$CS" \
		-F project=2570-001 -F "date=$BE" -F percent=20 -F disbursed=60000 "$S/report"
	req 303 "a report" -b "prongsai_staff=$TOK" -H "Origin: $WS_URL" -F "csrf=$CS" -F project=2570-001 \
		-F "date=$BE" -F percent=20 -F disbursed=60000 -F "narrative=ทดสอบ $K" "$S/report"
	expect_eq "$(sqlite3 "$WS_STAFF_DB" "SELECT count(*) FROM queue WHERE state = 'queued' AND person_id = 'suphaphon-c'")" 1 \
		"$K: the report is queued"
	req 303 "logout" -b "prongsai_staff=$TOK" -H "Origin: $WS_URL" --data-urlencode "csrf=$CS" "$S/logout"
	req 401 "after logout" -b "prongsai_staff=$TOK" "$S/projects"
	expect_no_grep "$TOK" "$D/run" "$K: token not in the logs"
	ws_stop
}

ws_each_server suite
finish
