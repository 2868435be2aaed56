#!/usr/bin/env bash
# variants: release
# Every generated page, style sheet and SVG -- of the sample site, of the
# mini fixture with the forms, and of the hostile fixture -- passes the Nu
# Html Checker (vnu-jar from npm, Debian's Java) with zero errors.
# Needs `make deps-node` (make test runs it).
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
vnu=$TOP/node_modules/vnu-jar/build/dist/vnu.jar
[ -f "$vnu" ] || { fail "vnu.jar missing: run make deps-node"; finish; }
command -v java >/dev/null || { fail "java missing: make deps-test"; finish; }
run_prongsai build -q -C "$TOP/content" -o "$TEST_OUT/sample" --today 2026-11-24 --manual "$TOP/docs/manual" 2>"$TEST_OUT/build.err"
expect_eq "$?" 0 "sample site builds"
make_case "$TEST_OUT/mini"
mkdir -p "$TEST_OUT/mini/forms" && cp "$TOP"/content/forms/*.yaml "$TEST_OUT/mini/forms/"
run_prongsai build -q -C "$TEST_OUT/mini" -o "$TEST_OUT/mini-site" --today 2026-04-15 2>>"$TEST_OUT/build.err"
expect_eq "$?" 0 "mini fixture builds"
make_case "$TEST_OUT/hostile" "$TOP/tests/fixtures/hostile"
run_prongsai build -q -C "$TEST_OUT/hostile" -o "$TEST_OUT/hostile-site" --today 2026-04-15 2>>"$TEST_OUT/build.err"
expect_eq "$?" 0 "hostile fixture builds"
files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$TEST_OUT/sample" "$TEST_OUT/mini-site" "$TEST_OUT/hostile-site" \
	-type f \( -name '*.html' -o -name '*.css' -o -name '*.svg' \) -print0 | sort -z)
n_html=$(printf '%s\n' "${files[@]}" | grep -c '\.html$')
[ "$n_html" -ge 50 ] && pass "$n_html pages to check" || fail "only $n_html pages built"
java -jar "$vnu" --errors-only --also-check-css --also-check-svg "${files[@]}" >"$TEST_OUT/vnu.txt" 2>&1
rc=$?
sed "s|$TEST_OUT/||" "$TEST_OUT/vnu.txt" | head -40 >&2
expect_eq "$rc" 0 "vnu: no errors in ${#files[@]} files ($n_html pages; all in $TEST_OUT/vnu.txt)"
finish
