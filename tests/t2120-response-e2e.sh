#!/usr/bin/env bash
# variants: release
# Closing the loop, end to end, as in production: staff push content/ to a
# bare repository whose cron/post-receive hook checks it out and runs
# cron/rebuild with PRONGSAI_DB; lighttpd serves the built site and the
# collector (tests/lib/webserver); the hourly run is cron/rebuild itself.
#  - over HTTP: read the complaint statistics (page and CSV) and the survey
#    results; file a general complaint (urlencoded) and a corruption report
#    (multipart, a PDF and a PNG) carrying canary personal values, and a
#    survey with a canary comment; follow each 303 to the collector's answer
#    (the thank-you page for the survey) and read the tracking code there;
#    the lookup says when a code not built yet gets its page;
#    (personal values and the corruption report's files are sealed in the
#    database);
#  - hourly rebuild: /track/<CODE>/ says "received" with the date, the
#    collector's lookup (lower-case code) answers 303 to it, the statistics
#    went up by exactly the new submissions (total, in progress, by channel,
#    status, district, category), the survey results by one answer;
#  - staff push content/complaints/<CODE>.yaml (received, under-review,
#    resolved, with a published summary), built a few days later: the
#    tracking page shows the resolved status, the notes, the reason and the
#    summary; completed +1 and the median days to close, page and CSV alike,
#    equal to the median worked out from the tracking pages themselves;
#  - staff push a response with an impossible status order for the other
#    code: the push shows file:line:col, the live site is byte-identical;
#  - canary sweep: no canary (name, phone, e-mail, subject, detail, comment,
#    the attachments' bytes) anywhere under public/, in lighttpd's logs, in
#    the push/hook/rebuild logs or in any HTTP response fetched; no folder
#    without an index.html; GET /track/ is the lookup form, not a listing.
# The builds are told the date (PRONGSAI_TODAY): today, but not before
# 2026-11-24 (the sample content's date), and five days later for the answer.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/webserver"
trap ws_stop EXIT

for tool in curl git python3 sqlite3 flock lighttpd; do
	command -v $tool >/dev/null || { fail "$tool is not installed (make deps-test)"; finish; }
done

