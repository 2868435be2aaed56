#!/usr/bin/env bash
# The survey of the system itself (issue 15.10) behind lighttpd, driven with
# curl: a missing or unknown respondent type is refused with 422 and a Thai
# message naming the field, and nothing is written; the satisfaction form's
# anti-abuse rules (the honeypot, the rate limit) hold for it too; good
# answers are followed to the thank-you page; the staff page has the type
# chosen in advance.  Then `prongsai build --db` counts the database's
# answers per respondent type (SQL GROUP BY): the results page shows n, the
# share at มาก or above, the Wilson interval and the verdict of each type,
# computed here independently.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"
. "$TOP/tests/lib/webserver"
trap ws_stop EXIT

for tool in curl sqlite3 python3 lighttpd; do
	command -v $tool >/dev/null || { fail "$tool is not installed (make deps-test)"; finish; }
done
cl_setup "$TEST_OUT/site" || finish
ws_start lighttpd "$CL_PUBLIC" "$CL_DB" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }
C=$WS_URL/cgi-bin/collect.cgi/system-satisfaction
cl_setting rate_limit_per_hour 0
cl_setting repeat_window_s 0

# post WHAT WANT [CURL ARGS...]: the status; a refusal writes nothing
post() {
	local what=$1 want=$2 before got
	shift 2
	before=$(cl_state)
	got=$(curl -s -o "$TEST_OUT/resp.b" -D "$TEST_OUT/resp.h" -w '%{http_code}' "$@" "$C")
	expect_eq "$got" "$want" "$what: status"
	[ "$want" = 303 ] || expect_eq "$(cl_state)" "$before" "$what: nothing written"
}
header() { sed -n "s/^$1: //Ip" "$TEST_OUT/resp.h" | tr -d '\r'; }
A='find=4&current=4&trust=4&mobile=4&overall=4&website='

# the form page and the staff page are the site's, served by the same server
expect_eq "$(curl -s -o "$TEST_OUT/form.html" -w '%{http_code}' "$WS_URL/forms/system-satisfaction/index.html")" 200 \
	"the form page is served"
expect_grep '<select id="f-respondent" name="respondent" required>' "$TEST_OUT/form.html" "the respondent type is required on the page"
expect_grep 'name="website"' "$TEST_OUT/form.html" "the page has the honeypot"
curl -s -o "$TEST_OUT/staff.html" "$WS_URL/forms/system-satisfaction/respondent/staff/index.html"
expect_grep '<option value="staff" selected>เจ้าหน้าที่</option>' "$TEST_OUT/staff.html" "the staff page has staff chosen"
expect_grep '<option value="public">ประชาชน</option>' "$TEST_OUT/staff.html" "the staff page can still change the type"
expect_no_grep '<script src="' <(sed -n '/<form/,/<\/form>/p' "$TEST_OUT/staff.html") "no script inside the form"

# refusals
post "no respondent type" 422 --data "$A"
expect_grep '#f-respondent"' "$TEST_OUT/resp.b" "the refusal names the respondent field"
expect_grep 'ท่านเป็นผู้ใช้งานประเภทใด' "$TEST_OUT/resp.b" "the refusal shows the field's Thai label"
expect_grep 'ต้องกรอกช่องนี้' "$TEST_OUT/resp.b" "the refusal says, in Thai, that it is required"
post "empty respondent type" 422 --data "respondent=&$A"
post "unknown respondent type" 422 --data "respondent=tourist&$A"
expect_grep 'กรุณาเลือกจากตัวเลือกที่มี' "$TEST_OUT/resp.b" "an unknown type: choose one of the options, in Thai"
post "no overall answer" 422 --data "respondent=public&find=4&website="
post "honeypot filled" 422 --data "respondent=public&${A/website=/website=http://spam}"
post "honeypot missing" 422 --data "respondent=public&${A/&website=/}"
expect_eq "$(cl_count "form_id = 'system-satisfaction'")" 0 "no survey stored by the refusals"

