#!/usr/bin/env bash
# prongsai inbox list|show|export|purge: canary personal values (a Thai name,
# a phone number, an e-mail address, a PDF) sent through lighttpd in a
# complaint and a corruption report are shown by `show` with the right key
# only; `list` never prints them; `export --csv` has them, with a BOM, and
# neutralises a formula; a wrong, missing or world-readable key is refused
# without printing any; `purge` removes the personal data of the cases closed
# before a date (and only those) so that the bytes leave the database file
# and its WAL.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
. "$TOP/tests/lib/webserver"
trap 'ws_stop' EXIT
cd "$TOP" || exit 1

cl_setup "$TEST_OUT/site" || finish
ws_start lighttpd "$CL_PUBLIC" "$CL_DB" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }
C=$WS_URL/cgi-bin/collect.cgi
cl_setting rate_limit_per_hour 0
unset PRONGSAI_DB PRONGSAI_INBOX_KEY

R=$RANDOM$RANDOM
NAME="สมหญิงนกขมิ้น$R"            # the canaries
PHONE=08$(printf '%08d' $((RANDOM * 7 % 100000000)))
MAIL=canary$R@example.com
NAME2="ผู้แจ้งเบาะแส$R"
MAIL2=whistle$R@example.com
SUBJA=CanarySubjectA$R            # public free text: gone after a purge
SUBJD=CanarySubjectD$R            # ... but not for a case closed later
EVIDENCE=CanaryEvidence$R
EVIDENCE2=CanarySealedEvidence$R
FORMULA='=HYPERLINK("http://evil.example","x")'
printf '%%PDF-1.4\n%s\n%%%%EOF\n' "$EVIDENCE" >"$TEST_OUT/a.pdf"
printf '%%PDF-1.4\n%s\n%%%%EOF\n' "$EVIDENCE2" >"$TEST_OUT/b.pdf"
CANARIES=("$NAME" "$PHONE" "$MAIL" "$NAME2" "$MAIL2" "$EVIDENCE" "$EVIDENCE2")

post() { curl -s -o /dev/null -w '%{http_code}' "$@"; }
expect_eq "$(post -F "subject=$SUBJA" -F detail=d -F consent=yes -F website= -F category=service -F district=chiang-khan \
	-F "name=$NAME" -F "phone=$PHONE" -F "email=$MAIL" -F "attachments=@$TEST_OUT/a.pdf" "$C/complaint")" \
	303 "complaint A with personal data and a PDF"
SUBJB=CorruptionSubject$R
DETB=CorruptionDetail$R
expect_eq "$(post -F "subject=$SUBJB" -F "detail=$DETB" -F consent=yes -F website= -F category=bribery -F "name=$NAME2" -F "email=$MAIL2" \
	-F "attachments=@$TEST_OUT/b.pdf" "$C/corruption")" 303 "corruption report B with sealed evidence"
expect_eq "$(post -F "subject=$FORMULA" -F detail=x -F consent=yes -F website= -F "name=+1-2" "$C/complaint")" 303 \
	"complaint C (a formula)"
expect_eq "$(post -F "subject=$SUBJD" -F detail=d -F consent=yes -F website= -F name=dee "$C/complaint")" 303 "complaint D"
expect_eq "$(post -F subject=e -F detail=e -F consent=yes -F website= -F name=eee "$C/complaint")" 303 "complaint E"
expect_eq "$(post -F speed=5 -F courtesy=4 -F clarity=4 -F process=3 -F transparency=5 -F overall=4 \
	-F comment=SurveyComment$R -F website= "$C/satisfaction")" 303 "a survey response"
ws_stop
codes=($(sqlite3 "$CL_DB" "SELECT code FROM submissions WHERE kind = 'complaint' ORDER BY id"))
expect_eq "${#codes[@]}" 5 "five complaints stored"
A=${codes[0]} B=${codes[1]} CC=${codes[2]} D=${codes[3]} E=${codes[4]}
DB=(--db "$CL_DB" -C "$TOP/content")
K=(--key "$CL_KEY")

# no_canary FILE WHAT: none of the personal canaries in FILE
no_canary() {
	local c found=
	for c in "${CANARIES[@]}"; do grep -aqF -- "$c" "$1" && found="$found $c"; done
	if [ -z "$found" ]; then pass "$2"; else fail "$2: found$found"; fi
}

