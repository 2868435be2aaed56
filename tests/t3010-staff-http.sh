#!/usr/bin/env bash
# The staff area behind lighttpd on 127.0.0.1 with a real staff database,
# driven with curl: sign-in and its limits, sessions (expiry, logout), the
# Origin and CSRF checks, the officer's scope (B cannot report on A's
# project even with the id changed by hand), the progress form refusing
# what `prongsai check` refuses with check's own message, the caps (at the
# cap and one over), photos stripped of EXIF/GPS, and the queue row a good
# report becomes.  Every refusal is checked to have written nothing, and
# the session token is looked for in the logs, the URLs and public/.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
trap ws_stop EXIT

for tool in curl sqlite3 cjpeg exiftool python3 lighttpd; do
	command -v $tool >/dev/null || { fail "$tool is not installed (make deps-test)"; finish; }
done
[ -x "$STAFF_CGI" ] || { fail "no $STAFF_CGI (make)"; finish; }

D=$TEST_OUT/staff
mkdir -p "$D/db" "$D/img"
SDB=$D/db/staff.db
"$PRONGSAI" build -q -C "$TOP/content" -o "$D/public" --db "$D/db/prongsai.db" --staff-db "$SDB" \
	>"$D/build.log" 2>&1 || { cat "$D/build.log" >&2; fail "build --staff-db"; finish; }
PW_A='correct horse battery A'
PW_B='correct horse battery B'
printf '%s\n' "$PW_A" | "$PRONGSAI" staff add suphaphon-c --staff-db "$SDB" --password-stdin 2>/dev/null ||
	fail "staff add A"
printf '%s\n' "$PW_B" | "$PRONGSAI" staff add aruni-s --staff-db "$SDB" --password-stdin 2>/dev/null ||
	fail "staff add B"
# A's project running today (owner suphaphon-c; B not on its team), and B's
sqlite3 "$SDB" "DELETE FROM staff_members WHERE project_id = '2570-001' AND person_id = 'aruni-s'"
PA=2570-001
PB=$(sqlite3 "$SDB" "SELECT p.id FROM staff_projects p JOIN staff_members m ON m.project_id = p.id
	WHERE m.person_id = 'aruni-s' AND p.id NOT IN (SELECT project_id FROM staff_members WHERE person_id = 'suphaphon-c') LIMIT 1")
[ -n "$PB" ] || fail "fixture: B has a project of their own"

# a JPEG with GPS and EXIF
python3 -c '
import sys
w, h = 64, 48
px = bytearray()
for y in range(h):
    for x in range(w):
        px += bytes((x * 4 % 256, y * 5 % 256, 128))
sys.stdout.buffer.write(b"P6 %d %d 255\n" % (w, h) + bytes(px))' >"$D/img/a.ppm"
cjpeg -quality 80 "$D/img/a.ppm" >"$D/img/photo.jpg"
exiftool -q -overwrite_original -GPSLatitude=17.4860 -GPSLatitudeRef=N -GPSLongitude=101.7223 \
	-GPSLongitudeRef=E -Artist=CanaryArtist "$D/img/photo.jpg"
printf 'GIF89a not a photo' >"$D/img/x.gif"
# a photo of exactly the cap (4 MiB: bytes after the end of the image are
# dropped by the stripper), and one byte over
CAP=$((4 * 1024 * 1024))
python3 - "$D/img" "$CAP" <<'EOF'
import sys
d, cap = sys.argv[1], int(sys.argv[2])
j = open(d + "/photo.jpg", "rb").read()
open(d + "/atcap.jpg", "wb").write(j + b"\0" * (cap - len(j)))
open(d + "/overcap.jpg", "wb").write(j + b"\0" * (cap + 1 - len(j)))
EOF

state() { sqlite3 "$SDB" "SELECT count(*) FROM queue; SELECT count(*) FROM queue_files" | tr '\n' ' '; }
header() { sed -n "s/^$1: //Ip" "$D/resp.h" | tr -d '\r'; }
# req WANT WHAT CURL-ARGS...: status check; for a refusal, nothing written
req() {
	local want=$1 what=$2 before got
	shift 2
	before=$(state)
	got=$(curl -s -o "$D/resp.b" -D "$D/resp.h" -w '%{http_code}' "$@")
	# the page's text, for messages with quotes in them
	python3 -c 'import html, sys; sys.stdout.write(html.unescape(open(sys.argv[1], encoding="utf-8", errors="replace").read()))' \
		"$D/resp.b" >"$D/resp.txt"
	expect_eq "$got" "$want" "$what"
	case $want in 2* | 303) ;; *) expect_eq "$(state)" "$before" "$what: nothing written" ;; esac
}
login() { # login ID PASSWORD -> the cookie value in $TOK
	req "${3:-303}" "sign in as $1" -H "Origin: $WS_URL" --data-urlencode "id=$1" --data-urlencode "password=$2" \
		"$S/login"
	TOK=$(header Set-Cookie | sed -n 's/^prongsai_staff=\([^;]*\);.*/\1/p')
}
csrf_of() { # the CSRF token of a page
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$D/resp.b" | head -1
}

