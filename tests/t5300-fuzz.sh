#!/usr/bin/env bash
# variants: release
# The libFuzzer harnesses of the generator -- content (YAML to the model and
# the cross-file checks), tmpl (the template engine), markdown (the Markdown
# pipeline) -- each run FUZZ_SECONDS (default 30) from its seeds under ASan
# and UBSan, after replaying tests/fuzz/regressions/NAME/.  Any crash, leak,
# sanitizer report, timeout or failed self-check fails the test; the input
# is left in $TEST_OUT/NAME/.  (The collector's request harness runs in
# t2050-collector-fuzz.sh.)  `make fuzz FUZZ_SECONDS=N` runs them longer.
. "$(dirname "$0")/lib/test-lib.sh"
names="content tmpl markdown"
for n in $names; do
	if [ ! -x "$TOP/build/fuzz/fuzz_$n" ]; then
		command -v clang >/dev/null || { fail "clang is not installed (make deps-test)"; finish; }
		make -C "$TOP" -s fuzz-build >"$TEST_OUT/build.log" 2>&1 || { tail -20 "$TEST_OUT/build.log"; fail "make fuzz-build"; finish; }
		break
	fi
done
for n in $names; do
	[ -d "$TOP/tests/fuzz/corpus/$n" ] && [ -f "$TOP/tests/fuzz/$n.dict" ] && pass "$n: seeds and dictionary" || fail "$n: no seeds or dictionary"
done
FUZZ_OUT=$TEST_OUT "$TOP/tests/fuzz/run" "${FUZZ_SECONDS:-30}" $names >"$TEST_OUT/run.txt" 2>&1
rc=$?
cat "$TEST_OUT/run.txt"
expect_eq "$rc" 0 "fuzzing found nothing"
for n in $names; do
	grep -q "^$n: [0-9]* execs" "$TEST_OUT/run.txt" && pass "$n ran" || fail "$n did not run"
done
finish