# ---- list ----
run_prongsai inbox list "${DB[@]}" "${K[@]}" >"$TEST_OUT/list" 2>"$TEST_OUT/list.err"
expect_eq "$?" 0 "list"
expect_eq "$(grep -oE '^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}' "$TEST_OUT/list" | tr '\n' ' ')" \
	"$A $B $CC $D $E " "list: every new complaint, oldest first"
cat "$TEST_OUT/list.err" >>"$TEST_OUT/list"
no_canary "$TEST_OUT/list" "list: no personal data"
grep -qF "$SUBJA" "$TEST_OUT/list" && fail "list prints free text" || pass "list: no free text"
expect_grep "corruption" "$TEST_OUT/list" "list: the channel"
grep "^$A" "$TEST_OUT/list" | grep -q 'service.*chiang-khan' && pass "list: category and district" ||
	fail "list: category and district"
grep -q SurveyComment "$TEST_OUT/list" && fail "list shows surveys" || pass "list: no surveys"
PRONGSAI_DB=$CL_DB PRONGSAI_INBOX_KEY=$CL_KEY run_prongsai inbox list -C "$TOP/content" >"$TEST_OUT/list-env" 2>&1
expect_eq "$?" 0 "list with PRONGSAI_DB and PRONGSAI_INBOX_KEY"
expect_grep "$E" "$TEST_OUT/list-env" "list: the environment's database"

# ---- show ----
run_prongsai inbox show "$A" "${DB[@]}" "${K[@]}" >"$TEST_OUT/showA" 2>&1
expect_eq "$?" 0 "show A"
for c in "$NAME" "$PHONE" "$MAIL" "$SUBJA"; do expect_grep "$c" "$TEST_OUT/showA" "show A: $c"; done
expect_grep "application/pdf" "$TEST_OUT/showA" "show A: the attachment is listed"
expect_grep "--attachments DIR" "$TEST_OUT/showA" "show A: says how to save it"
lc=$(printf '%s' "$A" | tr 'A-Z-' 'a-z ')
run_prongsai inbox show "  $lc " "${DB[@]}" "${K[@]}" >"$TEST_OUT/showA2" 2>&1
expect_eq "$?" 0 "show: any case, spaces for hyphens"
expect_grep "$PHONE" "$TEST_OUT/showA2" "show: the same case"
ATT=$TEST_OUT/att
run_prongsai inbox show "$A" --attachments "$ATT" "${DB[@]}" "${K[@]}" >"$TEST_OUT/showA3" 2>&1
expect_eq "$?" 0 "show A --attachments"
cmp -s "$ATT/$A-1.pdf" "$TEST_OUT/a.pdf" && pass "the PDF written equals the one sent" || fail "PDF differs or missing"
expect_eq "$(stat -c %a "$ATT/$A-1.pdf" 2>/dev/null)" 600 "attachment file mode 0600"
expect_eq "$(stat -c %a "$ATT" 2>/dev/null)" 700 "attachments folder made with mode 0700"
run_prongsai inbox show "$A" --attachments "$ATT" "${DB[@]}" "${K[@]}" >"$TEST_OUT/showA4" 2>&1
expect_eq "$?" 1 "show --attachments never overwrites"
cmp -s "$ATT/$A-1.pdf" "$TEST_OUT/a.pdf" && pass "the file is untouched" || fail "overwritten"
run_prongsai inbox show "$B" --attachments "$ATT" "${DB[@]}" "${K[@]}" >"$TEST_OUT/showB" 2>&1
expect_eq "$?" 0 "show B --attachments"
for c in "$NAME2" "$MAIL2" "$SUBJB" "$DETB"; do expect_grep "$c" "$TEST_OUT/showB" "show B: $c"; done
# issue 19.3: a corruption report's subject and details are sealed too
expect_eq "$(sqlite3 "$CL_DB" "SELECT group_concat(v.name) FROM submission_values v JOIN submissions s
	ON s.id = v.submission_id WHERE s.code = '$B'")" category "B: only its choices are stored readable"
for c in "$SUBJB" "$DETB"; do
	grep -aqF "$c" "$CL_DB" "$CL_DB-wal" 2>/dev/null && fail "B: $c readable in the database" ||
		pass "B: $c not readable in the database"