WS_STAFF_DB=$SDB
ws_start lighttpd "$D/public" "$D/db/prongsai.db" "$D/run" || { fail "lighttpd did not start"; finish; }
S=$WS_URL/staff/staff.cgi

# ---- the static sign-in page ----
req 200 "the sign-in page" "$WS_URL/staff/"
expect_grep 'action="../staff/staff.cgi/login"' "$D/resp.b" "it signs in through staff.cgi"
expect_grep '<meta name="robots" content="noindex">' "$D/resp.b" "the sign-in page is noindex (meta)"
expect_eq "$(header X-Robots-Tag)" "noindex, nofollow" "the sign-in page is noindex (header)"
expect_no_grep "staff/" "$D/public/sitemap.xml" "the staff area is not in the sitemap"

# ---- no session: 401, nothing written ----
req 401 "no session: my projects" "$S/projects"
expect_grep "ยังไม่ได้เข้าสู่ระบบ" "$D/resp.b" "401 says so in Thai"
expect_eq "$(header X-Robots-Tag)" "noindex, nofollow" "staff pages are noindex (header)"
expect_grep '<meta name="robots" content="noindex, nofollow">' "$D/resp.b" "staff pages are noindex (meta)"
req 401 "no session: a report POST" -H "Origin: $WS_URL" -F project=$PA -F percent=50 "$S/report"

# ---- sign in ----
req 401 "wrong password" -H "Origin: $WS_URL" --data-urlencode "id=suphaphon-c" --data-urlencode "password=nope nope nope" "$S/login"
expect_grep "รหัสผ่านไม่ถูกต้อง" "$D/resp.b" "wrong password: Thai message"
req 403 "sign-in from another site" -H "Origin: https://evil.example" --data-urlencode "id=suphaphon-c" \
	--data-urlencode "password=$PW_A" "$S/login"
login suphaphon-c "$PW_A"
A=$TOK
COOKIE=$(header Set-Cookie)
[ ${#A} -eq 43 ] && pass "a 256-bit token (43 base64url characters)" || fail "token: [$A]"
case $COOKIE in *HttpOnly*) pass "cookie HttpOnly" ;; *) fail "cookie not HttpOnly: $COOKIE" ;; esac
case $COOKIE in *SameSite=Strict*) pass "cookie SameSite=Strict" ;; *) fail "cookie: $COOKIE" ;; esac
case $COOKIE in *"Path=/staff;"*) pass "cookie Path=/staff" ;; *) fail "cookie path: $COOKIE" ;; esac
expect_eq "$(sqlite3 "$SDB" "SELECT count(*) FROM sessions WHERE hex(token_hash) LIKE '%' || hex('$A') || '%'")" 0 \
	"only the token's hash is stored"
