#!/usr/bin/env bash
# variants: release
# The spreadsheet round trip (#14): `sheet export` writes a protected,
# validated workbook that LibreOffice reads; filled by script and saved by
# LibreOffice (a real Excel date), `sheet import --as` queues one 'sheet'
# entry whose files equal the hand-written reports; `prongsai import` makes
# it one commit by the uploader and the built site shows the new figures.
# CSV in UTF-8 with a BOM, Thai digits, Buddhist-Era text dates, Thai month
# names and Windows-874 give the same files; rows without new figures are
# skipped and counted; without --as nothing is queued.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/sheet.sh"
. "$TOP/tests/lib/staffq.sh"
T=2026-04-15
S=$TEST_OUT/site
c=$S/content
db=$TEST_OUT/staff.db
# the site's repository: the mini fixture with roles, one commit
mkdir -p "$S"
make_case "$c"
sheet_people "$c"
git -C "$S" init -q -b main
git -C "$S" -c user.name=t -c user.email=t@example.invalid add -A
git -C "$S" -c user.name=t -c user.email=t@example.invalid commit -q -m start
start=$(git -C "$S" rev-parse HEAD)
new_staff_db "$db"
cd "$TEST_OUT"

# ---- export ----
run_prongsai sheet --help >help.txt; expect_eq "$?" 0 "sheet --help"
expect_grep "prongsai sheet import FILE.xlsx|FILE.csv" help.txt "--help names import"
run_prongsai sheet export -C "$c" --fy 2569 -o a.xlsx --today $T 2>export.err
expect_eq "$?" 0 "export succeeds"
expect_grep "2 โครงการ" export.err "export counts the projects"
python3 - a.xlsx >parts.txt <<'PY'
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
print(z.read("xl/worksheets/sheet1.xml").decode())
print(z.read("xl/sharedStrings.xml").decode())
PY
expect_grep "<sheetProtection" parts.txt "the sheet is protected"
expect_grep '<dataValidation type="decimal"' parts.txt "numbers are validated"
expect_grep "<formula1>0</formula1><formula2>100</formula2>" parts.txt "percent is 0 to 100"
expect_grep '<dataValidation type="date"' parts.txt "the date is validated as a date"
expect_grep "ความก้าวหน้าสะสม 0-100" parts.txt "a Thai header from the progress schema"
expect_grep "เหตุผลเมื่อค่าสะสมลดลงจากรายงานก่อน" parts.txt "every typed field of the schema is a column"
expect_grep "วิธีกรอก" parts.txt "an instruction row"
expect_grep "หมู่บ้านต้นแบบ (หมู่บ้าน) เป้าหมาย 10 ล่าสุด 4" parts.txt "the KPI with its target and last value"
run_prongsai sheet export -C "$c" --fy 2569 --group nosuch -o b.xlsx --today $T 2>/dev/null
expect_eq "$?" 2 "an unknown group is a usage error"
# --as: the projects the person may update (roles in people.yaml)
run_prongsai sheet export -C "$c" --as somchai -o s.xlsx --today $T 2>s.err
expect_grep "1 โครงการ" s.err "an officer's sheet holds their project only"
run_prongsai sheet export -C "$c" --as wichai -o w.xlsx --today $T 2>w.err
python3 -c "import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read('xl/sharedStrings.xml').decode())" w.xlsx >w.txt
expect_grep "สัมมาชีพชุมชน" w.txt "a group director's sheet holds their group's project"
expect_no_grep "หมู่บ้านเศรษฐกิจพอเพียง" w.txt "and not the other group's"
run_prongsai sheet export -C "$c" --as nobody -o n.xlsx --today $T 2>/dev/null
expect_eq "$?" 2 "an unknown person is a usage error"

# ---- LibreOffice reads the export, the script fills it, LibreOffice saves it ----
lo_convert "$LO_CSV_OUT" lo1 a.xlsx || fail "LibreOffice reads the export"
expect_grep '"2569-001","หมู่บ้านเศรษฐกิจพอเพียง","นายสมชาย ทดสอบ"' lo1/a.csv "LibreOffice sees the locked columns"
fill_csv lo1/a.csv filled.csv \
	"2569-001=วันที่รายงาน=2026-04-10" "2569-001=ความก้าวหน้าสะสม 0-100=55" \
	"2569-001=เบิกจ่ายสะสม (บาท)=550000.5" "2569-001=ผลสะสมตัวชี้วัดที่ 1=6" \
	"2569-001=ผลการดำเนินงาน=อบรมแกนนำรุ่นที่ 2" \
	"2569-002=วันที่รายงาน=15/2/2569" "2569-002=ความก้าวหน้าสะสม 0-100=๖๐" \
	"2569-002=เบิกจ่ายสะสม (บาท)=120,000" "2569-002=ปัญหาอุปสรรค=ฝนตก"
