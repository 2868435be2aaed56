#!/usr/bin/env bash
# The accounts database is backed up like the collector's (docs/operations.md,
# "Backups"): `prongsai backup --db staff.db` makes a checked, self-contained
# 0600 copy with the accounts and the queue, without the sessions (a restored
# copy signs nobody in).
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/staffq.sh"
make_case "$TEST_OUT/c"
DB=$TEST_OUT/var/staff.db
mkdir -p "$TEST_OUT/var"
echo 'correct horse battery' | run_prongsai staff add malee -C "$TEST_OUT/c" --staff-db "$DB" --password-stdin >/dev/null 2>&1 ||
	fail "staff add"
printf 'date: 2569-03-20\n' >"$TEST_OUT/r.yaml"
enqueue "$DB" progress malee 2569-002 'รายงาน' progress/2569/2569-002/2026-03-20.yaml="$TEST_OUT/r.yaml" >/dev/null
sqlite3 "$DB" "INSERT INTO sessions VALUES(randomblob(32),'malee','x',strftime('%s','now'),strftime('%s','now'))"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM sessions")" 1 "a signed-in session in the database"
run_prongsai backup --db "$DB" --dir "$TEST_OUT/bk" >"$TEST_OUT/out" 2>&1
expect_eq "$?" 0 "backup of the staff database exits 0"
cat "$TEST_OUT/out"
f=$(ls "$TEST_OUT/bk"/prongsai-*.db 2>/dev/null | head -1)
[ -n "$f" ] && pass "a backup file was made" || fail "no backup file"
expect_eq "$(stat -c %a "$f")" 600 "the copy is 0600"
expect_eq "$(sqlite3 "$f" "SELECT person_id FROM accounts")" malee "the copy has the accounts"
expect_eq "$(sqlite3 "$f" "SELECT count(*) FROM queue_files")" 1 "the copy has the queue"
expect_eq "$(sqlite3 "$f" "SELECT count(*) FROM sessions")" 0 "no sessions in the copy"
expect_eq "$(sqlite3 "$f" "PRAGMA user_version")" "$(sqlite3 "$DB" "PRAGMA user_version")" "same schema version"
echo "not a database" >"$TEST_OUT/x.db"
run_prongsai backup --db "$TEST_OUT/x.db" --dir "$TEST_OUT/bk2" 2>/dev/null
expect_eq "$?" 1 "a file that is neither database is still refused"
finish