T=$TEST_OUT
rm -rf "$T"/{site.git,work,staff,site,db,secret,run,http} "$T"/*.log "$T"/*.out
mkdir -p "$T/site" "$T/db" "$T/secret" "$T/http"
OUT=$T/site/public DB=$T/db/prongsai.db BARE=$T/site.git WORK=$T/work STAFF=$T/staff
unset PRONGSAI_HOME PRONGSAI_CONTENT PRONGSAI_OUT PRONGSAI_DB PRONGSAI_LOG PRONGSAI_BIN PRONGSAI_PULL \
	PRONGSAI_LOCK PRONGSAI_LOCK_WAIT PRONGSAI_LOCK_HELD PRONGSAI_THEME PRONGSAI_TODAY PRONGSAI_BRANCH PRONGSAI_MAKE
export GIT_AUTHOR_NAME=t2120 GIT_AUTHOR_EMAIL=t2120@example.invalid
export GIT_COMMITTER_NAME=t2120 GIT_COMMITTER_EMAIL=t2120@example.invalid

# ---- the canaries ----
r=$RANDOM$RANDOM
NAME="นางสาวกนกพร แคนารีสุข$r"
SURNAME=แคนารีสุข
PHONE=08$(printf '%08d' $(((RANDOM * 32768 + RANDOM) % 100000000)))
MAIL=kanokporn.canary$r@example.com
SUBJ1="ถนนชำรุดหน้าบ้าน SubjectCanary$r"
DETAIL1="รายละเอียดส่วนตัว DetailCanary$r บ้านเลขที่ 99/1"
SUBJ2="เรียกรับเงิน SubjectCanaryB$r"
DETAIL2="เจ้าหน้าที่เรียกเงิน DetailCanaryB$r บาท"
COMMENT="ความเห็น CommentCanary$r"
PDFMARK=PdfCanary$r
PNGMARK=PngCanary$r
printf '%%PDF-1.4\n%% %s\n1 0 obj << /Type /Catalog >> endobj\n%%%%EOF\n' "$PDFMARK" >"$T/evidence.pdf"
# a real 8x8 PNG with the marker in its pixel rows and in a tEXt chunk
python3 - "$T/photo.png" "$PNGMARK" <<'PY'
import struct, sys, zlib
def chunk(t, d): return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xffffffff)
mark = sys.argv[2].encode()
rows = b"".join(b"\0" + (mark * 3)[:24] for _ in range(8))
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
       + chunk(b"tEXt", b"Comment\0" + mark) + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))
open(sys.argv[1], "wb").write(png)
PY
# every canary string, and the forms they could take in a URL or a log
canaries=("$NAME" "$SURNAME" "$PHONE" "$MAIL" "SubjectCanary$r" "DetailCanary$r" "SubjectCanaryB$r"
	"DetailCanaryB$r" "CommentCanary$r" "$PDFMARK" "$PNGMARK" "$(base64 -w0 <"$T/evidence.pdf")")
enc() { python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1], safe=""))' "$1"; }
canaries+=("$(enc "$SURNAME")" "$(enc "$MAIL")")

# ---- dates: the collector stamps the real time; the fiscal year of today ----
D0=$(TZ=Asia/Bangkok date +%Y-%m-%d)
D2=$(date -u -d "$D0 + 2 days" +%Y-%m-%d)
D5=$(date -u -d "$D0 + 5 days" +%Y-%m-%d)
y=${D0%%-*} m=${D0#*-} m=${m%%-*}
FY=$((y + 543 + (10#$m >= 10 ? 1 : 0)))
MONTH=${D0%-*}
# the date the builds are told is today (PRONGSAI_TODAY, as for every test of
# the sample content: not before 2026-11-24, its latest entries are from
# November 2026); the answer is built five days after the submission
max_date() { printf '%s\n' "$@" | sort | tail -n 1; }
TODAY=$(max_date "$D0" 2026-11-24)
LATER=$(max_date "$D5" "$TODAY")

# ---- the server: a bare repository with the hook, a work tree ----
git init -q --bare -b main "$BARE"
cp "$TOP/cron/post-receive" "$BARE/hooks/post-receive"
chmod +x "$BARE/hooks/post-receive"
git -C "$BARE" config core.hooksPath "$BARE/hooks"
git -C "$BARE" config prongsai.home "$WORK"
git -C "$BARE" config prongsai.out "$OUT"
git -C "$BARE" config prongsai.db "$DB"
git -C "$BARE" config prongsai.bin "$PRONGSAI"
git -C "$BARE" config prongsai.log "$T/hook.log"
# the hourly cron job
hourly() {
	PRONGSAI_HOME=$WORK PRONGSAI_OUT=$OUT PRONGSAI_DB=$DB PRONGSAI_BIN=$PRONGSAI PRONGSAI_LOG=$T/rebuild.log \
		PRONGSAI_TODAY=${PRONGSAI_TODAY:-$TODAY} "$WORK/cron/rebuild"
}
# push WHAT [VAR=VALUE...]: commit everything in the staff clone and push;
# the push's output (what staff see) goes to $T/push-WHAT.out
push() {
	local what=$1
	shift
	git -C "$STAFF" add -A && git -C "$STAFF" commit -q -m "$what" || { fail "commit $what"; return 1; }
	env "$@" git -C "$STAFF" push -q "$BARE" main >"$T/push-$what.out" 2>&1
}

# ---- the office: a key pair, the public key in site.yaml, first push ----
PUB=$("$PRONGSAI" inbox keygen --key "$T/secret/inbox.key" 2>"$T/keygen.log") || { fail "inbox keygen"; finish; }
git init -q -b main "$STAFF"
cp -r "$TOP/content" "$TOP/themes" "$TOP/cron" "$STAFF/"
sed -i "s|^  public_key: .*|  public_key: \"$PUB\"|" "$STAFF/content/site.yaml"
grep -q "public_key: \"$PUB\"" "$STAFF/content/site.yaml" || fail "public key not set in site.yaml"
grep -Eq "^fiscal_years: \[.*\b$FY\b" "$STAFF/content/site.yaml" ||
	sed -i "s/^fiscal_years: \[\(.*\)\]/fiscal_years: [\1, $FY]/" "$STAFF/content/site.yaml"
rc=0; push setup PRONGSAI_TODAY="$TODAY" || rc=$?
expect_eq "$rc" 0 "first push"
expect_grep "published main" "$T/push-setup.out" "the hook published the site"
[ -s "$OUT/index.html" ] && [ -s "$DB" ] && pass "site and database built by the hook" ||
	{ fail "hook did not build: $(tail -n 5 "$T/push-setup.out")"; finish; }
ws_start lighttpd "$OUT" "$DB" "$T/run" || { fail "lighttpd did not start"; finish; }
U=$WS_URL C=$WS_URL/cgi-bin/collect.cgi

# get NAME URL [CURL ARGS...]: fetch into $T/http/N-NAME.{h,b} and last.{h,b};
# prints the status, then GET_W (more curl write-out) if set.  Every answer
# is kept there for the canary sweep.
n_get=0
get() {
	local name=$1 url=$2
	shift 2
	n_get=$((n_get + 1))
	curl -s -D "$T/http/$n_get-$name.h" -o "$T/http/$n_get-$name.b" -w "%{http_code}${GET_W:-}" "$@" "$url"
	cp "$T/http/$n_get-$name.b" "$T/http/last.b"
	cp "$T/http/$n_get-$name.h" "$T/http/last.h"
}
header() { sed -n "s/^$1: //Ip" "$T/http/last.h" | tr -d '\r'; }
# csvrow FILE BREAKDOWN KEY: "total completed in_progress median" of FY's row
csvrow() {
	python3 - "$1" "$FY" "$2" "$3" <<'PY'
import csv, sys
f, fy, b, k = sys.argv[1:]
for r in csv.DictReader(open(f, encoding="utf-8-sig")):
    if r["fiscal_year"] == fy and r["breakdown"] == b and r["key"] == k:
        print(r["total"], r["completed"], r["in_progress"], r["median_days_to_close"] or "-")
        break
else:
    print("missing")
PY
}
# pagestats FILE: "total completed in_progress median general(t c p) corruption(t c p)"
pagestats() {
	python3 - "$1" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
def one(p):
    m = re.search(p, s)
    return m.group(1) if m else "?"
def row(label):
    m = re.search(label + r'.*?</th><td class="num">(\d+)</td><td class="num">(\d+)</td><td class="num">(\d+)</td>', s)
    return " ".join(m.groups()) if m else "? ? ?"
med = re.search(r'ค่ามัธยฐานของจำนวนวันตั้งแต่รับเรื่องจนยุติเรื่อง (?:<strong>([^<]+)</strong>|(-))', s)
print(one(r'เรื่องทั้งหมด <strong>(\d+)</strong>'), one(r'ดำเนินการแล้วเสร็จ <strong>(\d+)</strong>'),
      one(r'อยู่ระหว่างดำเนินการ <strong>(\d+)</strong>'), (med.group(1) or med.group(2)) if med else "?",
      row(r'<th scope="row">ร้องเรียนทั่วไป'), row(r'<th scope="row">แจ้งเบาะแสการทุจริต'))
PY
}
# pages_median DIR: the median days from receipt to closing of FY's closed
# cases, worked out from the tracking pages under DIR ("-" when none): the
# statistics must agree with what the pages themselves say.  Questions (the
# sample's `form: question` entries) have tracking pages too but are not
# complaints: the statistics leave them out, and so does this.
pages_median() {
	python3 - "$1" "$FY" "$STAFF/content/sample-submissions.yaml" <<'PY'
import datetime, glob, os, re, statistics, sys
d = lambda s: datetime.date.fromisoformat(s)
questions = set(re.findall(r"form: question, code: ([0-9A-Z-]+)", open(sys.argv[3], encoding="utf-8").read()))
days = []
for f in glob.glob(sys.argv[1] + "/track/*/index.html"):
    if os.path.basename(os.path.dirname(f)) in questions:
        continue
    s = open(f, encoding="utf-8").read()
    rec = re.search(r'<dt>วันที่รับเรื่อง.*?<time datetime="([0-9-]+)"', s)
    st = re.search(r'class="case-status case-([a-z-]+)"', s)
    hist = re.findall(r'<li><p><time datetime="([0-9-]+)"', s)
    if not (rec and st and hist):
        print("unreadable", f); sys.exit()
    r = d(rec.group(1))
    if r.year + 543 + (r.month >= 10) != int(sys.argv[2]) or st.group(1) not in ("resolved", "rejected"):
        continue
    days.append((d(hist[-1]) - r).days)