expect_eq "$(header Location)" "/staff/staff.cgi/projects" "sign-in goes to my projects"

# ---- my projects and the form ----
req 200 "my projects" -b "prongsai_staff=$A" "$S/projects"
expect_grep "$(sqlite3 "$SDB" "SELECT title FROM staff_projects WHERE id = '$PA'")" "$D/resp.b" "A sees their project"
expect_grep "report?project=$PA" "$D/resp.b" "with a button to report"
expect_grep 'href="/print/index.html"' "$D/resp.b" "and a link to the print kit (issue 18)"
# issue 15.10: the staff version of the system's own survey, staff chosen in
# advance, a static page of the site (no JavaScript), served from the site root
expect_grep 'href="/forms/system-satisfaction/respondent/staff/index.html"' "$D/resp.b" \
	"my projects links the system survey for staff"
expect_eq "$(curl -s -o "$D/survey.html" -w '%{http_code}' "$WS_URL/forms/system-satisfaction/respondent/staff/index.html")" \
	200 "the staff survey page is served"
expect_grep '<option value="staff" selected>เจ้าหน้าที่</option>' "$D/survey.html" "the staff survey has staff chosen"
req 200 "the print kit it links" "$WS_URL/print/index.html"
expect_grep 'print/projects/' "$D/resp.b" "the print kit lists the notice sheets"
req 200 "the form" -b "prongsai_staff=$A" "$S/report?project=$PA"
CS=$(csrf_of)
[ ${#CS} -eq 43 ] && pass "the form has a CSRF token" || fail "csrf: [$CS]"
expect_grep 'name="kpi.' "$D/resp.b" "the form has the project's KPIs"
expect_grep 'name="narrative"' "$D/resp.b" "the form has the text fields of the schema"
expect_grep "/2569\"" "$D/resp.b" "the date is shown in Buddhist Era"

TODAY=$(TZ=Asia/Bangkok date +%Y-%m-%d)
BE=$(TZ=Asia/Bangkok date +%-d/%-m/)$(($(TZ=Asia/Bangkok date +%Y) + 543))
post() { # post WANT WHAT [-F ...]: the report form as A, with A's token and Origin
	local want=$1 what=$2
	shift 2
	req "$want" "$what" -b "prongsai_staff=$A" -H "Origin: $WS_URL" -F "csrf=$CS" -F "project=$PA" "$@" "$S/report"
}

# refusals with check's message
post 422 "percent over 100" -F "date=$BE" -F "percent=150" -F "disbursed=0"
expect_grep '"percent" ต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 150)' "$D/resp.txt" "percent > 100: check's message"
expect_grep 'value="150"' "$D/resp.b" "the value typed is kept"
post 422 "date outside the period" -F "date=1/1/2560" -F "percent=10" -F "disbursed=0"
expect_grep "วันที่รายงานอยู่นอกระยะเวลาโครงการ" "$D/resp.b" "date outside the period: check's message"
post 422 "disbursed over the budget" -F "date=$BE" -F "percent=10" -F "disbursed=๙๙,๙๙๙,๙๙๙.๐๐"
expect_grep "เกินงบที่ได้รับ" "$D/resp.b" "disbursed > budget: check's message (Thai digits and commas read)"
# the same file, through check itself
cp -r "$TOP/content" "$D/c"
mkdir -p "$D/c/progress/2570/$PA"
printf 'date: %s\nreporter: suphaphon-c\npercent: 10\ndisbursed: 99999999\n' "$TODAY" >"$D/c/progress/2570/$PA/$TODAY.yaml"
MSG=$("$PRONGSAI" check -C "$D/c" 2>&1 | sed -n "s|^progress/2570/$PA/.*: error: ||p")
expect_grep "$MSG" "$D/resp.txt" "the form's message is check's, word for word"
post 422 "not a number" -F "date=$BE" -F "percent=abc" -F "disbursed=0"
expect_grep "ต้องเป็นตัวเลข" "$D/resp.b" "not a number: said beside the field"
# caps
BIG=$(head -c 5001 /dev/zero | tr '\0' 'a')
post 422 "a field one byte over its cap" -F "date=$BE" -F "percent=10" -F "disbursed=0" -F "narrative=$BIG"
expect_grep "ยาวเกิน 5000 ไบต์" "$D/resp.b" "oversized field: clear message"
post 422 "a photo one byte over its cap" -F "date=$BE" -F "percent=10" -F "disbursed=0" -F "photos=@$D/img/overcap.jpg"
expect_grep "ใหญ่เกิน" "$D/resp.b" "photo over the cap: clear message"
post 422 "five photos (the cap is four)" -F "date=$BE" -F "percent=10" -F "disbursed=0" \
	-F "photos=@$D/img/photo.jpg" -F "photos=@$D/img/photo.jpg" -F "photos=@$D/img/photo.jpg" \
	-F "photos=@$D/img/photo.jpg" -F "photos=@$D/img/photo.jpg"
expect_grep "ไม่เกิน 4 รูป" "$D/resp.b" "count over the cap: clear message"
post 422 "a photo that is not an image" -F "date=$BE" -F "percent=10" -F "disbursed=0" -F "photos=@$D/img/x.gif"
expect_grep "ไม่ใช่ไฟล์ JPEG หรือ PNG" "$D/resp.b" "non-image: clear message"

# CSRF and Origin
req 403 "a POST without the CSRF token" -b "prongsai_staff=$A" -H "Origin: $WS_URL" -F "project=$PA" \
	-F "date=$BE" -F "percent=10" -F "disbursed=0" "$S/report"
req 403 "a POST with another session's CSRF token" -b "prongsai_staff=$A" -H "Origin: $WS_URL" \
	-F "csrf=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" -F "project=$PA" -F "date=$BE" -F "percent=10" \
	-F "disbursed=0" "$S/report"
req 403 "a cross-site POST" -b "prongsai_staff=$A" -H "Origin: https://evil.example" -F "csrf=$CS" \
	-F "project=$PA" -F "date=$BE" -F "percent=10" -F "disbursed=0" "$S/report"
req 403 "a POST without Origin" -b "prongsai_staff=$A" -F "csrf=$CS" -F "project=$PA" -F "date=$BE" \
	-F "percent=10" -F "disbursed=0" "$S/report"

# accepted: at the caps (4 photos, one of exactly 4 MiB; a field of 5000 bytes)
AT=$(head -c 5000 /dev/zero | tr '\0' 'b')
post 303 "a good report at the caps" -F "date=$BE" -F "percent=12.5" -F "disbursed=61,250.50" \
	-F "narrative=ประชุมชี้แจง \"ทดสอบ\" ครบทุกอำเภอ" -F "problems=$AT" -F "photo_alt=ภาพประชุม" \
	-F "photos=@$D/img/atcap.jpg" -F "photos=@$D/img/photo.jpg" -F "photos=@$D/img/photo.jpg" -F "photos=@$D/img/photo.jpg"
LOC=$(header Location)
case $LOC in /staff/staff.cgi/projects\?queued=*) pass "acknowledged: 303 to my projects with the queue id" ;;
*) fail "location: [$LOC]" ;; esac
Q=$(sqlite3 "$SDB" "SELECT max(id) FROM queue")
expect_eq "$(sqlite3 "$SDB" "SELECT kind, person_id, subject, state FROM queue WHERE id = $Q")" "progress|suphaphon-c|$PA|queued" \
	"one queue row: progress by A for the project, queued"
