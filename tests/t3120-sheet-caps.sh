#!/usr/bin/env bash
# The caps of `sheet import` (#14), each at the limit (accepted) and one
# over (refused with its message): file size, zip entries and inflated
# bytes (zip bombs), rows, columns, cell length (CSV and .xlsx), XML depth;
# and a DOCTYPE with an external entity is refused.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/sheet.sh"
T=2026-04-15
c=$TEST_OUT/c
make_case "$c"
sheet_people "$c"
cd "$TEST_OUT"
# check only (no --as): 0 = the sheet is clean
imp() { run_prongsai sheet import "$1" -C "$c" --today $T -q; }
H='รหัสโครงการ,วันที่รายงาน,ความก้าวหน้าสะสม 0-100,เบิกจ่ายสะสม (บาท)'
ROW='2569-001,2026-04-10,55,550000'
MAX_FILE=10485760 MAX_ROWS=20000 MAX_COLS=64 MAX_CELL=32767 MAX_UNZIPPED=67108864 MAX_ENTRIES=1000 MAX_DEPTH=32

# file size: the header, the row, then rows of blanks (skipped) up to the size
python3 - "$H" "$ROW" $MAX_FILE <<'PY'
import sys
h, row, cap = sys.argv[1].encode(), sys.argv[2].encode(), int(sys.argv[3])
body = h + b"\n" + row + b"\n"
n = (cap - len(body)) // 1000
for name, size in (("size-at.csv", cap), ("size-over.csv", cap + 1)):
    pad = b"".join(b" " * 999 + b"\n" for _ in range(n))
    rest = size - len(body) - len(pad)
    open(name, "wb").write(body + pad + b" " * rest)
PY
expect_eq "$(stat -c %s size-at.csv)" $MAX_FILE "size-at.csv is the cap"
imp size-at.csv 2>e; expect_eq "$?" 0 "a file of $MAX_FILE bytes is read"
imp size-over.csv 2>e; expect_eq "$?" 1 "a file of $MAX_FILE + 1 bytes is refused"
expect_grep "size-over.csv: ไฟล์ใหญ่เกิน 10485760 ไบต์ / the file is larger than 10485760 bytes" e "the file cap named"

# rows: the header, the row, then id-only rows (skipped) up to the cap
{ echo "$H"; echo "$ROW"; for ((i = 3; i <= MAX_ROWS; i++)); do echo 2569-002; done; } >rows-at.csv
{ cat rows-at.csv; echo 2569-002; } >rows-over.csv
imp rows-at.csv 2>e; expect_eq "$?" 0 "$MAX_ROWS rows are read"
expect_grep "ข้าม 19998 แถว" e "the id-only rows are skipped and counted"
imp rows-over.csv 2>e; expect_eq "$?" 1 "$MAX_ROWS + 1 rows are refused"
expect_grep "rows-over.csv: แถวเกิน 20000 แถว / more than 20000 rows" e "the row cap named"

# columns and cell length: in a note row above the header
note() { python3 -c "import sys; n, w = int(sys.argv[1]), int(sys.argv[2]); print(','.join(['x' * w] + ['x'] * (n - 1)))" "$@"; }
{ note $MAX_COLS 1; echo "$H"; echo "$ROW"; } >cols-at.csv
{ note $((MAX_COLS + 1)) 1; echo "$H"; echo "$ROW"; } >cols-over.csv
imp cols-at.csv 2>e; expect_eq "$?" 0 "$MAX_COLS columns are read"
imp cols-over.csv 2>e; expect_eq "$?" 1 "$MAX_COLS + 1 columns are refused"
expect_grep "cols-over.csv: แถว 1: คอลัมน์เกิน 64 คอลัมน์ / row 1: more than 64 columns" e "the column cap named"
{ note 1 $MAX_CELL; echo "$H"; echo "$ROW"; } >cell-at.csv
{ note 1 $((MAX_CELL + 1)); echo "$H"; echo "$ROW"; } >cell-over.csv
imp cell-at.csv 2>e; expect_eq "$?" 0 "a CSV cell of $MAX_CELL bytes is read"
imp cell-over.csv 2>e; expect_eq "$?" 1 "a CSV cell of $MAX_CELL + 1 bytes is refused"
expect_grep "cell-over.csv: แถว 1 คอลัมน์ A: ข้อความยาวเกิน 32767 ไบต์" e "the CSV cell cap named"