done
expect_eq "$(sqlite3 "$CL_DB" "SELECT a.sealed FROM attachments a JOIN submissions s ON s.id = a.submission_id
	WHERE s.code = '$B'")" 1 "B's attachment is sealed in the database"
cmp -s "$ATT/$B-1.pdf" "$TEST_OUT/b.pdf" && pass "the sealed PDF is decrypted byte for byte" || fail "sealed PDF"
run_prongsai inbox show "$A" --attachments "$TEST_OUT/no/such" "${DB[@]}" "${K[@]}" >"$TEST_OUT/nodir" 2>&1
expect_eq "$?" 1 "--attachments in a folder that cannot be made"
run_prongsai inbox show "$CC" "${DB[@]}" "${K[@]}" >"$TEST_OUT/showC" 2>&1
expect_grep "attachments: 0" "$TEST_OUT/showC" "show C: no attachments"

# ---- the key ----
run_prongsai inbox keygen --key "$TEST_OUT/other.key" >/dev/null 2>&1
for sub in "show $A" list "export --csv" "purge --closed-before 2999-01-01"; do
	run_prongsai inbox $sub "${DB[@]}" --key "$TEST_OUT/other.key" >"$TEST_OUT/wrong" 2>&1
	expect_eq "$?" 1 "$sub: another key is refused"
	expect_grep "wrong key" "$TEST_OUT/wrong" "$sub: says wrong key"
	expect_grep "กุญแจไม่ถูกต้อง" "$TEST_OUT/wrong" "$sub: says it in Thai"
	no_canary "$TEST_OUT/wrong" "$sub: nothing personal with a wrong key"
done
run_prongsai inbox show "$A" "${DB[@]}" --key "$TEST_OUT/no-such.key" >"$TEST_OUT/nokey" 2>&1
expect_eq "$?" 1 "a missing key file is refused"
expect_grep "no-such.key" "$TEST_OUT/nokey" "names the missing key"
no_canary "$TEST_OUT/nokey" "missing key: nothing personal"
cp "$CL_KEY" "$TEST_OUT/open.key"
chmod 644 "$TEST_OUT/open.key"
run_prongsai inbox show "$A" "${DB[@]}" --key "$TEST_OUT/open.key" >"$TEST_OUT/openkey" 2>&1
expect_eq "$?" 1 "a key readable by others is refused"
expect_grep "chmod 600" "$TEST_OUT/openkey" "says chmod 600"
no_canary "$TEST_OUT/openkey" "open key: nothing personal"
run_prongsai inbox show "$A" "${DB[@]}" --key - <"$CL_KEY" >"$TEST_OUT/stdinkey" 2>&1
expect_eq "$?" 0 "--key - < FILE (the key on standard input)"
expect_grep "$PHONE" "$TEST_OUT/stdinkey" "--key -: decrypts"
run_prongsai inbox show "$A" "${DB[@]}" --key - <"$TEST_OUT/open.key" >"$TEST_OUT/stdinopen" 2>&1
expect_eq "$?" 1 "--key - < FILE readable by others: refused too"
no_canary "$TEST_OUT/stdinopen" "--key - refused: nothing personal"
cat "$CL_KEY" | run_prongsai inbox list "${DB[@]}" --key - >/dev/null 2>&1
expect_eq "$?" 0 "--key - from a pipe"
run_prongsai inbox list "${DB[@]}" --key - </dev/null >/dev/null 2>&1
expect_eq "$?" 1 "--key - from a device: refused"
run_prongsai inbox show "$A" "${DB[@]}" >"$TEST_OUT/nokeyopt" 2>&1
expect_eq "$?" 2 "no --key and no PRONGSAI_INBOX_KEY: usage error"
# the right public key, but a sealed value damaged
cp "$CL_DB" "$TEST_OUT/damaged.db"
sqlite3 "$TEST_OUT/damaged.db" "UPDATE submissions SET sealed = zeroblob(80) WHERE code = '$E'"
run_prongsai inbox show "$E" --db "$TEST_OUT/damaged.db" -C "$TOP/content" "${K[@]}" >"$TEST_OUT/damaged" 2>&1
expect_eq "$?" 1 "a sealed value that does not open is refused"
expect_grep "cannot be opened" "$TEST_OUT/damaged" "says it cannot be opened"
run_prongsai inbox export --csv --db "$TEST_OUT/damaged.db" -C "$TOP/content" "${K[@]}" -o "$TEST_OUT/damaged.csv" \
	>/dev/null 2>&1
