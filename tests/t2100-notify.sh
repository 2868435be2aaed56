#!/usr/bin/env bash
# prongsai notify against real receivers on the loopback: an SMTP server
# over SMTPS and one with STARTTLS (Debian's python3-aiosmtpd, AUTH, a
# self-signed certificate made here and trusted through ca_file) and an HTTP
# receiver standing in for LINE, Telegram and two generic webhooks
# (tests/lib/smtp-sink.py, tests/lib/http-sink.py).  Checks: one notice per
# submission and channel with the right path, headers and fields; nothing
# twice across runs; only the new one after a new submission; a receiver
# down -> exit 1, logged, the others still deliver, retried after the
# backoff and delivered once; give-up; LINE's 409 for a known retry key;
# TLS verification; the lock; --dry-run; the max-age skip; configuration
# refusals (mode, place, errors as file:line:col); and canary personal
# values, subjects and secrets nowhere they must not be.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
cd "$TOP" || exit 1
PY=/usr/bin/python3
if ! $PY -c 'import aiosmtpd' 2>/dev/null; then
	fail "python3-aiosmtpd is missing (make deps-test)"
	finish
fi
unset http_proxy https_proxy HTTP_PROXY HTTPS_PROXY all_proxy ALL_PROXY PRONGSAI_DB PRONGSAI_NOTIFY_CONFIG
export no_proxy=127.0.0.1,localhost

# The configuration must not live in a prongsai checkout, and TEST_OUT
# usually does (tests/out): the files with secrets go to a private directory.
SEC=$(mktemp -d "${TMPDIR:-/tmp}/prongsai-notify.XXXXXX")
PIDS=()
cleanup() {
	local p
	for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null; done
	for p in "${PIDS[@]}"; do wait "$p" 2>/dev/null; done
	rm -rf "$SEC"
}
trap cleanup EXIT

R=$TEST_OUT/recv
mkdir -p "$R"
# start_smtp NAME MODE USER PASS: sets PORT_<NAME>
start_smtp() {
	rm -f "$SEC/port-$1"
	$PY "$TOP/tests/lib/smtp-sink.py" "$R/$1" "$SEC/port-$1" "$2" "$SEC/cert.pem" "$SEC/key.pem" "$3" "$4" \
		>>"$TEST_OUT/sink-$1.log" 2>&1 &
	PIDS+=($!)
	for _ in $(seq 100); do [ -s "$SEC/port-$1" ] && break; sleep 0.1; done
	[ -s "$SEC/port-$1" ] || { fail "smtp sink $1 did not start"; finish; }
}
# start_http [PORT]: sets HTTP_PID, PORT_HTTP
start_http() {
	rm -f "$SEC/port-http"
	$PY "$TOP/tests/lib/http-sink.py" "$R/http" "$SEC/port-http" ${1:-} >>"$TEST_OUT/sink-http.log" 2>&1 &
	HTTP_PID=$!
	PIDS+=($!)
	for _ in $(seq 100); do [ -s "$SEC/port-http" ] && break; sleep 0.1; done
	[ -s "$SEC/port-http" ] || { fail "http sink did not start"; finish; }
	PORT_HTTP=$(cat "$SEC/port-http")
}
stop_http() {
	kill "$HTTP_PID" && wait "$HTTP_PID" 2>/dev/null
	# the port must be closed now: a connection is refused
	if curl -s -m 2 -o /dev/null "http://127.0.0.1:$PORT_HTTP/"; then fail "http sink still answers"; fi
}
# received: "WHERE KEY" per message received so far (and decoded .txt copies)
received() { $PY "$TOP/tests/lib/notify-received.py" "$R"/mail-smtps "$R"/mail-starttls "$R"/http | sort; }
count() { received | grep -c -- "${1:-}" || true; }
# notify LOG ARGS...: run prongsai notify (under valgrind with VALGRIND=1),
# output appended to LOG and to the whole log; sets RC
ALL_LOG=$TEST_OUT/notify-all.log
notify() {
	local log=$1
	shift
	run_prongsai notify --db "$CL_DB" "$@" >"$log" 2>&1
	RC=$?
	cat "$log" >>"$ALL_LOG"
}

# ---- a certificate for 127.0.0.1, the receivers, the site ----
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$SEC/key.pem" -out "$SEC/cert.pem" -days 2 \
	-subj /CN=localhost -addext "subjectAltName=IP:127.0.0.1,DNS:localhost" >/dev/null 2>&1 ||
	{ fail "openssl req"; finish; }
