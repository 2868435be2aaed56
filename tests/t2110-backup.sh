#!/usr/bin/env bash
# prongsai backup: an online copy while the collector keeps writing is
# consistent (integrity_check), holds every submission acknowledged before it
# started, is one self-contained file of mode 0600; rotation keeps exactly
# the N newest and touches nothing else; refusals (missing database, not a
# prongsai database, DIR a regular file) exit 1 and leave nothing behind; a
# copy that fails half-way leaves no temporary file and the old backups.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"

URL=application/x-www-form-urlencoded
cl_setup "$TEST_OUT/site" || finish
cl_setting rate_limit_per_hour 0
cl_setting repeat_window_s 0

# backups [DIR]: the names of the backups in DIR, oldest first
backups() { (cd "$1" && ls -1 | grep -E '^prongsai-[0-9]{8}T[0-9]{6}Z\.db$' | sort); }
# leftovers DIR: anything the program may leave by mistake
leftovers() { (cd "$1" && ls -1A | grep -E '^\.prongsai-backup-|^prongsai-.*-(wal|shm|journal)$'); }

# some bulk, so that the copy takes many steps (about 10 MB)
sqlite3 "$CL_DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000)
	INSERT INTO submissions(form_id, kind, channel, code, created_at, sealed)
	SELECT 'complaint', 'complaint', 'general', printf('BULK-%06d', i), '2026-01-01T00:00:00Z', randomblob(400) FROM n;
	INSERT INTO submission_values(submission_id, name, position, value)
	SELECT id, 'detail', 1, hex(randomblob(1200)) FROM submissions WHERE code LIKE 'BULK-%';"
bulk=$(cl_count "code LIKE 'BULK-%'")
expect_eq "$bulk" 3000 "bulk submissions in place"

# a collector that keeps submitting: each acknowledged code is appended to
# acked only after its 303 (the commit is on disk before the 303)
: >"$TEST_OUT/acked"
: >"$TEST_OUT/refused"
(
	i=0
	while [ ! -e "$TEST_OUT/stop" ]; do
		i=$((i + 1))
		out=$(cl_cgi POST /complaint "$URL" "subject=loop-$i&detail=during+the+backup+$i&district=dan-sai&consent=yes&website=" 2>>"$TEST_OUT/loop.err")
		st=$(cl_status "$out")
		if [ "$st" = 303 ]; then
			printf '%s\n' "$out" | sed -n 's/^Location: .*code=//p' | tr -d '\r' >>"$TEST_OUT/acked"
		else
			echo "$i $st" >>"$TEST_OUT/refused"
		fi
	done
) &
loop=$!
trap 'touch "$TEST_OUT/stop"; wait $loop 2>/dev/null' EXIT
for _ in $(seq 200); do [ "$(wc -l <"$TEST_OUT/acked")" -ge 5 ] && break; sleep 0.1; done
cp "$TEST_OUT/acked" "$TEST_OUT/before"
BK=$TEST_OUT/backups/nightly
run_prongsai backup --db "$CL_DB" --dir "$BK" >"$TEST_OUT/backup.out" 2>"$TEST_OUT/backup.err"
rc=$?
n_during=$(( $(wc -l <"$TEST_OUT/acked") - $(wc -l <"$TEST_OUT/before") ))
# a few more after the backup, then stop
for _ in $(seq 50); do [ "$(wc -l <"$TEST_OUT/acked")" -ge $(( $(wc -l <"$TEST_OUT/before") + n_during + 3 )) ] && break; sleep 0.1; done
touch "$TEST_OUT/stop"
wait $loop
trap - EXIT
cat "$TEST_OUT/backup.out" "$TEST_OUT/backup.err"
echo "# $(wc -l <"$TEST_OUT/before") acknowledged before the backup, $n_during while it ran, $(wc -l <"$TEST_OUT/acked") in all"
expect_eq "$rc" 0 "backup exits 0 while the collector writes"
expect_eq "$(backups "$BK" | wc -l)" 1 "one backup made"
f=$BK/$(backups "$BK" | head -1)
expect_grep "$f" "$TEST_OUT/backup.out" "the progress line names the backup"
grep -qE ' MB, [0-9]+ pages, [0-9.]+ s; removed none' "$TEST_OUT/backup.out" && pass "progress line: size, pages, time, rotation" ||
	fail "progress line: $(cat "$TEST_OUT/backup.out")"
