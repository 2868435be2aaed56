#!/usr/bin/env bash
# variants: release
# The complaint desk of the staff area (staff.cgi /cases, /case, /answer)
# behind lighttpd on 127.0.0.1, with the real collector, SQLite, git and
# `prongsai import`:
#  - a citizen files a complaint and a corruption report through
#    collect.cgi, with canary strings in every personal field;
#  - a complaint-officer lists the complaint (code, form, category,
#    district, date, working days against the 15-day promise, status), not
#    the corruption report: neither in the list nor by its URL (404, the
#    same as a code that does not exist); a corruption-officer sees it; an
#    officer (projects only) and no session see no case;
#  - the case page says the personal data stays sealed and points to
#    `prongsai inbox show`; its only scripts are the site's own files
#    (the key opener, tested in the browser by t5170);
#  - an answer "resolved" with a reason is queued; `prongsai import`
#    commits content/complaints/<CODE>.yaml with the officer as author; the
#    rebuilt tracking page shows it, and HTML in it is inert;
#  - refused at the form with check's own Thai message, nothing queued: a
#    status after the case was closed, a date before the case was received;
#  - no canary in any staff.cgi response, the git repository, public/ or
#    the server's logs.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/webserver"
trap ws_stop EXIT

for tool in curl git sqlite3 python3 lighttpd; do
	command -v $tool >/dev/null || { fail "$tool is not installed (make deps-test)"; finish; }
done
[ -x "$STAFF_CGI" ] || { fail "no $STAFF_CGI (make)"; finish; }

T=$TEST_OUT
rm -rf "$T"/{site,db,secret,run,http,public}
mkdir -p "$T/site" "$T/db" "$T/secret" "$T/http"
S=$T/site OUT=$T/public DB=$T/db/prongsai.db SDB=$T/db/staff.db
unset GIT_AUTHOR_NAME GIT_AUTHOR_EMAIL GIT_COMMITTER_NAME GIT_COMMITTER_EMAIL PRONGSAI_TODAY

# ---- the canaries: every personal field ----
r=$RANDOM$RANDOM
NAME="นางสาวแคนารี ทดสอบสุข$r"
PHONE=08$(printf '%08d' $(((RANDOM * 32768 + RANDOM) % 100000000)))
MAIL=desk.canary$r@example.com
canaries=("$NAME" "ทดสอบสุข$r" "$PHONE" "$MAIL")

# ---- the office's content in git, its key, the site and both databases ----
PUB=$("$PRONGSAI" inbox keygen --key "$T/secret/inbox.key" 2>/dev/null) || { fail "inbox keygen"; finish; }
cp -r "$TOP/content" "$S/content"
sed -i "s|^  public_key: .*|  public_key: \"$PUB\"|" "$S/content/site.yaml"
git -C "$S" init -q -b main && git -C "$S" add -A &&
	git -C "$S" -c user.name=t3040 -c user.email=t3040@example.invalid commit -q -m start || { fail "git init"; finish; }
"$PRONGSAI" build -q -C "$S/content" -o "$OUT" --db "$DB" --staff-db "$SDB" >"$T/build.log" 2>&1 ||
	{ cat "$T/build.log" >&2; fail "build --db --staff-db"; finish; }
expect_eq "$(sqlite3 "$SDB" "SELECT value FROM staff_settings WHERE key = 'collector_db'")" "$(cd "$T/db" && pwd)/prongsai.db" \
	"the build tells staff.cgi where the collector's database is"
PW='correct horse battery staple'
for who in kiattisak-m wilaiwan-s suphaphon-c; do
	printf '%s\n' "$PW" | "$PRONGSAI" staff add $who --staff-db "$SDB" --password-stdin 2>/dev/null || fail "staff add $who"
done

WS_STAFF_DB=$SDB
ws_start lighttpd "$OUT" "$DB" "$T/run" || { fail "lighttpd did not start"; finish; }
C=$WS_URL/cgi-bin/collect.cgi ST=$WS_URL/staff/staff.cgi

