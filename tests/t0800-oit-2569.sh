#!/usr/bin/env bash
# Issue 15: the OIT page for 2569 lists O1-O26 with a state, evidence dates
# and what each must show; every element the site generates is on the page
# an item links to (the separate ราคากลาง column, "ไม่มีการจัดซื้อจัดจ้าง"
# only for months recorded none, "ยังไม่ถึงรอบ", the .xlsx, corruption-only
# figures with "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ", FY2568
# annual report with suggestions); and check and the page agree over every
# date rule.
. "$(dirname "$0")/lib/test-lib.sh"
today=2026-11-24
s=$TEST_OUT/site
run_prongsai build -q -C "$TOP/content" -o "$s" --today $today 2>"$TEST_OUT/build.txt"
expect_eq "$?" 0 "sample builds"
oit=$s/oit/2569/index.html
codes=$(grep -o '<tr id="O[0-9]*">' "$oit" | grep -o 'O[0-9]*' | tr '\n' ' ')
expect_eq "$codes" "$(for i in $(seq 1 26); do printf 'O%d ' "$i"; done)" "OIT 2569 lists O1-O26 in order"
expect_eq "$(grep -o '<tr id="O[0-9]*">' "$oit" | wc -l)" "$(grep -o '<tr id="O[0-9]*">.*class="status status-[a-z-]*">\(มีหลักฐานบนเว็บไซต์นี้\|เอกสารที่นำมาเผยแพร่\|อยู่บนเว็บไซต์หลัก\|ยังไม่มีหลักฐาน\)<' "$oit" | wc -l)" "every item shows its state"
expect_grep 'id="O11"><th scope="row">O11</th><td>สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน ประจำปีงบประมาณ 2569' "$oit" "2569 title of O11"
expect_grep 'ต้องแสดง: แบบ สขร.1' "$oit" "what the evidence must show"
expect_grep '<time datetime="2026-03-09">' "$oit" "the date of the evidence itself (latest procurement record)"
expect_grep 'เว็บไซต์หลักต้องมีลิงก์มายังหน้านี้' "$oit" "main-website rule on the page"
expect_grep 'S1: หัวข้อ OIT ปี 2569' "$oit" "the sources of the mapping"
# ITAS sheet
itas=$s/oit/2569/itas.csv
expect_eq "$(sed 1d "$itas" | wc -l)" 26 "itas.csv: one row per item"
expect_grep 'O11,สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน ประจำปีงบประมาณ 2569,https://loei.example.go.th/procurement/2569/index.html' "$itas" "itas.csv: item, title, full URL"
# every site link of every item resolves
python3 - "$s" <<'PY' && pass "every evidence link of O1-O26 resolves" || fail "evidence links"
import os, re, sys
s = sys.argv[1]
page = open(f"{s}/oit/2569/index.html", encoding="utf-8").read()
bad = []
for code, row in re.findall(r'<tr id="(O\d+)">(.*?)</tr>', page, re.S):
    for h in re.findall(r'<a href="([^"]+)"', row):
        if h.startswith("http"):
            continue
        p = os.path.normpath(os.path.join(s, "oit/2569", h.split("#")[0]))
        if not os.path.isfile(p):
            bad.append(code + " " + h)
