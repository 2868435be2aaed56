#!/usr/bin/env bash
# `prongsai build --manual DIR [--manual-media DIR]` on the mini fixture
# (docs/manual.md): the parts become manual/<name>/ in menu order with a
# contents page and a print page; a picture line is kept, its file copied
# beside the contents page, only when the media folder has it (else dropped,
# with a warning at its line); manual.pdf is offered only when there; caps
# of 20 parts and 400 pictures at the cap and one over; a bad folder, a bad
# part and --manual-media alone are refused; "manual" is no page name.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
c=$TEST_OUT/c man=$TEST_OUT/man media=$TEST_OUT/media
make_case "$c"
rm -rf "$man" "$media" && mkdir -p "$man" "$media/shots"
B=(build -q -C "$c" --today 2026-04-15 --no-history)
part() { # part FILE MENU TITLE [BODY...]
	local f=$1 m=$2 t=$3; shift 3
	{ printf -- '---\ntitle: %s\nmenu: %s\nsummary: สรุป %s\n---\n\n' "$t" "$m" "$t"; printf '%s\n' "$@"; } >"$man/$f.md"
}
part second 2 "ตอนที่สอง" "## งานสอง" "1. ขั้นเดียว"
part first 1 "ตอนแรก" "## งานหนึ่ง" "1. ขั้นแรก" "   ![ภาพขั้นแรก](shots/step-one-360.png)" "2. ขั้นสอง" \
	"   ![ภาพที่ไม่มี](shots/not-there-360.png)" "![ไม่ใช่ภาพของคู่มือ](other/x.png)"
printf 'png' >"$media/shots/step-one-360.png"
run_prongsai "${B[@]}" -o "$TEST_OUT/t1" --manual "$man" 2>"$TEST_OUT/e1"
expect_eq "$?" 0 "builds with the manual, no media"
expect_grep 'ตอนแรก' "$TEST_OUT/t1/manual/index.html" "contents page"
[ "$(grep -o 'manual/[a-z]*/index.html' "$TEST_OUT/t1/manual/index.html" | grep -v print | head -1)" = manual/first/index.html ] &&
	pass "parts in menu order" || fail "parts not in menu order"
expect_grep '<h2>งานหนึ่ง</h2>' "$TEST_OUT/t1/manual/first/index.html" "a part's task heading"
expect_no_grep '<img src="../' "$TEST_OUT/t1/manual" "no media: no screenshot"
expect_grep 'ขั้นสอง' "$TEST_OUT/t1/manual/first/index.html" "... the steps stay"
expect_no_grep 'manual.pdf' "$TEST_OUT/t1/manual" "no media: no PDF link"
expect_grep 'ตอนที่สอง' "$TEST_OUT/t1/manual/print/index.html" "the print page has every part"
expect_grep 'manual/index.html">คู่มือการใช้งาน' "$TEST_OUT/t1/index.html" "the footer links the manual"
run_prongsai "${B[@]}" -o "$TEST_OUT/t0" 2>/dev/null
[ ! -e "$TEST_OUT/t0/manual" ] && ! grep -q 'คู่มือการใช้งาน</a>' "$TEST_OUT/t0/index.html" &&
	pass "without --manual: no manual/ and no link" || fail "without --manual: a manual or a link"

printf '%%PDF-1.4\n' >"$media/manual.pdf"
run_prongsai "${B[@]}" -o "$TEST_OUT/t2" --manual "$man" --manual-media "$media" 2>"$TEST_OUT/e2"
expect_eq "$?" 0 "builds with the media"
expect_grep '<img src="../step-one-360.png" alt="ภาพขั้นแรก"' "$TEST_OUT/t2/manual/first/index.html" "the screenshot is shown"
cmp -s "$media/shots/step-one-360.png" "$TEST_OUT/t2/manual/step-one-360.png" && pass "... and copied to manual/" || fail "screenshot not copied"
expect_no_grep 'not-there' "$TEST_OUT/t2/manual/first/index.html" "a missing screenshot is left out"
expect_grep "$man/first.md:11:1: warning: ไม่มีภาพ $media/shots/not-there-360.png" "$TEST_OUT/e2" "... with a warning at its line"
expect_grep 'other/x.png' "$TEST_OUT/t2/manual/first/index.html" "other pictures are left as written"
expect_grep 'href="../manual/manual.pdf" download' "$TEST_OUT/t2/manual/index.html" "the PDF is offered"
cmp -s "$media/manual.pdf" "$TEST_OUT/t2/manual/manual.pdf" && pass "... and copied" || fail "PDF not copied"

