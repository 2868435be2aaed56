#!/usr/bin/env bash
# variants: release
# The user manual (issue 18): `make manual` serves the sample, takes the
# screenshots in Chromium, builds the pages under manual/ with them and
# prints the A4 PDF.  Every picture the manual's Markdown shows exists, was
# made by this run and is on the pages; the PDF has its page count, table
# of contents with page numbers, every part and task heading and "หน้า N /
# M" on each page (pdftotext); the pages offer the PDF.  Built without
# `make manual` the same pages show the text only, no picture and no PDF
# link.  Both ways the manual's pages pass vnu, every relative link and
# picture resolves, and in Chromium at 360 px they load clean, do not scroll
# sideways and pass axe (tests/browser/pages.mjs, UNDER=manual/).
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
vnu=$TOP/node_modules/vnu-jar/build/dist/vnu.jar
[ -d "$TOP/node_modules/playwright-core" ] && [ -f "$vnu" ] || { fail "node_modules missing: run make deps-node"; finish; }
[ -x /usr/bin/chromium ] || { fail "chromium missing: make deps-test"; finish; }
command -v pdftotext >/dev/null || { fail "pdftotext missing: make deps-test (poppler-utils)"; finish; }
ws_available lighttpd || { fail "lighttpd missing: make deps-test"; finish; }
M=$TEST_OUT/m
rm -rf "$M" "$TEST_OUT/plain"
touch "$TEST_OUT/start"
sleep 1 # file times to the second: what follows is newer than the start
t0=$(date +%s)
make -C "$TOP" --no-print-directory -s manual MANUAL_OUT="$M" PRONGSAI="$PRONGSAI" >"$TEST_OUT/make.log" 2>&1
rc=$?
tail -4 "$TEST_OUT/make.log" >&2
expect_eq "$rc" 0 "make manual ($(( $(date +%s) - t0 )) s; log in $TEST_OUT/make.log)"
echo "FIGURE make manual: $(( $(date +%s) - t0 )) s" >&2

# every picture the Markdown shows: made by this run, and on its page
refs=$(grep -ho '](shots/[a-z0-9-]*\.png)' "$TOP"/docs/manual/*.md | sed 's/^](shots\///; s/)$//' | sort -u)
n_refs=$(printf '%s\n' "$refs" | grep -c .)
[ "$n_refs" -ge 30 ] && pass "the manual shows $n_refs screenshots" || fail "only $n_refs screenshots in docs/manual"
old=0 missing=0
for r in $refs; do
	if [ ! -f "$M/shots/$r" ]; then missing=$((missing + 1)); echo "missing: shots/$r" >&2
	elif [ ! "$M/shots/$r" -nt "$TEST_OUT/start" ]; then old=$((old + 1)); echo "older than the run: $r" >&2; fi
	[ -f "$M/site/manual/$r" ] || { missing=$((missing + 1)); echo "not on the site: manual/$r" >&2; }
done
expect_eq "$missing" 0 "every screenshot the manual shows exists, in shots/ and on the site"
expect_eq "$old" 0 "every screenshot was made by this run"
for w in 360 1280; do
	n=$(ls "$M/shots" | grep -c -- "-$w\.png$")
	[ "$n" -ge "$n_refs" ] && pass "$n screenshots at $w px" || fail "$n screenshots at $w px (fewer than the $n_refs shown)"
done
imgs=$(cat "$M"/site/manual/*/index.html | grep -o '<img src="\.\./[a-z0-9-]*\.png"' | sort -u | wc -l)
expect_eq "$imgs" "$n_refs" "the parts' pages show each picture"

