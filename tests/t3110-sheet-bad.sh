#!/usr/bin/env bash
# Bad sheets (#14): every problem of every row is listed at once, by row and
# Thai header, with the message `prongsai check` gives, and nothing is
# queued: a wrong type, percent 150, disbursed over the budget, an unknown
# project, a project outside the uploader's scope, a missing figure; and in
# workbooks LibreOffice saved: a hidden extra sheet, a formula; a zip bomb;
# a malformed XML part.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/sheet.sh"
T=2026-04-15
c=$TEST_OUT/c
db=$TEST_OUT/staff.db
make_case "$c"
sheet_people "$c"
new_staff_db "$db"
cd "$TEST_OUT"
imp() { run_prongsai sheet import "$1" -C "$c" --as "${2:-malee}" --staff-db "$db" --today $T -q; }

H='รหัสโครงการ,วันที่รายงาน,ความก้าวหน้าสะสม 0-100,เบิกจ่ายสะสม (บาท),ผลสะสมตัวชี้วัดที่ 1'
cat >bad.csv <<EOF2
$H
2569-001,2026-04-10,abc,500000,
2569-001,2026-04-11,150,500000,
2569-002,2026-02-01,60,300000,
2569-777,2026-02-01,10,10,
2569-001,2026-04-12,50,,x
2569-001,31/2/2569,50,1,
2569-002,,,,
EOF2
imp bad.csv 2>bad.err >/dev/null; expect_eq "$?" 1 "a bad sheet fails"
cat >want.err <<'EOF2'
แถว 2 คอลัมน์ 'ความก้าวหน้าสะสม 0-100': "percent" ต้องเป็นตัวเลข (ได้ "abc")
แถว 3 คอลัมน์ 'ความก้าวหน้าสะสม 0-100': "percent" ต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 150)
แถว 4 คอลัมน์ 'เบิกจ่ายสะสม (บาท)': เบิกจ่ายสะสม 300,000.00 บาท เกินงบที่ได้รับ 200,000.50 บาท
แถว 5 คอลัมน์ 'รหัสโครงการ': ไม่มีโครงการรหัส '2569-777'
แถว 6 คอลัมน์ 'เบิกจ่ายสะสม (บาท)': "disbursed" ต้องเป็นจำนวนเงิน เช่น 250000 หรือ "1,250,000.50" (ได้ "")
แถว 6 คอลัมน์ 'ผลสะสมตัวชี้วัดที่ 1': "villages" ต้องเป็นตัวเลข (ได้ "x")
แถว 7 คอลัมน์ 'วันที่รายงาน': วันที่ '31/2/2569' อ่านไม่ได้ ให้พิมพ์เช่น 30/11/2569 หรือ 2026-11-30
prongsai: พบ 7 ปัญหา ไม่ได้นำเข้าแถวใดเลย แก้ตารางแล้วนำเข้าใหม่
EOF2
diff want.err bad.err >d.txt && pass "every problem at once, row and Thai header, check's own words" || { cat d.txt; fail "messages differ"; }
run_prongsai sheet import bad.csv -C "$c" --as malee --staff-db "$db" --today $T -q --lang en 2>bad-en.err >/dev/null
expect_grep "row 5 column 'รหัสโครงการ': no project with the id '2569-777'" bad-en.err "--lang en"
expect_eq "$(queue_count "$db")" 0 "a bad sheet queues nothing"

printf '%s\n2569-001,2026-04-10,55,550000,\n2569-001,10/4/2569,56,560000,\n' "$H" >dup.csv
imp dup.csv 2>dup.err >/dev/null; expect_eq "$?" 1 "two rows for one project and date fail"
expect_grep "แถว 3 คอลัมน์ 'รหัสโครงการ': โครงการ '2569-001' วันที่ 2026-04-10 ซ้ำกับแถว 2" dup.err "the second row is named"
printf '%s\n2569-002,2026-02-01,60,100000,\n' "$H" >scope.csv
imp scope.csv somchai 2>scope.err >/dev/null; expect_eq "$?" 1 "a project outside the scope fails"
expect_grep "แถว 2 คอลัมน์ 'รหัสโครงการ': โครงการ '2569-002' ไม่อยู่ในความรับผิดชอบของ somchai (ดู roles ใน people.yaml)" \
	scope.err "refused by name"