print("%.2f" % statistics.median(days) if days else "-")
PY
}
# same_number A B: 0 when A and B are the same number ("24.5" = "24.50"), or both "-"
same_number() { python3 -c 'import sys; a, b = sys.argv[1:]; sys.exit(not (a == b or (a != "-" and b != "-" and float(a) == float(b))))' "$1" "$2" 2>/dev/null; }
# add A B: the numbers of "A" plus those of "B", field by field ("-" kept)
add() {
	python3 - "$1" "$2" <<'PY'
import sys
a, b = sys.argv[1].split(), sys.argv[2].split()
print(" ".join(x if x in ("-", "?") or y == "." else str(int(x) + int(y)) for x, y in zip(a, b)))
PY
}
# survey ROW: n and the five levels of the FY's "overall" row (all projects)
survey_overall() {
	python3 - "$1" "$FY" <<'PY'
import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    if r["fiscal_year"] == sys.argv[2] and r["question"] == "overall" and r["project"] == "":
        print(r["n"], r["level_5"], r["level_4"], r["level_3"], r["level_2"], r["level_1"])
        break
else:
    print("0 0 0 0 0 0")
PY
}
snapshot() { # snapshot TAG: fetch the statistics pages and CSVs over HTTP
	expect_eq "$(get "stats-$1" "$U/complaints/$FY/index.html")" 200 "$1: GET /complaints/$FY/"
	cp "$T/http/last.b" "$T/stats-$1.html"
	expect_eq "$(get "csv-$1" "$U/complaints/statistics.csv")" 200 "$1: GET /complaints/statistics.csv"
	cp "$T/http/last.b" "$T/stats-$1.csv"
	expect_eq "$(get "survey-$1" "$U/data/survey-results.csv")" 200 "$1: GET /data/survey-results.csv"
	cp "$T/http/last.b" "$T/survey-$1.csv"
}

