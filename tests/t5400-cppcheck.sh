#!/usr/bin/env bash
# variants: release
# cppcheck (warning, portability and performance checks) finds nothing in
# generator/, collector/, common/ and the fuzz harnesses, apart from the
# suppressions listed, each with its reason, in tests/cppcheck.supp.
. "$(dirname "$0")/lib/test-lib.sh"
command -v cppcheck >/dev/null || { fail "cppcheck is not installed (make deps-test)"; finish; }
cd "$TOP"
cppcheck --version
cppcheck --std=c11 --enable=warning,portability,performance --inline-suppr \
	--suppressions-list=tests/cppcheck.supp --error-exitcode=1 -q -j2 \
	-D_POSIX_C_SOURCE=200809L -Icommon -Igenerator -Icollector -Itests/unit \
	--template='{file}:{line}:{column}: {severity}: {message} [{id}]' \
	generator collector common tests/fuzz >"$TEST_OUT/cppcheck.txt" 2>&1
rc=$?
cat "$TEST_OUT/cppcheck.txt"
expect_eq "$rc" 0 "cppcheck: no findings"
# every suppression has its reason: a comment line just above it
awk '/^[^#]/ && prev !~ /^#/ { print FILENAME ":" NR ": suppression without a reason: " $0; bad = 1 } { prev = $0 } END { exit bad }' tests/cppcheck.supp \
	&& pass "each suppression explained" || fail "unexplained suppression"
finish
