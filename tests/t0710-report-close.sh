#!/usr/bin/env bash
# `prongsai report close 2569 annual` commits a closing record; the closed
# report keeps the figures it had at that commit after a later correction,
# lists the correction under "แก้ไขหลังปิดรายงาน", and its print header
# carries the closing date and commit id (issue 16, item 4).
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
export GIT_CONFIG_NOSYSTEM=1 HOME=$TEST_OUT/home
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global user.name "นางมาลี ทดสอบ"
git config --global user.email malee@users.noreply.invalid
report=progress/2569/2569-001/2026-03-25.yaml
r=$TEST_OUT/r
make_case "$r"
(cd "$r" && git init -q && git add -A && git commit -qm first) || fail "first commit"
build() { run_prongsai build -C "$r" -o "$1" --today 2026-10-15 --theme "$TOP/themes/default" 2>"$1.err"; }
ann=annual/index.html

run_prongsai report close 2569 annual -C "$TEST_OUT/nowhere" 2>"$TEST_OUT/e0"; expect_eq "$?" 1 "not a git repository: failure"
expect_grep 'not in a git repository' "$TEST_OUT/e0" "says why (Thai and English)"
run_prongsai report close 2569 yearly -C "$r" 2>/dev/null; expect_eq "$?" 2 "a bad report kind is a usage error"
run_prongsai report close 25x annual -C "$r" 2>/dev/null; expect_eq "$?" 2 "a bad year is a usage error"
expect_grep 'report close FY half-year|annual' <(run_prongsai report --help) "--help"

id=$(run_prongsai report close 2569 annual -C "$r" 2>"$TEST_OUT/e1"); expect_eq "$?" 0 "closes the annual report"
expect_eq "$(git -C "$r" rev-parse HEAD)" "$id" "prints the commit it made"
expect_grep 'Prongsai-Close: 2569 annual' <(git -C "$r" log -1 --format=%B) "the commit carries the closing trailer"
expect_eq "$(git -C "$r" diff --stat HEAD~1 HEAD | wc -l)" 0 "the closing commit changes no file"
run_prongsai report close 2569 annual -C "$r" 2>"$TEST_OUT/e2"; expect_eq "$?" 1 "closing twice fails"
expect_grep "already closed in commit $id" "$TEST_OUT/e2" "names the first closing"

build "$TEST_OUT/p1"; expect_eq "$?" 0 "builds after closing"
page=$TEST_OUT/p1/reports/2569/$ann
expect_grep 'ปิดรายงานแล้วเมื่อ' "$page" "the closed report says so"
expect_grep "commit $id" "$page" "the print header carries the commit id"
expect_grep '400,000.25' "$page" "figures at closing"

sed -i 's/^disbursed: .*/disbursed: 350000\ncorrection: ใบเสร็จซ้ำ/' "$r/$report"
(cd "$r" && git -c user.name="Later Editor" -c user.email=later@example.org commit -qam "correct after closing") || fail "commit"
build "$TEST_OUT/p2"; expect_eq "$?" 0 "builds after a correction"
page=$TEST_OUT/p2/reports/2569/$ann
expect_grep '400,000.25' "$page" "the closed report keeps its figure after the correction"
expect_no_grep '<td class="num">350,000.00' "$page" "the corrected figure is not in the closed table"
expect_grep 'แก้ไขหลังปิดรายงาน' "$page" "the after-closing list"
expect_grep '<del>400,000.25</del> → <ins>350,000.00</ins>' "$page" "lists the correction"
expect_grep 'Later Editor' "$page" "with its author"
expect_grep '350,000.00' "$TEST_OUT/p2/projects/2569-001/index.html" "the project page shows the current figure"
expect_no_grep 'ปิดรายงานแล้วเมื่อ' "$TEST_OUT/p2/reports/2569/half-year/index.html" "the half-year report is not closed"
run_prongsai report close 2569 half-year -C "$r" -q >/dev/null; expect_eq "$?" 0 "closes the half-year report"
build "$TEST_OUT/p3"
expect_grep 'ปิดรายงานแล้วเมื่อ' "$TEST_OUT/p3/reports/2569/half-year/index.html" "the half-year report is closed too"
expect_grep 'ไม่มีการแก้ไขข้อมูลของรายงานนี้หลังปิดรายงาน' "$TEST_OUT/p3/reports/2569/half-year/index.html" "nothing changed after that closing"
expect_eq "$(ls "${TMPDIR:-/tmp}" | grep -c "prongsai-closed-" || true)" 0 "no temporary folder left"
finish
