#!/usr/bin/env bash
# variants: release
# `make bench` cannot rot (issue 11.16): tests/bench/run builds a tiny
# synthetic office (5 projects x 2 reports, one timed build), the history
# bench on a repository of it, and exits 0
# with its figures.  No time is asserted.
. "$(dirname "$0")/lib/test-lib.sh"
BENCH_PROJECTS=5 BENCH_REPORTS=2 BENCH_RUNS=1 BENCH_COLLECTOR=0 PRONGSAI=$PRONGSAI \
	"$TOP/tests/bench/run" >"$TEST_OUT/bench.out" 2>&1
rc=$?
expect_eq "$rc" 0 "tests/bench/run exits 0 (output: $TEST_OUT/bench.out)"
[ $rc -eq 0 ] || tail -n 20 "$TEST_OUT/bench.out" >&2
expect_grep "pages written:" "$TEST_OUT/bench.out" "the bench reports the pages it built"
expect_grep "projects:       5" "$TEST_OUT/bench.out" "the bench built the synthetic office asked for"
expect_grep "first build (whole history):" "$TEST_OUT/bench.out" "the history bench ran (tests/bench/history)"
expect_grep "build after one new commit:" "$TEST_OUT/bench.out" "and timed a build after one commit"
finish