SMTP_PW1=SmtpSecret1x$RANDOM$RANDOM
SMTP_PW2=SmtpSecret2x$RANDOM$RANDOM
LINE_TOKEN=LineToken$RANDOM$RANDOM
TG_TOKEN=123456:TgToken$RANDOM$RANDOM
HOOK_SECRET=HookSecret$RANDOM$RANDOM
start_smtp mail-smtps smtps officer1 "$SMTP_PW1"
start_smtp mail-starttls starttls officer2 "$SMTP_PW2"
start_http
cl_setup "$TEST_OUT/site" || finish
cl_setting rate_limit_per_hour 0

# ---- canary values: personal fields, free text, an attachment ----
NAME=CanaryName$RANDOM$RANDOM
PHONE=0899$(printf '%06d' $((RANDOM % 1000000)))
MAIL=canary$RANDOM$RANDOM@example.com
SUBJ=CanarySubject$RANDOM$RANDOM
DETAIL=CanaryDetail$RANDOM$RANDOM
COMMENT=CanaryComment$RANDOM$RANDOM
EVIDENCE=CanaryEvidence$RANDOM$RANDOM
CANARIES=("$NAME" "$PHONE" "$MAIL" "$SUBJ" "$DETAIL" "$COMMENT" "$EVIDENCE")
SECRETS=("$SMTP_PW1" "$SMTP_PW2" "$LINE_TOKEN" "$TG_TOKEN" "$HOOK_SECRET")
N_SUB=0
# complaint N: a general complaint with every personal field
complaint() {
	N_SUB=$((N_SUB + 1))
	local r
	r=$(cl_cgi POST /complaint application/x-www-form-urlencoded \
		"subject=$SUBJ$N_SUB&detail=$DETAIL&consent=yes&name=$NAME&phone=$PHONE&email=$MAIL&category=service&district=na-duang&website=")
	[ "$(cl_status "$r")" = 303 ] || fail "complaint $N_SUB not accepted: $r"
}
# a corruption report with a PDF attachment (multipart)
corruption() {
	N_SUB=$((N_SUB + 1))
	local b=XyZbound$RANDOM body r
	body=$(printf -- '--%s\r\nContent-Disposition: form-data; name="subject"\r\n\r\n%s\r\n' "$b" "$SUBJ$N_SUB"
		printf -- '--%s\r\nContent-Disposition: form-data; name="detail"\r\n\r\n%s\r\n' "$b" "$DETAIL"
		printf -- '--%s\r\nContent-Disposition: form-data; name="category"\r\n\r\nbribery\r\n' "$b"
		printf -- '--%s\r\nContent-Disposition: form-data; name="district"\r\n\r\nna-duang\r\n' "$b"
		printf -- '--%s\r\nContent-Disposition: form-data; name="consent"\r\n\r\nyes\r\n' "$b"
		printf -- '--%s\r\nContent-Disposition: form-data; name="website"\r\n\r\n\r\n' "$b"
		printf -- '--%s\r\nContent-Disposition: form-data; name="name"\r\n\r\n%s\r\n' "$b" "$NAME"
		printf -- '--%s\r\nContent-Disposition: form-data; name="email"\r\n\r\n%s\r\n' "$b" "$MAIL"
		printf -- '--%s\r\nContent-Disposition: form-data; name="attachments"; filename="%s.pdf"\r\n' "$b" "$NAME"
		printf 'Content-Type: application/pdf\r\n\r\n%%PDF-1.4\n%s\n%%%%EOF\n\r\n' "$EVIDENCE"
		printf -- '--%s--\r\n' "$b")
	r=$(cl_cgi POST /corruption "multipart/form-data; boundary=$b" "$body")
	[ "$(cl_status "$r")" = 303 ] || fail "corruption report not accepted: $r"
}
survey() {
	N_SUB=$((N_SUB + 1))
	local r
	r=$(cl_cgi POST /satisfaction application/x-www-form-urlencoded \
		"speed=5&courtesy=4&clarity=5&process=3&transparency=4&overall=5&comment=$COMMENT$N_SUB&website=")
	[ "$(cl_status "$r")" = 303 ] || fail "survey not accepted: $r"
}
code_of() { sqlite3 "$CL_DB" "SELECT code FROM submissions WHERE id = $1"; }

