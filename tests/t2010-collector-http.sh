#!/usr/bin/env bash
# variants: release
# The collector behind real web servers on 127.0.0.1, driven with curl:
# lighttpd, Apache httpd (mod_proxy_fcgi) and nginx, each with fcgiwrap (each
# when installed; lighttpd and Apache are required).  Every status of the issue is
# provoked, and each refusal is checked to have written nothing; valid
# submissions are followed to the thank-you page; a photo's EXIF/GPS is gone;
# a corruption report's attachment and personal data are sealed.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
. "$TOP/tests/lib/webserver"
trap ws_stop EXIT

for tool in curl sqlite3 cjpeg djpeg exiftool python3; do
	command -v $tool >/dev/null || { fail "$tool is not installed (make deps-test)"; finish; }
done

# A real JPEG carrying GPS coordinates and other EXIF.
IMG=$TEST_OUT/img
mkdir -p "$IMG"
python3 -c '
import sys
w, h = 64, 48
px = bytearray()
for y in range(h):
    for x in range(w):
        px += bytes((x * 4 % 256, y * 5 % 256, 128))
sys.stdout.buffer.write(b"P6 %d %d 255\n" % (w, h) + bytes(px))' >"$IMG/a.ppm"
cjpeg -quality 80 "$IMG/a.ppm" >"$IMG/photo.jpg"
exiftool -q -overwrite_original -GPSLatitude=17.4860 -GPSLatitudeRef=N -GPSLongitude=101.7223 \
	-GPSLongitudeRef=E -Artist=CanaryArtist "$IMG/photo.jpg"
exiftool -GPSLatitude "$IMG/photo.jpg" | grep -q '17 deg' || fail "test photo has no GPS"
printf '%%PDF-1.4\n%%fake but recognised\n%%%%EOF\n' >"$IMG/doc.pdf"
printf 'GIF89a not accepted' >"$IMG/x.gif"
head -c 65537 /dev/zero | tr '\0' 'a' >"$IMG/big.txt"

U=application/x-www-form-urlencoded
GOOD='subject=%E0%B8%96%E0%B8%99%E0%B8%99&detail=d&district=dan-sai&category=service&consent=yes&website='

# post WHAT WANT_STATUS [CURL ARGS...] against $C (the collector's URL); checks
# the status and, for refusals, that nothing was written.  The response is in
# $TEST_OUT/resp.{h,b}.
post() {
	local what=$1 want=$2 before got
	shift 2
	before=$(cl_state)
	got=$(curl -s -o "$TEST_OUT/resp.b" -D "$TEST_OUT/resp.h" -w '%{http_code}' "$@")
	expect_eq "$got" "$want" "$K: $what"
	if [ "$want" != 303 ]; then
		expect_eq "$(cl_state)" "$before" "$K: $what: nothing written"
		grep -q 'What\|Please\|try\|form\|Open\|Send\|Attach\|Nothing\|Go back\|Choose' "$TEST_OUT/resp.b" &&
			grep -q 'กรุณา\|แบบฟอร์ม' "$TEST_OUT/resp.b" && pass "$K: $what: says what to do, in Thai and English" ||
			fail "$K: $what: the page does not say what to do in Thai and English"
	fi
}
header() { sed -n "s/^$1: //Ip" "$TEST_OUT/resp.h" | tr -d '\r'; }

