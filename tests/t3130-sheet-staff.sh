#!/usr/bin/env bash
# variants: release
# The monthly sheet in the staff area (#14) behind lighttpd, driven with
# curl: "my projects" links the sheet page; the workbook downloaded holds
# only the signed-in person's projects (read by Python's zipfile and by
# LibreOffice); filled by script and saved by LibreOffice, the upload is
# one 'sheet' queue entry (queued and skipped rows counted on the page)
# that `prongsai import` makes one commit by the uploader, and the rebuilt
# site shows the new figures.  A bad sheet (percent 150, a project outside
# the scope) gets 422 with every problem as `prongsai sheet import` words
# it and nothing queued (both pages valid HTML by vnu); no session 401; a
# bad CSRF token or Origin 403;
# the file's cap (10 MiB) at the cap and one byte over.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/sheet.sh"
. "$TOP/tests/lib/staffq.sh"
trap ws_stop EXIT

for tool in curl sqlite3 python3 lighttpd soffice; do
	command -v $tool >/dev/null || { fail "$tool is not installed (make deps-test)"; finish; }
done
[ -x "$STAFF_CGI" ] || { fail "no $STAFF_CGI (make)"; finish; }

T=2026-04-15
D=$TEST_OUT/w
S=$TEST_OUT/site
c=$S/content
SDB=$D/db/staff.db
mkdir -p "$D/db"
# the site's repository: the mini fixture with roles (somchai owns
# 2569-001; malee owns 2569-002 and is on 2569-001's team), one commit
make_site_repo "$S"
sheet_people "$c"
git -C "$S" -c user.name=t -c user.email=t@example.invalid commit -qam roles
start=$(git -C "$S" rev-parse HEAD)
"$PRONGSAI" build -q -C "$c" -o "$D/public" --theme "$TOP/themes/default" --today $T --db "$D/db/prongsai.db" \
	--staff-db "$SDB" >"$D/build.log" 2>&1 || { cat "$D/build.log" >&2; fail "build --staff-db"; finish; }
PW_M='malee long password 1'
PW_S='somchai long password 1'
printf '%s\n' "$PW_M" | "$PRONGSAI" staff add malee -C "$c" --staff-db "$SDB" --password-stdin 2>/dev/null || fail "staff add malee"
printf '%s\n' "$PW_S" | "$PRONGSAI" staff add somchai -C "$c" --staff-db "$SDB" --password-stdin 2>/dev/null || fail "staff add somchai"