# .xlsx made by hand: rows as JSON
X="$TOP/tests/lib/sheet-xlsx.py"
rows() { python3 -c "
import json, sys
h = sys.argv[1].split(','); r = sys.argv[2].split(',')
note = sys.argv[3] if len(sys.argv) > 3 else 'x'
print(json.dumps([[note], h, [r[0], r[1], float(r[2]), float(r[3])]]))" "$H" "$ROW" "$@"; }
rows >r.json
python3 "$X" ok.xlsx r.json; imp ok.xlsx 2>e; expect_eq "$?" 0 "the hand-made workbook is read (control)"
rows "$(printf 'ก%.0s' $(seq 1 10922))x" >r-at.json    # 10922 x 3 bytes + 1 = 32767
rows "$(printf 'ก%.0s' $(seq 1 10922))xy" >r-over.json
python3 "$X" cell-at.xlsx r-at.json; imp cell-at.xlsx 2>e; expect_eq "$?" 0 "an .xlsx cell of $MAX_CELL bytes is read"
python3 "$X" cell-over.xlsx r-over.json; imp cell-over.xlsx 2>e; expect_eq "$?" 1 "an .xlsx cell of $MAX_CELL + 1 bytes is refused"
expect_grep "cell-over.xlsx: xl/worksheets/sheet1.xml บรรทัด 2: ข้อความยาวเกิน 32767 ไบต์" e "the .xlsx cell cap named"
python3 "$X" depth-at.xlsx r.json "{\"nest\": $MAX_DEPTH}"; imp depth-at.xlsx 2>e; expect_eq "$?" 0 "XML $MAX_DEPTH deep is read"
python3 "$X" depth-over.xlsx r.json "{\"nest\": $((MAX_DEPTH + 1))}"; imp depth-over.xlsx 2>e; expect_eq "$?" 1 "XML $MAX_DEPTH + 1 deep is refused"
expect_grep "XML ซ้อนกันเกิน 32 ชั้น / XML nested deeper than 32" e "the depth cap named"
python3 "$X" entries-at.xlsx r.json "{\"entries\": $MAX_ENTRIES}"; imp entries-at.xlsx 2>e; expect_eq "$?" 0 "$MAX_ENTRIES zip entries are read"
python3 "$X" entries-over.xlsx r.json "{\"entries\": $((MAX_ENTRIES + 1))}"; imp entries-over.xlsx 2>e; expect_eq "$?" 1 "$MAX_ENTRIES + 1 zip entries are refused"
expect_grep "entries-over.xlsx: ไฟล์ zip มีเกิน 1000 ไฟล์ (zip bomb)" e "the entry cap named"
python3 "$X" unz-at.xlsx r.json "{\"total\": $MAX_UNZIPPED}"; imp unz-at.xlsx 2>e; expect_eq "$?" 0 "parts inflating to $MAX_UNZIPPED bytes are read"
python3 "$X" unz-over.xlsx r.json "{\"total\": $((MAX_UNZIPPED + 1))}"; imp unz-over.xlsx 2>e; expect_eq "$?" 1 "one byte more is refused"
expect_grep "unz-over.xlsx: ไฟล์ zip ขยายแล้วใหญ่เกิน 67108864 ไบต์ (zip bomb)" e "the inflate cap named"
expect_eq "$(stat -c %s unz-over.xlsx | awk '{ print ($1 < 1000000) }')" 1 "(the bomb itself is small)"
python3 "$X" doctype.xlsx r.json '{"doctype": true}'; imp doctype.xlsx 2>e; expect_eq "$?" 1 "a DOCTYPE is refused"
expect_grep "doctype.xlsx: xl/worksheets/sheet1.xml บรรทัด 2: มีการประกาศ DOCTYPE/entity ซึ่งไม่อนุญาต" e "no external entities"
expect_no_grep "root:" e "(nothing of /etc/passwd shown)"
finish
