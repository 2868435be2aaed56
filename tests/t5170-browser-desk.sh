#!/usr/bin/env bash
# variants: release
# A complaint officer answers a case in headless Chromium
# (tests/browser/desk.mjs) at 360 px and 1280 px, JavaScript on (axe-core
# on every page) and off, through lighttpd, collect.cgi, staff.cgi and real
# databases: a citizen's complaint filed with curl, then the desk's list,
# the case page (personal data sealed), the answer and its queue row.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
[ -d "$TOP/node_modules/playwright-core" ] || { fail "node_modules missing: run make deps-node"; finish; }
[ -x /usr/bin/chromium ] || { fail "chromium missing: make deps-test"; finish; }
ws_available lighttpd || { fail "lighttpd missing: make deps-test"; finish; }
site=$TEST_OUT/site DB=$TEST_OUT/db/prongsai.db
rm -rf "$TEST_OUT/db" "$site" "$TEST_OUT/c"
mkdir -p "$TEST_OUT/db"
WS_STAFF_DB=$TEST_OUT/db/staff.db
PUB=$("$PRONGSAI" inbox keygen --key "$TEST_OUT/db/inbox.key" 2>/dev/null) || { fail "inbox keygen"; finish; }
cp -r "$TOP/content" "$TEST_OUT/c"
sed -i "s|^  public_key: .*|  public_key: \"$PUB\"|" "$TEST_OUT/c/site.yaml"
run_prongsai build -q -C "$TEST_OUT/c" -o "$site" --db "$DB" --staff-db "$WS_STAFF_DB" 2>"$TEST_OUT/build.err"
expect_eq "$?" 0 "sample site builds with both databases"
PW='desk password 360'
printf '%s\n' "$PW" | "$PRONGSAI" staff add kiattisak-m --staff-db "$WS_STAFF_DB" --password-stdin 2>/dev/null
ws_start lighttpd "$site" "$DB" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }
trap ws_stop EXIT
codes=()
for i in 1 2 3 4; do
	loc=$(curl -s -o /dev/null -w '%{redirect_url}' --data-urlencode "subject=ไฟฟ้าส่องทางดับ $i" \
		--data-urlencode "detail=ไฟดับทั้งซอย" --data-urlencode district=dan-sai --data-urlencode category=service \
		--data-urlencode "name=ผู้ร้อง ทดสอบ" --data-urlencode phone=0812345678 --data-urlencode consent=yes \
		--data-urlencode website= "$WS_URL/cgi-bin/collect.cgi/complaint")
	codes+=("$(curl -s "$loc" | sed -n 's/.*id="tracking-code">\([0-9A-Z-]\{19\}\)<.*/\1/p')")
done
[ ${#codes[3]} -eq 19 ] && pass "four complaints filed" || { fail "complaints not filed: ${codes[*]}"; finish; }
k=0
for width in 360 1280; do
	for js in on off; do
		BASE_URL=$WS_URL/ STAFF_USER=kiattisak-m STAFF_PASSWORD=$PW CODE=${codes[$k]} WIDTH=$width JS=$js \
			node "$TOP/tests/browser/desk.mjs"
		expect_eq "$?" 0 "the officer answers a case at $width px, JavaScript $js (details above)"
		k=$((k + 1))
	done
done
expect_eq "$(sqlite3 "$WS_STAFF_DB" "SELECT count(*) FROM queue WHERE kind = 'answer' AND person_id = 'kiattisak-m' AND state = 'queued'")" 4 \
	"the four answers are in the queue"
finish
