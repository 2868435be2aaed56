#!/usr/bin/env bash
# variants: release
# `make bench` cannot rot (issue 11.16): tests/bench/run builds a tiny
# synthetic office (5 projects x 2 reports, one timed round: cold build,
# one-report change, no change; Hugo on the same office when installed), a sheet of
# 20 rows and the history bench on a repository of it, prints the
# Lighthouse scores of the sample's home page, and exits 0 with its
# figures.  No time or score is asserted.
. "$(dirname "$0")/lib/test-lib.sh"
BENCH_PROJECTS=5 BENCH_REPORTS=2 BENCH_RUNS=1 BENCH_HUGO_INSTALL=0 BENCH_COLLECTOR=0 BENCH_SHEET_ROWS=20 BENCH_LH_PAGES=index.html PRONGSAI=$PRONGSAI \
	"$TOP/tests/bench/run" >"$TEST_OUT/bench.out" 2>&1
rc=$?
expect_eq "$rc" 0 "tests/bench/run exits 0 (output: $TEST_OUT/bench.out)"
[ $rc -eq 0 ] || tail -n 20 "$TEST_OUT/bench.out" >&2
expect_grep "pages written:" "$TEST_OUT/bench.out" "the bench reports the pages it built"
expect_grep "projects:       5" "$TEST_OUT/bench.out" "the bench built the synthetic office asked for"
expect_grep "import (20 rows):" "$TEST_OUT/bench.out" "the bench imports a sheet"
# issue 11.7: Lighthouse scores of the home page (one page here)
if grep -qE '^index\.html +[0-9]+ +[0-9]+ +[0-9]+ +[0-9]+ +[0-9.]+ ' "$TEST_OUT/bench.out"; then
	pass "the bench prints Lighthouse scores: $(grep -E '^index\.html ' "$TEST_OUT/bench.out")"
else
	fail "no Lighthouse scores in the bench's output"
fi
# issue 17: the rebuilds that write only what changed, and Hugo beside
expect_grep "prongsai: after a one-report change" "$TEST_OUT/bench.out" "the bench times a one-report rebuild"
expect_grep "prongsai: no change" "$TEST_OUT/bench.out" "and a rebuild with no change"
if command -v hugo >/dev/null 2>&1; then
	expect_grep "ratio prongsai/hugo" "$TEST_OUT/bench.out" "the bench runs Hugo on the same office and prints the ratio"
fi
expect_grep "first build (whole history):" "$TEST_OUT/bench.out" "the history bench ran (tests/bench/history)"
expect_grep "build after one new commit:" "$TEST_OUT/bench.out" "and timed a build after one commit"
finish