print(bad)
sys.exit(1 if bad else 0)
PY
# O3: the contact page has the map
expect_grep 'href="https://www.openstreetmap.org/search?query=' "$s/contact/index.html" "O3: a map link on the contact page"
# O11: สขร.1 with separate columns; none only when recorded; not yet due
m11=$s/procurement/2569/11/index.html
expect_grep '<th scope="col" class="num">วงเงินที่จะซื้อหรือจ้าง (บาท)</th><th scope="col" class="num">ราคากลาง (บาท)</th>' "$m11" "O11: วงเงิน and ราคากลาง are separate columns"
expect_grep '<td class="num">21,000.00</td><td class="num">21,000.00</td>' "$m11" "O11: the reference price in its column"
expect_grep 'e-GP 69004123404' "$m11" "O11: the e-GP project number"
expect_grep 'งบประมาณกรมการพัฒนาชุมชน' "$m11" "O11: the budget source"
expect_grep 'ไม่มีการจัดซื้อจัดจ้าง' "$s/procurement/2569/10/index.html" "O11: October recorded as none"
expect_grep 'ยังไม่ได้บันทึก' "$s/procurement/2569/04/index.html" "O11: a past month not entered is not called none"
expect_no_grep 'ไม่มีการจัดซื้อจัดจ้าง' "$s/procurement/2569/04/index.html" "O11: ... and never 'none'"
expect_grep 'ยังไม่ถึงรอบ' "$s/procurement/2570/11/index.html" "O11: the month not yet ended is not yet due"
year=$s/procurement/2569/index.html
expect_grep 'sor-kor-1-2569.xlsx' "$year" "O11: the year's .xlsx is linked"
expect_grep 'sor-kor-1-2569-11.xlsx' "$m11" "O11: the month's .xlsx is linked"
# the .xlsx opens in LibreOffice with the same rows
if command -v soffice >/dev/null; then
	mkdir -p "$TEST_OUT/lo"
	HOME=$TEST_OUT/lo timeout 120 soffice --headless --convert-to csv:"Text - txt - csv (StarCalc)":44,34,76 \
		--outdir "$TEST_OUT/lo" "$s/procurement/2569/sor-kor-1-2569.xlsx" >/dev/null 2>&1
	x=$TEST_OUT/lo/sor-kor-1-2569.csv
	expect_grep 'ราคากลาง (บาท)' "$x" "xlsx: the ราคากลาง column (LibreOffice)"
	expect_grep 'ไม่มีการจัดซื้อจัดจ้าง' "$x" "xlsx: months recorded none"
	expect_grep '441,000.00' "$x" "xlsx: the reference price is a number (money format)"
	expect_eq "$(grep -c '^' "$x")" "$(($(grep -c '^' "$s/procurement/2569/sor-kor-1-2569.csv") + 1))" "xlsx: a title row, then the CSV's rows"
else
	fail "LibreOffice (soffice) is not installed"
fi
# O12: all 12 months of FY2568, each with records or recorded none
p68=$s/procurement/2568/index.html
expect_eq "$(grep -c '<tr><th scope="row"><a href="[./]*procurement/2568/[0-9][0-9]/index.html">' "$p68")" 12 "O12: 12 months of FY2568"
expect_no_grep 'ยังไม่ได้บันทึก' "$p68" "O12: no month left unentered"
expect_grep 'sor-kor-1-2568.xlsx' "$p68" "O12: the year's .xlsx"
# O7: previous year's annual report with problems and suggestions
r68=$s/reports/2568/annual/index.html
expect_grep '<th scope="col">ข้อเสนอแนะ / แนวทางแก้ไข</th>' "$r68" "O7: a suggestions column"
expect_grep 'ตรวจข้อมูล จปฐ. ก่อนจัดเวที' "$r68" "O7: a suggestion from the FY2568 reports"
expect_grep 'ข้อมูลความจำเป็นพื้นฐาน' "$r68" "O7: problems beside it"
# O18: corruption only, by month, quarter and half; none written out
for fy in 2569 2568; do
	c=$s/complaints/$fy/index.html
	expect_grep 'id="corruption">ข้อมูลสถิติเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ' "$c" "O18 $fy: the corruption-only section"
	expect_grep 'ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ' "$c" "O18 $fy: periods with none say so"
	expect_grep 'เรื่องร้องเรียนการทุจริตและประพฤติมิชอบ รายไตรมาส' "$c" "O18 $fy: quarters"
	expect_grep 'รายเดือน (ตามวันที่รับเรื่อง)' "$c" "O18 $fy: months"
done
expect_grep 'รอบ 6 เดือน (ต.ค.-มี.ค.)' "$s/complaints/2569/index.html" "O18: the half year"
python3 - "$s" <<'PY' && pass "O18: CSV corruption rows agree with the page's month table" || fail "O18 CSV"
import csv, re, sys
s = sys.argv[1]
rows = [r for r in csv.DictReader(open(f"{s}/complaints/statistics.csv", encoding="utf-8-sig"))
        if r["breakdown"] == "corruption-month" and r["fiscal_year"] == "2569"]