# get NAME WANT WHAT CURL-ARGS...: one request, kept in http/ for the sweep
n=0
get() {
	local name=$1 want=$2 what=$3 got
	shift 3
	n=$((n + 1))
	got=$(curl -s -D "$T/http/$n-$name.h" -o "$T/http/$n-$name.b" -w '%{http_code}' "$@")
	cp "$T/http/$n-$name.b" "$T/last.b"
	cp "$T/http/$n-$name.h" "$T/last.h"
	python3 -c 'import html, sys; sys.stdout.write(html.unescape(open(sys.argv[1], encoding="utf-8", errors="replace").read()))' \
		"$T/last.b" >"$T/last.txt"
	expect_eq "$got" "$want" "$what"
}
header() { sed -n "s/^$1: //Ip" "$T/last.h" | tr -d '\r'; }
queued() { sqlite3 "$SDB" "SELECT count(*) FROM queue; SELECT count(*) FROM queue_files" | tr '\n' ' '; }
login() { # login ID -> $TOK
	get "login-$1" 303 "sign in as $1" -H "Origin: $WS_URL" --data-urlencode "id=$1" --data-urlencode "password=$PW" "$ST/login"
	TOK=$(header Set-Cookie | sed -n 's/^prongsai_staff=\([^;]*\);.*/\1/p')
}

# ---- a citizen files a complaint and a corruption report ----
file_case() { # file_case NAME FORM CURL-ARGS... -> $CODE
	local name=$1 form=$2 loc
	shift 2
	get "$name" 303 "$name filed" "$@" "$C/$form"
	loc=$(header Location)
	get "$name-answer" 200 "$name: the collector's answer" "$WS_URL$loc"
	CODE=$(sed -n 's/.*id="tracking-code">\([0-9A-Z-]\{19\}\)<.*/\1/p' "$T/last.b")
	printf '%s\n' "$CODE" | grep -qE '^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$' && pass "$name: tracking code $CODE" ||
		{ fail "$name: no code"; finish; }
}
file_case complaint complaint --data-urlencode "subject=ไฟฟ้าส่องทางดับ" --data-urlencode "detail=ไฟดับทั้งซอย" \
	--data-urlencode district=dan-sai --data-urlencode category=service --data-urlencode "name=$NAME" \
	--data-urlencode "phone=$PHONE" --data-urlencode "email=$MAIL" --data-urlencode consent=yes --data-urlencode website=
A=$CODE
file_case corruption corruption --data-urlencode "subject=เรียกรับเงิน" --data-urlencode "detail=มีการเรียกเงิน" \
	--data-urlencode district=chiang-khan --data-urlencode category=bribery --data-urlencode "name=$NAME" \
	--data-urlencode "phone=$PHONE" --data-urlencode "email=$MAIL" --data-urlencode consent=yes --data-urlencode website=
B=$CODE
D0=$(TZ=Asia/Bangkok date +%Y-%m-%d)
BE0=$(TZ=Asia/Bangkok date +%-d/%-m/)$(($(TZ=Asia/Bangkok date +%Y) + 543))

# ---- no session, and a role without the desk ----
get nosession-cases 401 "no session: the case list is 401" "$ST/cases"
expect_no_grep "$A" "$T/last.b" "no session: no case code"
get nosession-case 401 "no session: a case page is 401" "$ST/case?code=$A"
login suphaphon-c
O=$TOK
get officer-cases 403 "officer (projects only): the case list is refused" -b "prongsai_staff=$O" "$ST/cases"
expect_grep "ไม่มีสิทธิ์ดูเรื่องร้องเรียน" "$T/last.b" "officer: refused in Thai"
expect_no_grep "$A" "$T/last.b" "officer: no case code"
get officer-case 403 "officer: a case page by its URL is refused" -b "prongsai_staff=$O" "$ST/case?code=$A"
expect_no_grep "$A" "$T/last.b" "officer: the case is not shown"
get officer-attachment 403 "officer: an attachment by its URL is refused" -b "prongsai_staff=$O" "$ST/attachment?code=$A&n=0"
get officer-purge 403 "officer: the purge page is the administrator's" -b "prongsai_staff=$O" "$ST/purge?before=1/1/2600"
get nosession-attachment 401 "no session: an attachment is 401" "$ST/attachment?code=$A&n=0"