# ---- before: the statistics as the public sees them ----
expect_eq "$(get health "$C/health")" 200 "collector health"
expect_eq "$(get stats-main "$U/complaints/")" 200 "GET /complaints/ (the statistics page)"
grep -q 'href="../complaints/statistics.csv"' "$T/http/last.b" && pass "the statistics page links its CSV" ||
	fail "no CSV link on /complaints/"
snapshot before
y0=$(csvrow "$T/stats-before.csv" year "$FY")
p0=$(pagestats "$T/stats-before.html")
s0=$(survey_overall "$T/survey-before.csv")
case $y0 in missing) fail "no year row for $FY in the CSV" ;; *) pass "year $FY before: $y0" ;; esac
case $p0 in *\?*) fail "statistics page not understood: $p0" ;; *) pass "page before: $p0" ;; esac
expect_eq "$(pages_median "$OUT")" "$(echo "$y0" | cut -d' ' -f4)" "before: the median days agree with the tracking pages"

# ---- submissions over HTTP ----
# submit NAME FORM [CURL ARGS...]: POST to the collector, expect its 303,
# follow the Location: a complaint to the collector's own answer, which
# shows the tracking code without JavaScript (read it there); a survey to
# the form's thank-you page; sets CODE
submit() {
	local name=$1 form=$2 loc
	shift 2
	CODE=
	expect_eq "$(get "$name" "$C/$form" "$@")" 303 "$name: 303 See Other"
	loc=$(header Location)
	case $form:$loc in
	satisfaction:"/forms/$form/thanks/index.html") pass "$name: Location is the thank-you page" ;;
	satisfaction:*) fail "$name: Location [$loc]"; return ;;
	*:/cgi-bin/collect.cgi/track\?code=*) pass "$name: Location is the collector's answer" ;;
	*) fail "$name: Location [$loc]"; return ;;
	esac
	expect_eq "$(get "$name-thanks" "$U$loc")" 200 "$name: the answer is served"
	[ "$form" = satisfaction ] && return
	CODE=$(sed -n 's/.*id="tracking-code">\([0-9A-Z-]\{19\}\)<.*/\1/p' "$T/http/last.b")
	[ -n "$CODE" ] && pass "$name: the answer shows the tracking code" || fail "$name: the answer does not show the code"
	expect_grep "รับเรื่องแล้วเมื่อ" "$T/http/last.b" "$name: the answer says when it was received"
}

# a general complaint, urlencoded, with a Thai name, a phone and an e-mail
submit complaint complaint --data-urlencode "subject=$SUBJ1" --data-urlencode "detail=$DETAIL1" \
	--data-urlencode district=dan-sai --data-urlencode category=service --data-urlencode "name=$NAME" \
	--data-urlencode "phone=$PHONE" --data-urlencode "email=$MAIL" --data-urlencode consent=yes \
	--data-urlencode website=
