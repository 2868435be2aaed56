#!/usr/bin/env bash
# variants: release
# What a stolen database can tell about reporters (issue 19.2, 19.7, 19.9):
# the rate-limit key is a 0600 file beside the database, never in it, and is
# replaced every hour; addresses count by network (IPv4 /32, IPv6 /64, any
# text form); the repeat digest never involves the client, so only the same
# page (its token) is folded and two people sending the same text get two
# codes; expired rows go with every build --db and never into a backup.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"

URL=application/x-www-form-urlencoded
rm -rf "$TEST_OUT/site" "$TEST_OUT/bk"
cl_setup "$TEST_OUT/site" || finish
KEYF=$CL_DB-key
DEFAULT_LIMIT=$(sqlite3 "$CL_DB" "SELECT value FROM settings WHERE key = 'rate_limit_per_hour'")
SURVEY='speed=5&courtesy=4&clarity=3&process=2&transparency=1&overall=5&website='
CORR='subject=same+words&detail=the+same+report&district=dan-sai&consent=yes&website='
loc() { printf '%s\n' "$1" | sed -n 's/^Location: //p' | tr -d '\r'; }

# -- the key: not in the database, a 0600 file, one per hour
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM settings WHERE key LIKE '%salt%'")" 0 "no salt in the database"
[ ! -e "$KEYF" ] && pass "no key file before the first submission" || fail "key file made by the build"
out=$(cl_cgi POST /satisfaction "$URL" "$SURVEY" 2>"$TEST_OUT/err")
expect_eq "$(cl_status "$out")" 303 "a survey is stored"
expect_eq "$(stat -c %a "$KEYF" 2>/dev/null)" 600 "the key file is 0600"
hour=$(( $(date +%s) / 3600 ))
expect_eq "$(cut -d' ' -f1 "$KEYF")" "$hour" "the key file belongs to this hour"
key1=$(cut -d' ' -f2 "$KEYF")
expect_eq "${#key1}" 64 "32 random bytes"
grep -rqF "$key1" "$CL_PUBLIC" "$CL_DB" "$CL_DB-wal" 2>/dev/null && fail "the key is in the database or public/" ||
	pass "the key is neither in the database nor in public/"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM rate_limits WHERE hour = $hour")" 1 "one count"
# a key of an earlier hour is replaced, and the old counts are deleted
sqlite3 "$CL_DB" "INSERT INTO rate_limits VALUES ($((hour - 1)), x'00112233445566778899aabbccddeeff', 'satisfaction', 3)"
printf '%s %s\n' $((hour - 1)) "$key1" >"$KEYF"
out=$(cl_cgi POST /satisfaction "$URL" "$SURVEY&comment=2" 2>"$TEST_OUT/err")
expect_eq "$(cl_status "$out")" 303 "stored with a new hour"
key2=$(cut -d' ' -f2 "$KEYF")
[ "$key2" != "$key1" ] && [ "${#key2}" = 64 ] && pass "a new key for the new hour" || fail "the old key was kept"
expect_eq "$(cut -d' ' -f1 "$KEYF")" "$hour" "... for this hour"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM rate_limits WHERE hour < $hour")" 0 "old counts deleted"
expect_eq "$(stat -c %a "$KEYF")" 600 "the new key file is 0600"
# a key file others can read: refused (503, logged), nothing written
chmod 644 "$KEYF"
before=$(cl_state)
out=$(cl_cgi POST /satisfaction "$URL" "$SURVEY&comment=3" 2>"$TEST_OUT/err")
expect_eq "$(cl_status "$out")" 503 "a group- or world-readable key file: 503"
expect_eq "$(cl_state)" "$before" "... nothing written"
expect_grep "mode 0600" "$TEST_OUT/err" "... and logged"
chmod 600 "$KEYF"

# -- the database, its WAL and shared memory: 0600; anything readable by others is refused
# (a reader holds the database open, so that -wal and -shm stay)
{ echo "BEGIN; SELECT count(*) FROM forms;"; sleep 60; } | sqlite3 "$CL_DB" >/dev/null &
reader=$!
trap 'kill $reader 2>/dev/null' EXIT
for _ in $(seq 50); do [ -e "$CL_DB-shm" ] && break; sleep 0.1; done
expect_eq "$(stat -c %a "$CL_DB" "$CL_DB-wal" "$CL_DB-shm" "$CL_DB-writer" | tr '\n' ' ')" "600 600 600 600 " \
	"database, -wal, -shm and -writer are 0600"
for f in "$CL_DB" "$CL_DB-wal" "$CL_DB-shm"; do
	[ -f "$f" ] || fail "${f##*/} missing"
	before=$(cl_state) # (SQLite itself would give an empty -wal the database's mode again)
	chmod 644 "$f"
	out=$(cl_cgi POST /satisfaction "$URL" "$SURVEY&comment=4" 2>"$TEST_OUT/err")
	expect_eq "$(cl_status "$out")" 503 "${f##*/} mode 0644: 503"
	expect_grep "has mode 0644" "$TEST_OUT/err" "... logged with the mode"
	chmod 600 "$f"
	expect_eq "$(cl_state)" "$before" "... nothing written"
done
chmod 660 "$CL_DB"
out=$(cl_cgi POST /satisfaction "$URL" "$SURVEY&comment=5" 2>/dev/null)
expect_eq "$(cl_status "$out")" 303 "mode 0660 (a shared group) is allowed"
chmod 600 "$CL_DB"
kill $reader 2>/dev/null
wait $reader 2>/dev/null
trap - EXIT

