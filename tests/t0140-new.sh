#!/usr/bin/env bash
# `prongsai new` writes files that, once filled in, pass `check`; it never
# overwrites.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
c=$TEST_OUT/c
make_case "$c"
f=$(run_prongsai new report 2569-002 -C "$c" --date 2026-02-15) || fail "new report"
expect_eq "$f" "$c/progress/2569/2569-002/2026-02-15.yaml" "report path"
sed -i -e 's/^reporter: .*/reporter: malee/' -e 's/^percent: 0 .*/percent: 60/' -e 's/^disbursed: .*/disbursed: 150000/' "$f"
run_prongsai check -C "$c" --today 2026-04-15 2>"$TEST_OUT/err"; expect_eq "$?" 0 "filled report passes check"
run_prongsai new report 2569-002 -C "$c" --date 2026-02-15 2>/dev/null; expect_eq "$?" 1 "never overwrites"
run_prongsai new report 2569-777 -C "$c" 2>/dev/null; expect_eq "$?" 1 "unknown project refused"
f=$(run_prongsai new project --fy 2569 -C "$c") || fail "new project"
f=$(ls "$c"/projects/2569/ | tail -1)
expect_eq "$f" "2569-003.md" "new project takes the next free id"
sed -i -e 's/^group: .*/group: strategy/' -e 's/^owner: .*/owner: somchai/' -e 's/^title: .*/title: โครงการใหม่/' "$c/projects/2569/2569-003.md"
run_prongsai check -C "$c" --today 2026-04-15 2>"$TEST_OUT/err2"; expect_eq "$?" 0 "filled project passes check"
cat "$TEST_OUT/err2"
f=$(run_prongsai new news open-day -C "$c" --date 2026-03-01) || fail "new news"
run_prongsai check -C "$c" --today 2026-04-15; expect_eq "$?" 0 "new news passes check as written"
run_prongsai new bogus 2>/dev/null; expect_eq "$?" 2 "unknown kind is a usage error"
finish
