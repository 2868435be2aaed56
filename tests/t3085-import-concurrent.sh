#!/usr/bin/env bash
# variants: release
# Concurrent imports are serialised (flock on STAFFDB-import.lock): two runs
# started at once, and a --follow run beside them, settle every entry once,
# with exactly one commit per entry.  --follow picks up what is queued
# while it runs and stops cleanly on SIGTERM.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/staffq.sh"
S=$TEST_OUT/site
DB=$TEST_OUT/var/staff.db
mkdir -p "$TEST_OUT/var"
make_site_repo "$S"
make_staff_db "$DB"
imp() {
	run_prongsai import -C "$S/content" --staff-db "$DB" --today 2026-04-15 -o "$TEST_OUT/public" \
		--theme "$TOP/themes/default" "$@"
}
for d in 01 02 03 04 05 06; do
	printf 'date: 2569-03-%s\nreporter: malee\npercent: %s\ndisbursed: 150000\nnarrative: ประชุมแล้ว\n' "$d" "$((50 + ${d#0}))" >"$TEST_OUT/r$d.yaml"
	enqueue "$DB" progress malee 2569-002 "รายงานวันที่ $d" "progress/2569/2569-002/2026-03-$d.yaml=$TEST_OUT/r$d.yaml" >/dev/null
done
imp 2>"$TEST_OUT/a.log" &
A=$!
imp 2>"$TEST_OUT/b.log" &
B=$!
wait $A; ra=$?
wait $B; rb=$?
expect_eq "$ra/$rb" "0/0" "both runs exit 0"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM queue WHERE state='committed'")" 6 "all six entries committed"
expect_eq "$(git -C "$S" rev-list --count HEAD)" 7 "exactly one commit per entry"
expect_eq "$(git -C "$S" log --format='%(trailers:key=Prongsai-Queue,valueonly)' | grep -c . )" 6 "six trailers"
expect_eq "$(git -C "$S" log --format='%(trailers:key=Prongsai-Queue,valueonly)' | grep . | sort | uniq -d)" "" "no entry committed twice"
expect_eq "$(sqlite3 "$DB" "SELECT count(DISTINCT commit_id) FROM queue")" 6 "six different commit ids"
expect_eq "$(git -C "$S" log --reverse --format=%s | tail -6 | head -1)" "รายงานวันที่ 01" "oldest first"
# --follow beside a --once run
"$PRONGSAI" import -C "$S/content" --staff-db "$DB" --today 2026-04-15 -o "$TEST_OUT/public" \
	--theme "$TOP/themes/default" --follow --interval 1 2>"$TEST_OUT/follow.log" &
F=$!
trap 'kill $F 2>/dev/null' EXIT
printf 'date: 2569-03-10\nreporter: malee\npercent: 70\ndisbursed: 150000\nnarrative: x\n' >"$TEST_OUT/r10.yaml"
id=$(enqueue "$DB" progress malee 2569-002 "ตามคิว" "progress/2569/2569-002/2026-03-10.yaml=$TEST_OUT/r10.yaml")
imp -q 2>/dev/null &
O=$!
for _ in $(seq 300); do
	[ "$(sqlite3 "$DB" "SELECT state FROM queue WHERE id=$id")" = committed ] && break
	sleep 0.1
done
wait $O
expect_eq "$(sqlite3 "$DB" "SELECT state FROM queue WHERE id=$id")" committed "the entry queued while --follow runs is committed"
expect_eq "$(git -C "$S" rev-list --count HEAD)" 8 "once, with --follow and --once racing"
kill -TERM $F
wait $F
expect_eq "$?" 0 "--follow stops on SIGTERM with status 0"
expect_grep "stopped" "$TEST_OUT/follow.log" "--follow says it stopped"
finish