expect_eq "$(sqlite3 "$SDB" "SELECT count(*) FROM queue_files WHERE queue_id = $Q")" 5 "the report file and its 4 photos"
REL=progress/2570/$PA/$TODAY.yaml
sqlite3 "$SDB" "SELECT writefile('$D/queued.yaml', data) FROM queue_files WHERE queue_id = $Q AND path = '$REL'" >/dev/null
expect_grep "percent: 12.50" "$D/queued.yaml" "the report file has the percent"
expect_grep "disbursed: 61250.50" "$D/queued.yaml" "the amount typed with a comma is read"
expect_grep "reporter: suphaphon-c" "$D/queued.yaml" "the reporter is the signed-in person"
expect_grep "media/progress/2570/$PA/$TODAY-1.jpg" "$D/queued.yaml" "the photos are listed"
sqlite3 "$SDB" "SELECT writefile('$D/q1.jpg', data) FROM queue_files WHERE queue_id = $Q AND path LIKE '%-2.jpg'" >/dev/null
if exiftool -a "$D/q1.jpg" | grep -qi 'GPS\|CanaryArtist'; then fail "EXIF/GPS left in the queued photo"; else
	pass "EXIF and GPS stripped from the queued photo"; fi
# the queued file is what check accepts: put it into the copy of content and check
rm -f "$D/c/progress/2570/$PA/$TODAY.yaml"
cp "$D/queued.yaml" "$D/c/$REL"
mkdir -p "$D/c/media/progress/2570/$PA"
for i in 1 2 3 4; do
	sqlite3 "$SDB" "SELECT writefile('$D/c/media/progress/2570/$PA/$TODAY-$i.jpg', data) FROM queue_files
		WHERE queue_id = $Q AND path LIKE '%-$i.jpg'" >/dev/null