# the PDF
pages=$(pdfinfo "$M/manual.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
[ "${pages:-0}" -ge 15 ] && [ "$pages" -le 60 ] && pass "the PDF has $pages pages (15-60)" || fail "the PDF has ${pages:-no} pages, not 15-60"
echo "FIGURE manual PDF: $pages pages" >&2
pdftotext -layout "$M/manual.pdf" "$TEST_OUT/manual.txt"
expect_grep "สารบัญ" "$TEST_OUT/manual.txt" "the PDF has a table of contents"
expect_grep "หน้า 1 / $pages" "$TEST_OUT/manual.txt" "page numbers at the foot (หน้า 1 / $pages)"
expect_grep "หน้า $pages / $pages" "$TEST_OUT/manual.txt" "... to the last page"
toc=$(sed -n '/สารบัญ/,/หน้า 2 \//p' "$TEST_OUT/manual.txt" | grep -cE 'หน้า [0-9]+$')
n_parts=$(ls "$TOP"/docs/manual/*.md | wc -l)
expect_eq "$toc" "$n_parts" "the contents give each part's page"
heads=0 lost=0
flat=$(tr -d ' \n' <"$TEST_OUT/manual.txt")
while IFS= read -r h; do
	heads=$((heads + 1))
	case $flat in *"$(printf '%s' "$h" | tr -d ' ')"*) ;; *) lost=$((lost + 1)); echo "not in the PDF: $h" >&2 ;; esac
done < <(sed -n 's/^title: //p; s/^## //p' "$TOP"/docs/manual/*.md)
expect_eq "$lost" 0 "the PDF has all $heads part and task headings"
expect_grep 'href="../manual/manual.pdf" download' "$M/site/manual/index.html" "the contents page offers the PDF"
cmp -s "$M/manual.pdf" "$M/site/manual/manual.pdf" && pass "the site serves that PDF" || fail "manual/manual.pdf is not the PDF made"

# the same pages built without make manual: text only
run_prongsai build -q -C "$TOP/content" -o "$TEST_OUT/plain" --no-history --manual "$TOP/docs/manual" 2>"$TEST_OUT/plain.err"
expect_eq "$?" 0 "the sample builds with the manual and without its pictures"
expect_no_grep '<img' "$TEST_OUT/plain/manual/officers/index.html" "without make manual: no picture"
grep -rq 'manual\.pdf' "$TEST_OUT/plain/manual" && fail "without make manual: a PDF link" || pass "without make manual: no PDF link"
expect_grep 'กด <strong>ส่งรายงาน</strong>' "$TEST_OUT/plain/manual/officers/index.html" "without make manual: the steps are there"
expect_grep 'href="../manual/index.html">คู่มือการใช้งาน' "$TEST_OUT/plain/staff/index.html" "the staff sign-in page links the manual"
expect_grep '>คู่มือการใช้งาน</a>' "$TEST_OUT/plain/index.html" "the footer links the manual"

# both ways: vnu, links, and Chromium at 360 px with axe
for s in "$M/site" "$TEST_OUT/plain"; do
	missing=$(python3 - "$s/manual" <<'PY'
import os, re, sys
bad = 0
for d, _, files in os.walk(sys.argv[1]):
    for n in files:
        if n.endswith('.html'):
            for u in re.findall(r'(?:href|src)="([^"#?]+)', open(os.path.join(d, n), encoding='utf-8').read()):
                if not u.startswith(('http', 'mailto:', 'tel:')) and not os.path.exists(os.path.join(d, u)):
                    bad += 1; print(f'broken: {d}/{n} -> {u}', file=sys.stderr)
print(bad)
PY
)
	expect_eq "$missing" 0 "every link and picture of manual/ resolves (${s#"$TEST_OUT/"})"
done
find "$M/site/manual" "$TEST_OUT/plain/manual" -name '*.html' -print0 | xargs -0 java -jar "$vnu" --errors-only >"$TEST_OUT/vnu.txt" 2>&1
expect_eq "$?" 0 "vnu: the manual's pages, with and without pictures ($(head -3 "$TEST_OUT/vnu.txt"))"
mkdir -p "$TEST_OUT/db"
trap ws_stop EXIT
for s in "$M/site" "$TEST_OUT/plain"; do
	ws_start lighttpd "$s" "$TEST_OUT/db/none.db" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }
	BASE_URL=$WS_URL/ SITE_DIR=$s OUT_DIR=$TEST_OUT/browser UNDER=manual/ AXE=all SHOTS=0 node "$TOP/tests/browser/pages.mjs" | tail -3
	expect_eq "${PIPESTATUS[0]}" 0 "manual/ in Chromium at 360 px: loads clean, no sideways scroll, axe (${s#"$TEST_OUT/"})"
	ws_stop
done
finish