queue_rows() { sqlite3 "$SDB" "SELECT count(*) FROM queue; SELECT count(*) FROM queue_files" | tr '\n' ' '; }
header() { sed -n "s/^$1: //Ip" "$D/resp.h" | tr -d '\r' | head -1; }
# req WANT WHAT CURL-ARGS...: the status; for a refusal, nothing queued
req() {
	local want=$1 what=$2 before got
	shift 2
	before=$(queue_rows)
	got=$(curl -s -o "$D/resp.b" -D "$D/resp.h" -w '%{http_code}' "$@")
	python3 -c 'import html, sys; sys.stdout.write(html.unescape(open(sys.argv[1], encoding="utf-8", errors="replace").read()))' \
		"$D/resp.b" >"$D/resp.txt"
	expect_eq "$got" "$want" "$what"
	case $want in 2* | 303) ;; *) expect_eq "$(queue_rows)" "$before" "$what: nothing queued" ;; esac
}
login() { # login ID PASSWORD -> the cookie value in $TOK
	req 303 "sign in as $1" -H "Origin: $WS_URL" --data-urlencode "id=$1" --data-urlencode "password=$2" "$S_/login"
	TOK=$(header Set-Cookie | sed -n 's/^prongsai_staff=\([^;]*\);.*/\1/p')
}
csrf_of() { sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$D/resp.b" | head -1; }
# upload WANT WHAT FILE [CSRF] [ORIGIN]: POST /sheet as $TOK
upload() {
	req "$1" "$2" -b "prongsai_staff=$TOK" -H "Origin: ${5:-$WS_URL}" -F "csrf=${4:-$CS}" -F "sheet=@$3" "$S_/sheet"
}
# the problems listed on the page, one a line
problems() {
	python3 - "$D/resp.b" <<'PY'
import html, re, sys
t = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<ul class="problems">(.*?)</ul>', t, re.S)
for li in re.findall(r"<li>(.*?)</li>", m.group(1) if m else "", re.S):
    print(html.unescape(li))
PY
}
strings_of() { # the shared strings of an .xlsx, one a line
	python3 - "$1" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
assert z.testzip() is None
print("\n".join(re.findall(r"<t[^>]*>([^<]*)</t>", z.read("xl/sharedStrings.xml").decode())))
PY
}

WS_STAFF_DB=$SDB
ws_start lighttpd "$D/public" "$D/db/prongsai.db" "$D/run" || { fail "lighttpd did not start"; finish; }
S_=$WS_URL/staff/staff.cgi
cd "$TEST_OUT"

# ---- no session ----
req 401 "no session: the sheet page" "$S_/sheet"
expect_grep "ยังไม่ได้เข้าสู่ระบบ" "$D/resp.b" "401 says so in Thai"
req 401 "no session: the workbook" "$S_/sheet.xlsx?fy=2569"
printf 'x' >x.csv
req 401 "no session: an upload" -H "Origin: $WS_URL" -F csrf=x -F "sheet=@x.csv" "$S_/sheet"

# ---- somchai: the page and a workbook of his one project ----
login somchai "$PW_S"
req 200 "my projects" -b "prongsai_staff=$TOK" "$S_/projects"
expect_grep 'href="/staff/staff.cgi/sheet"' "$D/resp.b" "my projects links the sheet page"
req 200 "the sheet page" -b "prongsai_staff=$TOK" "$S_/sheet"
expect_grep "ตารางรายงานประจำเดือน" "$D/resp.b" "the page's Thai title"
expect_grep "กรอกเฉพาะช่องสีเหลือง" "$D/resp.b" "it explains how to fill the sheet"
expect_grep 'href="/staff/staff.cgi/sheet.xlsx?fy=2569"' "$D/resp.b" "a download link for FY 2569"
expect_grep 'enctype="multipart/form-data"' "$D/resp.b" "an upload form"
CS=$(csrf_of)
[ ${#CS} -eq 43 ] && pass "the upload form has the CSRF token" || fail "csrf: [$CS]"
cp "$D/resp.b" page.html
req 200 "somchai's workbook" -b "prongsai_staff=$TOK" "$S_/sheet.xlsx?fy=2569"
cp "$D/resp.b" somchai.xlsx
expect_eq "$(header Content-Type)" "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" "an xlsx content type"
case $(header Content-Disposition) in attachment*) pass "a download" ;; *) fail "Content-Disposition: $(header Content-Disposition)" ;; esac
strings_of somchai.xlsx >somchai.txt || fail "the workbook is a valid zip"
expect_grep "หมู่บ้านเศรษฐกิจพอเพียง" somchai.txt "his project is in the workbook"
expect_no_grep "สัมมาชีพชุมชน" somchai.txt "malee's project is not"
expect_grep "ความก้าวหน้าสะสม 0-100" somchai.txt "the export's Thai headers"
req 404 "a year without his projects" -b "prongsai_staff=$TOK" "$S_/sheet.xlsx?fy=2570"

# ---- a bad sheet: every problem at once, as the CLI words them; nothing queued ----
H='รหัสโครงการ,วันที่รายงาน,ความก้าวหน้าสะสม 0-100,เบิกจ่ายสะสม (บาท),ผลสะสมตัวชี้วัดที่ 1'
printf '%s\n2569-001,2026-04-12,150,500000,\n2569-002,2026-02-01,60,100000,\n2569-777,2026-02-01,10,10,\n' "$H" >bad.csv
upload 422 "a bad sheet" bad.csv
problems >got.txt
cat >want.txt <<'EOF'
แถว 2 คอลัมน์ 'ความก้าวหน้าสะสม 0-100': "percent" ต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 150)
แถว 3 คอลัมน์ 'รหัสโครงการ': โครงการ '2569-002' ไม่อยู่ในความรับผิดชอบของ somchai (ดู roles ใน people.yaml)
แถว 4 คอลัมน์ 'รหัสโครงการ': ไม่มีโครงการรหัส '2569-777'
EOF
diff want.txt got.txt >d.txt && pass "every problem listed by row and Thai header" || { cat d.txt; fail "problems differ"; }
expect_grep "ยังไม่ได้นำเข้าแถวใดเลย" "$D/resp.txt" "the page says nothing was imported"
cp "$D/resp.b" problems.html
vnu=$TOP/node_modules/vnu-jar/build/dist/vnu.jar
if [ -f "$vnu" ]; then
	java -jar "$vnu" --errors-only page.html problems.html >vnu.txt 2>&1
	expect_eq "$?" 0 "vnu: the sheet page and the problems page are valid HTML ($(head -c 300 vnu.txt))"
else
	fail "vnu.jar missing: run make deps-node"
fi
run_prongsai sheet import bad.csv -C "$c" --as somchai --today $T -q 2>cli.err >/dev/null
grep '^แถว' cli.err >cli.txt
diff want.txt cli.txt >d2.txt && pass "the same messages as prongsai sheet import" || { cat d2.txt; fail "CLI differs"; }

