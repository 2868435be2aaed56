#!/usr/bin/env bash
# variants: release
# The complaint desk end to end in headless Chromium (tests/browser/desk.mjs)
# at 360 px and 1280 px, JavaScript on (axe-core on every page) and off,
# through lighttpd, collect.cgi, staff.cgi, `prongsai import --follow` and
# real databases and git (issue 13's done-when): citizens file complaints
# with canary strings in every personal field (one with a sealed PDF); the
# officer signs in, opens the case; with JavaScript a wrong key file is
# refused in Thai with no request made, then their key file opens the
# canary name and the attachment on the page; they answer "resolved" with
# a reason; every request and response the browser saw (bodies too) holds
# no plaintext canary and no secret key; the tracking pages show the
# answers within 60 s.  Then the administrator's purge on the desk and
# `prongsai inbox purge` list the same cases, the desk purges them, and the
# server's logs, git and public/ hold no canary.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
[ -d "$TOP/node_modules/playwright-core" ] || { fail "node_modules missing: run make deps-node"; finish; }
[ -x /usr/bin/chromium ] || { fail "chromium missing: make deps-test"; finish; }
ws_available lighttpd || { fail "lighttpd missing: make deps-test"; finish; }
[ -s "$TOP/themes/default/static/js/vendor/libsodium-wrappers.js" ] || { fail "libsodium for the desk missing: make desk-js"; finish; }
S=$TEST_OUT/s site=$TEST_OUT/site DB=$TEST_OUT/db/prongsai.db KEY=$TEST_OUT/db/inbox.key
rm -rf "$TEST_OUT/db" "$site" "$S"
mkdir -p "$TEST_OUT/db" "$S"
WS_STAFF_DB=$TEST_OUT/db/staff.db
PUB=$("$PRONGSAI" inbox keygen --key "$KEY" 2>/dev/null) || { fail "inbox keygen"; finish; }
"$PRONGSAI" inbox keygen --key "$TEST_OUT/db/other.key" >/dev/null 2>&1 # a real key file, not the office's
cp -r "$TOP/content" "$S/content"
sed -i "s|^  public_key: .*|  public_key: \"$PUB\"|" "$S/content/site.yaml"
# the attachments are sealed too (as a corruption report's are)
sed -i '/^  - name: attachments$/,/^    type: file$/s/^    type: file$/    type: file\n    personal: true/' "$S/content/forms/complaint.yaml"
# the officer is the administrator too (the purge)
sed -i '/^  - id: kiattisak-m$/,/roles:/s/roles: \[complaint-officer\]/roles: [complaint-officer, admin]/' "$S/content/people.yaml"
git -C "$S" init -q -b main
git -C "$S" -c user.name=t -c user.email=t@example.invalid add -A
git -C "$S" -c user.name=t -c user.email=t@example.invalid commit -q -m start
run_prongsai build -q -C "$S/content" -o "$site" --db "$DB" --staff-db "$WS_STAFF_DB" 2>"$TEST_OUT/build.err"
expect_eq "$?" 0 "sample site builds with both databases"
[ -s "$site/assets/js/vendor/libsodium.js" ] && [ -s "$site/assets/js/desk.js" ] &&
	pass "libsodium and desk.js are served from the site itself" || fail "assets/js/vendor/libsodium.js or desk.js not published"
PW='desk password 360'
printf '%s\n' "$PW" | "$PRONGSAI" staff add kiattisak-m --staff-db "$WS_STAFF_DB" --password-stdin 2>/dev/null
ws_start lighttpd "$site" "$DB" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }
"$PRONGSAI" import --follow -C "$S/content" -o "$site" --db "$DB" --staff-db "$WS_STAFF_DB" --origin "$WS_URL" \
	2>"$TEST_OUT/follow.log" &
F=$!
trap 'kill $F 2>/dev/null; wait $F 2>/dev/null; ws_stop' EXIT
# canaries: one per personal field and case; the PDF's text is one too
codes=() names=() phones=()
printf '%%PDF-1.4\nCANARYPDF%s\n%%%%EOF\n' "$$" >"$TEST_OUT/evidence.pdf"
for i in 0 1 2 3; do
	names+=("นายแคนารี CANARYNAME$$x$i")
	phones+=("$(printf '08%08d' $((($$ * 10 + i) % 100000000)))")
	att=()
	[ $i -eq 0 ] && att=(-F "attachments=@$TEST_OUT/evidence.pdf;type=application/pdf")
	loc=$(curl -s -o /dev/null -w '%{redirect_url}' -F "subject=ไฟฟ้าส่องทางดับ $i" -F "detail=ไฟดับทั้งซอย" \
		-F district=dan-sai -F category=service -F "name=${names[$i]}" -F "phone=${phones[$i]}" \
		-F "email=canarymail$$x$i@example.invalid" -F consent=yes -F website= "${att[@]}" \
		"$WS_URL/cgi-bin/collect.cgi/complaint")
	codes+=("$(curl -s "$loc" | sed -n 's/.*id="tracking-code">\([0-9A-Z-]\{19\}\)<.*/\1/p')")