# ---- the configuration ----
conf() { # conf FILE: the normal configuration, mode 0600
	cat >"$1" <<EOF
# test configuration (tests/t2100-notify.sh)
site_url: https://loei.example.go.th
max_age_hours: 48
retry: {base_seconds: $BASE, max_seconds: 60, max_attempts: 5}
channels:
  - name: mail-smtps
    type: smtp
    url: smtps://127.0.0.1:$(cat "$SEC/port-mail-smtps")
    username: officer1
    password: $SMTP_PW1
    from: prongsai@example.go.th
    to: [officer@example.go.th, chief@example.go.th]
    ca_file: $SEC/cert.pem
  - name: mail-starttls
    type: smtp
    url: smtp://127.0.0.1:$(cat "$SEC/port-mail-starttls")
    starttls: required
    username: officer2
    password: "$SMTP_PW2"
    from: prongsai@example.go.th
    to: officer@example.go.th
    ca_file: $SEC/cert.pem
  - name: line-group
    type: line
    token: $LINE_TOKEN
    to: Cabc123
    api_base: http://127.0.0.1:$PORT_HTTP/line/
  - name: telegram
    type: telegram
    token: "$TG_TOKEN"
    chat_id: "-100123"
    api_base: http://127.0.0.1:$PORT_HTTP/tg
  - name: hook
    type: webhook
    url: http://127.0.0.1:$PORT_HTTP/hook/in
    headers: {Authorization: "Bearer $HOOK_SECRET", X-Office: loei}
  - name: survey-hook
    type: webhook
    url: http://127.0.0.1:$PORT_HTTP/surveyhook
    forms: [satisfaction]
EOF
	chmod 600 "$1"
}
C=$SEC/notify.yaml
# the first retry waits BASE seconds (less up to a fifth: jitter); a run
# under valgrind or on a loaded machine takes seconds, and "before the backoff"
# must still be before (4 s failed at a load average of 17)
BASE=15
[ "${VALGRIND:-0}" = 1 ] && BASE=30
conf "$C"

# ---- configuration and usage refusals (nothing sent, nothing written) ----
complaint # 1: becomes "too old" below
sqlite3 "$CL_DB" "UPDATE submissions SET created_at = '2020-01-02T03:04:05Z' WHERE id = 1"
OLD=$(code_of 1)

run_prongsai notify --config "$C" >"$TEST_OUT/usage.log" 2>&1
expect_eq "$?" 2 "no --db and no PRONGSAI_DB: exit 2"
expect_grep "PRONGSAI_DB" "$TEST_OUT/usage.log" "no --db: says how to give it"
run_prongsai notify --db "$TEST_OUT/nonexistent.db" --config "$C" >"$TEST_OUT/nodb.log" 2>&1
expect_eq "$?" 2 "missing database file: exit 2"
ls "$TEST_OUT"/nonexistent.db* >/dev/null 2>&1 && fail "a missing database (or its lock) was created" ||
	pass "missing database not created"
notify "$TEST_OUT/badopt.log" --config "$C" --frobnicate
expect_eq "$RC" 2 "unknown option: exit 2"
chmod 644 "$C"
notify "$TEST_OUT/mode.log" --config "$C"
expect_eq "$RC" 2 "config readable by others: exit 2"
expect_grep "chmod 600" "$TEST_OUT/mode.log" "mode 0644: tells to chmod 600"
expect_grep "(other users can read or change this file (mode 644)" "$TEST_OUT/mode.log" "mode 0644: in English too"
chmod 600 "$C"
ln -s "$C" "$SEC/link.yaml"
mkdir -p "$SEC/dir.yaml"
notify "$TEST_OUT/dir.log" --config "$SEC/dir.yaml"
expect_eq "$RC" 2 "config that is a directory: exit 2"
mkdir -p "$TEST_OUT/checkout/content"
touch "$TEST_OUT/checkout/content/site.yaml"
cp "$C" "$TEST_OUT/checkout/notify.yaml"
chmod 600 "$TEST_OUT/checkout/notify.yaml"
notify "$TEST_OUT/checkout.log" --config "$TEST_OUT/checkout/notify.yaml"
expect_eq "$RC" 2 "config inside a site checkout: exit 2"
expect_grep "checkout" "$TEST_OUT/checkout.log" "config inside a checkout: says why"
rm -f "$TEST_OUT/checkout/notify.yaml"
cat >"$SEC/bad.yaml" <<EOF
site_url: https://loei.example.go.th/
channels:
  - name: office-mail
    type: smtpx
    url: smtps://mail.example.go.th
  - name: hook
    type: webhook
    url: "http://hooks.example.com/$HOOK_SECRET"
    headers: {Authorization: "Bearer $HOOK_SECRET\nInjected: 1"}
  - name: line-group
    type: line
    token: "has a space $LINE_TOKEN"
    to: Cabc
    retry: {base_seconds: 0}