page = open(f"{s}/complaints/2569/index.html", encoding="utf-8").read()
sec = page[page.index('id="corruption"'):page.index('id="general"')]
tab = sec[sec.index("รายเดือน (ตามวันที่รับเรื่อง)"):]
cells = re.findall(r'<tr><th scope="row">[^<]*</th>(.*?)</tr>', tab)[:12]
assert len(rows) == 12, len(rows)
for r, c in zip(rows, cells):
    nums = re.findall(r'<td class="num">(\d+)</td>', c)
    if r["total"] == "0":
        assert "ไม่มีเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ" in c, c
    else:
        assert nums == [r["total"], r["completed"], r["in_progress"]], (nums, r)
assert any(r["total"] != "0" for r in rows)
PY
# O10: e-service use per service and month, the small-count rule, the how-to
row10=$(grep -o '<tr id="O10">.*</tr>' "$oit")
printf '%s' "$row10" | grep -q 'href="../../e-service/index.html"' && pass "O10 links e-service/" || fail "O10 link"
printf '%s' "$row10" | grep -q 'href="../../e-service/statistics.csv"' && pass "O10 links the CSV" || fail "O10 CSV link"
printf '%s' "$row10" | grep -q "<time datetime=\"$today\">" && pass "O10: the evidence date is the data's date" || fail "O10 date"
e=$s/e-service/index.html
expect_grep '<h2 id="es-how">วิธีใช้บริการออนไลน์' "$e" "O10: the how-to"
expect_grep 'ข้อมูล ณ วันที่ 24 พ.ย. 2569' "$e" "O10: the as-of date"
expect_grep '<strong>หลักการแสดงตัวเลข:</strong> เดือนที่มีผู้ใช้บริการ 1 ถึง 4 ครั้ง แสดงว่า "น้อยกว่า 5"' "$e" "O10: the small-count rule is stated"
for f in ร้องเรียน/ร้องทุกข์ แจ้งเบาะแสการทุจริตและประพฤติมิชอบ สอบถาม แบบประเมินความพึงพอใจต่อการให้บริการ ติดตามเรื่องด้วยรหัสติดตาม; do
	grep -q "<th scope=\"col\"><a href=\"[^\"]*\">$f</a></th>" "$e" && pass "O10: a column for $f" || fail "O10: no column for $f"
done
python3 - "$s" <<'PY' && pass "O10: the page's months (ต.ค.-ก.ย., พ.ศ.) and the CSV agree under the small-count rule" || fail "O10 page/CSV"
import csv, re, sys
s = sys.argv[1]
page = open(f"{s}/e-service/index.html", encoding="utf-8").read()
rows = list(csv.DictReader(open(f"{s}/e-service/statistics.csv", encoding="utf-8-sig")))
assert rows and set(r["count"] for r in rows) >= {"0", "น้อยกว่า 5"}, set(r["count"] for r in rows)
assert not any(r["count"] in ("1", "2", "3", "4") for r in rows)
for fy, first in (("2570", "ต.ค. 2569"), ("2569", "ต.ค. 2568")):
    sec = page[page.index(f'<h3 id="fy{fy}">'):]
    sec = sec[:sec.index("</table>")]
    labels = re.findall(r'<tr><th scope="row">([^<]+)</th>', sec)
    assert labels[0] == first and labels[11].startswith("ก.ย.") and len(labels) == 13, labels
    cols = re.findall(r'<th scope="col"><a href="[^"]*">([^<]+)</a></th>', sec)
    mine = [r for r in rows if r["fiscal_year"] == fy]
    for i, tr in enumerate(re.findall(r'<tr><th scope="row">[^<]+</th>(.*?)</tr>', sec)[:12]):
        cells = re.findall(r'<td class="num">([^<]*)</td>', tr)
        want = [r["count"] for r in mine[i * len(cols):(i + 1) * len(cols)]]
        if not cells:
            assert "ยังไม่ถึงรอบ" in tr and not want, (fy, i, tr)
            continue
        assert cells == want, (fy, i, cells, want)
        assert [r["service_name"] for r in mine[i * len(cols):(i + 1) * len(cols)]] == cols