done
[ ${#codes[3]} -eq 19 ] && pass "four complaints filed, canaries in every personal field" || { fail "complaints not filed: ${codes[*]}"; finish; }
k=0
t0=$(date +%s.%N)
for width in 360 1280; do
	for js in on off; do
		BASE_URL=$WS_URL/ STAFF_USER=kiattisak-m STAFF_PASSWORD=$PW CODE=${codes[$k]} WIDTH=$width JS=$js \
			CANARY="${names[$k]}" CANARIES="CANARYNAME$$ canarymail$$ ${phones[$k]} CANARYPDF$$" KEY_FILE=$KEY \
			WRONG_KEY_FILE=$TEST_OUT/db/other.key ATTACHMENT=$([ $k -eq 0 ] && echo "CANARYPDF$$") \
			node "$TOP/tests/browser/desk.mjs"
		expect_eq "$?" 0 "the officer answers a case at $width px, JavaScript $js (details above)"
		k=$((k + 1))
	done
done
# the four answers: committed and on the tracking pages, the last within
# 60 s of being sent (the end of the last journey)
t1=$(date +%s.%N)
echo "desk: the four journeys took $(echo "$t1 - $t0" | bc) s"
for c in "${codes[@]}"; do
	while ! curl -s "$WS_URL/track/$c/" | grep -q 'ซ่อมไฟส่องทางเรียบร้อยแล้ว'; do
		[ "$(echo "$(date +%s.%N) - $t1 > 60" | bc)" = 1 ] && break
		sleep 0.2
	done
done
secs=$(echo "$(date +%s.%N) - $t1" | bc)
shown=0
for c in "${codes[@]}"; do curl -s "$WS_URL/track/$c/" | grep -q 'ซ่อมไฟส่องทางเรียบร้อยแล้ว' && shown=$((shown + 1)); done
expect_eq "$shown" 4 "the four answers are on the tracking pages, the last $secs s after it was sent (limit 60 s)"
echo "desk: the last answer on its tracking page $secs s after it was sent"
expect_eq "$(git -C "$S" log --format=%an | grep -c 'เกียรติศักดิ์')" 4 "four commits by the officer"
expect_eq "$(sqlite3 "$WS_STAFF_DB" "SELECT count(*) FROM queue WHERE kind = 'answer' AND state = 'committed'")" 4 \
	"the four answers are committed"

# ---- the purge: the desk and the CLI agree, then the desk purges ----
TOMORROW=$(TZ=Asia/Bangkok date -d tomorrow +%Y-%m-%d)
BE=$(TZ=Asia/Bangkok date -d tomorrow +%-d/%-m/)$(($(TZ=Asia/Bangkok date -d tomorrow +%Y) + 543))
"$PRONGSAI" inbox purge --closed-before "$TOMORROW" --dry-run --db "$DB" --key "$KEY" -C "$S/content" \
	>"$TEST_OUT/cli-dry" 2>&1
cli=$(grep -oE '[0-9A-Z]{4}(-[0-9A-Z]{4}){3}' "$TEST_OUT/cli-dry" | sort | tr '\n' ' ')
ST=$WS_URL/staff/staff.cgi
TOK=$(curl -s -D - -o /dev/null -H "Origin: $WS_URL" --data-urlencode id=kiattisak-m --data-urlencode "password=$PW" "$ST/login" |
	sed -n 's/^Set-Cookie: prongsai_staff=\([^;]*\);.*/\1/Ip')
curl -s -b "prongsai_staff=$TOK" "$ST/purge?before=$BE" >"$TEST_OUT/purge.html"
desk=$(grep -oE '<code>[0-9A-Z]{4}(-[0-9A-Z]{4}){3}</code>' "$TEST_OUT/purge.html" | sed 's|</*code>||g' | sort | tr '\n' ' ')
want=$(printf '%s\n' "${codes[@]}" | sort | tr '\n' ' ')
expect_eq "$cli" "$want" "prongsai inbox purge --dry-run lists the four closed cases"
expect_eq "$desk" "$cli" "the desk's purge page lists the same cases as the CLI"
CS=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$TEST_OUT/purge.html" | head -1)
got=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -b "prongsai_staff=$TOK" -H "Origin: $WS_URL" \
	--data-urlencode "csrf=$CS" --data-urlencode "before=$BE" "$ST/purge")
expect_eq "$got" "303 $ST/purge?done=4" "the administrator purges the four on the desk"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM submissions WHERE kind = 'complaint' AND purged_at IS NOT NULL AND sealed IS NULL;
	SELECT count(*) FROM attachments")" "4
0" "the sealed values and the attachment are gone"
"$PRONGSAI" inbox purge --closed-before "$TOMORROW" --dry-run --db "$DB" --key "$KEY" -C "$S/content" >"$TEST_OUT/cli-dry2" 2>&1
expect_grep "would purge 0 complaint(s)" "$TEST_OUT/cli-dry2" "after the desk's purge the CLI finds nothing left"
expect_eq "$(curl -s -o /dev/null -w '%{http_code}' -b "prongsai_staff=$TOK" -H "Origin: $WS_URL" --data-urlencode "csrf=$CS" \
	--data-urlencode "before=$BE" "$ST/purge")" 303 "purging again is harmless"
grep -h 'purge by kiattisak-m: 4 complaint(s) closed before' "$TEST_OUT/run/"*.log >/dev/null &&
	pass "the purge is logged (who, date, count)" || fail "no purge line in the server's log"
git -C "$S" log -p --all >"$TEST_OUT/git.log"
for c in CANARYNAME$$ canarymail$$ "${phones[@]}" CANARYPDF$$; do
	expect_no_grep "$c" "$TEST_OUT/run" "no canary $c in the server's logs"
	expect_no_grep "$c" "$site" "no canary $c in public/"
	expect_no_grep "$c" "$S/content" "no canary $c in the content"
	expect_no_grep "$c" "$TEST_OUT/git.log" "no canary $c in git's history"
	expect_no_grep "$c" "$TEST_OUT/follow.log" "no canary $c in the import log"
done
finish