# -- networks: IPv4 /32, IPv6 /64 in any spelling
cl_setting rate_limit_per_hour 2
st=""
for a in 2001:db8:1:2::1 2001:0DB8:0001:0002:ffff:ffff:ffff:fffe 2001:db8:1:2:abcd::7 2001:db8:1:3::1; do
	out=$(cl_cgi POST /satisfaction "$URL" "$SURVEY&comment=v6" REMOTE_ADDR=$a 2>/dev/null)
	st="$st $(cl_status "$out")"
done
expect_eq "$st" " 303 303 429 303" "IPv6: one /64 is one client, the next /64 another"
st=""
for a in 198.51.100.7 ::ffff:198.51.100.7 198.51.100.7 198.51.100.8; do
	out=$(cl_cgi POST /satisfaction "$URL" "$SURVEY&comment=v4" REMOTE_ADDR=$a 2>>"$TEST_OUT/v4.err")
	st="$st $(cl_status "$out")"
done
expect_eq "$st" " 303 303 429 303" "IPv4: one address (also IPv4-mapped) is one client, the next another"

# -- a village meeting on one Wi-Fi: 200 people answer the survey within the hour,
# some with the same scores; every one is stored (the default limit is 300)
cl_setting rate_limit_per_hour "$DEFAULT_LIMIT"
n0=$(cl_count "kind = 'survey'")
bad=0
for i in $(seq 200); do
	out=$(cl_cgi POST /satisfaction "$URL" "speed=5&courtesy=5&clarity=5&process=5&transparency=5&overall=$((i % 2 + 4))&website=" \
		REMOTE_ADDR=203.0.113.50 2>/dev/null)
	[ "$(cl_status "$out")" = 303 ] || bad=$((bad + 1))
done
expect_eq "$bad" 0 "200 surveys from one address: none refused"
expect_eq "$(( $(cl_count "kind = 'survey'") - n0 ))" 200 "200 surveys from one address: all stored, identical ones too"

# -- repeats: only the same page (token); never keyed by the client
for f in complaint corruption satisfaction; do
	grep -qF '<input type="hidden" name="form_token" value="">' "$CL_PUBLIC/forms/$f/index.html" &&
		grep -qF 'assets/js/form.js' "$CL_PUBLIC/forms/$f/index.html" && pass "$f: the page carries a token field" ||
		fail "$f: no form_token field or no form.js"
done
grep -q 'getRandomValues' "$CL_PUBLIC/assets/js/form.js" && pass "form.js draws the token at random" || fail "form.js"
out=$(cl_cgi POST /corruption "$URL" "$CORR" 2>/dev/null); l1=$(loc "$out")
out=$(cl_cgi POST /corruption "$URL" "$CORR" 2>/dev/null); l2=$(loc "$out")
[ -n "$l1" ] && [ -n "$l2" ] && [ "$l1" != "$l2" ] && pass "two people, one address, the same report: two codes" ||
	fail "same report from one address folded: [$l1] [$l2]"
T=form_token=Zq8v3W1x0Yk2Hc7Jm4Np9R
out=$(cl_cgi POST /corruption "$URL" "$CORR&$T" 2>/dev/null); l1=$(loc "$out")
out=$(cl_cgi POST /corruption "$URL" "$CORR&$T" REMOTE_ADDR=203.0.113.9 2>/dev/null); l2=$(loc "$out")
[ -n "$l1" ] && [ "$l1" = "${l2%&repeat=1}" ] && pass "the same page sent twice (even from another address): one code" ||
	fail "a resubmission of the same page got [$l1] then [$l2]"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM submissions WHERE channel = 'corruption'")" 3 "three reports stored"
before=$(cl_state)
out=$(cl_cgi POST /corruption "$URL" "$CORR&form_token=short" 2>/dev/null)
expect_eq "$(cl_status "$out")" 400 "a malformed token: 400"
out=$(cl_cgi POST /corruption "$URL" "$CORR&$T&$T" 2>/dev/null)
expect_eq "$(cl_status "$out")" 400 "two tokens: 400"
expect_eq "$(cl_state)" "$before" "... nothing written"
# nothing in recent_submissions can be recomputed from a guessed address:
# the digest does not involve the client (the unit test test_collector_store
# checks the same digest from two addresses)

# -- expired rows: every build --db purges them; backups never hold them
sqlite3 "$CL_DB" "INSERT INTO rate_limits VALUES ($((hour - 5)), x'01', 'complaint', 1);
	INSERT INTO recent_submissions SELECT x'0102', max(id), 1 FROM submissions"
"$PRONGSAI" build -q -C "$TOP/content" -o "$CL_PUBLIC" --db "$CL_DB" --public-key "$CL_PUB" >/dev/null 2>&1
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM rate_limits WHERE hour < $hour")" 0 "build --db purges past hours"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM recent_submissions WHERE expires <= strftime('%s','now')")" 0 \
	"build --db purges expired digests"
n_live=$(sqlite3 "$CL_DB" "SELECT (SELECT count(*) FROM rate_limits) + (SELECT count(*) FROM recent_submissions)")
[ "$n_live" -gt 0 ] && pass "live rows before the backup ($n_live)" || fail "no live rows to test the backup with"
run_prongsai backup -q --db "$CL_DB" --dir "$TEST_OUT/bk" >/dev/null 2>"$TEST_OUT/bk.err"
expect_eq "$?" 0 "backup"
b=$(ls "$TEST_OUT"/bk/prongsai-*.db | head -1)
expect_eq "$(sqlite3 "$b" "SELECT (SELECT count(*) FROM rate_limits) + (SELECT count(*) FROM recent_submissions)")" 0 \
	"the backup holds no rate-limit counts or digests"
expect_eq "$(sqlite3 "$b" "SELECT count(*) FROM submissions")" "$(cl_count)" "... and every submission"
[ ! -e "$b-key" ] && ! ls "$TEST_OUT/bk" | grep -q key && pass "the key file is not backed up" || fail "key in backups"
finish
