#!/usr/bin/env bash
# Every case of tests/corpus/errors gives exactly its expected messages at
# their file:line:col, and a failed build leaves the output untouched.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
out=$TEST_OUT/site
make_case "$TEST_OUT/good"
run_prongsai build -q -C "$TEST_OUT/good" -o "$out" --today 2026-04-15 -j 2
expect_eq "$?" 0 "the mini fixture builds"
before=$(tree_sum "$out")
for c in "$TOP"/tests/corpus/errors/*/; do
	name=$(basename "$c")
	make_case "$TEST_OUT/case" "$c"
	run_prongsai check -C "$TEST_OUT/case" --lang en --today 2026-04-15 2>"$TEST_OUT/$name.err"
	rc=$?
	grep -E ': (error|warning): ' "$TEST_OUT/$name.err" >"$TEST_OUT/$name.got"
	if diff -u "$c/expect" "$TEST_OUT/$name.got" >"$TEST_OUT/$name.diff"; then
		pass "$name: messages"
	else
		fail "$name: messages differ"; cat "$TEST_OUT/$name.diff" >&2
	fi
	if grep -q ': error: ' "$c/expect"; then
		expect_eq "$rc" 1 "$name: check exits 1"
		run_prongsai build -q -C "$TEST_OUT/case" -o "$out" --today 2026-04-15 2>/dev/null
		expect_eq "$?" 1 "$name: build exits 1"
		expect_eq "$(tree_sum "$out")" "$before" "$name: output untouched"
		ls -a "$(dirname "$out")" | grep -q '^\.site\.new' && fail "$name: staging folder left behind"
	else
		expect_eq "$rc" 0 "$name: warnings only, check exits 0"
	fi
done
# Thai is the default language of messages
make_case "$TEST_OUT/case" "$TOP/tests/corpus/errors/05-percent-range"
run_prongsai check -C "$TEST_OUT/case" --today 2026-04-15 2>"$TEST_OUT/th.err"
expect_grep 'progress/2569/2569-002/2026-01-10.yaml:3:10: error: "percent" ต้องอยู่ระหว่าง 0 ถึง 100 (ได้ 120)' "$TEST_OUT/th.err" "Thai message by default"
# the YAML fixes in the officer's words (issue 11 item 4)
make_case "$TEST_OUT/case" "$TOP/tests/corpus/errors/37-yaml-tab"
run_prongsai check -C "$TEST_OUT/case" --today 2026-04-15 2>"$TEST_OUT/th-tab.err"
expect_grep '2026-01-10.yaml:3:1: error: มีแท็บ (Tab) ในบรรทัดนี้ ใช้เว้นวรรคแทนแท็บ' "$TEST_OUT/th-tab.err" "Tab: Thai fix"
make_case "$TEST_OUT/case" "$TOP/tests/corpus/errors/41-yaml-hash-cuts-text"
run_prongsai check -C "$TEST_OUT/case" --today 2026-04-15 2>"$TEST_OUT/th-hash.err"
expect_grep 'ใส่ข้อความไว้ในเครื่องหมายคำพูด' "$TEST_OUT/th-hash.err" "' #' in text: Thai fix"
finish