done
if "$PRONGSAI" check -C "$D/c" >"$D/check.log" 2>&1; then pass "prongsai check accepts the queued report"; else
	fail "check refuses the queued report: $(grep "$PA" "$D/check.log" | head -3)"; fi
req 200 "my projects after sending" -b "prongsai_staff=$A" "$WS_URL$LOC"
expect_grep "รับรายงานแล้ว" "$D/resp.b" "the acknowledgement is shown"
expect_grep "รอนำเข้า (queued)" "$D/resp.b" "with its status"
# same date again without a reason: refused; with one, a correction
# (as if the import had committed it and the build installed it)
sqlite3 "$SDB" "INSERT INTO staff_reports(project_id, date, percent, disbursed) VALUES ('$PA', '$TODAY', 1250, 6125050)"
post 422 "the same date as an earlier report, no reason" -F "date=$BE" -F "percent=12.5" -F "disbursed=61250.50"
expect_grep "มีรายงานวันนี้แล้ว" "$D/resp.b" "a second report for a date needs a reason"
expect_grep "ให้เขียนเหตุผลในช่อง “เหตุผลเมื่อค่าสะสมลดลง" "$D/resp.b" \
	"... naming the reason's field by the label the officer sees"
expect_no_grep "ช่อง correction" "$D/resp.b" "... never by its file name"
post 303 "a correction: the same date with a reason" -F "date=$BE" -F "percent=5" -F "disbursed=0" \
	-F "correction=แก้ตัวเลขที่พิมพ์ผิด"

# ---- officer B and A's project ----
login aruni-s "$PW_B"
B=$TOK
req 200 "B's projects" -b "prongsai_staff=$B" "$S/projects"
expect_no_grep "report?project=$PA\"" "$D/resp.b" "A's project is not on B's list"
req 403 "B opens A's form" -b "prongsai_staff=$B" "$S/report?project=$PA"
req 200 "B's own form" -b "prongsai_staff=$B" "$S/report?project=$PB"
CSB=$(csrf_of)
req 403 "B posts A's project id by hand" -b "prongsai_staff=$B" -H "Origin: $WS_URL" -F "csrf=$CSB" \
	-F "project=$PA" -F "date=$BE" -F "percent=10" -F "disbursed=0" "$S/report"