A=$CODE
printf '%s\n' "$A" | grep -qE '^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$' && pass "tracking code $A" || { fail "code [$A]"; finish; }

# a corruption report, multipart, a PDF and a PNG, the same canaries
submit corruption corruption -F "subject=$SUBJ2" -F "detail=$DETAIL2" -F district=chiang-khan \
	-F category=bribery -F "attachments=@$T/evidence.pdf;type=application/pdf" \
	-F "attachments=@$T/photo.png;type=image/png" -F "name=$NAME" -F "phone=$PHONE" -F "email=$MAIL" \
	-F consent=yes -F website=
B=$CODE
printf '%s\n' "$B" | grep -qE '^[0-9A-Z]{4}(-[0-9A-Z]{4}){3}$' && [ "$B" != "$A" ] && pass "second code $B" ||
	{ fail "code [$B]"; finish; }
# a survey with a free-text comment: no code
submit survey satisfaction --data-urlencode speed=4 --data-urlencode courtesy=5 \
	--data-urlencode clarity=4 --data-urlencode process=3 --data-urlencode transparency=5 --data-urlencode overall=5 \
	--data-urlencode "comment=$COMMENT" --data-urlencode project=2569-001 --data-urlencode website=
expect_eq "$CODE" "" "survey: no code"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM submissions")" 3 "three submissions stored"
expect_eq "$(sqlite3 "$DB" "SELECT count(*) FROM attachments WHERE sealed = 1")" 2 "both attachments sealed"
for c in "$SURNAME" "$PHONE" "$MAIL" "$PDFMARK"; do
	if grep -aqF -- "$c" "$DB" "$DB-wal" 2>/dev/null; then fail "[$c] in the database in the clear"; else pass "[$c] sealed"; fi
done

# before the next hourly run the codes have no page yet; the lookup says so
expect_eq "$(get track-early "$U/track/$A/")" 404 "no tracking page before the rebuild"
expect_eq "$(get lookup-early "$C/track?code=$A")" 200 "lookup before the rebuild: 200, not 404"
expect_grep "หน้าติดตามจะปรากฏภายใน" "$T/http/last.b" "lookup before the rebuild: says when the page appears"

# ---- the hourly rebuild ----
rc=0; hourly >"$T/hourly1.out" 2>&1 || rc=$?
expect_eq "$rc" 0 "hourly rebuild"
expect_grep "ok: built $OUT" "$T/rebuild.log" "rebuild log says ok"
expect_eq "$(get track-A "$U/track/$A/")" 200 "GET /track/$A/"
cp "$T/http/last.b" "$T/track-A-1.html"
expect_grep 'case-status case-received">รับเรื่องแล้ว' "$T/track-A-1.html" "tracking page: received (Thai label)"
expect_grep "datetime=\"$D0\"" "$T/track-A-1.html" "tracking page: the date received ($D0)"
expect_grep ">$A</code>" "$T/track-A-1.html" "tracking page: the code"
expect_grep 'การให้บริการ' "$T/track-A-1.html" "tracking page: the category chosen"
expect_grep 'name="robots" content="noindex"' "$T/track-A-1.html" "tracking page not indexed"
expect_eq "$(get track-B "$U/track/$B/")" 200 "GET /track/$B/ (corruption report)"
cp "$T/http/last.b" "$T/track-B-1.html"
expect_grep 'รับเรื่องแล้ว' "$T/track-B-1.html" "corruption tracking page: received"
# the lookup form's target: the code typed in lower case
lower=$(printf '%s' "$A" | tr A-Z a-z)
expect_eq "$(get lookup "$C/track?code=$lower")" 303 "lookup of the lower-case code: 303"
expect_eq "$(header Location)" "/track/$A/index.html" "lookup redirects to the tracking page"
expect_eq "$(GET_W=' %{url_effective}' get lookup-follow "$C/track?code=$lower" -L)" "200 $U/track/$A/index.html" \
	"lookup followed to the page"
cmp -s "$T/http/last.b" "$T/track-A-1.html" && pass "the same page" || fail "lookup landed on another page"
expect_eq "$(get lookup-bad "$C/track?code=AAAA-AAAA-AAAA-AAAA")" 404 "lookup of a wrong code: 404"