expect_eq "$(wc -l <"$TEST_OUT/refused")" 0 "the collector was never refused (no 503 while the backup ran)"
expect_eq "$(sqlite3 "$f" 'PRAGMA integrity_check')" ok "the backup passes integrity_check"
expect_eq "$(sqlite3 "$f" 'PRAGMA foreign_key_check' | wc -l)" 0 "the backup passes foreign_key_check"
expect_eq "$(sqlite3 "$f" 'PRAGMA user_version')" "$(sqlite3 "$CL_DB" 'PRAGMA user_version')" "same schema version"
expect_eq "$(sqlite3 "$f" "SELECT count(*) FROM submissions WHERE code LIKE 'BULK-%'")" 3000 "bulk submissions in the backup"
missing=0
while read -r code; do
	[ "$(sqlite3 "$f" "SELECT count(*) FROM submissions WHERE code = '$code'")" = 1 ] || missing=$((missing + 1))
done <"$TEST_OUT/before"
expect_eq "$missing" 0 "every submission acknowledged before the backup started is in it ($(wc -l <"$TEST_OUT/before"))"
[ "$(wc -l <"$TEST_OUT/before")" -ge 5 ] && pass "the loop had submitted before the backup" || fail "the loop did not run"
got=$(sqlite3 "$f" "SELECT count(*) FROM submissions WHERE code NOT LIKE 'BULK-%'")
total=$(wc -l <"$TEST_OUT/acked")
[ "$got" -ge "$(wc -l <"$TEST_OUT/before")" ] && [ "$got" -le "$total" ] &&
	pass "the backup is a snapshot between the two ($got)" || fail "backup has $got loop submissions, acked $total"
expect_eq "$(cl_count "code NOT LIKE 'BULK-%'")" "$total" "the live database has every acknowledged submission"
expect_eq "$(sqlite3 "$CL_DB" 'PRAGMA integrity_check')" ok "the live database is intact"
# one self-contained file: rollback journal mode in the header (bytes 18, 19
# = 1), nothing beside it, readable alone from a read-only copy
expect_eq "$(od -A n -t u1 -j 18 -N 2 "$f" | tr -s ' ')" " 1 1" "header: not WAL (bytes 18-19)"
expect_eq "$(leftovers "$BK")" "" "no -wal, -shm, -journal or temporary file in the backup directory"
mkdir -p "$TEST_OUT/alone" && cp "$f" "$TEST_OUT/alone/copy.db"
expect_eq "$(sqlite3 -readonly "$TEST_OUT/alone/copy.db" 'PRAGMA journal_mode; SELECT count(*) FROM submissions' | tr '\n' ' ')" \
	"delete $(sqlite3 "$f" 'SELECT count(*) FROM submissions') " "the file alone is the whole backup (journal_mode delete)"
expect_eq "$(stat -c %a "$f")" 600 "backup mode 0600"
expect_eq "$(stat -c %a "$BK")" 700 "backup directory made 0700"
expect_eq "$(stat -c %a "$TEST_OUT/backups")" 700 "its missing parent made 0700 too"

# restoring as docs/operations.md says: the file over the database, no
# -wal/-shm; the collector takes submissions again
mkdir -p "$TEST_OUT/restore"
cp "$f" "$TEST_OUT/restore/prongsai.db"
LIVE_DB=$CL_DB
CL_DB=$TEST_OUT/restore/prongsai.db
expect_eq "$(cl_status "$(cl_cgi GET /health "" "")")" 200 "restored: the collector's health check"
expect_eq "$(cl_status "$(cl_cgi POST /complaint "$URL" "subject=restored&detail=x&district=dan-sai&consent=yes&website=")")" \
	303 "restored: a submission is stored"
expect_eq "$(cl_count "code NOT LIKE 'BULK-%'")" $((got + 1)) "restored: the backup's submissions and the new one"
# a database in rollback-journal mode (a restored backup nobody has
# written yet) is copied too, page by page
cp "$f" "$TEST_OUT/restore/delete-mode.db"
run_prongsai backup -q --db "$TEST_OUT/restore/delete-mode.db" --dir "$TEST_OUT/restore/bk"
expect_eq "$?" 0 "a backup of a database in rollback-journal mode"
expect_eq "$(sqlite3 "$TEST_OUT/restore/bk"/prongsai-*Z.db 'SELECT count(*), sum(length(sealed)) FROM submissions')" \
	"$(sqlite3 "$f" 'SELECT count(*), sum(length(sealed)) FROM submissions')" "... with the same content"