expect_eq "$?" 1 "export fails on it too"
[ ! -e "$TEST_OUT/damaged.csv" ] && pass "and leaves no partial CSV" || fail "partial CSV left"
# control characters in what the database holds (it belongs to the web
# server's user) never reach the officer's terminal
cp "$CL_DB" "$TEST_OUT/esc.db"
sqlite3 "$TEST_OUT/esc.db" "
	UPDATE forms SET title_th = 'T' || char(27) || ']0;x' || char(7), title_en = 'E' || char(155) || '2J'
		WHERE id = 'complaint';
	UPDATE form_fields SET label_th = 'L' || char(27) || '[2J' WHERE form_id = 'complaint' AND name = 'subject';
	UPDATE form_choices SET label_en = 'C' || char(27) || '[31m' WHERE form_id = 'complaint'
		AND field_name = 'category';
	UPDATE submission_values SET value = 'd' || char(27) || '[1m' WHERE name = 'district';
	UPDATE submissions SET channel = 'g' || char(27) || '[0m' WHERE kind = 'complaint';
	UPDATE attachments SET media_type = 'x' || char(27) || '[5m'"
run_prongsai inbox list --db "$TEST_OUT/esc.db" -C "$TOP/content" "${K[@]}" >"$TEST_OUT/esc-list" 2>&1
expect_eq "$?" 0 "list with control characters in the database"
run_prongsai inbox show "$A" --db "$TEST_OUT/esc.db" -C "$TOP/content" "${K[@]}" >"$TEST_OUT/esc-show" 2>&1
expect_eq "$?" 0 "show with control characters in the database"
expect_grep "L?[2J" "$TEST_OUT/esc-show" "show: a label's escape is neutralised"
for f in esc-list esc-show; do
	LC_ALL=C grep -q $'[\x1b\x07]\\|\xc2\x9b' "$TEST_OUT/$f" && fail "$f: a control character reaches the terminal" ||
		pass "$f: no control character reaches the terminal"
done
# another schema version
cp "$CL_DB" "$TEST_OUT/v1.db"
sqlite3 "$TEST_OUT/v1.db" "PRAGMA user_version = 1"
run_prongsai inbox list --db "$TEST_OUT/v1.db" -C "$TOP/content" "${K[@]}" >"$TEST_OUT/v1" 2>&1
expect_eq "$?" 1 "a database of another schema version is refused"
expect_grep "schema version 1" "$TEST_OUT/v1" "says which version"
run_prongsai inbox list --db "$TEST_OUT/no-such.db" -C "$TOP/content" "${K[@]}" >/dev/null 2>&1
expect_eq "$?" 1 "a missing database is refused"
[ ! -e "$TEST_OUT/no-such.db" ] && pass "and not created" || fail "a missing database was created"

# ---- export ----
CSV=$TEST_OUT/inbox.csv
run_prongsai inbox export --csv -o "$CSV" "${DB[@]}" "${K[@]}" >"$TEST_OUT/export.out" 2>&1
expect_eq "$?" 0 "export --csv -o"
expect_eq "$(head -c 3 "$CSV" | od -An -tx1 | tr -d ' ')" efbbbf "the CSV starts with the UTF-8 BOM"
expect_eq "$(stat -c %a "$CSV")" 600 "the CSV is created 0600"
for c in "$NAME" "$PHONE" "$MAIL" "$NAME2" "$MAIL2" "$SUBJA"; do expect_grep "$c" "$CSV" "CSV: $c"; done
no_canary "$TEST_OUT/export.out" "export -o: nothing personal on the terminal"
expect_eq "$(head -n 1 "$CSV" | tail -c 2 | od -An -tx1 | tr -d ' ')" 0d0a "CRLF line ends"
expect_eq "$(grep -c "^[0-9A-Z]\{4\}-" "$CSV")" 5 "one row per complaint"
grep -qF "'=HYPERLINK" "$CSV" && pass "the formula is neutralised" || fail "formula not prefixed"
grep -qF ',"=HYPERLINK' "$CSV" || grep -qF ',=HYPERLINK' "$CSV" && fail "a cell starts with =" ||
	pass "no cell starts with ="
