#!/usr/bin/env bash
# The shipped sample content passes `prongsai check` with no error.
. "$(dirname "$0")/lib/test-lib.sh"
cd "$TOP"
run_prongsai check -C content --today 2026-11-24 2>"$TEST_OUT/err"
expect_eq "$?" 0 "check content/ exits 0"
if grep -q ': error: ' "$TEST_OUT/err"; then fail "errors in content/: $(head -5 "$TEST_OUT/err")"; else pass "no errors"; fi
# the sample is big enough to be realistic (issue: >= 30 projects, >= 150 reports)
n_proj=$(find content/projects -name '*.md' | wc -l)
n_rep=$(find content/progress -name '*.yaml' | wc -l)
[ "$n_proj" -ge 30 ] && pass "$n_proj projects" || fail "only $n_proj projects"
[ "$n_rep" -ge 150 ] && pass "$n_rep reports" || fail "only $n_rep reports"
grep -q 'status: cancelled' -r content/projects && pass "a cancelled project" || fail "no cancelled project"
# usage errors exit 2; --help exits 0
run_prongsai check --bogus 2>/dev/null; expect_eq "$?" 2 "unknown option exits 2"
run_prongsai check --help >/dev/null; expect_eq "$?" 0 "check --help exits 0"
run_prongsai --help >/dev/null; expect_eq "$?" 0 "--help exits 0"
run_prongsai frobnicate 2>/dev/null; expect_eq "$?" 2 "unknown command exits 2"
finish