expect_grep "ไม่มีสิทธิ์รายงานโครงการนี้" "$D/resp.b" "refused in Thai"
req 403 "B with A's CSRF token" -b "prongsai_staff=$B" -H "Origin: $WS_URL" -F "csrf=$CS" \
	-F "project=$PB" -F "date=$BE" -F "percent=10" -F "disbursed=0" "$S/report"

# ---- too large a body: 413 before reading ----
req 413 "a body over the cap" -b "prongsai_staff=$A" -H "Origin: $WS_URL" -H "Content-Type: multipart/form-data; boundary=x" \
	-H "Content-Length: 99999999" --data-binary "x" "$S/report"

# ---- expiry and logout ----
sqlite3 "$SDB" "UPDATE sessions SET seen_at = seen_at - 3600 WHERE person_id = 'aruni-s'"
req 401 "an idle session has expired" -b "prongsai_staff=$B" "$S/projects"
req 200 "A's page before logout" -b "prongsai_staff=$A" "$S/projects"
CS=$(csrf_of)
req 303 "logout" -b "prongsai_staff=$A" -H "Origin: $WS_URL" --data-urlencode "csrf=$CS" "$S/logout"
case $(header Set-Cookie) in *Max-Age=0*) pass "logout clears the cookie" ;; *) fail "logout cookie: $(header Set-Cookie)" ;; esac
expect_eq "$(header Location)" "/staff/?signed-out=1" "logout goes to the sign-in page"
req 401 "after logout the old token is refused" -b "prongsai_staff=$A" "$S/projects"
post 401 "after logout nothing is written" -F "date=$BE" -F "percent=50" -F "disbursed=0"

# ---- wrong passwords: slowed, then locked; others unaffected ----
for i in 1 2 3; do
	req 401 "wrong password $i" -H "Origin: $WS_URL" --data-urlencode "id=suphaphon-c" --data-urlencode "password=wrong $i wrong" "$S/login"
done
# (the wait is counted from the last failure: made "now" so the check does not depend on speed)
sqlite3 "$SDB" "UPDATE accounts SET last_failed_at = strftime('%s', 'now') WHERE person_id = 'suphaphon-c'"
req 429 "slowed after 3 wrong passwords, even with the right one" -H "Origin: $WS_URL" \
	--data-urlencode "id=suphaphon-c" --data-urlencode "password=$PW_A" "$S/login"
[ -n "$(header Retry-After)" ] && pass "429 says when to retry" || fail "no Retry-After"
sqlite3 "$SDB" "UPDATE accounts SET failed = 9, last_failed_at = 0 WHERE person_id = 'suphaphon-c'"
req 401 "the tenth wrong password" -H "Origin: $WS_URL" --data-urlencode "id=suphaphon-c" --data-urlencode "password=wrong again" "$S/login"
sqlite3 "$SDB" "UPDATE accounts SET last_failed_at = 0 WHERE person_id = 'suphaphon-c'"
req 429 "locked after 10" -H "Origin: $WS_URL" --data-urlencode "id=suphaphon-c" --data-urlencode "password=$PW_A" "$S/login"
expect_grep "กรุณารอ" "$D/resp.b" "locked: says to wait, in Thai"
login aruni-s "$PW_B"
[ -n "$TOK" ] && pass "another account still signs in" || fail "B locked out by A's lockout"

# ---- the token never in a log, a URL or public/ ----
for t in "$A" "$B"; do
	expect_no_grep "$t" "$D/run" "token not in the server's logs"
	expect_no_grep "$t" "$D/public" "token not in public/"
done
expect_no_grep "prongsai_staff=" "$D/run/access.log" "no cookie in the access log"
grep -q "staff.cgi" "$D/run/access.log" && pass "the access log has the staff requests (without tokens)" ||
	fail "no staff requests in the access log"
expect_no_grep "?" "$(grep -o '"[A-Z]* [^ ]*' "$D/run/access.log" >"$D/urls"; echo "$D/urls")" "no query strings logged"

ws_stop
finish
