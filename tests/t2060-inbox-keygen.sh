#!/usr/bin/env bash
# prongsai inbox keygen: the key file is created 0600, never overwritten,
# holds a matching pair; the printed public key is what the build installs
# and what the collector seals to.
. "$(dirname "$0")/lib/test-lib.sh"

K=$TEST_OUT/officer.key
pub=$(run_prongsai inbox keygen --key "$K" 2>"$TEST_OUT/stderr")
expect_eq "$?" 0 "keygen succeeds"
expect_eq "${#pub}" 44 "prints a base64 public key"
expect_eq "$(stat -c %a "$K")" 600 "key file mode 0600"
grep -q '^secret_key: [A-Za-z0-9+/]\{43\}=$' "$K" && pass "secret_key line" || fail "no secret_key line"
expect_eq "$(sed -n 's/^public_key: //p' "$K")" "$pub" "public_key line matches what was printed"
grep -qF "$(sed -n 's/^secret_key: //p' "$K")" "$TEST_OUT/stderr" && fail "secret key printed" || pass "secret key not printed"
sum=$(sha256sum "$K")
run_prongsai inbox keygen --key "$K" >"$TEST_OUT/out2" 2>"$TEST_OUT/err2"
expect_eq "$?" 1 "refuses to overwrite"
expect_eq "$(sha256sum "$K")" "$sum" "the key file is untouched"
grep -q 'exists' "$TEST_OUT/err2" && pass "says why" || fail "no reason given"
run_prongsai inbox keygen >/dev/null 2>&1
expect_eq "$?" 2 "--key is required"
run_prongsai inbox keygen --key "$TEST_OUT/no/such/dir/k" >/dev/null 2>&1
expect_eq "$?" 1 "unwritable path fails"
[ ! -e "$TEST_OUT/no/such/dir/k" ] && pass "nothing left behind" || fail "partial key file"
run_prongsai inbox keygen --help | grep -q 'keygen --key FILE' && pass "--help" || fail "--help"
(unset PRONGSAI_DB; run_prongsai inbox list --key "$K" >/dev/null 2>&1)
expect_eq "$?" 2 "list without --db: usage error (t2090 tests the inbox)"
umask 000
run_prongsai inbox keygen --key "$TEST_OUT/k2" >/dev/null 2>&1
expect_eq "$(stat -c %a "$TEST_OUT/k2")" 600 "0600 whatever the umask"
umask 022
# durable: the file and then its directory are synced before the key is printed
if command -v strace >/dev/null 2>&1; then
	mkdir -p "$TEST_OUT/sync"
	# (LeakSanitizer cannot run under ptrace)
	ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0 \
		strace -f -qq -e trace=openat,fsync -o "$TEST_OUT/strace" "$PRONGSAI" inbox keygen --key "$TEST_OUT/sync/k" \
		>/dev/null 2>&1
	expect_eq "$?" 0 "keygen under strace"
	# the descriptor of an openat(... O_DIRECTORY) of the key's folder is fsynced
	dfd=$(grep -E "openat\(AT_FDCWD, \"$TEST_OUT/sync\", [^)]*O_DIRECTORY" "$TEST_OUT/strace" | sed -n 's/.*= \([0-9]*\)$/\1/p' | tail -1)
	[ -n "$dfd" ] && grep -qE "fsync\($dfd\) += 0" "$TEST_OUT/strace" && pass "keygen syncs the key's folder" ||
		fail "keygen does not sync the key's folder"
else
	pass "(strace missing: the folder sync is not checked)"
fi

# the build installs it; a bad key is refused
mkdir -p "$TEST_OUT/db"
run_prongsai build -q -C "$TOP/content" -o "$TEST_OUT/public" --db "$TEST_OUT/db/p.db" --public-key "$pub" \
	>"$TEST_OUT/build.log" 2>&1
expect_eq "$?" 0 "build --db --public-key"
expect_eq "$(sqlite3 "$TEST_OUT/db/p.db" "SELECT value FROM settings WHERE key = 'public_key'")" "$pub" "key installed"
nforms=$(find "$TOP/content/forms" -maxdepth 1 -name '*.yaml' | wc -l)
[ "$nforms" -ge 4 ] || fail "the sample has $nforms forms (complaint, corruption, satisfaction, system-satisfaction)"
expect_eq "$(sqlite3 "$TEST_OUT/db/p.db" "SELECT count(*) FROM forms")" "$nforms" "every form of content/forms installed"
expect_eq "$(sqlite3 "$TEST_OUT/db/p.db" "PRAGMA user_version")" 4 "schema version 4"
run_prongsai build -q -C "$TOP/content" -o "$TEST_OUT/public" --db "$TEST_OUT/db/p.db" --public-key "not-a-key" \
	>"$TEST_OUT/build2.log" 2>&1
[ $? -ne 0 ] && pass "a bad public key fails the build" || fail "a bad public key was accepted"
expect_eq "$(sqlite3 "$TEST_OUT/db/p.db" "SELECT value FROM settings WHERE key = 'public_key'")" "$pub" "the old key stays"
finish
