#!/usr/bin/env bash
# `prongsai new` writes fill-in templates from the field tables: left as
# written they fail `check` naming each unfilled field ("ยังไม่ได้กรอก ...");
# once filled in they pass.  A new report starts from the previous report's
# cumulative figures, reporter and the project's KPIs.  It never overwrites.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
c=$TEST_OUT/c
make_case "$c"
f=$(run_prongsai new report 2569-002 -C "$c" --date 2026-02-15) || fail "new report"
expect_eq "$f" "$c/progress/2569/2569-002/2026-02-15.yaml" "report path"
# pre-filled from progress/2569/2569-002/2026-01-10.yaml
expect_grep "reporter: malee " "$f" "reporter pre-filled from the previous report"
expect_grep "percent: 50 " "$f" "previous cumulative percent pre-filled"
expect_grep "disbursed: 100000 " "$f" "previous cumulative disbursement pre-filled"
run_prongsai check -C "$c" --lang en --today 2026-04-15 2>"$TEST_OUT/err0"
expect_eq "$?" 1 "an unfilled report fails check"
expect_grep '2026-02-15.yaml:5:12: error: narrative is not filled in yet' "$TEST_OUT/err0" "the unfilled field is named at its place"
run_prongsai check -C "$c" --today 2026-04-15 2>"$TEST_OUT/err0th"
expect_grep 'error: ยังไม่ได้กรอก narrative' "$TEST_OUT/err0th" "in Thai by default"
sed -i -e 's/^percent: .*/percent: 60/' -e 's/^disbursed: .*/disbursed: 150000/' \
	-e 's/^narrative: .*/narrative: ประชุมแล้ว/' -e '/^problems:/d' "$f"
run_prongsai check -C "$c" --today 2026-04-15 2>"$TEST_OUT/err"; expect_eq "$?" 0 "filled report passes check"
cat "$TEST_OUT/err"
run_prongsai new report 2569-002 -C "$c" --date 2026-02-15 2>/dev/null; expect_eq "$?" 1 "never overwrites"
run_prongsai new report 2569-777 -C "$c" 2>/dev/null; expect_eq "$?" 1 "unknown project refused"
# the project's KPI ids and names, with the previous actuals
f=$(run_prongsai new report 2569-001 -C "$c" --date 2026-04-10) || fail "new report 2569-001"
expect_grep "  villages: 4 " "$f" "KPI id with the previous actual"
expect_grep "# หมู่บ้านต้นแบบ (หมู่บ้าน)" "$f" "KPI name and unit beside it"
expect_grep "percent: 40 " "$f" "latest earlier report's percent"
rm "$f"
f=$(run_prongsai new project --fy 2569 -C "$c") || fail "new project"
f=$(ls "$c"/projects/2569/ | tail -1)
expect_eq "$f" "2569-003.md" "new project takes the next free id"
run_prongsai check -C "$c" --lang en --today 2026-04-15 2>"$TEST_OUT/err1"
expect_eq "$?" 1 "an unfilled project fails check"
for field in title group owner name unit; do
	expect_grep "error: $field is not filled in yet" "$TEST_OUT/err1" "unfilled $field named"
done
expect_grep "error: districts is not filled in yet" "$TEST_OUT/err1" "unfilled district named"
sed -i -e 's/^group: .*/group: strategy/' -e 's/^owner: .*/owner: somchai/' -e 's/^title: .*/title: โครงการใหม่/' \
	-e 's/^districts: .*/districts: [mueang-loei]/' -e 's/name: กรอกชื่อตัวชี้วัด, unit: กรอกหน่วยนับ/name: ครัวเรือน, unit: ครัวเรือน/' \
	"$c/projects/2569/2569-003.md"
run_prongsai check -C "$c" --today 2026-04-15 2>"$TEST_OUT/err2"; expect_eq "$?" 0 "filled project passes check"
cat "$TEST_OUT/err2"
f=$(run_prongsai new news open-day -C "$c" --date 2026-03-01) || fail "new news"
run_prongsai check -C "$c" --lang en --today 2026-04-15 2>"$TEST_OUT/err3"; expect_eq "$?" 1 "unfilled news fails check"
expect_grep "error: title is not filled in yet" "$TEST_OUT/err3" "unfilled news title named"
sed -i -e 's/^title: .*/title: วันเปิดบ้าน/' -e 's/^summary: .*/summary: เชิญชม/' "$f"
run_prongsai check -C "$c" --today 2026-04-15; expect_eq "$?" 0 "filled news passes check"
run_prongsai new project --fy 2701 -C "$c" 2>/dev/null; expect_eq "$?" 2 "a fiscal year over the range is refused"
run_prongsai new project --fy 2700 -C "$c" >/dev/null; expect_eq "$?" 0 "the last fiscal year of the range is taken"
rm -r "$c/projects/2700"
# a report whose figures go down says why, and the project page shows it
f=$(run_prongsai new report 2569-001 -C "$c" --date 2026-04-10) || fail "new report with a correction"
sed -i -e 's/^percent: .*/percent: 30/' -e 's/^narrative: .*/narrative: ตรวจนับใหม่/' -e '/^problems:/d' "$f"
run_prongsai check -C "$c" --lang en --today 2026-04-15 2>"$TEST_OUT/err4"; expect_eq "$?" 1 "lower cumulative percent without a reason fails"
echo 'correction: รายงานเดือนมีนาคมนับรวมงานที่ยังไม่เสร็จ' >>"$f"
run_prongsai build -q -C "$c" -o "$TEST_OUT/site" --today 2026-04-15; expect_eq "$?" 0 "with correction: it builds"
expect_grep 'รายงานเดือนมีนาคมนับรวมงานที่ยังไม่เสร็จ' "$TEST_OUT/site/projects/2569-001/index.html" "the correction is shown on the project page"
run_prongsai new bogus 2>/dev/null; expect_eq "$?" 2 "unknown kind is a usage error"
finish
