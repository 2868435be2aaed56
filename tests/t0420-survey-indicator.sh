#!/usr/bin/env bash
# The memo's indicator (issue 15.10) from a known set of answers to the
# system's own survey (sample submissions on the mini fixture): the results
# page shows, for all users and per respondent type, n, the count and share
# at มาก or above, the Wilson 95% interval and the verdict against 80%,
# each computed here independently; the boundaries: exactly 80% with
# exactly the minimum n (met), one answer short of the minimum (too few), no
# answers at all.  The CSV has the same figures; the service survey shows
# no indicator; `check` refuses an unknown respondent type at its line and
# a respondent field that is not a choice.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
c=$TEST_OUT/c site=$TEST_OUT/site
make_case "$c"
mkdir -p "$c/forms"
cp "$TOP"/content/forms/*.yaml "$c/forms/"

# the known set, TYPE:LEVEL*COUNT (overall question), dates in FY2569:
#   staff      30 answers, 24 at 4-5: exactly 80% with exactly 30 -> met
#   public     31 answers, 24 at 4-5: 77.42% -> not met
#   executive  29 answers, all at 5: 100% but 29 < 30 -> too few
#   partner    none
SET="staff:5*14 staff:4*10 staff:3*4 staff:1*2 public:5*12 public:4*12 public:3*5 public:2*2 executive:5*29"
python3 - "$SET" >"$c/sample-submissions.yaml" <<'PY'
import sys, datetime
print("submissions:")
d = datetime.date(2025, 10, 1)
k = 0
for item in sys.argv[1].split():
    t, rest = item.split(":")
    lv, n = rest.split("*")
    for i in range(int(n)):
        day = d + datetime.timedelta(days=k % 190)
        k += 1
        print("  - {form: system-satisfaction, date: %s, respondent: %s, find: 3, current: 4, trust: 5, mobile: 2, overall: %s}"
              % (day.isoformat(), t, lv))
print("  - {form: satisfaction, date: 2026-03-01, speed: 5, courtesy: 4, clarity: 4, process: 3, transparency: 5, overall: 5}")
PY
run_prongsai build -q -C "$c" -o "$site" --today 2026-04-15 2>"$TEST_OUT/build.err" || { cat "$TEST_OUT/build.err"; fail "build"; }
P=$site/surveys/system-satisfaction/index.html
[ -s "$P" ] && pass "the results page of the system survey" || { fail "no $P"; finish; }

# expected, independently: exact Wilson in floating point, the share
# rounded half up, the lower bound down and the upper bound up (to 0.01 pp)
python3 - "$SET" >"$TEST_OUT/expected" <<'PY'
import math, sys
levels = {}
for item in sys.argv[1].split():
    t, rest = item.split(":")
    lv, n = rest.split("*")
    levels.setdefault(t, []).extend([int(lv)] * int(n))
z = 1.96
def pct(v):  # the site's percent: whole numbers without decimals, else 2
    return ("%d" % v if v == int(v) else "%.2f" % v) + "%"
def row(label, ls):
    n = len(ls); x = sum(1 for l in ls if l >= 4)
    verdict = "ยังมีผู้ตอบน้อยเกินไป" if n < 30 else ("ผ่านเป้าหมาย" if 100 * x >= 80 * n else "ยังไม่ผ่านเป้าหมาย")
    if n == 0:
        print("%s|0|0|-|-|%s" % (label, verdict)); return
    c = x + z * z / 2; d = n + z * z
    r = z * math.sqrt(x * (n - x) / n + z * z / 4)
    lo = math.floor((c - r) / d * 10000) / 100
    hi = min(100.0, math.ceil((c + r) / d * 10000) / 100)
    share = math.floor(x * 10000 / n + 0.5) / 100
    print("%s|%d|%d|%s|%s – %s|%s" % (label, n, x, pct(share), pct(lo), pct(hi), verdict))
row("ผู้ใช้งานทุกประเภท", sum(levels.values(), []))
for t, label in (("staff", "เจ้าหน้าที่"), ("executive", "ผู้บริหาร"), ("partner", "หน่วยงานภาคี"), ("public", "ประชาชน")):
    row(label, levels.get(t, []))
PY
# what a person sees: the indicator table of FY2569, row by row
python3 - "$P" >"$TEST_OUT/seen" <<'PY'
import html, re, sys
s = open(sys.argv[1], encoding="utf-8").read()
i = s.find('aria-label="ตัวชี้วัด ปีงบประมาณ 2569"')
t = s[i:s.find("</table>", i)] if i >= 0 else ""
for tr in re.findall(r"<tr>(.*?)</tr>", t, re.S)[1:]:
    cells = [html.unescape(re.sub(r'<span lang="en".*?</span>', "", c)) for c in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", tr, re.S)]
    cells = [re.sub(r"<[^>]+>", "", c).strip() for c in cells]
    print("|".join(cells[:6]))
PY
expect_eq "$(cat "$TEST_OUT/seen")" "$(cat "$TEST_OUT/expected")" "the indicator, overall and per respondent type"
expect_eq "$(sed -n 2p "$TEST_OUT/seen" | cut -d'|' -f6)" "ผ่านเป้าหมาย" "staff: 24 of 30 (80% exactly, n = 30) meets the target"
expect_eq "$(sed -n 5p "$TEST_OUT/seen" | cut -d'|' -f6)" "ยังไม่ผ่านเป้าหมาย" "public: 24 of 31 does not"
expect_eq "$(sed -n 3p "$TEST_OUT/seen" | cut -d'|' -f6)" "ยังมีผู้ตอบน้อยเกินไป" "executive: 29 answers are too few"
expect_grep 'ตัดสินผลเมื่อมีผู้ตอบอย่างน้อย 30 คน' "$P" "the minimum n is stated"
expect_grep 'เทียบเป้าหมาย 80%' "$P" "the target is stated"

# the open data: the same figures, one row per type
CSV=$site/data/survey-indicator.csv
expect_grep "system-satisfaction,2569,overall,staff,เจ้าหน้าที่,30,24,80.00," "$CSV" "CSV: staff"
expect_grep "system-satisfaction,2569,overall,public,ประชาชน,31,24,77.42," "$CSV" "CSV: public"
expect_grep ",80.00,30,met," "$CSV" "CSV: the verdict met"
expect_grep ",80.00,30,not-met," "$CSV" "CSV: the verdict not met"
expect_grep "system-satisfaction,2569,overall,partner,หน่วยงานภาคี,0,0,,,,80.00,30,too-few," "$CSV" "CSV: no answers, too few"
expect_eq "$(grep -c '^system-satisfaction,' "$CSV")" 5 "CSV: all users and four types"

# the service survey stays as it was: no respondent type, no indicator
expect_no_grep 'ตัวชี้วัด' "$site/surveys/satisfaction/index.html" "the service survey has no indicator table"
expect_no_grep ',satisfaction,' <(sed 's/^/,/' "$CSV") "the service survey is not in the indicator CSV"

# check: an unknown respondent type in a sample answer, at its line
echo "  - {form: system-satisfaction, date: 2026-03-01, respondent: tourist, overall: 5}" >>"$c/sample-submissions.yaml"
line=$(wc -l <"$c/sample-submissions.yaml")
run_prongsai check -C "$c" --today 2026-04-15 2>"$TEST_OUT/check.err" && fail "check accepted an unknown type"
expect_grep "sample-submissions.yaml:$line:" "$TEST_OUT/check.err" "an unknown respondent type: named at its line"
expect_grep 'ใช้กับช่อง respondent ไม่ได้' "$TEST_OUT/check.err" "an unknown respondent type: in Thai"
sed -i '$d' "$c/sample-submissions.yaml"
# a respondent field marked personal: refused where it is
sed -i '0,/    type: choice/s//    type: choice\n    personal: true/' "$c/forms/system-satisfaction.yaml"
run_prongsai check -C "$c" --today 2026-04-15 2>"$TEST_OUT/check2.err" && fail "check accepted a personal respondent field"
expect_grep 'forms/system-satisfaction.yaml:' "$TEST_OUT/check2.err" "a personal respondent field: named in its file"
expect_grep 'ต้องเป็นช่องแบบเลือก (choice) และไม่ใช่ข้อมูลส่วนบุคคล' "$TEST_OUT/check2.err" \
	"a personal respondent field: refused in Thai"
finish