# roles (people.yaml): a group director has their group's projects, an admin all
printf '%s\n2569-001,2026-04-10,55,550000,\n2569-002,2026-02-01,60,100000,\n' "$H" >two.csv
imp two.csv wichai 2>dir.err >/dev/null; expect_eq "$?" 1 "a group director outside their group fails"
expect_grep "แถว 2 คอลัมน์ 'รหัสโครงการ': โครงการ '2569-001' ไม่อยู่ในความรับผิดชอบของ wichai" dir.err "the other group's project named"
expect_no_grep "แถว 3 คอลัมน์ 'รหัสโครงการ'" dir.err "their own group's project is in scope"
new_staff_db admin.db
run_prongsai sheet import two.csv -C "$c" --as admin1 --staff-db admin.db --today $T -q >/dev/null 2>admin.err
expect_eq "$?" 0 "an admin may update every project"
imp scope.csv nobody 2>who.err >/dev/null; expect_eq "$?" 1 "an unknown uploader fails"
expect_grep "ไม่มีบุคคลรหัส 'nobody' ใน people.yaml" who.err "unknown uploader named"
expect_eq "$(queue_count "$db")" 0 "nothing queued"

# ---- workbooks saved by LibreOffice ----
J='["รหัสโครงการ","วันที่รายงาน","ความก้าวหน้าสะสม 0-100","เบิกจ่ายสะสม (บาท)"]'
python3 "$TOP/tests/lib/sheet-fods.py" hidden.fods \
	"[{\"name\":\"ความก้าวหน้า\",\"rows\":[$J,[\"2569-001\",{\"date\":\"2026-04-10\"},55,550000]]},{\"name\":\"ซ่อน\",\"hidden\":true,\"rows\":[[\"2569-002\"]]}]"
python3 "$TOP/tests/lib/sheet-fods.py" formula.fods \
	"[{\"name\":\"ความก้าวหน้า\",\"rows\":[$J,[\"2569-001\",{\"date\":\"2026-04-10\"},{\"formula\":\"of:=50+5\",\"value\":55},550000]]}]"
python3 "$TOP/tests/lib/sheet-fods.py" good.fods \
	"[{\"name\":\"ความก้าวหน้า\",\"rows\":[$J,[\"2569-001\",{\"date\":\"2026-04-10\"},55,550000]]}]"
for f in hidden formula good; do lo_convert xlsx lo $f.fods || fail "LibreOffice saves $f.xlsx"; done
imp lo/hidden.xlsx 2>hidden.err >/dev/null; expect_eq "$?" 1 "a hidden extra sheet fails"
expect_grep "lo/hidden.xlsx: สมุดงานต้องมีแผ่นงานเดียว แต่มี 2 แผ่น: 'ความก้าวหน้า', 'ซ่อน' (ซ่อน/hidden)" hidden.err \
	"the hidden sheet is named"
imp lo/formula.xlsx 2>formula.err >/dev/null; expect_eq "$?" 1 "a formula fails"
expect_grep "แถว 2 คอลัมน์ 'ความก้าวหน้าสะสม 0-100': เป็นสูตร ให้พิมพ์ค่าแทนสูตร" formula.err "the formula cell is named"
run_prongsai sheet import lo/good.xlsx -C "$c" --staff-db "$db" --today $T -q 2>good.err
expect_eq "$?" 0 "the same workbook without the formula and the hidden sheet passes (control)"

# ---- a zip bomb and a malformed part, made from a good workbook ----
python3 - lo/good.xlsx <<'PY'
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
def copy(dst, change):
    z = zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED)
    for i in src.infolist():
        data = src.read(i.filename)
        z.writestr(i.filename, change(i.filename, data))
    return z
# 64 MiB + 1 of spaces after the XML declaration's document: one entry
z = copy("bomb.xlsx", lambda n, d: d + b" " * (64 * 1024 * 1024) if n == "xl/worksheets/sheet1.xml" else d)
z.close()
z = copy("broken.xlsx", lambda n, d: d.replace(b"</sheetData>", b"</sheetDat>") if n == "xl/worksheets/sheet1.xml" else d)
z.close()
PY
imp bomb.xlsx 2>bomb.err >/dev/null; expect_eq "$?" 1 "a zip bomb fails"
expect_grep "bomb.xlsx: ไฟล์ zip ขยายแล้วใหญ่เกิน 67108864 ไบต์ (zip bomb)" bomb.err "the zip bomb is named"
imp broken.xlsx 2>broken.err >/dev/null; expect_eq "$?" 1 "a malformed XML part fails"
expect_grep "broken.xlsx: xl/worksheets/sheet1.xml บรรทัด 2: XML เสีย / malformed XML: mismatched tag" broken.err \
	"the part, its line and expat's reason"
expect_eq "$(queue_count "$db")" 0 "no bad workbook queued anything"
finish