grep -qF "'+1-2" "$CSV" && pass "a cell starting with + is neutralised" || fail "+ not prefixed"
grep -qF "\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\")\"" "$CSV" && pass "quotes doubled, quoted cell" ||
	fail "quoting of the formula cell"
head -n 1 "$CSV" | grep -q 'code,form,channel,created_at (UTC+7),status,status_date,category,district' &&
	pass "the header row" || fail "header row"
run_prongsai inbox export --csv -o "$CSV" "${DB[@]}" "${K[@]}" >/dev/null 2>&1
expect_eq "$?" 1 "export never overwrites a file"
run_prongsai inbox export --csv "${DB[@]}" "${K[@]}" >"$TEST_OUT/stdout.csv" 2>/dev/null
expect_eq "$?" 0 "export to stdout"
expect_eq "$(sha256sum <"$TEST_OUT/stdout.csv")" "$(sha256sum <"$CSV")" "the same CSV on stdout"

# bidi controls and U+2028 in a stored value (a database from before the
# collector removed them) reach neither the terminal nor the CSV (issue 19.19)
RLO=$(printf '\xe2\x80\xae') LS=$(printf '\xe2\x80\xa8')
sqlite3 "$CL_DB" "UPDATE submission_values SET value = 'ser${RLO}vice${LS}x' WHERE name = 'category' AND submission_id =
	(SELECT id FROM submissions WHERE code = '$A')"
run_prongsai inbox list "${DB[@]}" "${K[@]}" >"$TEST_OUT/list-bidi" 2>&1
run_prongsai inbox show "$A" "${DB[@]}" "${K[@]}" >"$TEST_OUT/show-bidi" 2>&1
run_prongsai inbox export --csv "${DB[@]}" "${K[@]}" >"$TEST_OUT/bidi.csv" 2>&1
for f in list-bidi show-bidi bidi.csv; do
	grep -q "service" "$TEST_OUT/$f" && pass "$f: the value, in the order sent" || fail "$f: value missing"
	grep -qF -e "$RLO" -e "$LS" "$TEST_OUT/$f" && fail "$f: a bidi override or U+2028 reaches staff" ||
		pass "$f: no bidi override or U+2028"
done
sqlite3 "$CL_DB" "UPDATE submission_values SET value = 'service' WHERE name = 'category' AND submission_id =
	(SELECT id FROM submissions WHERE code = '$A')"

# ---- purge ----
CONTENT=$TEST_OUT/content
cp -r "$TOP/content" "$CONTENT"
DB=(--db "$CL_DB" -C "$CONTENT")
day() { date -u -d "@$(( $(date -u +%s) + $1 * 86400 ))" +%F; }
response() { # CODE FINAL-STATUS DATE
	{
		printf 'history:\n  - {date: %s, status: received, note: ได้รับเรื่องแล้ว}\n' "$(day 0)"
		if [ "$2" = in-progress ]; then
			printf '  - {date: %s, status: in-progress, note: กำลังดำเนินการ}\n' "$3"
		else
			printf '  - {date: %s, status: %s, note: เสร็จแล้ว, reason: ดำเนินการแล้ว}\n' "$3" "$2"
		fi
	} >"$CONTENT/complaints/$1.yaml"
}
response "$A" resolved "$(day 1)"
response "$B" rejected "$(day 2)"
response "$D" resolved "$(day 10)"  # closed after DATE
response "$E" in-progress "$(day 1)" # open
# C: no response (new)
CUT=$(day 5)
run_prongsai inbox list "${DB[@]}" "${K[@]}" >"$TEST_OUT/list2" 2>&1
expect_eq "$(grep -oE '^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}' "$TEST_OUT/list2" | tr '\n' ' ')" "$CC $E " \
	"list: closed cases are left out"
grep "^$E" "$TEST_OUT/list2" | grep -q in-progress && pass "list: the status from the response file" ||
	fail "list: status"