EOF
chmod 600 "$SEC/bad.yaml"
notify "$TEST_OUT/bad.log" --config "$SEC/bad.yaml"
expect_eq "$RC" 2 "config errors: exit 2"
expect_grep "bad.yaml:4:11: error: \"type\" ต้องเป็น smtp" "$TEST_OUT/bad.log" "config error as file:line:col in Thai"
expect_grep "(\"type\" must be smtp, line, telegram or webhook" "$TEST_OUT/bad.log" "config error in English too"
expect_grep "bad.yaml:8:10: error:" "$TEST_OUT/bad.log" "plain http:// to another host refused (line 8)"
expect_grep "bad.yaml:9:30: error:" "$TEST_OUT/bad.log" "a header value with a line break refused (line 9)"
expect_grep "bad.yaml:12:12: error:" "$TEST_OUT/bad.log" "a token with a space refused (line 12)"
expect_grep "bad.yaml:14:27: error:" "$TEST_OUT/bad.log" "retry base_seconds 0 refused (line 14)"
for s in "$HOOK_SECRET" "$LINE_TOKEN"; do
	expect_no_grep "$s" "$TEST_OUT/bad.log" "config errors never quote a secret"
done
# a read error is a refusal, never a shorter configuration (/proc/self/mem:
# a regular 0600 file of ours whose first page cannot be read: EIO)
if [ -r /proc/self/mem ]; then
	notify "$TEST_OUT/eio.log" --config /proc/self/mem
	expect_eq "$RC" 2 "a configuration that cannot be read: exit 2"
	expect_grep "cannot read the configuration" "$TEST_OUT/eio.log" "a read error is reported as one"
fi
# a secret written unquoted that YAML reads as an anchor (&) or an alias (*)
cat >"$SEC/anchor.yaml" <<EOF
channels:
  - name: office-mail
    type: smtp
    url: smtps://mail.example.go.th
    username: officer1
    password: &Pw$HOOK_SECRET
    from: prongsai@example.go.th
    to: chief@example.go.th
EOF
cat >"$SEC/alias.yaml" <<EOF
channels:
  - name: tg
    type: telegram
    token: *Tk$HOOK_SECRET
    chat_id: "-100123"
EOF
chmod 600 "$SEC/anchor.yaml" "$SEC/alias.yaml"
notify "$TEST_OUT/anchor.log" --config "$SEC/anchor.yaml"
expect_eq "$RC" 2 "a password read as a YAML anchor: exit 2"
expect_grep "anchor.yaml:6:15: error:" "$TEST_OUT/anchor.log" "the anchor is reported at its place"
notify "$TEST_OUT/alias.log" --config "$SEC/alias.yaml"
expect_eq "$RC" 2 "a token read as a YAML alias: exit 2"
expect_grep "alias.yaml:4:12: error:" "$TEST_OUT/alias.log" "the alias is reported at its place"
expect_no_grep "$HOOK_SECRET" "$TEST_OUT/anchor.log" "an anchor's name (a secret) is never quoted"
expect_no_grep "$HOOK_SECRET" "$TEST_OUT/alias.log" "an alias's name (a secret) is never quoted"
expect_eq "$(sqlite3 "$CL_DB" 'SELECT count(*) FROM notices')" 0 "refusals wrote nothing"
expect_eq "$(count)" 0 "refusals sent nothing"

# the example in docs/ is a valid configuration (dry run: nothing is sent)
install -m 600 "$TOP/docs/notify.example.yaml" "$SEC/example.yaml"
notify "$TEST_OUT/example.log" --config "$SEC/example.yaml" --dry-run
expect_eq "$RC" 0 "docs/notify.example.yaml loads"
notify "$TEST_OUT/example-in-docs.log" --config "$TOP/docs/notify.example.yaml" --dry-run
expect_eq "$RC" 2 "the example is refused where it is (in the checkout, mode 0644)"

# ---- first run: every submission to every channel that covers it ----
complaint # 2
corruption # 3
survey # 4
C2=$(code_of 2) C3=$(code_of 3)
notify "$TEST_OUT/dry.log" --config "$SEC/link.yaml" --dry-run
expect_eq "$RC" 0 "dry run: exit 0"
expect_eq "$(grep -c 'would send' "$TEST_OUT/dry.log")" 11 "dry run: 11 notices would be sent (2 x 5 + 1)"
expect_grep "would skip 1 submission" "$TEST_OUT/dry.log" "dry run: the old one would be skipped"
expect_grep "dry run: 11 would be sent, 5 not announced" "$TEST_OUT/dry.log" "dry run: summary"
expect_grep "prongsai inbox show $C2" "$TEST_OUT/dry.log" "dry run shows the text"
expect_eq "$(sqlite3 "$CL_DB" 'SELECT count(*) FROM notices')" 0 "dry run wrote nothing"
expect_eq "$(count)" 0 "dry run sent nothing"

