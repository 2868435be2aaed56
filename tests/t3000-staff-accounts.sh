#!/usr/bin/env bash
# prongsai staff add|passwd|disable|list: accounts only for people of
# people.yaml, passwords from --password-stdin (or a terminal) stored only
# as Argon2id hashes at libsodium's interactive limits or higher, the
# database created 0600, disable ending the sessions, Thai and English
# errors, --help.
. "$(dirname "$0")/lib/test-lib.sh"
D=$TEST_OUT/acc
mkdir -p "$D"
DB=$D/staff.db
P='a long enough password'

out=$("$PRONGSAI" staff --help) && pass "staff --help exits 0" || fail "staff --help"
case $out in *"staff add ID"*"staff passwd ID"*"staff disable ID"*"staff list"*) pass "--help names the subcommands" ;;
*) fail "--help: $out" ;; esac
grep -q '^\.B "prongsai staff' "$TOP/docs/prongsai.1" && pass "man page has prongsai staff" || fail "no prongsai staff in docs/prongsai.1"
printf '%s\n' "$P" | "$PRONGSAI" staff add suphaphon-c -C "$TOP/content" --staff-db "$DB" --password-stdin 2>"$D/err"
expect_eq "$?" 0 "add an account for a person of people.yaml"
expect_eq "$(stat -c %a "$DB")" 600 "the staff database is created 0600"
H=$(sqlite3 "$DB" "SELECT pwhash FROM accounts WHERE person_id = 'suphaphon-c'")
case $H in '$argon2id$v=19$m='*) pass "stored as an Argon2id hash" ;; *) fail "hash: $H" ;; esac
M=$(echo "$H" | sed -n 's/.*\$m=\([0-9]*\),t=\([0-9]*\),.*/\1 \2/p')
[ "${M% *}" -ge 65536 ] && [ "${M#* }" -ge 2 ] && pass "at least the interactive limits (64 MiB, 2 passes)" || fail "limits: $M"
expect_no_grep "$P" "$DB" "the password itself is not stored"
printf '%s\n' "$P" | "$PRONGSAI" staff add suphaphon-c -C "$TOP/content" --staff-db "$DB" --password-stdin 2>"$D/err"
expect_eq "$?" 1 "a second add is refused"
expect_grep "มีบัญชีอยู่แล้ว" "$D/err" "in Thai"
expect_grep "already has an account" "$D/err" "and English"
printf '%s\n' "$P" | "$PRONGSAI" staff add nobody-x -C "$TOP/content" --staff-db "$DB" --password-stdin 2>"$D/err"
expect_eq "$?" 1 "an id that is not in people.yaml is refused"
expect_grep "ไม่พบบุคคลรหัส \"nobody-x\"" "$D/err" "saying so in Thai"
printf 'short\n' | "$PRONGSAI" staff add aruni-s -C "$TOP/content" --staff-db "$DB" --password-stdin 2>"$D/err"
expect_eq "$?" 1 "a short password is refused"
expect_grep "10" "$D/err" "naming the minimum length"
# the minimum length: at it, and one under
printf '0123456789\n' | "$PRONGSAI" staff add aruni-s -C "$TOP/content" --staff-db "$DB" --password-stdin 2>/dev/null
expect_eq "$?" 0 "a password of exactly 10 characters is accepted"
printf '%s\n' "$(head -c 257 /dev/zero | tr '\0' x)" |
	"$PRONGSAI" staff passwd aruni-s -C "$TOP/content" --staff-db "$DB" --password-stdin 2>/dev/null
expect_eq "$?" 1 "a password over 256 bytes is refused"
printf '%s\n' "$(head -c 256 /dev/zero | tr '\0' x)" |
	"$PRONGSAI" staff passwd aruni-s -C "$TOP/content" --staff-db "$DB" --password-stdin 2>/dev/null
expect_eq "$?" 0 "a password of 256 bytes is accepted"
"$PRONGSAI" staff add aruni-s -C "$TOP/content" --staff-db "$DB" </dev/null 2>"$D/err" && fail "no terminal" ||
	expect_grep "password-stdin" "$D/err" "without a terminal it says to use --password-stdin"
list=$("$PRONGSAI" staff list --staff-db "$DB")
case $list in *aruni-s*active*suphaphon-c*active*) pass "list shows both accounts, active" ;; *) fail "list: $list" ;; esac
sqlite3 "$DB" "INSERT INTO sessions VALUES (x'00', 'suphaphon-c', 'c', 0, 0)"
"$PRONGSAI" staff disable suphaphon-c --staff-db "$DB" 2>/dev/null
expect_eq "$?" 0 "disable"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM sessions WHERE person_id = 'suphaphon-c'")" 0 "disable ends the sessions"
case $("$PRONGSAI" staff list --staff-db "$DB") in *suphaphon-c*disabled*) pass "list shows it disabled" ;; *) fail "not disabled" ;; esac
printf 'another long password\n' | "$PRONGSAI" staff passwd suphaphon-c -C "$TOP/content" --staff-db "$DB" --password-stdin 2>/dev/null
expect_eq "$(sqlite3 "$DB" "SELECT disabled FROM accounts WHERE person_id = 'suphaphon-c'")" 0 "passwd enables it again"
"$PRONGSAI" staff disable nobody-x --staff-db "$DB" 2>"$D/err"
expect_eq "$?" 1 "disabling an unknown account fails"
"$PRONGSAI" staff frobnicate x --staff-db "$DB" 2>/dev/null
expect_eq "$?" 2 "an unknown subcommand is a usage error"
(unset PRONGSAI_STAFF_DB PRONGSAI_DB; "$PRONGSAI" staff list 2>"$D/err")
expect_eq "$?" 1 "no database given"
expect_grep "--staff-db" "$D/err" "says how to give one"
mkdir -p "$D/other"
PRONGSAI_DB=$D/other/prongsai.db "$PRONGSAI" staff list >/dev/null 2>&1
expect_eq "$?" 1 "the default (staff.db beside PRONGSAI_DB) must exist for list"
printf '%s\n' "$P" | PRONGSAI_DB=$D/other/prongsai.db "$PRONGSAI" staff add aruni-s -C "$TOP/content" --password-stdin 2>/dev/null
[ -f "$D/other/staff.db" ] && pass "the default file is staff.db beside PRONGSAI_DB" || fail "no staff.db beside PRONGSAI_DB"
finish
