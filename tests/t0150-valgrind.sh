#!/usr/bin/env bash
# variants: release
# A full build of the sample site under valgrind memcheck: no errors, no
# definite leaks.
. "$(dirname "$0")/lib/test-lib.sh"
command -v valgrind >/dev/null || { fail "valgrind not installed (make deps-test)"; finish; }
VALGRIND=1 run_prongsai build -q -C "$TOP/content" -o "$TEST_OUT/site" --today 2026-11-24 -j 2 2>"$TEST_OUT/vg.txt"
rc=$?
expect_eq "$rc" 0 "memcheck clean build (see $TEST_OUT/vg.txt)"
[ "$rc" = 0 ] || head -40 "$TEST_OUT/vg.txt" >&2
VALGRIND=1 run_prongsai check -C "$TOP/tests/fixtures/mini" --today 2026-04-15 2>"$TEST_OUT/vg2.txt"
expect_eq "$?" 0 "memcheck clean check"
finish
