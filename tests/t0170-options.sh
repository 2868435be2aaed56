#!/usr/bin/env bash
# The command line: every subcommand parses its options with getopt_long;
# an unknown option, a missing value or a stray argument is a usage error
# (exit 2, a Thai and English message naming it, nothing done), and
# --help prints the subcommand's usage and exits 0.
. "$(dirname "$0")/lib/test-lib.sh"
cd "$TEST_OUT"
subs=("check" "build" "new" "new project" "inbox keygen" "inbox list" "inbox show" "inbox export" \
	"inbox purge" "inbox purge-surveys" "notify" "backup" "deploy")
for s in "${subs[@]}"; do
	# shellcheck disable=SC2086
	run_prongsai $s --no-such-option >out 2>err
	expect_eq "$?" 2 "$s: unknown option exits 2"
	expect_grep "ไม่รู้จักตัวเลือก / unknown option: --no-such-option" err "$s: unknown option named in Thai and English"
	[ -s out ] && fail "$s: printed on stdout: $(head -2 out)" || pass "$s: nothing on stdout"
	run_prongsai $s -Z >/dev/null 2>err
	expect_eq "$?" 2 "$s: unknown short option exits 2"
	expect_grep "unknown option: -Z" err "$s: unknown short option named"
	run_prongsai $s --help >out 2>err
	expect_eq "$?" 0 "$s: --help exits 0"
	grep -q "usage" out && pass "$s: --help prints the usage" || fail "$s: --help printed [$(head -2 out)]"
done
# a missing value, a value given to a flag, a stray argument
for args in "check --today" "build -o" "new project --fy" "inbox list --db" "notify --config" \
	"backup --keep" "deploy --config"; do
	# shellcheck disable=SC2086
	run_prongsai $args >/dev/null 2>err
	expect_eq "$?" 2 "$args: missing value exits 2"
	expect_grep "ขาดค่าของตัวเลือก / missing value for" err "$args: missing value named"
done
run_prongsai notify --dry-run=1 --db x.db >/dev/null 2>err
expect_eq "$?" 2 "notify --dry-run=1: a value for a flag is refused"
for args in "check extra" "build -C x extra" "backup --db a --dir b extra" "notify --db a extra" \
	"inbox keygen --key k extra" "new project extra" "new report 2569-001 extra" "deploy -o . extra"; do
	# shellcheck disable=SC2086
	run_prongsai $args >/dev/null 2>err
	expect_eq "$?" 2 "$args: stray argument exits 2"
done
[ ! -e k ] && pass "no key written on a usage error" || fail "keygen wrote a key despite the error"
# new ignored unknown options before; --fy must be a number
mkdir -p c
run_prongsai new project -C c --fy 2569x >/dev/null 2>err
expect_eq "$?" 2 "new project --fy 2569x refused"
run_prongsai new project -C c --fy 2569 --id 2569-077 >out 2>err
expect_eq "$?" 0 "new project with options after the operand"
[ -f c/projects/2569/2569-077.md ] && pass "new project wrote the file" || fail "no project file"
run_prongsai new -C c report 2569-077 --date 2026-01-05 >/dev/null 2>err
expect_eq "$?" 0 "new report with options on both sides"
[ -f c/progress/2569/2569-077/2026-01-05.yaml ] && pass "new report wrote the file" || fail "no report file"
# notify tells --db from --config by the whole name
run_prongsai notify --config /nonexistent/notify.yaml --db "$TEST_OUT/none.db" >/dev/null 2>err
grep -q "/nonexistent/notify.yaml" err && pass "notify: --config read as the configuration" \
	|| fail "notify --config: $(head -2 err)"
finish