# FY2570 to 24 Nov: October and November only; a question in October, lookups 17 then 4
assert [r["month"] for r in rows if r["fiscal_year"] == "2570" and r["service"] == "track"] == ["2026-10", "2026-11"]
get = lambda fy, m, sv: [r["count"] for r in rows if r["fiscal_year"] == fy and r["month"] == m and r["service"] == sv][0]
assert get("2570", "2026-10", "track") == "17" and get("2570", "2026-11", "track") == "น้อยกว่า 5"
assert get("2570", "2026-10", "question") == "น้อยกว่า 5" and get("2570", "2026-11", "question") == "0"
assert get("2569", "2026-04", "track") == "22" and get("2569", "2026-01", "track") == "0"
PY
# O3: contact, the question form, the questions and answers
row3=$(grep -o '<tr id="O3">.*</tr>' "$oit")
printf '%s' "$row3" | grep -q 'href="../../questions/index.html"' && pass "O3 links questions/" || fail "O3 questions link"
printf '%s' "$row3" | grep -q 'href="../../forms/question/index.html"' && pass "O3 links the question form" || fail "O3 form link"
expect_grep 'action="../../cgi-bin/collect.cgi/question"' "$s/forms/question/index.html" "O3: the question form posts to the collector"
# check and the page agree, over every date rule and finding
c=$TEST_OUT/c
cp -r "$TOP/content" "$c"
sed -i 's/^no_procurement: \[2025-10, /no_procurement: [/' "$c/procurement/2569/2026-02.yaml"
cat >"$c/oit/2570.yaml" <<'Y'
main_site: "https://main.example.go.th/"
items:
  - {code: O1, title: ข่าวหนึ่ง, fiscal_year: current, evidence: [news/2025-10-20-fy2569-kickoff/index.html]}
  - {code: O2, title: รายการข่าว, fiscal_year: previous, evidence: [news/index.html, feeds/news.xml]}
  - {code: O3, title: รายงาน, fiscal_year: previous, evidence: [reports/2569/half-year/index.html, reports/2569/annual/index.html]}
  - {code: O4, title: ร้องเรียน, fiscal_year: current, evidence: [complaints/2570/index.html, complaints/2569/index.html#corruption]}
  - {code: O5, title: จัดซื้อ, fiscal_year: previous, period: first-half, evidence: [procurement/2569/index.html, data/procurement.csv]}
  - {code: O6, title: จัดซื้อทั้งปี, fiscal_year: previous, period: full-year, evidence: [procurement/2569/index.html]}
  - {code: O7, title: โครงการ, fiscal_year: current, evidence: [projects/2569-001/index.html, projects/2570/index.html]}
  - {code: O8, title: แดชบอร์ด, fiscal_year: current, evidence: [dashboard/index.html, index.html, feeds/updates.xml, data/projects.csv]}
  - {code: O9, title: เอกสาร, fiscal_year: current, evidence: [{href: media/progress/2569-011/no-such.pdf}, {href: "https://x.example.org/a.pdf"}]}
  - {code: O10, title: เว็บหลัก, evidence: [{href: "https://main.example.go.th/oit", date: 2026-10-05}]}
  - {code: O11, title: ลงวันที่, fiscal_year: current, evidence: [{href: "https://x.example.org/b.pdf", date: 2024-01-01}]}
  - {code: O12, title: ไม่มี, evidence: []}
  - {code: O13, title: ไม่มีวันที่, fiscal_year: previous, evidence: [about/index.html]}
  - {code: O14, title: ไฟล์ สขร.1, fiscal_year: previous, evidence: [procurement/2569/sor-kor-1-2569.xlsx, oit/2569/itas.csv]}
  - {code: O15, title: บริการออนไลน์, fiscal_year: current, evidence: [e-service/index.html, e-service/statistics.csv]}
  - {code: O16, title: ถาม-ตอบ, fiscal_year: previous, evidence: [questions/index.html]}
  - {code: O17, title: ถาม-ตอบปีนี้, fiscal_year: current, evidence: [questions/index.html]}
Y
for d in 2026-11-24 2027-03-15; do
	run_prongsai build -q -C "$c" -o "$TEST_OUT/s-$d" --today $d 2>/dev/null
	run_prongsai check -C "$c" --today $d 2>"$TEST_OUT/check-$d.txt"
	for y in 2569 2570; do
		python3 "$TOP/tests/lib/oit-agree.py" "$TEST_OUT/s-$d" "$TEST_OUT/check-$d.txt" $y >"$TEST_OUT/agree-$d-$y.txt" &&
			pass "$d, OIT $y: the page shows exactly check's warnings ($(tail -1 "$TEST_OUT/agree-$d-$y.txt"))" ||
			fail "$d, OIT $y: page and check disagree: $(cat "$TEST_OUT/agree-$d-$y.txt")"
	done
done
w=$TEST_OUT/w70.txt
grep '^oit/2570.yaml' "$TEST_OUT/check-2026-11-24.txt" >"$w"
expect_grep 'O11: ยังไม่ได้บันทึกการจัดซื้อจัดจ้างปีงบประมาณ 2569 เดือน ต.ค.' "$TEST_OUT/check-2026-11-24.txt" "period rule: October not entered is a warning"
expect_grep 'O6: ยังไม่ได้บันทึกการจัดซื้อจัดจ้างปีงบประมาณ 2569 เดือน ต.ค. เม.ย. พ.ค. มิ.ย. ก.ค. ส.ค. ก.ย.' "$w" "full-year rule names every month not entered"
expect_grep 'O9: "media/progress/2569-011/no-such.pdf" ไม่มีหน้านี้ในเว็บไซต์' "$w" "a hosted file that does not exist"
expect_grep 'O9: "https://x.example.org/a.pdf" ไม่มีวันที่ของเอกสาร ใส่ date' "$w" "a hosted document without its date"
expect_grep 'O11: หลักฐานไม่อยู่ในปีงบประมาณ 2570 ที่กำหนด' "$w" "a dated document outside the year"
expect_grep 'O12: ยังไม่มีหลักฐาน' "$w" "no evidence"
expect_grep 'O13: ไม่ทราบวันที่ของหลักฐาน' "$w" "no known date"
expect_no_grep 'O4:' "$w" "complaints/<FY>/ has a date rule (no hand-typed date needed)"
expect_no_grep 'O14:' "$w" "the สขร.1 files and itas.csv are pages of the site"
expect_no_grep 'O15:' "$w" "e-service/ and its CSV: dated as of the build, in the current year"
expect_grep 'O16: หลักฐานไม่อยู่ในปีงบประมาณ 2569 ที่กำหนด' "$w" "questions/: dated by the newest answer (27 Oct 2026, FY2570), so not FY2569"
expect_no_grep 'O17:' "$w" "questions/: the newest answer is in FY2570"
p70=$TEST_OUT/s-2026-11-24/oit/2570/index.html
expect_grep 'id="O10"><th scope="row">O10</th><td>เว็บหลัก</td><td><ul class="plain"><li><a href="https://main.example.go.th/oit" rel="noopener">' "$p70" "main-site link"
grep -o '<tr id="O10">.*</tr>' "$p70" | grep -q 'อยู่บนเว็บไซต์หลัก' && pass "state: on the main website" || fail "state: on the main website"
grep -o '<tr id="O12">.*</tr>' "$p70" | grep -q 'ยังไม่มีหลักฐาน' && pass "state: not yet provided" || fail "state: not yet provided"
grep -o '<tr id="O9">.*</tr>' "$p70" | grep -q 'เอกสารที่นำมาเผยแพร่' && pass "state: hosted document" || fail "state: hosted document"
grep -o '<tr id="O7">.*</tr>' "$p70" | grep -q 'มีหลักฐานบนเว็บไซต์นี้' && pass "state: answered" || fail "state: answered"
finish
