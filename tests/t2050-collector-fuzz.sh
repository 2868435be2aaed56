#!/usr/bin/env bash
# variants: release
# The libFuzzer harness for the request parser (tests/fuzz/fuzz_request.c,
# built by `make fuzz-build` with ASan and UBSan) runs briefly from the seed corpus.
# Any crash, leak, sanitizer report or failed self-check fails the test; the
# input that did it is left in $TEST_OUT.
. "$(dirname "$0")/lib/test-lib.sh"

FUZZ=$TOP/build/fuzz/fuzz_request
if [ ! -x "$FUZZ" ]; then
	command -v clang >/dev/null || { fail "clang is not installed (make deps-test)"; finish; }
	make -C "$TOP" -s build/fuzz/fuzz_request >"$TEST_OUT/build.log" 2>&1 || { cat "$TEST_OUT/build.log"; fail "make build/fuzz/fuzz_request"; finish; }
fi
mkdir -p "$TEST_OUT/corpus"
cp "$TOP"/tests/fuzz/corpus/request/* "$TEST_OUT/corpus/"
if (cd "$TEST_OUT" && "$FUZZ" -max_total_time="${FUZZ_SECONDS:-20}" -max_len=20000 -timeout=10 \
	-dict="$TOP/tests/fuzz/request.dict" corpus "$TOP/tests/fuzz/corpus/request" >fuzz.log 2>&1); then
	pass "fuzzed: $(grep -o 'Done [0-9]* runs' "$TEST_OUT/fuzz.log")"
else
	tail -40 "$TEST_OUT/fuzz.log"
	fail "the fuzzer found a problem (see $TEST_OUT/fuzz.log and crash-* files)"
fi
finish