# the statistics went up by exactly the two complaints
snapshot after1
expect_eq "$(csvrow "$T/stats-after1.csv" year "$FY")" "$(add "$y0" '2 0 2 .')" "CSV: year total +2, in progress +2"
for k in "channel general" "channel corruption" "district dan-sai" "district chiang-khan" "category service" \
	"category bribery" "month $MONTH"; do
	case $k in month*) want='2 0 2 .' ;; *) want='1 0 1 .' ;; esac
	expect_eq "$(csvrow "$T/stats-after1.csv" $k)" "$(add "$(csvrow "$T/stats-before.csv" $k)" "$want")" "CSV: $k +${want%% *}"
done
expect_eq "$(csvrow "$T/stats-after1.csv" status received)" \
	"$(add "$(csvrow "$T/stats-before.csv" status received)" '2 0 2 .')" "CSV: status received +2"
expect_eq "$(pagestats "$T/stats-after1.html")" "$(add "$p0" '2 0 2 . 1 0 1 1 0 1')" \
	"page: total, in progress and channels went up by the two complaints"
src=$(python3 -c 'import csv, sys
for r in csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")):
    if r["fiscal_year"] == sys.argv[2] and r["breakdown"] == "year": print(r["source"])' "$T/stats-after1.csv" "$FY")
case $src in *database*) pass "CSV: the figures come from the database ($src)" ;; *) fail "CSV source [$src]" ;; esac
expect_eq "$(survey_overall "$T/survey-after1.csv")" "$(add "$s0" '1 1 0 0 0 0')" "survey results: one more overall answer (5)"
grep -q "$A" "$T/stats-after1.html" && fail "statistics page lists codes" ||
	pass "statistics page lists no codes"

# ---- staff answer: a response file, pushed, built a few days later ----
mkdir -p "$STAFF/content/complaints"
cat >"$STAFF/content/complaints/$A.yaml" <<Y
# บันทึกการตอบเรื่องร้องเรียน — staff response
history:
  - date: $D0
    status: received
    note: ได้รับเรื่องแล้ว ลงทะเบียนรับเรื่อง NoteReceived
  - date: $D2
    status: under-review
    note: ส่งช่างของ อบต. สำรวจจุดชำรุด NoteReview
  - date: $D5
    status: resolved
    note: ซ่อมผิวถนนเรียบร้อยแล้ว NoteResolved
    reason: ดำเนินการตามข้อร้องเรียนแล้ว ReasonResolved
summary: ซ่อมแซมถนนที่ชำรุดแล้วเสร็จ ผู้ร้องรับทราบผล SummaryPublished
publish_summary: true
Y
rc=0; push answer PRONGSAI_TODAY="$LATER" || rc=$?
expect_eq "$rc" 0 "push of the response file"
expect_grep "published main" "$T/push-answer.out" "the answer is published"
expect_eq "$(get track-A2 "$U/track/$A/")" 200 "GET /track/$A/ after the answer"
cp "$T/http/last.b" "$T/track-A-2.html"
expect_grep 'case-status case-resolved">ดำเนินการแล้วเสร็จ' "$T/track-A-2.html" "tracking page: resolved"
for s in NoteReceived NoteReview NoteResolved ReasonResolved SummaryPublished "datetime=\"$D5\""; do
	expect_grep "$s" "$T/track-A-2.html" "tracking page shows $s"
done
snapshot after2
y2=$(csvrow "$T/stats-after2.csv" year "$FY")
expect_eq "$(echo "$y2" | cut -d' ' -f1-3)" "$(add "$y0" '2 1 1 .' | cut -d' ' -f1-3)" "CSV: completed +1, in progress +1 net"
med=$(pages_median "$OUT")
expect_eq "$(echo "$y2" | cut -d' ' -f4)" "$med" "CSV: the median days to close agree with the tracking pages ($med)"
case $med in -) fail "no closed case in $FY" ;; esac
expect_eq "$(csvrow "$T/stats-after2.csv" channel general | cut -d' ' -f1-3)" \
	"$(add "$(csvrow "$T/stats-before.csv" channel general)" '1 1 0 .' | cut -d' ' -f1-3)" "CSV: general channel completed +1"
expect_eq "$(csvrow "$T/stats-after2.csv" channel corruption | cut -d' ' -f1-3)" \
	"$(add "$(csvrow "$T/stats-before.csv" channel corruption)" '1 0 1 .' | cut -d' ' -f1-3)" "CSV: corruption channel still open"
