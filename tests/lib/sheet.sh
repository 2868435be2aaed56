# sheet.sh: helpers for the spreadsheet tests (t31xx).
# lo_convert FORMAT OUTDIR FILE [INFILTER]: LibreOffice headless (Debian's
# libreoffice-calc-nogui) converts FILE into OUTDIR, with a profile of the
# test's own under $TEST_OUT/lo.  CSV in and out is UTF-8, comma, quote.
lo_convert() {
	timeout 300 soffice -env:UserInstallation="file://$TEST_OUT/lo" --headless --norestore \
		${4:+--infilter="$4"} --convert-to "$1" --outdir "$2" "$3" >"$TEST_OUT/lo.log" 2>&1
}
LO_CSV_IN='CSV:44,34,76,1'
LO_CSV_OUT='csv:Text - txt - csv (StarCalc):44,34,76,1'
# new_staff_db FILE: an empty staff database file (migrated on first use).
new_staff_db() {
	rm -f "$1"
	: >"$1"
	chmod 600 "$1"
}
# queue_dump DB DIR: the files of every queue entry into DIR/<path>, and
# the number of queue rows on stdout.
queue_dump() {
	python3 - "$1" "$2" <<'PY'
import os, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
try:
    rows = db.execute("SELECT path, data FROM queue_files").fetchall()
    n = db.execute("SELECT count(*) FROM queue").fetchone()[0]
except sqlite3.OperationalError:
    rows, n = [], 0
for path, data in rows:
    p = os.path.join(sys.argv[2], path)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    open(p, "wb").write(data)
print(n)
PY
}
# queue_count DB: the number of queue rows (0 without the table).
queue_count() {
	queue_dump "$1" "$TEST_OUT/.qc" && rm -rf "$TEST_OUT/.qc"
}
# fill_csv IN OUT ID=COLUMN=VALUE...: set cells of the exported sheet (as
# LibreOffice wrote it to CSV) by project id and Thai header.
fill_csv() {
	python3 - "$@" <<'PY'
import csv, sys
src, dst, sets = sys.argv[1], sys.argv[2], sys.argv[3:]
rows = list(csv.reader(open(src, encoding="utf-8")))
head = next(i for i, r in enumerate(rows) if r and r[0] == "รหัสโครงการ")
h = rows[head]
for s in sets:
    pid, col, val = s.split("=", 2)
    r = next(r for r in rows[head + 1:] if r and r[0] == pid)
    r[h.index(col)] = val
csv.writer(open(dst, "w", encoding="utf-8", newline="")).writerows(rows)
PY
}
# sheet_people DIR: roles for the mini fixture's people (people.yaml
# roles:) and two more: somchai and malee officers, wichai the economy
# group's director, admin1 an administrator.
sheet_people() {
	cat >"$1/people.yaml" <<'Y'
people:
  - {id: somchai, name: นายสมชาย ทดสอบ, position: นักวิชาการพัฒนาชุมชน, group: strategy, roles: [officer]}
  - {id: malee, name: นางมาลี ทดสอบ, position: พัฒนาการอำเภอ, group: economy, district: dan-sai, executive: true, roles: [officer]}
  - {id: wichai, name: นายวิชัย ทดสอบ, position: หัวหน้ากลุ่มงาน, group: economy, roles: [group-director]}
  - {id: admin1, name: นายผู้ดูแล ทดสอบ, position: เจ้าพนักงานธุรการ, group: strategy, roles: [admin]}
Y
}