# accepted answers: a known set, per type (type:overall level), plus the
# other questions; staff answer "reporting" too
ANSWERS="staff:5 staff:4 staff:4 staff:3 staff:2 public:5 public:5 public:4 public:4 public:4 public:1 executive:4 partner:3"
for a in $ANSWERS; do
	t=${a%%:*} lv=${a#*:}
	extra=""
	[ "$t" = staff ] && extra="&reporting=$lv"
	post "answer $a" 303 --data "respondent=$t&find=4&current=3&trust=5&mobile=4&overall=$lv$extra&comment=ok&website="
	expect_eq "$(header Location)" /forms/system-satisfaction/thanks/index.html "answer $a: the thank-you page"
done
expect_eq "$(sqlite3 "$CL_DB" "SELECT group_concat(value, ' ') FROM (SELECT v.value FROM submission_values v
	JOIN submissions s ON s.id = v.submission_id WHERE s.form_id = 'system-satisfaction' AND v.name = 'respondent' ORDER BY s.id)")" \
	"staff staff staff staff staff public public public public public public executive partner" "every respondent type stored"

# the rate limit of every form applies to this one (per client, per form, per hour)
cl_setting rate_limit_per_hour 1
post "rate limit, 1" 303 --data "respondent=partner&$A"
post "rate limit, 2" 429 --data "respondent=partner&$A"
cl_setting rate_limit_per_hour 0
sqlite3 "$CL_DB" "DELETE FROM submissions WHERE id = (SELECT max(id) FROM submissions)"

# the build reads the database (surveys as counts) and shows the indicator;
# the answers dated in FY2570, the content without its sample answers
sqlite3 "$CL_DB" "UPDATE submissions SET created_at = '2026-11-20T03:00:00Z' WHERE form_id = 'system-satisfaction'"
cp -r "$TOP/content" "$TEST_OUT/c"
rm "$TEST_OUT/c/sample-submissions.yaml"
"$PRONGSAI" build -q -C "$TEST_OUT/c" -o "$TEST_OUT/public2" --db "$CL_DB" --today 2026-11-24 >"$TEST_OUT/build2.log" 2>&1 ||
	{ cat "$TEST_OUT/build2.log"; fail "build --db"; }
P=$TEST_OUT/public2/surveys/system-satisfaction/index.html
[ -s "$P" ] && pass "the results page is built" || fail "no $P"
# expected: overall = every type together, then per type in the form's order
python3 - "$ANSWERS" >"$TEST_OUT/expected" <<'PY'
import math, sys
ans = [a.split(":") for a in sys.argv[1].split()]
z = 1.96
def pct(v):  # the site's percent: whole numbers without decimals, else 2
    return ("%d" % v if v == int(v) else "%.2f" % v) + "%"
def row(label, levels):
    n = len(levels); x = sum(1 for l in levels if l >= 4)
    if n == 0:
        print("%s|0|0|-|-|ยังมีผู้ตอบน้อยเกินไป" % label); return
    c = x + z * z / 2; d = n + z * z
    r = z * math.sqrt(x * (n - x) / n + z * z / 4)
    lo = math.floor((c - r) / d * 10000) / 100
    hi = min(100.0, math.ceil((c + r) / d * 10000) / 100)
    share = math.floor(x * 10000 / n + 0.5) / 100
    verdict = "ยังมีผู้ตอบน้อยเกินไป" if n < 30 else ("ผ่านเป้าหมาย" if 100 * x >= 80 * n else "ยังไม่ผ่านเป้าหมาย")
    print("%s|%d|%d|%s|%s – %s|%s" % (label, n, x, pct(share), pct(lo), pct(hi), verdict))
row("ผู้ใช้งานทุกประเภท", [int(l) for t, l in ans])
for t, label in (("staff", "เจ้าหน้าที่"), ("executive", "ผู้บริหาร"), ("partner", "หน่วยงานภาคี"), ("public", "ประชาชน")):
    row(label, [int(l) for tt, l in ans if tt == t])
PY
# what a person sees: the indicator table's rows, as text
python3 - "$P" >"$TEST_OUT/seen" <<'PY'
import html, re, sys
s = open(sys.argv[1], encoding="utf-8").read()
i = s.find('aria-label="ตัวชี้วัด ปีงบประมาณ 2570"')
t = s[i:s.find("</table>", i)]
for tr in re.findall(r"<tr>(.*?)</tr>", t, re.S)[1:]:
    cells = [html.unescape(re.sub(r'<span lang="en".*?</span>', "", c)) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)]
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in cells]
    print("|".join([cells[0], cells[1], cells[2], cells[3], cells[4], cells[5]]))
PY
expect_eq "$(cat "$TEST_OUT/seen")" "$(cat "$TEST_OUT/expected")" "the indicator per respondent type, from the database"
expect_grep 'ตัดสินผลเมื่อมีผู้ตอบอย่างน้อย 30 คน' "$P" "the page states the minimum n"
# the open data: the same figures
expect_grep "system-satisfaction,2570,overall,staff,เจ้าหน้าที่,5,3,60.00," "$TEST_OUT/public2/data/survey-indicator.csv" \
	"survey-indicator.csv: staff"
expect_grep "system-satisfaction,2570,overall,public,ประชาชน,6,5,83.33," "$TEST_OUT/public2/data/survey-indicator.csv" \
	"survey-indicator.csv: public"
# the free text never reaches the site
expect_no_grep "comment" "$TEST_OUT/public2/data/survey-indicator.csv" "no comment in the open data"
finish