expect_eq "$(csvrow "$T/stats-after2.csv" status resolved | cut -d' ' -f1-3)" \
	"$(add "$(csvrow "$T/stats-before.csv" status resolved)" '1 1 0 .' | cut -d' ' -f1-3)" "CSV: status resolved +1"
p2=$(pagestats "$T/stats-after2.html")
expect_eq "$(echo "$p2" | cut -d' ' -f1-3,5-)" "$(add "$p0" '2 1 1 . 1 1 0 1 0 1' | cut -d' ' -f1-3,5-)" \
	"page: completed +1, channels agree"
med_page=$(echo "$p2" | cut -d' ' -f4) med_csv=$(echo "$y2" | cut -d' ' -f4)
case $med_page in -|\?) fail "page: no median days to close" ;; *) pass "page: median days to close $med_page" ;; esac
same_number "$med_page" "$med_csv" && pass "page and CSV agree on the median" || fail "median: page $med_page, CSV $med_csv"

# ---- an impossible status order for the other code: refused, site unchanged ----
tree_sum "$OUT" >"$T/sum-good"
cat >"$STAFF/content/complaints/$B.yaml" <<Y
history:
  - date: $D0
    status: received
    note: ได้รับเบาะแสแล้ว
  - date: $D2
    status: in-progress
    note: อยู่ระหว่างสอบข้อเท็จจริง
  - date: $D5
    status: under-review
    note: ทบทวนอีกครั้ง
Y
push badorder PRONGSAI_TODAY="$LATER"
grep -Eq "^remote: complaints/$B\.yaml:9:[0-9]+: error: ลำดับสถานะย้อนกลับไม่ได้" "$T/push-badorder.out" &&
	pass "the push shows file:line:col: the impossible status order" ||
	fail "no complaints/$B.yaml:9:col status-order error in the push output: $(grep -m3 "$B" "$T/push-badorder.out")"
expect_grep "is not published" "$T/push-badorder.out" "staff are told nothing was published"
rc=0; PRONGSAI_TODAY=$LATER hourly >"$T/hourly2.out" 2>&1 || rc=$?
expect_eq "$rc" 1 "the hourly rebuild fails too"
expect_grep "FAILED: prongsai build exited 1" "$T/hourly2.out" "and says so (cron mail)"
tree_sum "$OUT" >"$T/sum-bad"
cmp -s "$T/sum-good" "$T/sum-bad" && pass "the live site is byte-identical" || fail "the live site changed after a failed build"
expect_eq "$(get track-B2 "$U/track/$B/")" 200 "the corruption report's page is still served"
expect_grep 'รับเรื่องแล้ว' "$T/http/last.b" "still received"

# ---- no listings ----
expect_eq "$(get track-dir "$U/track/")" 200 "GET /track/"
expect_grep 'class="track-form"' "$T/http/last.b" "GET /track/ is the lookup form"
if grep -qF "$A" "$T/http/last.b" || grep -qF "$B" "$T/http/last.b" || grep -qi 'Index of' "$T/http/last.b"; then
	fail "GET /track/ lists codes"
else
	pass "GET /track/ lists no code"
fi
missing=$(find "$OUT/" -type d ! -exec test -e '{}/index.html' \; -print | head -3)
expect_eq "$missing" "" "every folder under public/ has an index.html"

# ---- canary sweep ----
# lighttpd writes its logs asynchronously: stop it first
ws_stop
logs=("$T"/run/*.log "$T/hook.log" "$T/rebuild.log" "$T"/push-*.out "$T"/hourly*.out)
for c in "${canaries[@]}"; do
	short=${c:0:24}
	if grep -raqF -- "$c" "$OUT/"; then fail "canary [$short] under public/"; else pass "canary [$short] not under public/"; fi
	hit=$(grep -alF -- "$c" "${logs[@]}" 2>/dev/null | head -1)
	[ -z "$hit" ] && pass "canary [$short] in no log" || fail "canary [$short] in $hit"
	hit=$(grep -alF -- "$c" "$T"/http/*.b "$T"/http/*.h | head -1)
	[ -z "$hit" ] && pass "canary [$short] in no HTTP response" || fail "canary [$short] in $hit"
done
[ -s "$T/run/access.log" ] && pass "the access log was written (and searched)" || fail "no access log"
# the tracking pages show the staff summary only, never the complaint's own text
grep -qF SummaryPublished "$OUT/track/$A/index.html" && pass "the summary is there" || fail "summary missing"
finish