# ---- CSRF, Origin, the empty upload ----
printf '%s\n2569-001,2026-04-12,56,560000,\n' "$H" >good.csv
upload 403 "a wrong CSRF token" good.csv wrongtoken
upload 403 "a cross-site upload" good.csv "$CS" https://evil.example
req 422 "no file" -b "prongsai_staff=$TOK" -H "Origin: $WS_URL" -F "csrf=$CS" "$S_/sheet"
expect_grep "กรุณาเลือกไฟล์ตาราง" "$D/resp.txt" "no file: Thai message"

# ---- the cap: 10 MiB is read, one byte more is refused ----
CAP=$((10 * 1024 * 1024))
python3 - "$CAP" "$H" <<'PY'
import sys
cap, h = int(sys.argv[1]), sys.argv[2]
head = (h + "\n").encode()
# rows of a long narrative-less text in an unknown column: read, then refused by row
row = b"," * 5 + b"x" * 1000 + b"\n"
body = head + row * ((cap - len(head)) // len(row))
body += b"y" * (cap - len(body))
open("atcap.csv", "wb").write(body)
open("overcap.csv", "wb").write(body + b"z")
open("farover.csv", "wb").write(body + b"z" * (100 * 1024))
PY
expect_eq "$(stat -c %s atcap.csv)" "$CAP" "a file of exactly the cap"
upload 422 "a file at the cap is read" atcap.csv
expect_no_grep "ใหญ่เกิน" "$D/resp.txt" "at the cap: not refused for its size"
expect_grep "มีข้อมูลในคอลัมน์ที่ไม่มีหัว" "$D/resp.txt" "at the cap: its rows are checked"
upload 413 "one byte over the cap" overcap.csv
expect_grep "ไฟล์ตารางใหญ่เกิน 10 MB" "$D/resp.txt" "over the cap: Thai message"
# the problems listed: at most 500 (STAFF_SHEET_MAX_SHOWN), the rest counted
{ printf '%s\n' "$H"; for i in $(seq 500); do echo ',,,,,x'; done; } >p500.csv
upload 422 "500 problems" p500.csv
expect_eq "$(problems | wc -l)" 500 "500 problems: all listed"
expect_no_grep "และอีก" "$D/resp.txt" "500 problems: none left over"
{ cat p500.csv; echo ',,,,,x'; } >p501.csv
upload 422 "501 problems" p501.csv
expect_eq "$(problems | wc -l)" 500 "501 problems: 500 listed"
expect_grep "และอีก 1 ปัญหา" "$D/resp.txt" "501 problems: the one more counted"
upload 413 "a request over the body's cap" farover.csv
expect_grep "ไฟล์ตารางใหญ่เกิน 10 MB" "$D/resp.txt" "over the body's cap: Thai message"

# ---- malee: download, fill with LibreOffice, upload ----
login malee "$PW_M"
req 200 "malee's sheet page" -b "prongsai_staff=$TOK" "$S_/sheet"
CS=$(csrf_of)
req 200 "malee's workbook" -b "prongsai_staff=$TOK" "$S_/sheet.xlsx?fy=2569"
cp "$D/resp.b" malee.xlsx
lo_convert "$LO_CSV_OUT" lo1 malee.xlsx || fail "LibreOffice reads the downloaded workbook"
expect_eq "$(grep -c '^"2569-00[12]"' lo1/malee.csv)" 2 "LibreOffice sees her two projects"
fill_csv lo1/malee.csv filled.csv \
	"2569-001=วันที่รายงาน=2026-04-10" "2569-001=ความก้าวหน้าสะสม 0-100=55" \
	"2569-001=เบิกจ่ายสะสม (บาท)=550000.5" "2569-001=ผลสะสมตัวชี้วัดที่ 1=6" \
	"2569-001=ผลการดำเนินงาน=อบรมแกนนำรุ่นที่ 2"
lo_convert xlsx lo2 filled.csv "$LO_CSV_IN" || fail "LibreOffice saves the filled sheet"
upload 303 "the filled sheet" lo2/filled.xlsx
expect_eq "$(header Location)" "/staff/staff.cgi/sheet?queued=1&n=1&skipped=1#done" "to the page with the counts"
req 200 "the page after the upload" -b "prongsai_staff=$TOK" "$S_/sheet?queued=1&n=1&skipped=1"
expect_grep "รับตารางแล้ว เลขที่ #1: เข้าคิว 1 รายงาน ข้าม 1 แถว" "$D/resp.txt" "queued and skipped rows shown"
expect_eq "$(sqlite3 "$SDB" "SELECT kind || '|' || person_id || '|' || state FROM queue")" "sheet|malee|queued" \
	"one 'sheet' queue entry by the uploader"
mkdir -p want/progress/2569/2569-001
cat >want/progress/2569/2569-001/2026-04-10.yaml <<'Y'
date: 2026-04-10
reporter: malee
percent: 55
disbursed: 550000.50
kpis:
  villages: 6
narrative: "อบรมแกนนำรุ่นที่ 2"
Y
queue_dump "$SDB" got >/dev/null
diff -r want got >d3.txt && pass "the queued file equals the hand-written report" || { cat d3.txt; fail "queued file differs"; }
req 200 "my projects after the upload" -b "prongsai_staff=$TOK" "$S_/projects"
expect_grep 'id="q1"' "$D/resp.b" "the entry is among the sent reports"

# ---- prongsai import: one commit by the uploader; the site shows it ----
(cd "$TOP" && run_prongsai import -C "$c" --staff-db "$SDB" --today $T -o "$TEST_OUT/pub" -q) 2>imp.err
expect_eq "$?" 0 "prongsai import takes the entry"
expect_eq "$(qstate "$SDB" 1)" "committed|$(git -C "$S" rev-parse HEAD)" "the entry is committed"
expect_eq "$(git -C "$S" rev-parse HEAD^)" "$start" "one commit"
expect_eq "$(git -C "$S" log -1 --format='%an')" "นางมาลี ทดสอบ" "authored by the uploader"
expect_eq "$(git -C "$S" diff --name-only HEAD^ HEAD)" "content/progress/2569/2569-001/2026-04-10.yaml" "the one report"
git -C "$S" show "HEAD:content/progress/2569/2569-001/2026-04-10.yaml" |
	cmp -s - want/progress/2569/2569-001/2026-04-10.yaml && pass "the committed file" || fail "the committed file differs"
expect_grep "ความก้าวหน้า 55% · เบิกจ่าย 550,000.50 บาท" pub/projects/2569-001/index.html "the rebuilt site shows the new figures"

# ---- the caps of the model read from the staff database: at the cap and one over ----
# cap_at WHAT TABLE ROWS-AT-CAP INSERT-SQL-OF-N (N: the rows to add; $N in the SQL)
cap_at() {
	local what=$1 count_sql=$2 cap=$3 ins=$4 have n
	have=$(sqlite3 "$SDB" "$count_sql")
	n=$((cap - have))
	sqlite3 "$SDB" "PRAGMA foreign_keys=OFF; WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $n) ${ins//\$N/$n}"
	expect_eq "$(sqlite3 "$SDB" "$count_sql")" "$cap" "$what: exactly the cap in the database"
	req 200 "$what: at the cap the page answers" -b "prongsai_staff=$TOK" "$S_/sheet"
	sqlite3 "$SDB" "PRAGMA foreign_keys=OFF; WITH RECURSIVE k(i) AS (SELECT $((n + 1))) ${ins//\$N/$n}"
	req 500 "$what: one over the cap is refused" -b "prongsai_staff=$TOK" "$S_/sheet"
	expect_grep "ระบบขัดข้อง" "$D/resp.b" "$what: over the cap: Thai message"
}
cap_at "projects" "SELECT count(*) FROM staff_projects" 5000 \
	"INSERT INTO staff_projects(id, fiscal_year, title, grp, owner, start, end, allocated) SELECT printf('cap-%05d', i), 2560, 'x', 'g', 'nobody', '2016-10-01', '2017-09-30', 0 FROM k"
sqlite3 "$SDB" "DELETE FROM staff_projects WHERE id LIKE 'cap-%'"
cap_at "people" "SELECT count(*) FROM staff_people" 5000 \
	"INSERT INTO staff_people(id, name) SELECT printf('cap-%05d', i), 'x' FROM k"
sqlite3 "$SDB" "DELETE FROM staff_people WHERE id LIKE 'cap-%'"
cap_at "members of a project" "SELECT count(*) FROM staff_members WHERE project_id = '2569-002'" 64 \
	"INSERT INTO staff_members(project_id, person_id) SELECT '2569-002', printf('cap-%05d', i) FROM k"
sqlite3 "$SDB" "DELETE FROM staff_members WHERE person_id LIKE 'cap-%'"
cap_at "reports" "SELECT count(*) FROM staff_reports" 50000 \
	"INSERT INTO staff_reports(project_id, date, percent, disbursed) SELECT '2569-002', date(julianday('1600-01-01') + i), 0, 0 FROM k"
sqlite3 "$SDB" "DELETE FROM staff_reports WHERE date < '1900-01-01'"
req 200 "the page again below the caps" -b "prongsai_staff=$TOK" "$S_/sheet"
finish
