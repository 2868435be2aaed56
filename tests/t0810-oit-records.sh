#!/usr/bin/env bash
# Issue 15 items 3, 6, 7: the OIT records on the pages they are evidence on.
# O19: participation/2569/ shows each activity with its four parts (topic,
# participants as counts and groups, outcome, what the office changed);
# O9: services/ shows steps, time, channels, fee ("ไม่มีค่าธรรมเนียม") and
# documents ("ไม่ต้องใช้เอกสาร"); O16: corruption-guideline/ shows its five
# sections; O11/O12: ราคากลาง, e-GP number and budget source in the สขร.1 and
# in data/procurement.csv.  The checker's messages (Thai by default) for
# the new records; check and the OIT page agree when O19 has no activity.
. "$(dirname "$0")/lib/test-lib.sh"
today=2026-11-24
s=$TEST_OUT/site
run_prongsai build -q -C "$TOP/content" -o "$s" --today $today 2>"$TEST_OUT/build.txt"
expect_eq "$?" 0 "sample builds"
oit=$s/oit/2569/index.html
row() { grep -o "<tr id=\"$1\">.*</tr>" "$oit"; }
row O19 | grep -q 'href="../../participation/2569/index.html"' && pass "O19 links participation/2569/" || fail "O19 link"
row O19 | grep -q '<time datetime="2026-06-09">' && pass "O19: the evidence date is the latest activity of FY2569" || fail "O19 date"
row O19 | grep -q 'มีหลักฐานบนเว็บไซต์นี้' && pass "O19: answered" || fail "O19 state"
row O9 | grep -q 'href="../../services/index.html"' && pass "O9 links services/" || fail "O9 link"
row O16 | grep -q 'href="../../corruption-guideline/index.html"' && pass "O16 links corruption-guideline/" || fail "O16 link"
row O16 | grep -q '<time datetime="2025-10-15">' && pass "O16: the guideline's own date" || fail "O16 date"
# O19: every activity with its four parts, each filled in
python3 - "$s/participation/2569/index.html" <<'PY' && pass "O19: 3 activities, each with topic, participants (groups, counts, total), outcome and changes" || fail "O19 four parts"
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
acts = re.findall(r'<section class="activity".*?</section>', page, re.S)
assert len(acts) == 3, len(acts)
def after(a, head):
    m = re.search(re.escape(head) + r'.*?</h3>\s*(.*?)(?=<h3|<p>โครงการ|<p>หลักฐาน|</section>)', a, re.S)
    assert m, head
    text = re.sub(r'<[^>]+>', '', m.group(1)).strip()
    assert text, head
    return text
for a in acts:
    after(a, '<h3>ประเด็น')
    counts = [int(x) for x in re.findall(r'<li>[^<]+ (\d+) คน</li>', a)]
    total = int(re.search(r'ผู้เข้าร่วม <span lang="en">\(who took part\)</span>: (\d+) คน', a).group(1))
    assert counts and sum(counts) == total, (counts, total)
    after(a, '<h3>ผลที่ได้')
    after(a, '<h3>การนำผลไปปรับปรุงการดำเนินงาน')
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\d">', a)
PY
p19=$s/participation/2569/index.html
expect_grep 'ผู้นำชุมชน (กำนัน ผู้ใหญ่บ้าน คณะกรรมการหมู่บ้าน) 18 คน' "$p19" "O19: a group and its count"
expect_grep 'ผู้เข้าร่วม <span lang="en">(who took part)</span>: 88 คน' "$p19" "O19: the total"
expect_grep 'เวทีประชาคม <span lang="en">(community forum)</span> · อำเภอนาด้วง' "$p19" "O19: format and district"
expect_grep '<a href="../../projects/2569-002/index.html">โครงการสร้างสัมมาชีพชุมชน ปีงบประมาณ 2569</a>' "$p19" "O19: the project concerned"
expect_grep '<a href="../../news/2026-05-20-khok-nong-na-visit/index.html">' "$p19" "O19: the news link"
expect_grep 'ยังไม่มีกิจกรรมการมีส่วนร่วมที่บันทึกในปีงบประมาณ 2570' "$s/participation/2570/index.html" "O19: a year without activities says so"
expect_grep '<a href="../participation/2569/index.html">ปีงบประมาณ 2569</a>: 3 กิจกรรม' "$s/participation/index.html" "participation/: the years"
# O9: the service guides
sv=$s/services/index.html
expect_eq "$(grep -c '<section class="service"' "$sv")" 4 "O9: four services"
expect_eq "$(grep -c '<p>ไม่มีค่าธรรมเนียม</p>' "$sv")" 4 "O9: a zero fee is written out as ไม่มีค่าธรรมเนียม"
expect_eq "$(grep -c '<p>ไม่ต้องใช้เอกสาร</p>' "$sv")" 2 "O9: no documents is written out as ไม่ต้องใช้เอกสาร"
for h in 'ขั้นตอนการให้บริการ' 'ระยะเวลาให้บริการ' 'ช่องทางการขอรับบริการ' 'ค่าธรรมเนียม' 'เอกสารที่ใช้'; do
	expect_eq "$(grep -c "<h3>$h " "$sv")" 4 "O9: every service has $h"
