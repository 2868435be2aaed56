#!/usr/bin/env bash
# prongsai import is idempotent: killed (SIGKILL) after its commit landed
# but before the queue row was updated (the test hook
# PRONGSAI_IMPORT_CRASH_AFTER=commit), the next run finds the commit by its
# Prongsai-Queue trailer, settles the entry with it and makes no second
# commit; the work tree catches up.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/staffq.sh"
S=$TEST_OUT/site
DB=$TEST_OUT/var/staff.db
mkdir -p "$TEST_OUT/var" "$TEST_OUT/tmp"
make_site_repo "$S"
make_staff_db "$DB"
imp() {
	(cd "$TOP" && TMPDIR=$TEST_OUT/tmp run_prongsai import -C "$S/content" --staff-db "$DB" --today 2026-04-15 \
		-o "$TEST_OUT/public" "$@")
}
printf 'date: 2569-03-20\nreporter: malee\npercent: 60\ndisbursed: 150000\nnarrative: ประชุมแล้ว\n' >"$TEST_OUT/r.yaml"
id=$(enqueue "$DB" progress malee 2569-002 'รายงาน' progress/2569/2569-002/2026-03-20.yaml="$TEST_OUT/r.yaml")
start=$(git -C "$S" rev-parse HEAD)
PRONGSAI_IMPORT_CRASH_AFTER=commit imp 2>"$TEST_OUT/crash.log"
rc=$?
expect_eq "$rc" 137 "the run was killed (SIGKILL) at the crash point"
crashed=$(git -C "$S" rev-parse HEAD)
[ "$crashed" != "$start" ] && pass "the commit had landed before the kill" || fail "no commit before the kill"
expect_eq "$(qstate "$DB" "$id")" "queued|" "the entry is still queued after the crash"
imp 2>"$TEST_OUT/retry.log"
expect_eq "$?" 0 "the retry exits 0"
cat "$TEST_OUT/retry.log"
expect_eq "$(git -C "$S" rev-parse HEAD)" "$crashed" "the retry made no second commit"
expect_eq "$(git -C "$S" rev-list --count HEAD)" 2 "one commit for the entry in all"
expect_eq "$(qstate "$DB" "$id")" "committed|$crashed" "the retry settled the entry with the commit found by its trailer"
expect_grep "already committed" "$TEST_OUT/retry.log" "the retry says it found the commit"
expect_eq "$(git -C "$S" status --porcelain)" "" "the work tree caught up"
# the trailer is matched whole: entry 1's commit does not settle entry 11 etc.
for i in $(seq 2 11); do
	sqlite3 "$DB" "INSERT INTO queue(id,kind,person_id,subject,message,state,received_at) VALUES($i,'progress','malee','x','x','rejected',0)"
done
sed -i 's/^percent: 60/percent: 65/' "$TEST_OUT/r.yaml"
id=$(enqueue "$DB" progress malee 2569-002 'รายงาน 12' progress/2569/2569-002/2026-03-20.yaml="$TEST_OUT/r.yaml")
imp -q 2>/dev/null
expect_eq "$(git -C "$S" rev-list --count HEAD)" 3 "entry $id gets its own commit"
expect_eq "$(qstate "$DB" "$id")" "committed|$(git -C "$S" rev-parse HEAD)" "entry $id settled with its own commit"
finish
