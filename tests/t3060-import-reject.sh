#!/usr/bin/env bash
# prongsai import, the failure path: a queued report that fails the full
# check (percent over 100, date outside the project's period, a reporter
# not in people.yaml), a path outside the content folders (../, absolute,
# .git), never reaches git: HEAD, the index and the work tree stay byte for
# byte as they were, no stray file is left, the entry is 'rejected' with
# check's messages (Thai and English, file:line:col) as its reason, and a
# notice without the reason or any name goes to notify's channels (a
# webhook on loopback, tests/lib/http-sink.py).  A later good entry still
# goes in: one officer's mistake does not stop the queue.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/staffq.sh"
S=$TEST_OUT/site
DB=$TEST_OUT/var/staff.db
# the notify configuration must lie outside a prongsai checkout
SEC=$(mktemp -d "${TMPDIR:-/tmp}/t3060.XXXXXX")
mkdir -p "$TEST_OUT/var" "$TEST_OUT/tmp"
make_site_repo "$S"
make_staff_db "$DB"
# the notice sink
python3 "$TOP/tests/lib/http-sink.py" "$TEST_OUT/http" "$TEST_OUT/port" >"$TEST_OUT/sink.log" 2>&1 &
SINK=$!
trap 'kill $SINK 2>/dev/null; wait $SINK 2>/dev/null; rm -rf "$SEC"' EXIT
for _ in $(seq 100); do [ -s "$TEST_OUT/port" ] && break; sleep 0.1; done
cat >"$SEC/notify.yaml" <<YAML
site_url: https://loei.example.go.th/
channels:
  - name: officers
    type: webhook
    url: http://127.0.0.1:$(cat "$TEST_OUT/port")/hook
YAML
chmod 600 "$SEC/notify.yaml"
snapshot() { # HEAD, the index file, the work tree, git's objects and refs, the scratch folder
	{ git -C "$S" rev-parse HEAD; sha256sum "$S/.git/index"; tree_sum "$S" | grep -v '\./\.git/';
	  (cd "$S/.git" && find objects refs -type f | sort); ls -A "$TEST_OUT/tmp"; }
}
imp() {
	(cd "$TOP" && TMPDIR=$TEST_OUT/tmp run_prongsai import -C "$S/content" --staff-db "$DB" --today 2026-04-15 \
		-o "$TEST_OUT/public" --notify-config "$SEC/notify.yaml" "$@")
}
report() { printf 'date: %s\nreporter: %s\npercent: %s\ndisbursed: 150000\nnarrative: ประชุมแล้ว\n' "$1" "$2" "$3"; }
P=progress/2569/2569-002
report 2569-03-20 malee 120 >"$TEST_OUT/pct.yaml"
report 2569-06-20 malee 60 >"$TEST_OUT/date.yaml"
report 2569-03-21 nobody-here 60 >"$TEST_OUT/who.yaml"
a=$(enqueue "$DB" progress malee 2569-002 'ร้อยละเกิน' "$P/2026-03-20.yaml=$TEST_OUT/pct.yaml")
b=$(enqueue "$DB" progress malee 2569-002 'นอกระยะเวลา' "$P/2026-06-20.yaml=$TEST_OUT/date.yaml")
c=$(enqueue "$DB" progress malee 2569-002 'ผู้รายงานไม่มี' "$P/2026-03-21.yaml=$TEST_OUT/who.yaml")
before=$(snapshot)
imp 2>"$TEST_OUT/run1.log"
expect_eq "$?" 0 "rejections are settled: exit 0"
expect_eq "$(snapshot)" "$before" "HEAD, index, work tree and objects byte-identical, no scratch files left"
for id in "$a" "$b" "$c"; do
	expect_eq "$(sqlite3 "$DB" "SELECT state || '|' || (commit_id IS NULL) || '|' || (done_at IS NOT NULL) FROM queue WHERE id=$id")" \
		"rejected|1|1" "entry $id rejected, no commit id, done_at set"
done
reason() { sqlite3 "$DB" "SELECT reason FROM queue WHERE id=$1" >"$TEST_OUT/reason-$1"; echo "$TEST_OUT/reason-$1"; }
r=$(reason "$a")
expect_grep "$P/2026-03-20.yaml:3:" "$r" "percent: reason names file:line"
expect_grep "error: " "$r" "percent: the check's message"
grep -q "100" "$r" && pass "percent: the limit is named" || fail "percent: the limit is named: $(cat "$r")"
r=$(reason "$b")
expect_grep "นอกระยะเวลาโครงการ" "$r" "date outside the period: Thai message"
expect_grep "outside the project period" "$r" "date outside the period: English message"
r=$(reason "$c")
expect_grep "nobody-here" "$r" "unknown reporter: named in the reason"
# the notices: one per rejection, fixed wording, no reason, no name
n=$(ls "$TEST_OUT/http"/*.req 2>/dev/null | wc -l)
expect_eq "$n" 3 "one notice per rejected entry"
cat "$TEST_OUT/http"/*.req >"$TEST_OUT/notices"
expect_grep '"event":"import-rejected"' "$TEST_OUT/notices" "notice event"
expect_grep "\"queue_id\":$a" "$TEST_OUT/notices" "notice carries the entry number"
expect_grep "https://loei.example.go.th/staff/" "$TEST_OUT/notices" "notice says where to see why"
expect_no_grep "นางมาลี" "$TEST_OUT/notices" "no name in the notice"
expect_no_grep "outside the project period" "$TEST_OUT/notices" "no reason text in the notice"
expect_no_grep "malee" "$TEST_OUT/notices" "no person id in the notice"
# path traversal and paths outside the record folders: refused before anything
report 2569-03-22 malee 60 >"$TEST_OUT/ok.yaml"
for bad in "../escape.yaml" "progress/../../escape.yaml" "/tmp/escape.yaml" ".git/hooks/pre-commit" \
	"projects/2569/2569-002.md" "progress/2569/.hidden.yaml" "progress//x.yaml"; do
	id=$(enqueue "$DB" progress malee 2569-002 'เส้นทาง' "$bad=$TEST_OUT/ok.yaml")
	before=$(snapshot)
	imp -q 2>"$TEST_OUT/trav.log"
	expect_eq "$(qstate "$DB" "$id")" "rejected|" "path $bad: rejected"
	expect_grep "path not allowed" "$(reason "$id")" "path $bad: the reason says why"
	expect_eq "$(snapshot)" "$before" "path $bad: nothing changed"
done
[ ! -e "$TEST_OUT/escape.yaml" ] && [ ! -e /tmp/escape.yaml ] && [ ! -e "$S/escape.yaml" ] &&
	pass "no file written outside" || fail "a file was written outside"
# a good entry after the rejected ones goes in
g=$(enqueue "$DB" progress malee 2569-002 'รายงานที่ถูกต้อง' "$P/2026-03-22.yaml=$TEST_OUT/ok.yaml")
imp -q 2>"$TEST_OUT/run2.log"
expect_eq "$(qstate "$DB" "$g")" "committed|$(git -C "$S" rev-parse HEAD)" "a later good entry is committed"
expect_eq "$(git -C "$S" rev-list --count HEAD)" 2 "only the good entry reached git"
finish