notify "$TEST_OUT/run1.log" --config "$C"
expect_eq "$RC" 0 "first run: exit 0"
for w in mail-smtps mail-starttls line telegram hook; do
	where=$w
	[ "$w" = telegram ] && where=tg
	expect_eq "$(received | grep "^$where " | sort | tr '\n' ' ')" "$(printf '%s\n' "$where $C2" "$where $C3" | sort | tr '\n' ' ')" \
		"first run: $w got the complaint and the corruption report"
done
expect_eq "$(count '^surveyhook ')" 1 "first run: the survey only to the channel listing its form"
expect_eq "$(count "$OLD")" 0 "first run: the old submission is not announced"
expect_grep "1 submission(s) older than 48 hours when first seen" "$TEST_OUT/run1.log" "first run: the skip is logged"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM notices WHERE submission_id = 1 AND state = 'gave_up'
	AND last_error = 'too old when first seen'")" 5 "old one recorded as gave_up (too old) for each channel"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM notices WHERE state = 'sent' AND attempts = 1 AND sent_at LIKE '20%Z'")" \
	11 "11 notices recorded as sent"
expect_eq "$(grep -c ': sent$' "$TEST_OUT/run1.log")" 11 "one log line per delivery"

# what exactly went out
f=$(grep -l "^Message-ID: <$C2.mail-smtps@loei.example.go.th>" "$R"/mail-smtps/*.txt)
if [ -n "$f" ]; then
	pass "mail: deterministic Message-ID"
	expect_grep "X-Auth-User: officer1" "$f" "smtps: logged in with AUTH"
	expect_grep "Subject: [prongsai] เรื่องร้องเรียนใหม่ $C2 (new complaint)" "$f" "mail: RFC 2047 subject decodes"
	expect_grep "X-Envelope-To: chief@example.go.th" "$f" "mail: every recipient"
	expect_grep "Content-Transfer-Encoding: base64" "$f" "mail: base64 body"
	expect_grep "Auto-Submitted: auto-generated" "$f" "mail: Auto-Submitted"
	expect_grep "ประเภท (category): การให้บริการ (Service)" "$f" "mail: category label"
	expect_grep "อำเภอ (district): นาด้วง (Na Duang)" "$f" "mail: district label"
	expect_grep "https://loei.example.go.th/track/$C2/" "$f" "mail: tracking page"
	expect_grep "prongsai inbox show $C2" "$f" "mail: how to open it"
	raw=${f%.txt}.eml
	if grep -q $'\r$' "$raw" && ! grep -qv $'\r$' <(sed 1,3d "$raw"); then pass "mail: CRLF line ends"; else fail "mail: not CRLF"; fi
else
	fail "mail: no message with Message-ID <$C2.mail-smtps@loei.example.go.th>"
fi
f=$(grep -l "^Message-ID: <$C3.mail-starttls@" "$R"/mail-starttls/*.txt)
if [ -n "$f" ]; then
	expect_grep "X-Auth-User: officer2" "$f" "starttls: logged in with AUTH after STARTTLS"
	expect_grep "เบาะแสการทุจริตใหม่" "$f" "mail: corruption report heading"
	if grep -q "นาด้วง\|การเรียกรับสินบน\|bribery" "$f"; then fail "corruption: category or district sent"; else
		pass "corruption: no category or district"; fi
else
	fail "starttls: no message for the corruption report"
fi
f=$(grep -l "$C2" "$R"/http/*.txt | xargs -r grep -l '^POST /line/v2/bot/message/push$')
if [ -n "$f" ]; then
	expect_grep "Authorization: Bearer $LINE_TOKEN" "$f" "line: Bearer token"
	expect_grep "to=Cabc123" "$f" "line: to"
	expect_grep "messages[0].type=text" "$f" "line: a text message"
	expect_grep "messages[0].text=เรื่องร้องเรียนใหม่ (new complaint)" "$f" "line: the notice text"
	grep -qE '^X-Line-Retry-Key: [0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$' "$f" &&
		pass "line: X-Line-Retry-Key is a UUID" || fail "line: no retry key"
else
	fail "line: no push for $C2"
fi
f=$(grep -l "$C2" "$R"/http/*.txt | xargs -r grep -l "^POST /tg/bot$TG_TOKEN/sendMessage$")
if [ -n "$f" ]; then
	pass "telegram: POST /bot<token>/sendMessage"
	expect_grep "chat_id=-100123" "$f" "telegram: chat_id"
	expect_grep "text=เรื่องร้องเรียนใหม่ (new complaint)" "$f" "telegram: the notice text"
else
	fail "telegram: no sendMessage for $C2"
fi
f=$(grep -l "^POST /hook/in$" "$R"/http/*.txt | xargs -r grep -l "^code=$C2$")
if [ -n "$f" ]; then
	expect_grep "Authorization: Bearer $HOOK_SECRET" "$f" "webhook: configured header"
	expect_grep "X-Office: loei" "$f" "webhook: second configured header"
	expect_grep "Idempotency-Key: $C2/hook" "$f" "webhook: Idempotency-Key header"
	for kv in "event=submission" "idempotency_key=$C2/hook" "form=complaint" "form_title=ร้องเรียน/ร้องทุกข์" \
		"kind=complaint" "channel=general" "category=service" "category_label=การให้บริการ" "district=na-duang" \
		"district_label=นาด้วง" "track_url=https://loei.example.go.th/track/$C2/" \
		"inbox_command=prongsai inbox show $C2"; do
		expect_grep "$kv" "$f" "webhook: $kv"
	done
	grep -qE '^created_at=20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9:]{8}Z$' "$f" && pass "webhook: created_at" ||
		fail "webhook: created_at"
else
	fail "webhook: no request for $C2"
fi
f=$(grep -l "^POST /hook/in$" "$R"/http/*.txt | xargs -r grep -l "^code=$C3$")
if [ -n "$f" ]; then
	expect_grep "category=null" "$f" "webhook: corruption category null"
	expect_grep "district=null" "$f" "webhook: corruption district null"
	expect_grep "channel=corruption" "$f" "webhook: corruption channel"
else
	fail "webhook: no request for $C3"
fi
f=$(grep -l "^POST /surveyhook$" "$R"/http/*.txt)
if [ -n "$f" ]; then
	expect_grep "code=null" "$f" "survey webhook: no code"
	expect_grep "kind=survey" "$f" "survey webhook: kind survey"
	expect_grep "idempotency_key=survey-4/survey-hook" "$f" "survey webhook: key by id"
	expect_grep "inbox_command=null" "$f" "survey webhook: no inbox command"
else
	fail "survey webhook: nothing received"
fi

# ---- exactly once: a second run sends nothing ----
before=$(count)
notify "$TEST_OUT/run2.log" --config "$C"
expect_eq "$RC" 0 "second run: exit 0"
expect_eq "$(count)" "$before" "second run: nothing sent again"
expect_eq "$(grep -c 'sent' "$TEST_OUT/run2.log")" 0 "second run: nothing logged as sent"

# ---- a new submission: only it goes out ----
complaint # 5
C5=$(code_of 5)
notify "$TEST_OUT/run3.log" --config "$C"
expect_eq "$RC" 0 "new submission: exit 0"
expect_eq "$(count)" "$((before + 5))" "new submission: five more messages"
expect_eq "$(count "$C5")" 5 "new submission: all five about it"

# ---- the lock: a run while another holds it does nothing, exit 0 ----
complaint # 6
C6=$(code_of 6)
flock "$CL_DB-notify.lock" sleep 3 &
lockpid=$!
sleep 0.3
notify "$TEST_OUT/locked.log" --config "$C"
expect_eq "$RC" 0 "lock held: exit 0"
expect_grep "another notify run" "$TEST_OUT/locked.log" "lock held: says so"
expect_eq "$(count "$C6")" 0 "lock held: nothing sent"
wait $lockpid

# ---- the HTTP receiver down: exit 1, logged, mail still delivered ----
stop_http
complaint # 7
C7=$(code_of 7)
notify "$TEST_OUT/down.log" --config "$C"
expect_eq "$RC" 1 "receiver down: exit 1"
for ch in line-group telegram hook; do
	grep -qE "^[-0-9T:+]+ prongsai-notify\[[0-9]+\]: $ch $C6: failed \(attempt 1, next in [0-9]+s\): .*onnect" "$TEST_OUT/down.log" &&
		pass "receiver down: $ch failure logged" || fail "receiver down: $ch failure not logged"
	expect_grep "$ch: 1 more notice(s) wait for the next run" "$TEST_OUT/down.log" "receiver down: $ch stops after one failure"
done
expect_eq "$(count "^mail-.* $C6")" 2 "receiver down: mail delivered ($C6)"
expect_eq "$(count "^mail-.* $C7")" 2 "receiver down: mail delivered ($C7)"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM notices WHERE state = 'pending' AND attempts = 1
	AND last_error LIKE '%onnect%' AND next_attempt_at > strftime('%s','now')")" 3 "receiver down: 3 pending with error and backoff"
expect_no_grep "127.0.0.1:$PORT_HTTP" "$TEST_OUT/down.log" "failure log has no URL"
# back up, but the backoff has not elapsed: nothing for the failed ones yet
start_http "$PORT_HTTP"
notify "$TEST_OUT/early.log" --config "$C"
expect_eq "$(count "$C6")" 2 "before the backoff: $C6 not retried"
expect_eq "$(count "^line $C7")" 1 "the notices not tried go in the next run ($C7)"
sleep "$BASE"
notify "$TEST_OUT/back.log" --config "$C"
expect_eq "$RC" 0 "receiver back after the backoff: exit 0"
expect_grep "hook $C6: sent (attempt 2)" "$TEST_OUT/back.log" "retry logged as attempt 2"
for w in line tg hook; do
	expect_eq "$(count "^$w $C6")" 1 "receiver back: $w got $C6 once"
	expect_eq "$(count "^$w $C7")" 1 "receiver back: $w got $C7 once"
done
notify "$TEST_OUT/again.log" --config "$C"
expect_eq "$RC" 0 "and one more run: exit 0"

# ---- across every run: each (channel, submission) exactly once ----
dups=$(received | uniq -d)
expect_eq "$dups" "" "nothing received twice"
expect_eq "$(count)" 26 "every notice received: 5 complaints x 5 channels + 1 survey"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM notices WHERE state = 'sent'")" 26 "26 rows sent"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM notices WHERE state = 'pending'")" 0 "nothing pending"

# ---- give up, TLS verification, HTTP 401, LINE's 409 (other channels) ----
survey # 8
cat >"$SEC/more.yaml" <<EOF
retry: {base_seconds: 1, max_seconds: 1, max_attempts: 2}
channels:
  - name: dead
    type: webhook
    url: http://127.0.0.1:$PORT_HTTP/x
    forms: [satisfaction]
  - name: no-ca
    type: smtp
    url: smtps://127.0.0.1:$(cat "$SEC/port-mail-smtps")
    from: prongsai@example.go.th
    to: officer@example.go.th
    forms: [satisfaction]
EOF
chmod 600 "$SEC/more.yaml"
echo 503 >"$R/http/status"
notify "$TEST_OUT/more1.log" --config "$SEC/more.yaml"
expect_eq "$RC" 1 "HTTP 503: exit 1"
expect_grep "dead survey-4: failed (attempt 1, next in 1s): HTTP 503" "$TEST_OUT/more1.log" "HTTP 503 retried"
grep -q "no-ca survey-4: failed (attempt 1, .*certificate" "$TEST_OUT/more1.log" &&
	pass "unknown CA refused: TLS verification is on" || fail "no-ca: no certificate failure"
expect_grep "CHECK THE CHANNEL'S CONFIGURATION" "$TEST_OUT/more1.log" "certificate failure logged loudly"
sleep 1.2
notify "$TEST_OUT/more2.log" --config "$SEC/more.yaml"
expect_eq "$RC" 1 "give up: exit 1"
expect_grep "dead survey-4: gave up after 2 attempts" "$TEST_OUT/more2.log" "gave up after max_attempts"
sleep 1.2
notify "$TEST_OUT/more3.log" --config "$SEC/more.yaml"
expect_eq "$(sqlite3 "$CL_DB" "SELECT state || ' ' || attempts FROM notices WHERE submission_id = 4 AND channel = 'dead'")" \
	"gave_up 2" "given up notice stays given up"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM notices WHERE channel IN ('dead', 'no-ca') AND state = 'sent'")" 0 \
	"nothing recorded as sent to the dead channels"
echo 401 >"$R/http/status"
cat >"$SEC/line2.yaml" <<EOF
channels:
  - name: line-401
    type: line
    token: $LINE_TOKEN
    to: Cabc123
    api_base: http://127.0.0.1:$PORT_HTTP/l401
    forms: [satisfaction]
EOF
chmod 600 "$SEC/line2.yaml"
notify "$TEST_OUT/line401.log" --config "$SEC/line2.yaml"
expect_eq "$RC" 1 "HTTP 401: exit 1"
expect_grep "HTTP 401 -- CHECK THE CHANNEL'S CONFIGURATION" "$TEST_OUT/line401.log" "HTTP 401 logged loudly"
sed -i 's/line-401/line-409/; s/l401/l409/' "$SEC/line2.yaml"
echo 409 >"$R/http/status"
notify "$TEST_OUT/line409.log" --config "$SEC/line2.yaml"
expect_eq "$RC" 0 "LINE 409 (retry key known): exit 0"
expect_grep "sent (the server had accepted it before)" "$TEST_OUT/line409.log" "LINE 409 counts as delivered"
rm -f "$R/http/status"

# ---- forms whose category and district are free text: a notice carries only
# the form's own vocabulary, never a submitted word, on every channel and for
# every form kind, corruption details asked for included (issue 19.5) ----
FREE=$TEST_OUT/content-free
rm -rf "$FREE" && cp -r "$TOP/content" "$FREE"
freeform() { # freeform ID KIND CHANNEL
	{
		printf 'kind: %s\n' "$2"
		[ "$2" = complaint ] && printf 'channel: %s\n' "$3"
		printf 'title: ฟอร์มทดสอบ %s\ntitle_en: Test %s\nthanks: ขอบคุณ\nthanks_en: Thanks\nfields:\n' "$1" "$1"
		for f in subject category district; do
			printf '  - {name: %s, label: ช่อง %s, label_en: Field %s, type: text}\n' $f $f $f
		done
		[ "$2" = complaint ] && printf '  - {name: name, label: ชื่อ, label_en: Name, type: text, personal: true}\n'
	} >"$FREE/forms/$1.yaml"
}
freeform freegen complaint general
freeform freecorr complaint corruption
freeform freesurvey survey none
run_prongsai build -q -C "$FREE" -o "$TEST_OUT/public-free" --db "$CL_DB" --public-key "$CL_PUB" \
	>"$TEST_OUT/build-free.log" 2>&1 || { cat "$TEST_OUT/build-free.log"; fail "build with free-text forms"; }
FREE_KEYS=()
for f in freegen freecorr freesurvey; do
	CC=CanaryCategory$f$RANDOM$RANDOM
	CD=CanaryDistrict$f$RANDOM$RANDOM
	CS=CanarySubj$f$RANDOM$RANDOM
	CANARIES+=("$CC" "$CD" "$CS")
	body="subject=$CS&category=$CC&district=$CD&website="
	[ $f = freesurvey ] || body="$body&name=$NAME"
	r=$(cl_cgi POST /$f application/x-www-form-urlencoded "$body")
	expect_eq "$(cl_status "$r")" 303 "free-text form $f: accepted"
	id=$(sqlite3 "$CL_DB" "SELECT max(id) FROM submissions")
	FREE_KEYS+=("$(sqlite3 "$CL_DB" "SELECT coalesce(code, 'survey-' || id) FROM submissions WHERE id = $id")")
done
conf "$SEC/free.yaml"
sed -i 's/^  - name: \(.*\)$/  - name: \1\n    forms: [freegen, freecorr, freesurvey]\n    corruption_details: true/' "$SEC/free.yaml"
sed -i '/^    forms: \[satisfaction\]$/d' "$SEC/free.yaml"
notify "$TEST_OUT/free.log" --config "$SEC/free.yaml"
expect_eq "$RC" 0 "free-text forms: notify exit 0"
for k in "${FREE_KEYS[@]}"; do
	expect_eq "$(count " $k\$")" 6 "free-text forms: $k announced on the 6 channels"
done

# ---- no personal value, free text or secret where it must not be ----
received >/dev/null # refresh the decoded copies
sqlite3 "$CL_DB" "SELECT * FROM notices" >"$TEST_OUT/notices.txt"
for c in "${CANARIES[@]}"; do
	expect_no_grep "$c" "$R" "canary $c in no received message"
	expect_no_grep "$c" "$ALL_LOG" "canary $c not in the notify log"
	expect_no_grep "$c" "$TEST_OUT/notices.txt" "canary $c not in the notices table"
done
for s in "${SECRETS[@]}"; do
	expect_no_grep "$s" "$ALL_LOG" "secret not in the notify log"
	expect_no_grep "$s" "$TEST_OUT/notices.txt" "secret not in the notices table"
	expect_no_grep "$s" "$R/mail-smtps" "secret not in any mail"
done
if grep -aqF "$SMTP_PW1" "$CL_DB" "$CL_DB-wal" 2>/dev/null; then fail "secret in the database file"; else
	pass "no secret in the database file"; fi
finish