# caps: 20 parts, 400 pictures
for i in $(seq 3 20); do part "p$i" 3 "ตอน $i"; done
run_prongsai "${B[@]}" -o "$TEST_OUT/t3" --manual "$man" 2>"$TEST_OUT/e3"
expect_eq "$?" 0 "20 parts (the cap)"
part p21 3 "ตอน 21"
run_prongsai "${B[@]}" -o "$TEST_OUT/t3" --manual "$man" 2>"$TEST_OUT/e4"
expect_eq "$?" 1 "21 parts: refused"
expect_grep "คู่มือมีได้ไม่เกิน 20 ตอน" "$TEST_OUT/e4" "... saying the cap"
rm -f "$man"/p*.md
lines=()
for i in $(seq 1 399); do lines+=("   ![ภาพ $i](shots/s$i.png)"); : >"$media/shots/s$i.png"; done
part many 3 "ภาพมาก" "1. ขั้น" "${lines[@]}"
run_prongsai "${B[@]}" -o "$TEST_OUT/t5" --manual "$man" --manual-media "$media" 2>"$TEST_OUT/e5"
expect_eq "$?" 0 "400 pictures (the cap: 399 and the first part's one)"
[ -f "$TEST_OUT/t5/manual/s399.png" ] && pass "... all copied" || fail "s399.png not copied"
: >"$media/shots/s400.png"
part many 3 "ภาพมาก" "1. ขั้น" "${lines[@]}" "   ![ภาพ 400](shots/s400.png)"
run_prongsai "${B[@]}" -o "$TEST_OUT/t5" --manual "$man" --manual-media "$media" 2>"$TEST_OUT/e6"
expect_eq "$?" 1 "401 pictures: refused"
expect_grep "ภาพในคู่มือเกิน 400 ภาพ" "$TEST_OUT/e6" "... saying the cap"
rm -f "$man/many.md"

# refused: no such folder, a part without a title, --manual-media alone, "manual" as a page
run_prongsai "${B[@]}" -o "$TEST_OUT/t6" --manual "$TEST_OUT/none" 2>"$TEST_OUT/e7"
expect_eq "$?" 1 "a missing manual folder: refused"
expect_grep "อ่านโฟลเดอร์คู่มือไม่ได้ (--manual)" "$TEST_OUT/e7" "... saying which"
printf -- '---\nmenu: 9\n---\ntext\n' >"$man/bad.md"
run_prongsai "${B[@]}" -o "$TEST_OUT/t6" --manual "$man" 2>"$TEST_OUT/e8"
expect_eq "$?" 1 "a part without a title: refused"
expect_grep "$man/bad.md:" "$TEST_OUT/e8" "... at its file"
rm -f "$man/bad.md"
run_prongsai "${B[@]}" -o "$TEST_OUT/t6" --manual-media "$media" 2>"$TEST_OUT/e9"
expect_eq "$?" 2 "--manual-media without --manual: usage error"
printf -- '---\r\ntitle: CRLF\r\n---\r\n1. x\r\n   ![y](shots/not-there-360.png)\r\n' >"$man/crlf.md"
run_prongsai "${B[@]}" -o "$TEST_OUT/t7" --manual "$man" 2>/dev/null
expect_no_grep '<img' "$TEST_OUT/t7/manual/crlf/index.html" "a part saved with CRLF: its missing picture left out too"
rm -f "$man/crlf.md"
mkdir -p "$c/pages" && printf -- '---\ntitle: ชน\n---\nx\n' >"$c/pages/manual.md"
run_prongsai "${B[@]}" -o "$TEST_OUT/t6" 2>"$TEST_OUT/e10"
expect_eq "$?" 1 "a page named manual: refused (the manual's folder)"
finish