CL_DB=$LIVE_DB

# rotation: --keep 3 after 5 runs leaves the 3 newest; other files alone
R=$TEST_OUT/rot
mkdir -p "$R/prongsai-20000101T000000Z.db"    # a directory with a backup's name
echo keep >"$R/notes.txt"
echo keep >"$R/prongsai-2020.db"
echo keep >"$R/prongsai-20200101T000000Z.db.bak"
echo keep >"$R/Prongsai-20200101T000000Z.db"
echo keep >"$R/prongsai-20200101T000000Z.dbx"
echo old >"$R/prongsai-19990101T000000Z.db"   # an old backup: the first to go
ln -s notes.txt "$R/prongsai-19980101T000000Z.db"   # a link with a backup's name
touch -d '3 days ago' "$R/.prongsai-backup-Ab12Cd"  # left by a killed run
touch "$R/.prongsai-backup-Xy34Zw"                  # maybe a running one: recent
others=$(cd "$R" && ls -1A | grep -v -x -F -e 'prongsai-19990101T000000Z.db' -e '.prongsai-backup-Ab12Cd' | sort)
sums=$(cd "$R" && sha256sum notes.txt prongsai-2020.db prongsai-20200101T000000Z.db.bak Prongsai-20200101T000000Z.db)
: >"$TEST_OUT/made"
for i in 1 2 3 4 5; do
	run_prongsai backup --db "$CL_DB" --dir "$R" --keep 3 >"$TEST_OUT/rot.out" 2>&1 || fail "rotation run $i exits $?"
	sed -n 's|^prongsai backup: [^ ]*/\(prongsai-[0-9T]*Z\.db\): .*|\1|p' "$TEST_OUT/rot.out" >>"$TEST_OUT/made"
done
cat "$TEST_OUT/rot.out"
expect_eq "$(wc -l <"$TEST_OUT/made")" 5 "5 backups made"
expect_eq "$(sort -u "$TEST_OUT/made" | wc -l)" 5 "5 different names (runs in the same second wait for the next)"
expect_eq "$(sort "$TEST_OUT/made" | tr '\n' ' ')" "$(tr '\n' ' ' <"$TEST_OUT/made")" "names in the order the backups were made"
expect_eq "$(cd "$R" && find . -maxdepth 1 -type f -name 'prongsai-*Z.db' | sed 's|^\./||' | sort | tr '\n' ' ')" \
	"$(tail -n 3 "$TEST_OUT/made" | tr '\n' ' ')" "exactly the 3 newest remain"
expect_eq "$(cd "$R" && ls -1A | grep -v -x -F "$(tail -n 3 "$TEST_OUT/made")" | sort)" "$others" \
	"every other file is still there"
[ -d "$R/prongsai-20000101T000000Z.db" ] && pass "a directory with a backup's name is left alone" || fail "directory removed"
[ -L "$R/prongsai-19980101T000000Z.db" ] && pass "a symbolic link with a backup's name is left alone" || fail "link removed"
expect_eq "$(cd "$R" && sha256sum notes.txt prongsai-2020.db prongsai-20200101T000000Z.db.bak Prongsai-20200101T000000Z.db)" \
	"$sums" "unrelated files unchanged"
[ ! -e "$R/prongsai-19990101T000000Z.db" ] && pass "the oldest backup went first" || fail "the 1999 backup is still there"
[ ! -e "$R/.prongsai-backup-Ab12Cd" ] && pass "a day-old temporary file of a killed run is removed" || fail "stale temporary file kept"
[ -e "$R/.prongsai-backup-Xy34Zw" ] && pass "a recent temporary file is left (a run may be writing it)" || fail "recent temporary file removed"
grep -q 'removed 1 old (keep 3): prongsai-' "$TEST_OUT/rot.out" && pass "the progress line names what rotation removed" ||
	fail "rotation not reported: $(cat "$TEST_OUT/rot.out")"
run_prongsai backup --db "$CL_DB" --dir "$R" --keep 3 -q >"$TEST_OUT/q.out" 2>&1
expect_eq "$?:$(cat "$TEST_OUT/q.out")" "0:" "-q prints nothing"