run_prongsai inbox list --all "${DB[@]}" "${K[@]}" >"$TEST_OUT/list3" 2>&1
expect_eq "$(grep -cE '^[0-9A-Z]{4}-' "$TEST_OUT/list3")" 5 "list --all: every complaint"
grep "^$B" "$TEST_OUT/list3" | grep -q rejected && pass "list --all: rejected" || fail "list --all: status"

state() { sqlite3 "$CL_DB" "SELECT coalesce(s.code, s.kind) || '|' || coalesce(length(s.sealed), 'null') || '|' ||
	coalesce(s.purged_at, '-') || '|' || (SELECT count(*) FROM attachments a WHERE a.submission_id = s.id) || '|' ||
	(SELECT group_concat(name) FROM (SELECT name FROM submission_values v WHERE v.submission_id = s.id ORDER BY name))
	FROM submissions s ORDER BY s.id"; }
case_state() { state | grep "^$1|"; }
in_db() { cat "$CL_DB" "$CL_DB-wal" 2>/dev/null | grep -acF -- "$1"; }
before=$(state)
[ "$(in_db "$SUBJA")" -gt 0 ] && pass "before the purge: A's free text is in the database" ||
	fail "A's subject not found before the purge (the check below would prove nothing)"
[ "$(in_db "$EVIDENCE")" -gt 0 ] && pass "before the purge: A's PDF is in the database" || fail "A's PDF not found"
run_prongsai inbox purge --closed-before "$CUT" --dry-run "${DB[@]}" "${K[@]}" >"$TEST_OUT/dry" 2>&1
expect_eq "$?" 0 "purge --dry-run"
expect_eq "$(state)" "$before" "--dry-run changes nothing"
expect_eq "$(grep -oE '^  [0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}' "$TEST_OUT/dry" | tr -d ' ' | tr '\n' ' ')" \
	"$A $B " "--dry-run names A and B"
# a response file with an error: purge refuses
cp -r "$CONTENT" "$TEST_OUT/content-bad"
printf 'history:\n  - {date: 2026-01-05, status: closed-ish, note: x}\n' >"$TEST_OUT/content-bad/complaints/$CC.yaml"
run_prongsai inbox purge --closed-before "$CUT" --db "$CL_DB" -C "$TEST_OUT/content-bad" "${K[@]}" \
	>"$TEST_OUT/bad" 2>&1
expect_eq "$?" 1 "purge refuses while a response file has errors"
expect_eq "$(state)" "$before" "and changes nothing"
expect_grep "$CC.yaml" "$TEST_OUT/bad" "names the bad file"

run_prongsai inbox purge --closed-before "$CUT" "${DB[@]}" "${K[@]}" >"$TEST_OUT/purge" 2>&1
expect_eq "$?" 0 "purge"
# first, before any other connection closes (and checkpoints) the database
for c in "$SUBJA" "$EVIDENCE" "$EVIDENCE2"; do
	expect_eq "$(in_db "$c")" 0 "purged bytes gone from the database file and WAL: $c"
done
expect_grep "purged 2 complaint(s) closed before $CUT" "$TEST_OUT/purge" "purge says how many"
expect_grep "$A" "$TEST_OUT/purge" "purge names A"
expect_grep "$B" "$TEST_OUT/purge" "purge names B"
for x in "$A" "$B"; do
	IFS='|' read -r code sealed purged natt names <<<"$(case_state "$x")"
	expect_eq "$sealed" null "$x: sealed cleared"
	[[ $purged =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$ ]] && pass "$x: purged_at set" ||
		fail "$x: purged_at [$purged]"
	expect_eq "$natt" 0 "$x: attachments deleted"
	# B is a corruption report: all but its choices were sealed from the start
	[ "$x" = "$A" ] && want=category,consent,district || want=category
	expect_eq "$names" "$want" "$x: only the choice values stay"
done
for x in "$CC" "$D" "$E"; do
	expect_eq "$(case_state "$x")" "$(printf '%s\n' "$before" | grep "^$x|")" "$x: untouched"
done
expect_eq "$(state | tail -n 1)" "$(printf '%s\n' "$before" | tail -n 1)" "the survey response is untouched"
expect_eq "$(cl_count)" 6 "no row deleted"
[ "$(in_db "$SUBJD")" -gt 0 ] && pass "D's free text (closed after DATE) is still there" || fail "D's subject gone"
expect_eq "$(sqlite3 "$CL_DB" 'PRAGMA integrity_check')" ok "integrity_check after the purge"
run_prongsai inbox show "$A" "${DB[@]}" "${K[@]}" >"$TEST_OUT/showP" 2>&1
expect_eq "$?" 0 "show a purged case"
expect_grep "purged on" "$TEST_OUT/showP" "show says purged"
no_canary "$TEST_OUT/showP" "show: nothing personal left after the purge"
expect_grep "attachments: 0" "$TEST_OUT/showP" "show: no attachments after the purge"
run_prongsai inbox list --all "${DB[@]}" "${K[@]}" >"$TEST_OUT/list4" 2>&1
grep "^$A" "$TEST_OUT/list4" | grep -q purged && pass "list --all marks it purged" || fail "list --all: purged"
after=$(state)
run_prongsai inbox purge --closed-before "$CUT" "${DB[@]}" "${K[@]}" >"$TEST_OUT/purge2" 2>&1
expect_eq "$?" 0 "a second purge"
expect_grep "purged 0 complaint(s)" "$TEST_OUT/purge2" "a second purge does nothing"
expect_eq "$(state)" "$after" "and changes nothing"
y=$(day 20)
run_prongsai inbox purge --closed-before "$((${y%%-*} + 543))-${y#*-}" "${DB[@]}" "${K[@]}" >"$TEST_OUT/purge3" 2>&1
expect_eq "$?" 0 "purge with a Buddhist Era date"
expect_grep "purged 1 complaint(s)" "$TEST_OUT/purge3" "a later (BE) date takes D too"
expect_eq "$(case_state "$E")" "$(printf '%s\n' "$before" | grep "^$E|")" "the open case E is still untouched"

# ---- usage errors and caps ----
usage() { # WANT-STATUS WHAT ARGS...
	local want=$1 what=$2
	shift 2
	run_prongsai inbox "$@" >"$TEST_OUT/usage" 2>&1
	expect_eq "$?" "$want" "$what"
}
usage 2 "show without CODE" show "${DB[@]}" "${K[@]}"
usage 2 "show with two codes" show "$A" "$B" "${DB[@]}" "${K[@]}"
usage 2 "a CODE longer than any code" show "$(printf 'A%.0s' $(seq 200))" "${DB[@]}" "${K[@]}"
last=${A: -1}
[ "$last" = 0 ] && other=1 || other=0
usage 1 "a mistyped code" show "${A%?}$other" "${DB[@]}" "${K[@]}"
expect_grep "not a valid tracking code" "$TEST_OUT/usage" "says the code is not valid"
usage 1 "an unknown code" show 0000-0000-0000-0000 "${DB[@]}" "${K[@]}"
expect_grep "no complaint 0000-0000-0000-0000" "$TEST_OUT/usage" "says there is no such complaint"
usage 2 "a huge --attachments path" show "$A" --attachments "$(printf 'd%.0s' $(seq 5000))" "${DB[@]}" "${K[@]}"
usage 2 "export without --csv" export "${DB[@]}" "${K[@]}"
usage 2 "purge without --closed-before" purge "${DB[@]}" "${K[@]}"
usage 2 "purge with a bad date" purge --closed-before 2026-02-30 "${DB[@]}" "${K[@]}"
usage 2 "purge with a date and a time" purge --closed-before "2026-02-01T00:00" "${DB[@]}" "${K[@]}"
usage 2 "an unknown option" list --frobnicate "${DB[@]}" "${K[@]}"
usage 2 "--all is not a purge option" purge --all --closed-before 2026-01-01 "${DB[@]}" "${K[@]}"
usage 2 "a missing value" list "${DB[@]}" "${K[@]}" --db
usage 2 "no --db" list "${K[@]}"
usage 1 "a missing content folder" list --db "$CL_DB" -C "$TEST_OUT/no-content" "${K[@]}"
usage 2 "an unknown subcommand" frobnicate
for sub in list show export purge; do
	run_prongsai inbox $sub --help >"$TEST_OUT/help" 2>&1
	expect_eq "$?" 0 "$sub --help"
	expect_grep "prongsai inbox $sub" "$TEST_OUT/help" "$sub --help: usage"
done
finish
