# test-lib.sh: sourced by tests/tNNNN-*.sh.  set -e style helpers that say
# what failed.  Provided by tests/run: TOP, PRONGSAI, COLLECT_CGI, TEST_OUT.
set -u
: "${TOP:=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
: "${PRONGSAI:=$TOP/generator/prongsai}"
: "${COLLECT_CGI:=$TOP/collector/collect.cgi}"
: "${STAFF_CGI:=$TOP/collector/staff.cgi}"
: "${TEST_OUT:=$(mktemp -d)}"
mkdir -p "$TEST_OUT"
test_failures=0

fail() { echo "not ok: $*" >&2; test_failures=$((test_failures + 1)); }
pass() { echo "ok: $*"; }
# expect_eq GOT WANT WHAT
expect_eq() { if [ "$1" = "$2" ]; then pass "$3"; else fail "$3: got [$1], want [$2]"; fi; }
# expect_grep PATTERN FILE WHAT   (fixed string)
expect_grep() { if grep -qF -- "$1" "$2"; then pass "$3"; else fail "$3: [$1] not in $2"; fi; }
expect_no_grep() { if grep -rqF -- "$1" "$2"; then fail "$3: [$1] found in $2"; else pass "$3"; fi; }
# run_prongsai ARGS...: runs the generator (under valgrind when VALGRIND=1)
run_prongsai() {
	if [ "${VALGRIND:-0}" = 1 ]; then
		valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "$PRONGSAI" "$@"
	else
		"$PRONGSAI" "$@"
	fi
}
# finish: exit status of the script
finish() {
	if [ "$test_failures" -gt 0 ]; then echo "$test_failures check(s) failed" >&2; exit 1; fi
	exit 0
}