suite() {
	K=$1
	cl_setup "$TEST_OUT/$K" || return
	ws_start "$K" "$CL_PUBLIC" "$CL_DB" "$TEST_OUT/$K/run" || { fail "$K: server did not start"; return; }
	C=$WS_URL/cgi-bin/collect.cgi
	cl_setting rate_limit_per_hour 0

	expect_eq "$(curl -s -o /dev/null -w '%{http_code}' "$C/health")" 200 "$K: GET health"

	# 303 and the collector's own answer with the code
	post "valid urlencoded" 303 --data "$GOOD" "$C/complaint"
	loc=$(header Location)
	case $loc in /cgi-bin/collect.cgi/track\?code=*) pass "$K: Location $loc" ;; *) fail "$K: Location [$loc]" ;; esac
	code=${loc#*code=}
	expect_eq "$(cl_count "code = '$code'")" 1 "$K: the code is stored once"
	expect_eq "$(curl -s -o "$TEST_OUT/$K/thanks.html" -w '%{http_code}' "$WS_URL$loc")" 200 "$K: the collector's answer is served"
	expect_grep "id=\"tracking-code\">$code<" "$TEST_OUT/$K/thanks.html" "$K: the answer shows the code"
	post "the same page" 303 --data "$GOOD&form_token=page-token-0123456789" "$C/complaint"
	loc=$(header Location)
	post "the same page again" 303 --data "$GOOD&form_token=page-token-0123456789" "$C/complaint"
	expect_eq "$(header Location)" "$loc&repeat=1" "$K: a resubmission gets the earlier code, and is told so"
	expect_eq "$(cl_count)" 2 "$K: a resubmission adds no row"
	sqlite3 "$CL_DB" "DELETE FROM submissions WHERE id > 1"
	post "survey" 303 --data 'speed=5&courtesy=4&clarity=3&process=2&transparency=1&overall=5&project=2569-001&website=' \
		"$C/satisfaction"
	expect_eq "$(header Location)" /forms/satisfaction/thanks/index.html "$K: survey: no code"
	expect_eq "$(sqlite3 "$CL_DB" "SELECT value FROM submission_values WHERE name = 'project'")" 2569-001 \
		"$K: survey values stored"

	# multipart with a photo: EXIF and GPS stripped, stored in the database only
	post "multipart with a photo" 303 -F subject=photo -F detail=d -F consent=yes -F website= -F "attachments=@$IMG/photo.jpg" \
		-F "attachments=@$IMG/doc.pdf" -F name=Somchai -F phone=0812345678 "$C/complaint"
	code=$(header Location | sed 's/.*code=//')
	id=$(sqlite3 "$CL_DB" "SELECT id FROM submissions WHERE code = '$code'")
	expect_eq "$(sqlite3 "$CL_DB" "SELECT group_concat(media_type || ':' || sealed, ' ') FROM attachments WHERE submission_id = $id")" \
		"image/jpeg:0 application/pdf:0" "$K: attachments stored by type"
	sqlite3 "$CL_DB" "SELECT writefile('$TEST_OUT/$K/stored.jpg', data) FROM attachments WHERE submission_id = $id AND media_type = 'image/jpeg'" >/dev/null
	if djpeg "$TEST_OUT/$K/stored.jpg" >/dev/null 2>&1; then pass "$K: the stored JPEG decodes"; else fail "$K: the stored JPEG does not decode"; fi
	if [ -n "$(exiftool -q -EXIF:all -GPS:all -XMP:all "$TEST_OUT/$K/stored.jpg")" ] ||
		grep -q Canary "$TEST_OUT/$K/stored.jpg"; then
		fail "$K: EXIF/GPS left in the stored JPEG"
	else
		pass "$K: no EXIF or GPS in the stored JPEG"
	fi
	[ -z "$(find "$CL_PUBLIC" -newer "$CL_DB" -type f 2>/dev/null | head -1)" ] &&
		pass "$K: nothing written under public/" || fail "$K: files appeared under public/"
	expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM submission_values WHERE submission_id = $id AND name IN ('name','phone')")" \
		0 "$K: personal fields not stored in the clear"
	expect_eq "$(sqlite3 "$CL_DB" "SELECT length(sealed) > 48 FROM submissions WHERE id = $id")" 1 "$K: personal fields sealed"

	# the corruption channel: attachments sealed too
	post "corruption report" 303 -F subject=x -F detail=y -F consent=yes -F website= -F "attachments=@$IMG/photo.jpg" \
		-F email=someone@example.com "$C/corruption"
	expect_eq "$(sqlite3 "$CL_DB" "SELECT a.sealed || ':' || (hex(substr(a.data, 1, 3)) = 'FFD8FF') FROM attachments a
		JOIN submissions s ON s.id = a.submission_id WHERE s.channel = 'corruption'")" "1:0" "$K: corruption attachment sealed"
	expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM submissions WHERE channel = 'corruption' AND length(sealed) > 48")" 1 \
		"$K: corruption reporter sealed"

	# the refusals
	post "GET a form" 405 "$C/complaint"
	expect_eq "$(header Allow)" POST "$K: 405 Allow: POST"
	post "unknown form" 404 --data "$GOOD" "$C/nosuch"
	post "text/plain" 415 -H 'Content-Type: text/plain' --data "$GOOD" "$C/complaint"
	post "JSON body" 415 -H 'Content-Type: application/json' --data '{}' "$C/complaint"
	post "over the form's cap" 413 -H "Content-Type: $U" --data-binary "@$IMG/big.txt" "$C/satisfaction"
	post "bad percent-encoding" 400 --data "${GOOD}%G1" "$C/complaint"
	post "invalid UTF-8" 400 --data "${GOOD/detail=d/detail=%C3%28}" "$C/complaint"
	post "control character" 400 --data "${GOOD/subject=/subject=%1B}" "$C/complaint"
	post "broken multipart" 400 -H 'Content-Type: multipart/form-data; boundary=XX' --data-binary 'junk' "$C/complaint"
	post "missing fields" 422 --data 'subject=&consent=no' "$C/complaint"
	for f in subject detail consent; do
		grep -q "#f-$f\"" "$TEST_OUT/resp.b" && pass "$K: 422 names $f" || fail "$K: 422 does not name $f"
	done
	post "bad choice, e-mail, phone" 422 --data "${GOOD/dan-sai/bangkok}&email=x&phone=12" "$C/complaint"
	for f in district email phone; do
		grep -q "#f-$f\"" "$TEST_OUT/resp.b" && pass "$K: 422 names $f" || fail "$K: 422 does not name $f"
	done
	post "bad scale" 422 --data 'speed=6&courtesy=4&clarity=3&process=2&transparency=1&overall=5&website=' "$C/satisfaction"
	post "too long" 422 --data "${GOOD/subject=/subject=$(head -c 201 /dev/zero | tr '\0' x)}" "$C/complaint"
	# the honeypot: filled in, sent twice or missing (issue 19.17), with one
	# message that never names it
	for hp in "filled:${GOOD/website=/website=http://spam}" "twice:$GOOD&website=" "missing:${GOOD/&website=/}"; do
		post "honeypot ${hp%%:*}" 422 --data "${hp#*:}" "$C/complaint"
		grep -qi 'website\|honeypot\|hidden\|leave this\|ซ่อน\|ต้องเว้นว่าง\|อย่ากรอก' "$TEST_OUT/resp.b" &&
			fail "$K: honeypot ${hp%%:*}: the message names it" || pass "$K: honeypot ${hp%%:*}: the message is generic"
		grep -q 'เปิดหน้าแบบฟอร์มใหม่' "$TEST_OUT/resp.b" && pass "$K: honeypot ${hp%%:*}: says what to do" ||
			fail "$K: honeypot ${hp%%:*}: not the generic message"
	done
	post "GIF attachment" 422 -F subject=x -F detail=y -F consent=yes -F website= -F "attachments=@$IMG/x.gif;filename=x.jpg;type=image/jpeg" \
		"$C/complaint"
	post "four attachments" 422 -F subject=x -F detail=y -F consent=yes -F website= -F "attachments=@$IMG/doc.pdf" \
		-F "attachments=@$IMG/doc.pdf" -F "attachments=@$IMG/doc.pdf" -F "attachments=@$IMG/doc.pdf" "$C/complaint"
	post "foreign Origin" 403 -H 'Origin: https://evil.example' --data "$GOOD" "$C/complaint"
	post "Origin null" 403 -H 'Origin: null' --data "$GOOD" "$C/complaint"
	post "own Origin" 303 -H "Origin: $WS_URL" --data "${GOOD/detail=d/detail=own}" "$C/complaint"
	post "JSON error" 422 -H 'Accept: application/json' --data 'consent=yes' "$C/complaint"
	if python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d["status"] == 422 and d["fields"]' "$TEST_OUT/resp.b"; then
		pass "$K: JSON error body"
	else
		fail "$K: JSON error body: $(head -c 300 "$TEST_OUT/resp.b")"
	fi
	expect_eq "$(header Content-Type)" "application/json; charset=utf-8" "$K: JSON content type"

	# rate limit: 2 per client per form per hour
	cl_setting rate_limit_per_hour 2
	cl_setting repeat_window_s 0
	post "rate limit, 1" 303 --data "${GOOD/detail=d/detail=r1}" "$C/complaint"
	post "rate limit, 2" 303 --data "${GOOD/detail=d/detail=r2}" "$C/complaint"
	post "rate limit, 3" 429 --data "${GOOD/detail=d/detail=r3}" "$C/complaint"
	ra=$(header Retry-After)
	[ -n "$ra" ] && [ "$ra" -gt 0 ] && [ "$ra" -le 3600 ] && pass "$K: 429 Retry-After $ra" || fail "$K: 429 Retry-After [$ra]"
	post "rate limit is per form" 303 --data 'speed=1&courtesy=1&clarity=1&process=1&transparency=1&overall=1&website=' "$C/satisfaction"
	cl_setting rate_limit_per_hour 0
	cl_setting repeat_window_s 600

	# database busy past the timeout: 503
	cl_setting busy_timeout_ms 300
	(printf 'BEGIN IMMEDIATE;\nSELECT 1;\n'; sleep 3; printf 'ROLLBACK;\n') | sqlite3 "$CL_DB" >/dev/null &
	lock=$!
	# until the lock is held (a busy machine may take a while)
	for _ in $(seq 100); do sqlite3 "$CL_DB" 'BEGIN IMMEDIATE; ROLLBACK;' 2>/dev/null || break; sleep 0.1; done
	post "database busy" 503 --data "${GOOD/detail=d/detail=busy}" "$C/complaint"
	ra=$(header Retry-After)
	[ -n "$ra" ] && pass "$K: 503 Retry-After $ra" || fail "$K: 503 without Retry-After"
	wait $lock
	cl_setting busy_timeout_ms 5000
	post "after the lock is gone" 303 --data "${GOOD/detail=d/detail=busy}" "$C/complaint"

	expect_eq "$(sqlite3 "$CL_DB" 'PRAGMA integrity_check')" ok "$K: integrity_check"

	# the access log: static requests yes, but no codes and no request to
	# the collector (t2130 checks the logs after a browser journey)
	curl -s -o /dev/null "$WS_URL$loc"
	curl -s -o /dev/null "$WS_URL/news/"
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		grep -q '/news/' "$TEST_OUT/$K/run/access.log" 2>/dev/null && break
		sleep 0.3
	done
	expect_grep '/news/' "$TEST_OUT/$K/run/access.log" "$K: the access log is written"
	expect_no_grep "$code" "$TEST_OUT/$K/run/access.log" "$K: no tracking code in the access log"
	expect_no_grep 'collect.cgi' "$TEST_OUT/$K/run/access.log" "$K: no collector request in the access log"
	# a missing page (a tracking page before the next build) gets the
	# site's Thai 404 page with status 404
	expect_eq "$(curl -s -o "$TEST_OUT/$K/404.b" -w '%{http_code}' "$WS_URL/track/$code/")" 404 "$K: missing page 404"
	grep -q 'ไม่พบหน้าที่ท่านต้องการ' "$TEST_OUT/$K/404.b" && pass "$K: the site's own 404 page" ||
		fail "$K: not the site's 404 page: $(head -c 200 "$TEST_OUT/$K/404.b")"
	# the server writes its error log asynchronously: give it a moment
	for _ in 1 2 3 4 5 6 7 8 9 10; do
		grep -q 'prongsai collect: 503' "$TEST_OUT/$K/run/"*.log 2>/dev/null && break
		sleep 0.3
	done
	grep -q 'prongsai collect: 503' "$TEST_OUT/$K/run/"*.log && pass "$K: the 503 is in the error log" ||
		fail "$K: the CGI's stderr does not reach the error log"
	ws_stop

	# not configured: the database is missing
	mv "$CL_DB" "$CL_DB.away"
	ws_start "$K" "$CL_PUBLIC" "$CL_DB" "$TEST_OUT/$K/run2" || { fail "$K: server did not restart"; return; }
	expect_eq "$(curl -s -o /dev/null -w '%{http_code}' --data "$GOOD" "$WS_URL/cgi-bin/collect.cgi/complaint")" 503 \
		"$K: no database: 503"
	[ ! -e "$CL_DB" ] && pass "$K: no database was created" || fail "$K: the collector created a database"
	expect_eq "$(curl -s -o /dev/null -w '%{http_code}' "$WS_URL/cgi-bin/collect.cgi/health")" 503 "$K: health without a database"
	ws_stop
	mv "$CL_DB.away" "$CL_DB"
	[ ! -e "$CL_DB-wal" ] || [ -s "$CL_DB" ] || fail "$K: database damaged"
}

ws_each_server suite
finish