done
expect_grep '<li>สำเนาทะเบียนบ้าน 1 ฉบับ</li>' "$sv" "O9: a document listed"
expect_grep '<p>3 วันทำการ</p>' "$sv" "O9: the time"
# O16: the guideline's five sections
g=$s/corruption-guideline/index.html
for h in '1. วิธีแจ้งเรื่อง' '2. ขั้นตอนการจัดการและระยะเวลา' '3. หน่วยงานที่รับผิดชอบ' '4. ช่องทางการแจ้งเรื่อง' '5. การคุ้มครองผู้แจ้งและการรักษาความลับ'; do
	expect_grep "$h" "$g" "O16: section $h"
done
expect_grep '<td>ภายใน 15 วันทำการ</td>' "$g" "O16: a step's time frame"
expect_grep 'กลุ่มงานอำนวยการ สำนักงานพัฒนาชุมชนจังหวัดเลย (ศูนย์ปฏิบัติการต่อต้านการทุจริต)' "$g" "O16: the responsible unit"
expect_grep 'href="../forms/corruption/index.html"' "$g" "O16: the online channel is linked"
expect_grep 'ไม่เผยแพร่รหัสติดตามเรื่องของผู้แจ้งเบาะแส' "$g" "O16: protection of the reporter"
# O11/O12: ราคากลาง in the สขร.1 and in the open data
expect_grep '<th scope="col" class="num">ราคากลาง (บาท)</th>' "$s/procurement/2568/11/index.html" "O12: the ราคากลาง column in FY2568"
python3 - "$s/data/procurement.csv" <<'PY' && pass "data/procurement.csv: budget, reference_price, egp_no, budget_source as their own columns" || fail "procurement.csv columns"
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8-sig")))
h = list(rows[0].keys())
assert h.index("reference_price") == h.index("budget") + 1, h
assert "egp_no" in h and "budget_source" in h, h
r = [r for r in rows if r["egp_no"] == "69004123404"]
assert r and r[0]["budget"] == "21000.00" and r[0]["reference_price"] == "21000.00", r
assert all(r["budget_source"] for r in rows), rows
PY
# O3: the questions and answers, never the asker's data
q=$s/questions/index.html
expect_eq "$(grep -c '<article class="qa"' "$q")" 3 "O3: three published questions"
expect_eq "$(grep -c '<h2 id="[a-z0-9-]*-q" class="qa-question">ถาม: ' "$q")" 3 "O3: each with its question"
expect_eq "$(grep -c '<p><strong>ตอบ:</strong> ' "$q")" 3 "O3: ... its answer"
expect_eq "$(grep -c 'ถามเมื่อ <time datetime="[0-9-]*">.*ตอบเมื่อ <time datetime="[0-9-]*">' "$q")" 3 "O3: ... and both dates"
expect_grep 'href="../forms/question/index.html">ถามคำถาม' "$q" "O3: the page links the question form"
python3 - "$q" <<'PY' && pass "O3: no e-mail address or phone/ID number on the questions page" || fail "O3 personal data"
import re, sys
main = open(sys.argv[1], encoding="utf-8").read().split("<main", 1)[1].split("</main>", 1)[0]
text = re.sub(r"<[^>]+>", " ", main)
assert not re.search(r"[\w.+-]+@[\w-]+\.[\w.]+", text), "e-mail"
assert not re.search(r"\d{9,}", text), "number"
PY
# a fee is shown in baht; a service without fee or documents is an error (Thai)
c=$TEST_OUT/c
cp -r "$TOP/content" "$c"
sed -i 's/^fee: 0$/fee: 50\nfee_note: ฉบับละ/' "$c/services/bmn-data-request.yaml"
run_prongsai build -q -C "$c" -o "$TEST_OUT/s2" --today $today 2>/dev/null
expect_grep '<p>50.00 บาท (ฉบับละ)</p>' "$TEST_OUT/s2/services/index.html" "O9: a fee in baht"
sed -i '/^fee/d; /^documents/d' "$c/services/bmn-data-request.yaml"
sed -i 's/^projects: \[2569-002\]/projects: [2569-002, 2569-2]/' "$c/participation/2569/forum-na-duang-savings.md"
sed -i 's/^date: 2026-02-17/date: 2026-10-01/' "$c/participation/2569/hearing-chiang-khan-fabric.md"
sed -i 's/^answered: 2026-06-25/answered: 2026-06-01/' "$c/questions/otop-registration.yaml"
printf 'question: ถามอย่างเดียว\nasked: 2026-03-10\nanswered: 2026-03-17\n' >"$c/questions/fund-loan-documents.yaml"
sed -i 's/^answer: >-$/answer: >-\n  โทร 0812345678 หรือ someone@example.com/' "$c/questions/project-progress-updates.yaml"
run_prongsai check -C "$c" --today $today 2>"$TEST_OUT/check.txt"
expect_eq "$?" 1 "check fails on the broken records"
expect_grep 'questions/otop-registration.yaml:9:11: error: วันที่ตอบ (answered) อยู่ก่อนวันที่ได้รับคำถาม (asked)' "$TEST_OUT/check.txt" "Thai: an answer dated before its question, at line:col"
expect_grep 'questions/fund-loan-documents.yaml:1:1: error: ไม่มีฟิลด์ "answer" ซึ่งจำเป็นต้องกรอก' "$TEST_OUT/check.txt" "Thai: a question without its answer"
expect_grep 'questions/project-progress-updates.yaml:6:9: warning: answer มีข้อความคล้ายข้อมูลส่วนบุคคล' "$TEST_OUT/check.txt" "Thai: text that looks like personal data is flagged"
expect_grep 'services/bmn-data-request.yaml:1:1: error: ไม่มีฟิลด์ "fee" ซึ่งจำเป็นต้องกรอก' "$TEST_OUT/check.txt" "Thai: the fee must be stated"
expect_grep 'services/bmn-data-request.yaml:1:1: error: ไม่มีฟิลด์ "documents" ซึ่งจำเป็นต้องกรอก' "$TEST_OUT/check.txt" "Thai: the documents must be stated"
expect_grep 'participation/2569/forum-na-duang-savings.md:18:22: error: ไม่พบโครงการรหัส "2569-2" (projects:)' "$TEST_OUT/check.txt" "Thai: an unknown project id at line:col"
expect_grep 'participation/2569/hearing-chiang-khan-fabric.md:4:7: error: วันที่อยู่นอกปีงบประมาณ 2569' "$TEST_OUT/check.txt" "Thai: a date outside the folder's fiscal year"
# no activity in FY2569: check warns about O19 and the OIT page says the same
c=$TEST_OUT/c3
cp -r "$TOP/content" "$c"
rm -r "$c/participation"
run_prongsai build -q -C "$c" -o "$TEST_OUT/s3" --today $today 2>/dev/null
run_prongsai check -C "$c" --today $today 2>"$TEST_OUT/check3.txt"
expect_grep 'O19: ไม่ทราบวันที่ของหลักฐาน' "$TEST_OUT/check3.txt" "no activity: check warns about O19"
python3 "$TOP/tests/lib/oit-agree.py" "$TEST_OUT/s3" "$TEST_OUT/check3.txt" 2569 >"$TEST_OUT/agree.txt" &&
	pass "no activity: the OIT page shows exactly check's warnings" || fail "page and check disagree: $(cat "$TEST_OUT/agree.txt")"
finish