lo_convert xlsx lo2 filled.csv "$LO_CSV_IN" || fail "LibreOffice saves the filled sheet"
python3 - lo2/filled.xlsx >lo2.txt <<'PY'
import sys, zipfile
print(zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet1.xml").decode())
PY
expect_grep '<c r="H3" s="1" t="n"><v>46122</v>' lo2.txt "LibreOffice stored 2026-04-10 as an Excel date (serial 46122)"
run_prongsai sheet import lo2/filled.xlsx -C "$c" --as malee --staff-db "$db" --today $T >qid 2>import.err
expect_eq "$?" 0 "import of the LibreOffice workbook succeeds"
cat import.err
expect_eq "$(cat qid)" 1 "one queue entry"
expect_grep "เข้าคิวแล้ว 2 รายงาน ข้าม 0 แถว" import.err "two reports queued"
mkdir -p want/progress/2569/2569-001 want/progress/2569/2569-002
cat >want/progress/2569/2569-001/2026-04-10.yaml <<'Y'
date: 2026-04-10
reporter: malee
percent: 55
disbursed: 550000.50
kpis:
  villages: 6
narrative: "อบรมแกนนำรุ่นที่ 2"
Y
cat >want/progress/2569/2569-002/2026-02-15.yaml <<'Y'
date: 2026-02-15
reporter: malee
percent: 60
disbursed: 120000
problems: "ฝนตก"
Y
expect_eq "$(queue_dump "$db" got)" 1 "queue holds one row"
diff -r want got >diff.txt && pass "the queued files equal the hand-written reports" || { cat diff.txt; fail "queued files differ"; }
python3 -c "
import sqlite3; r = sqlite3.connect('$db').execute('select kind, person_id, subject, state from queue').fetchone(); print('|'.join(r))" >row.txt
expect_grep "sheet|malee|filled.xlsx|queued" row.txt "one 'sheet' row by the uploader"
expect_no_grep "2026-04-10" "$c/progress" "sheet import itself writes nothing into the content"

# ---- prongsai import commits the entry: one commit by the uploader ----
(cd "$TOP" && run_prongsai import -C "$c" --staff-db "$db" --today $T -o "$TEST_OUT/pub" -q) 2>imp.err
expect_eq "$?" 0 "prongsai import takes the sheet's entry"
expect_eq "$(qstate "$db" 1)" "committed|$(git -C "$S" rev-parse HEAD)" "the entry is committed"
expect_eq "$(git -C "$S" rev-parse HEAD^)" "$start" "all the sheet's reports in one commit"
expect_eq "$(git -C "$S" log -1 --format='%an')" "นางมาลี ทดสอบ" "authored by the uploader"
expect_eq "$(git -C "$S" diff --name-only HEAD^ HEAD | tr '\n' ' ')" \
	"content/progress/2569/2569-001/2026-04-10.yaml content/progress/2569/2569-002/2026-02-15.yaml " "the two reports"
for f in progress/2569/2569-001/2026-04-10.yaml progress/2569/2569-002/2026-02-15.yaml; do
	git -C "$S" show "HEAD:content/$f" | cmp -s - "want/$f" && pass "committed $f equals the hand-written one" ||
		fail "committed $f differs"
done
expect_grep "ความก้าวหน้า 55% · เบิกจ่าย 550,000.50 บาท" pub/projects/2569-001/index.html "the built site shows the new figures"

# ---- CSV: BOM, Thai digits, Buddhist-Era text dates, Thai month names ----
H='รหัสโครงการ,วันที่รายงาน,ความก้าวหน้าสะสม 0-100,เบิกจ่ายสะสม (บาท),ผลสะสมตัวชี้วัดที่ 1,ผลการดำเนินงาน'
new_staff_db db2
printf '\xEF\xBB\xBF%s\r\n2569-001,๑๐/๔/๒๕๖๙,๕๕,"๕๕๐,๐๐๐.๕๐",๖,อบรมแกนนำรุ่นที่ 2\r\n2569-002,,,,,\r\n' "$H" >bom.csv
run_prongsai sheet import bom.csv -C "$c" --as malee --staff-db db2 --today $T >/dev/null 2>bom.err
expect_eq "$?" 0 "a UTF-8 CSV with a BOM and Thai digits imports"
expect_grep "ข้าม 1 แถว" bom.err "the row without figures is skipped and counted"
queue_dump db2 got2 >/dev/null
cmp -s got2/progress/2569/2569-001/2026-04-10.yaml want/progress/2569/2569-001/2026-04-10.yaml &&
	pass "BE text date and Thai digits give the same report" || fail "CSV with BOM: report differs"
printf '%s\n2569-001,10 เม.ย. 2569,55,550000.5,6,อบรมแกนนำรุ่นที่ 2\n' "$H" | iconv -f UTF-8 -t WINDOWS-874 >cp874.csv
if iconv -f UTF-8 -t UTF-8 cp874.csv >/dev/null 2>&1; then fail "cp874.csv should not be UTF-8"; fi
new_staff_db db3
run_prongsai sheet import cp874.csv -C "$c" --as malee --staff-db db3 --today $T >/dev/null 2>cp.err
expect_eq "$?" 0 "a Windows-874 CSV imports"
queue_dump db3 got3 >/dev/null
cmp -s got3/progress/2569/2569-001/2026-04-10.yaml want/progress/2569/2569-001/2026-04-10.yaml &&
	pass "Windows-874 text and a Thai month name give the same report" || fail "Windows-874: report differs"

# ---- without --as: checked, nothing queued; the empty date is today ----
printf '%s\n2569-001,,55,550000.5,,\n' "$H" >noas.csv
run_prongsai sheet import noas.csv -C "$c" --today 2026-04-12 2>noas.err >/dev/null
expect_eq "$?" 0 "check only without --as"
expect_grep "ไม่มี --as จึงไม่ได้นำเข้า" noas.err "says nothing was imported"
finish
