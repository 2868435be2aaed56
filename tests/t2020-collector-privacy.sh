#!/usr/bin/env bash
# Personal data never reaches the database in the clear, its WAL, the web
# server's logs or public/: canary values are submitted (valid, invalid and
# malformed) through lighttpd and then searched for everywhere.  Also: a full
# disk answers 503 and writes nothing (tmpfs, when this user may mount).
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
. "$TOP/tests/lib/webserver"
trap 'ws_stop; [ -n "${MNT:-}" ] && umount "$MNT" 2>/dev/null' EXIT

cl_setup "$TEST_OUT/site" || finish
ws_start lighttpd "$CL_PUBLIC" "$CL_DB" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }
C=$WS_URL/cgi-bin/collect.cgi
cl_setting rate_limit_per_hour 0

NAME=CanaryName$RANDOM$RANDOM
PHONE=0899$(printf '%06d' $((RANDOM % 1000000)))
MAIL=canary$RANDOM$RANDOM@example.com
EVIDENCE=CanaryEvidence$RANDOM$RANDOM
printf '%%PDF-1.4\n%s\n%%%%EOF\n' "$EVIDENCE" >"$TEST_OUT/evidence.pdf"

code() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
expect_eq "$(code -F subject=s -F detail=d -F consent=yes -F "name=$NAME" -F "phone=$PHONE" -F "email=$MAIL" "$C/complaint")" \
	303 "complaint with personal data"
expect_eq "$(code -F subject=s -F detail=d2 -F consent=yes -F "name=$NAME" -F "email=$MAIL" \
	-F "attachments=@$TEST_OUT/evidence.pdf" "$C/corruption")" 303 "corruption report with evidence"
# refused ones must not leak either
expect_eq "$(code --data "subject=s&detail=d&consent=yes&name=$NAME&email=${MAIL}x@" "$C/complaint")" 422 "invalid e-mail"
expect_eq "$(code --data "subject=s%FF&detail=d&consent=yes&name=$NAME" "$C/complaint")" 400 "invalid UTF-8"
expect_eq "$(code --data "subject=s&detail=d&consent=yes&phone=$PHONE&%ZZ" "$C/complaint")" 400 "bad escape"
expect_eq "$(code -H 'Origin: https://evil.example' --data "name=$NAME" "$C/complaint")" 403 "foreign origin"
cl_setting public_key ""
expect_eq "$(code --data "subject=s&detail=d&consent=yes&name=$NAME" "$C/complaint")" 422 "no key: refused"
grep -q "$NAME" "$TEST_OUT/run/access.log" && fail "canary in the access log"
ws_stop

expect_eq "$(cl_count)" 2 "two submissions stored"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM submissions WHERE sealed IS NOT NULL")" 2 "both sealed"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM attachments WHERE sealed = 1")" 1 "the evidence is sealed"
for canary in "$NAME" "$PHONE" "$MAIL" "$EVIDENCE"; do
	for f in "$CL_DB" "$CL_DB-wal" "$CL_DB-shm" "$TEST_OUT"/run/*.log; do
		[ -e "$f" ] || continue
		if grep -aqF "$canary" "$f"; then fail "canary $canary found in $f"; else pass "canary not in $(basename "$f")"; fi
	done
	expect_no_grep "$canary" "$CL_PUBLIC" "canary $canary not under public/"
	# the address of the client is never stored either (the test server's
	# own origin, http://127.0.0.1:PORT in settings.origins, is not it)
	if cat "$CL_DB" "$CL_DB-wal" 2>/dev/null | grep -ao '.......127\.0\.0\.1' | grep -qv '^http://'; then
		fail "REMOTE_ADDR in the database"
	fi
done
# and the sealed values are there, just not readable
[ "$(sqlite3 "$CL_DB" "SELECT max(length(sealed)) FROM submissions")" -gt 60 ] && pass "sealed blobs present" ||
	fail "no sealed blobs"

# ---- disk full: 503, nothing written, the database intact ----
if [ "$(id -u)" -eq 0 ] && MNT=$TEST_OUT/small && mkdir -p "$MNT" && mount -t tmpfs -o size=2m tmpfs "$MNT" 2>/dev/null; then
	cl_setup "$TEST_OUT/site-full" "$MNT" || finish
	ws_start lighttpd "$CL_PUBLIC" "$CL_DB" "$TEST_OUT/run-full" || { fail "lighttpd did not start"; finish; }
	C=$WS_URL/cgi-bin/collect.cgi
	expect_eq "$(code --data 'subject=a&detail=b&consent=yes' "$C/complaint")" 303 "small disk: one fits"
	before=$(cl_state)
	# a reader keeps the database open, so the WAL and its index stay (as on a
	# busy site) and the disk fills up inside the write transaction itself
	(printf 'SELECT count(*) FROM forms;\n'; sleep 5) | sqlite3 "$CL_DB" >/dev/null &
	reader=$!
	sleep 0.3
	dd if=/dev/zero of="$MNT/filler" bs=64k 2>/dev/null # until the disk is full
	head -c 1500000 /dev/urandom >"$TEST_OUT/big.pdf"
	printf '%%PDF-1.4\n' | dd of="$TEST_OUT/big.pdf" conv=notrunc 2>/dev/null
	got=$(curl -s -D "$TEST_OUT/full.h" -o "$TEST_OUT/full.b" -w '%{http_code}' -F subject=x -F detail=y -F consent=yes \
		-F "attachments=@$TEST_OUT/big.pdf" "$C/complaint")
	expect_eq "$got" 503 "disk full: 503"
	grep -qi '^Retry-After' "$TEST_OUT/full.h" && pass "disk full: Retry-After" || fail "disk full: no Retry-After"
	grep -aq 'prongsai collect: 503 .*full' "$TEST_OUT"/run-full/*.log && pass "disk full is logged" ||
		fail "disk full not logged"
	rm -f "$MNT/filler"
	kill $reader 2>/dev/null; wait $reader 2>/dev/null
	# without the reader, a new process cannot even create the WAL index: 503 too
	dd if=/dev/zero of="$MNT/filler" bs=64k 2>/dev/null
	expect_eq "$(code --data 'subject=e&detail=f&consent=yes' "$C/complaint")" 503 "disk full at open: 503"
	rm -f "$MNT/filler"
	expect_eq "$(cl_state)" "$before" "disk full: nothing written"
	expect_eq "$(sqlite3 "$CL_DB" 'PRAGMA integrity_check')" ok "disk full: integrity_check"
	expect_eq "$(code --data 'subject=c&detail=d&consent=yes' "$C/complaint")" 303 "space again: accepted"
	ws_stop
	umount "$MNT" && MNT=
else
	echo "# cannot mount a small tmpfs here: the disk-full check is skipped"
fi
finish