# ---- the complaint-officer ----
login kiattisak-m
K=$TOK
get projects-K 200 "complaint-officer: my projects" -b "prongsai_staff=$K" "$ST/projects"
expect_grep "staff.cgi/cases" "$T/last.b" "my projects links to the complaint desk"
get desk 200 "complaint-officer: the case list" -b "prongsai_staff=$K" "$ST/cases"
cp "$T/last.b" "$T/desk.html"
expect_grep "case?code=$A" "$T/desk.html" "the complaint is listed, with a link to its page"
expect_no_grep "$B" "$T/desk.html" "the corruption report is not listed"
expect_grep "ร้องเรียนทั่วไป" "$T/desk.html" "the form (complaint)"
expect_grep "การให้บริการ" "$T/desk.html" "the category, by its label"
expect_grep "ด่านซ้าย" "$T/desk.html" "the district, by its label"
expect_grep "datetime=\"$D0\">$BE0</time>" "$T/desk.html" "the date received, Buddhist Era"
expect_grep "เปิดมาแล้ว 0 วันทำการ" "$T/desk.html" "days open: 0 working days on the day it came"
expect_grep "จากกำหนด 15 วันทำการ" "$T/desk.html" "against the 15-working-day promise"
expect_grep "ยังไม่ตอบ" "$T/desk.html" "status: not answered yet"
expect_no_grep "<script" "$T/desk.html" "no JavaScript on the list"
get attachment-B 404 "complaint-officer: the corruption report's attachment by its URL: 404" -b "prongsai_staff=$K" "$ST/attachment?code=$B&n=0"
get attachment-A-none 404 "complaint-officer: an attachment that does not exist: 404" -b "prongsai_staff=$K" "$ST/attachment?code=$A&n=7"
get purge-K 403 "complaint-officer (not admin): the purge page is refused" -b "prongsai_staff=$K" "$ST/purge"
expect_grep "ผู้ดูแลระบบ" "$T/last.b" "refused in Thai"
get desk-corruption-filter 200 "complaint-officer: the corruption filter" -b "prongsai_staff=$K" "$ST/cases?filter=corruption"
expect_no_grep "$B" "$T/last.b" "the corruption filter shows them nothing"
get desk-overdue 200 "the overdue filter" -b "prongsai_staff=$K" "$ST/cases?filter=overdue"
expect_no_grep "$A" "$T/last.b" "a case of today is not overdue"
get desk-open-old 200 "the open filter, oldest first" -b "prongsai_staff=$K" "$ST/cases?filter=open&order=old"
expect_grep "case?code=$A" "$T/last.b" "the complaint is open"
get case-B-guess 404 "complaint-officer: the corruption report's URL is 404" -b "prongsai_staff=$K" "$ST/case?code=$B"
expect_no_grep "$B" "$T/last.b" "the 404 does not echo the code"
cp "$T/last.b" "$T/404-B.html"
lowerB=$(printf '%s' "$B" | tr A-Z a-z)
get case-B-lower 404 "complaint-officer: the code in lower case is 404 too" -b "prongsai_staff=$K" "$ST/case?code=$lowerB"
get case-none 404 "a code that does not exist: 404" -b "prongsai_staff=$K" "$ST/case?code=AAAA-AAAA-AAAA-AAAA"
sed 's/<title>.*<\/title>//' "$T/last.b" >"$T/404-none.html"
sed -i 's/<title>.*<\/title>//' "$T/404-B.html"
cmp -s "$T/404-none.html" "$T/404-B.html" && pass "the 404 for another's case is the 404 for no case" ||
	fail "the two 404 pages differ"
get case-A 200 "complaint-officer: the complaint's page" -b "prongsai_staff=$K" "$ST/case?code=$A"
cp "$T/last.b" "$T/case-A.html"
expect_grep "ถูกเข้ารหัสไว้" "$T/case-A.html" "the page says the personal data stays sealed"
expect_grep "prongsai inbox show $A" "$T/case-A.html" "and points to prongsai inbox show"
expect_grep "ไฟดับทั้งซอย" "$T/case-A.html" "the details the citizen wrote (not personal data)"
# the case page's only scripts are the site's own files (the key opener)
expect_eq "$(grep -o '<script[^>]*>' "$T/case-A.html" | grep -vc '^<script src="/assets/js/[a-z/-]*\.js">$')" 0 \
	"the case page loads only the site's own scripts, none inline"
expect_eq "$(header Content-Security-Policy | grep -o "script-src[^;]*;")" \
	"script-src 'self' 'wasm-unsafe-eval';" "the case page's CSP: scripts from the site only"