# refusals: exit 1, a message in Thai and English, nothing created
refuse() { # WHAT DB DIR
	local what=$1 db=$2 dir=$3 before
	: >"$TEST_OUT/refuse.out"; : >"$TEST_OUT/refuse.err"
	before=$(cd "$TEST_OUT" && find . -path ./site/db -prune -o -print | sort | sha256sum)
	run_prongsai backup --db "$db" --dir "$dir" >"$TEST_OUT/refuse.out" 2>"$TEST_OUT/refuse.err"
	expect_eq "$?" 1 "$what: exit 1"
	grep -q 'earlier backups are untouched' "$TEST_OUT/refuse.err" && grep -q 'ฉบับสำรองเดิมไม่ถูกแตะต้อง' "$TEST_OUT/refuse.err" &&
		pass "$what: says so in Thai and English" || fail "$what: message: $(cat "$TEST_OUT/refuse.err")"
	expect_eq "$(cd "$TEST_OUT" && find . -path ./site/db -prune -o -print | sort | sha256sum)" "$before" "$what: nothing created"
	expect_eq "$(leftovers "$R")$(leftovers "$BK")" ".prongsai-backup-Xy34Zw" "$what: no temporary file"
}
refuse "missing database" "$TEST_OUT/nosuch.db" "$TEST_OUT/new-dir"
expect_grep 'nosuch.db' "$TEST_OUT/refuse.err" "the message names the missing file"
sqlite3 "$TEST_OUT/other.db" "CREATE TABLE t(x); INSERT INTO t VALUES (1); PRAGMA user_version = 2"
refuse "an SQLite database that is not prongsai's" "$TEST_OUT/other.db" "$TEST_OUT/new-dir"
expect_grep 'not a prongsai database' "$TEST_OUT/refuse.err" "says: not a prongsai database"
expect_grep 'ไม่ใช่ฐานข้อมูลของ prongsai' "$TEST_OUT/refuse.err" "the same in Thai"
head -c 8192 /dev/urandom >"$TEST_OUT/random.db"
refuse "a file that is not SQLite" "$TEST_OUT/random.db" "$TEST_OUT/new-dir"
expect_grep 'not a prongsai database (not an SQLite file)' "$TEST_OUT/refuse.err" "says: not an SQLite file"
: >"$TEST_OUT/empty.db"
refuse "an empty file" "$TEST_OUT/empty.db" "$TEST_OUT/new-dir"
refuse "a directory as the database" "$TEST_OUT/site" "$TEST_OUT/new-dir"
n_rot=$(backups "$R")
refuse "DIR a regular file" "$CL_DB" "$R/notes.txt"
expect_grep 'not a directory' "$TEST_OUT/refuse.err" "says: not a directory"
expect_eq "$(backups "$R")" "$n_rot" "the existing backups are as they were"

# a copy that fails half-way (file size limit: writes fail with EFBIG) leaves
# no temporary file and the earlier backups as they were
before=$(cd "$R" && ls -1A | sort; find . -type f -name 'prongsai-*Z.db' -exec sha256sum {} +)
( trap '' XFSZ; ulimit -f 512; run_prongsai backup --db "$CL_DB" --dir "$R" --keep 3 ) >"$TEST_OUT/full.out" 2>"$TEST_OUT/full.err"
expect_eq "$?" 1 "a copy that cannot be written: exit 1"
cat "$TEST_OUT/full.err"
expect_eq "$(cd "$R" && ls -1A | sort; find . -type f -name 'prongsai-*Z.db' -exec sha256sum {} +)" "$before" "nothing left, nothing rotated"

# usage
run_prongsai backup --db "$CL_DB" >/dev/null 2>&1
expect_eq "$?" 2 "no --dir: usage error"
run_prongsai backup --db "$CL_DB" --dir "$R" --keep 0 >/dev/null 2>&1
expect_eq "$?" 2 "--keep 0: usage error"
run_prongsai backup --db "$CL_DB" --dir "$R" --keep 1001 >/dev/null 2>&1
expect_eq "$?" 2 "--keep 1001: usage error"
run_prongsai backup --help >"$TEST_OUT/help" 2>&1
expect_eq "$?" 0 "--help exits 0"
expect_grep '--keep N' "$TEST_OUT/help" "--help describes --keep"
finish