expect_grep 'name="status"' "$T/case-A.html" "the answer form: status"
expect_grep 'name="note"' "$T/case-A.html" "the answer form: the public answer"
CS=$(sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$T/case-A.html" | head -1)
[ ${#CS} -eq 43 ] && pass "the answer form has a CSRF token" || fail "csrf: [$CS]"

# ---- the corruption-officer ----
login wilaiwan-s
W=$TOK
get desk-W 200 "corruption-officer: the case list" -b "prongsai_staff=$W" "$ST/cases"
expect_grep "case?code=$B" "$T/last.b" "the corruption report is listed"
expect_grep "แจ้งเบาะแสการทุจริต" "$T/last.b" "as a corruption report"
get case-B 200 "corruption-officer: its page" -b "prongsai_staff=$W" "$ST/case?code=$B"
expect_grep "ถูกเข้ารหัสไว้" "$T/last.b" "sealed there too"

# ---- answering ----
answer() { # answer WANT WHAT TOKEN CSRF CODE FIELDS...
	local want=$1 what=$2 tok=$3 csrf=$4 code=$5 before
	shift 5
	before=$(queued)
	get answer "$want" "$what" -b "prongsai_staff=$tok" -H "Origin: $WS_URL" --data-urlencode "csrf=$csrf" \
		--data-urlencode "code=$code" "$@" "$ST/answer"
	case $want in 303) ;; *) expect_eq "$(queued)" "$before" "$what: nothing queued" ;; esac
}
answer 404 "complaint-officer: an answer to the corruption report is 404" "$K" "$CS" "$B" \
	--data-urlencode status=received --data-urlencode "date=$BE0" --data-urlencode "note=x"
answer 403 "an answer without the CSRF token is refused" "$K" "" "$A" \
	--data-urlencode status=received --data-urlencode "date=$BE0" --data-urlencode "note=x"
DAYBEFORE=$(date -u -d "$D0 - 1 day" +%Y-%m-%d)
answer 422 "a date before the case was received" "$K" "$CS" "$A" --data-urlencode status=received \
	--data-urlencode "date=$DAYBEFORE" --data-urlencode "note=ได้รับเรื่องแล้ว"
expect_grep "วันที่อยู่ก่อนวันที่ได้รับเรื่อง" "$T/last.b" "refused with check's Thai message"
answer 422 "resolved without a reason" "$K" "$CS" "$A" --data-urlencode status=resolved \
	--data-urlencode "date=$BE0" --data-urlencode "note=ซ่อมแล้ว"
expect_grep "ต้องระบุเหตุผล" "$T/last.b" "refused: a reason is needed (check's message)"
expect_grep "ซ่อมแล้ว" "$T/last.b" "the text typed is kept"
# the same rule through check itself: the message is check's, word for word
mkdir -p "$T/c" && cp -r "$S/content/." "$T/c/" && mkdir -p "$T/c/complaints"
printf 'history:\n  - date: %s\n    status: resolved\n    note: x\n' "$D0" >"$T/c/complaints/$A.yaml"
MSG=$("$PRONGSAI" check -C "$T/c" 2>&1 | sed -n "s|^complaints/$A.yaml:.*: error: ||p" | head -1)
[ -n "$MSG" ] && expect_grep "$MSG" "$T/last.txt" "the form's message is check's: $MSG" || fail "check gave no message"

NOTE='ซ่อมไฟส่องทางแล้ว <script>alert("desk")</script><b>ScriptCanary</b>'
answer 303 "complaint-officer answers: resolved, with a reason" "$K" "$CS" "$A" --data-urlencode status=resolved \
	--data-urlencode "date=$BE0" --data-urlencode "note=$NOTE" --data-urlencode "reason=ดำเนินการแล้วเสร็จ ReasonDesk"
expect_eq "$(header Location)" "/staff/staff.cgi/cases?queued=$(sqlite3 "$SDB" "SELECT max(id) FROM queue")" \
	"back to the list, which says it is queued"
QID=$(sqlite3 "$SDB" "SELECT max(id) FROM queue")
expect_eq "$(sqlite3 "$SDB" "SELECT kind || ' ' || person_id || ' ' || subject || ' ' || state FROM queue WHERE id = $QID")" \
	"answer kiattisak-m $A queued" "the queue row: an answer by the officer, for the code"
expect_eq "$(sqlite3 "$SDB" "SELECT path FROM queue_files WHERE queue_id = $QID")" "complaints/$A.yaml" "its one file"
get desk-queued 200 "the list after the answer" -b "prongsai_staff=$K" "$ST/cases?queued=$QID"
expect_grep "รอนำเข้า" "$T/last.b" "the list says: queued"
expect_grep "ดำเนินการแล้วเสร็จ" "$T/last.b" "the case shows its queued status"
answer 422 "a status after the case was closed (received after resolved)" "$K" "$CS" "$A" \
	--data-urlencode status=received --data-urlencode "date=$BE0" --data-urlencode "note=เปิดใหม่"
grep -qE "ลำดับสถานะย้อนกลับไม่ได้|ไม่มีสถานะใดตามหลังได้" "$T/last.b" && pass "refused with check's Thai message (status order)" ||
	fail "no status-order message"

# ---- import: the commit, the rebuilt tracking page ----
(cd "$S" && "$PRONGSAI" import -C "$S/content" --staff-db "$SDB" --db "$DB" -o "$OUT" --theme "$TOP/themes/default" --origin "$WS_URL" \
	>"$T/import.log" 2>&1)
expect_eq "$?" 0 "prongsai import"
expect_eq "$(sqlite3 "$SDB" "SELECT state FROM queue WHERE id = $QID")" committed "the answer is committed"
expect_eq "$(git -C "$S" log -1 --format='%an' -- "content/complaints/$A.yaml")" "นายเกียรติศักดิ์ มณีวงศ์" \
	"committed with the officer as author"
expect_eq "$(git -C "$S" log -1 --format=%s)" "ตอบเรื่องร้องเรียน $A: ดำเนินการแล้วเสร็จ" "the Thai commit message"
git -C "$S" show "HEAD:content/complaints/$A.yaml" >"$T/committed.yaml" 2>/dev/null
expect_grep "status: resolved" "$T/committed.yaml" "the committed file holds the answer"
"$PRONGSAI" check -C "$S/content" >/dev/null 2>&1 && pass "prongsai check passes on the result" || fail "check fails after import"
TP=$OUT/track/$A/index.html
expect_grep 'case-status case-resolved' "$TP" "the rebuilt tracking page: resolved"
expect_grep "ReasonDesk" "$TP" "the tracking page shows the reason"
expect_grep "&lt;script&gt;" "$TP" "the script in the answer is shown as text"
expect_no_grep "<script>alert" "$TP" "and never as a script"
expect_no_grep "<b>ScriptCanary" "$TP" "no HTML from the answer"
mkdir -p "$T/inert" && cp "$TP" "$T/inert/"
python3 "$TOP/tests/lib/html-inert.py" "$T/inert" >"$T/inert.txt" && pass "the tracking page is inert (html-inert.py)" ||
	fail "active content on the tracking page: $(head -3 "$T/inert.txt")"
get track-A 200 "the tracking page over HTTP" "$WS_URL/track/$A/"
expect_grep "ReasonDesk" "$T/last.b" "served with the answer"
get desk-after 200 "the list after the import" -b "prongsai_staff=$K" "$ST/cases?filter=open"
expect_no_grep "case?code=$A" "$T/last.b" "a resolved case is no longer open"

# ---- the list's cap: the newest 499 cases (at the cap, and one over) ----
sqlite3 "$DB" "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 498)
	INSERT INTO submissions(form_id, kind, channel, code, created_at)
	SELECT 'complaint', 'complaint', 'general', printf('CAP%03d', i), printf('2026-01-01T00:%02d:%02dZ', i / 60, i % 60) FROM n"
get cap 200 "499 cases: the list" -b "prongsai_staff=$K" "$ST/cases"
expect_eq "$(grep -o '<li><h2>' "$T/last.b" | wc -l)" 499 "at the cap: every case listed"
expect_no_grep "แสดงเฉพาะเรื่องล่าสุด" "$T/last.b" "at the cap: no note"
sqlite3 "$DB" "INSERT INTO submissions(form_id, kind, channel, code, created_at)
	VALUES ('complaint', 'complaint', 'general', 'CAPOLDEST', '2025-12-31T00:00:00Z')"
get cap-over 200 "500 cases: the list" -b "prongsai_staff=$K" "$ST/cases"
expect_eq "$(grep -o '<li><h2>' "$T/last.b" | wc -l)" 499 "over the cap: the newest 499 listed"
expect_grep "แสดงเฉพาะเรื่องล่าสุด" "$T/last.b" "over the cap: the page says so"
expect_no_grep "CAPOLDEST" "$T/last.b" "over the cap: the oldest left out"
expect_grep "case?code=$A" "$T/last.b" "over the cap: the newest kept"

# ---- canary sweep ----
ws_stop
for c in "${canaries[@]}"; do
	short=${c:0:20}
	hit=$(grep -alF -- "$c" "$T"/http/*.b | head -1)
	[ -z "$hit" ] && pass "canary [$short] in no response body" || fail "canary [$short] in $hit"
	grep -raqF -- "$c" "$OUT/" && fail "canary [$short] under public/" || pass "canary [$short] not under public/"
	hit=$(grep -alF -- "$c" "$T"/run/*.log "$T/import.log" "$T/build.log" 2>/dev/null | head -1)
	[ -z "$hit" ] && pass "canary [$short] in no log" || fail "canary [$short] in $hit"
	git -C "$S" log -p --all | grep -qF -- "$c" && fail "canary [$short] in git" || pass "canary [$short] not in git"
	grep -aqF -- "$c" "$SDB" && fail "canary [$short] in the staff database" || pass "canary [$short] not in the staff database"
done
for tok in "$K" "$W" "$O"; do
	grep -aqF -- "$tok" "$T"/run/*.log && fail "a session token in the logs" || pass "no session token in the logs"
done
finish
