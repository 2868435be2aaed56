#!/usr/bin/env bash
# Golden pages: each page type of the mini fixture, rendered as of
# 2026-04-15, must equal tests/golden/.  After an intended change:
#   UPDATE_GOLDEN=1 tests/run t0130   (then review `git diff tests/golden`)
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
make_case "$TEST_OUT/c"
mkdir -p "$TEST_OUT/c/forms"
cp "$TOP"/content/forms/*.yaml "$TEST_OUT/c/forms/" 2>/dev/null
# issue 4: a staff response (content only, no database) and sample submissions
mkdir -p "$TEST_OUT/c/complaints"
cat >"$TEST_OUT/c/complaints/7NJ6-QX11-GG92-2QTE.yaml" <<'Y'
category: service
history:
  - {date: 2026-01-05, status: received, note: ได้รับเรื่องแล้ว, note_en: Received.}
  - {date: 2026-01-20, status: resolved, note: แก้ไขแล้ว, reason: ดำเนินการตามข้อร้องเรียนแล้ว}
summary: ปรับปรุงจุดบริการแล้ว
publish_summary: true
Y
cat >"$TEST_OUT/c/sample-submissions.yaml" <<'Y'
submissions:
  - {form: complaint, code: 7NJ6-QX11-GG92-2QTE, date: 2026-01-04, category: service, district: dan-sai}
  - {form: corruption, code: 0000-0000-0000-0000, date: 2026-02-01, category: bribery}
  - {form: satisfaction, date: 2026-03-01, speed: 5, courtesy: 4, clarity: 4, process: 3, transparency: 5, overall: 5, project: 2569-001}
  - {form: satisfaction, date: 2026-03-02, speed: 3, courtesy: 4, clarity: 2, process: 3, transparency: 4, overall: 3}
  - {form: system-satisfaction, date: 2026-03-03, respondent: staff, find: 4, current: 4, trust: 5, mobile: 3, reporting: 4, overall: 4}
  - {form: system-satisfaction, date: 2026-03-04, respondent: public, find: 5, current: 3, trust: 4, mobile: 5, overall: 3, project: 2569-001}
Y
# issue 15: the OIT records (a participation activity, a service guide
# without fee or documents, the corruption-complaint guideline)
mkdir -p "$TEST_OUT/c/participation/2569" "$TEST_OUT/c/services"
cat >"$TEST_OUT/c/participation/2569/forum-dan-sai.md" <<'Y'
---
topic: เวทีประชาคมจัดลำดับความต้องการอาชีพ ตำบลด่านซ้าย
date: 2026-01-20
format: forum
district: dan-sai
participants:
  - {group: ผู้นำชุมชน, count: 12}
  - {group: ประชาชน, count: 40}
outcome: จัดลำดับอาชีพที่ต้องการ 3 อันดับ
changes: ปรับหลักสูตรการฝึกอาชีพตามผลประชาคม
projects: [2569-001]
links:
  - {label: ข่าวการประชุม, url: news/2026-01-05-meeting/index.html}
---
Y
cp "$TOP/content/services/bmn-data-request.yaml" "$TEST_OUT/c/services/"
cp "$TOP/content/corruption-guideline.yaml" "$TEST_OUT/c/"
run_prongsai build -q -C "$TEST_OUT/c" -o "$TEST_OUT/site" --today 2026-04-15 || fail "build"
pages="index.html projects/index.html projects/2569/index.html projects/2569/group/strategy/index.html
projects/2569/status/behind/index.html projects/2569-001/index.html projects/2569-002/index.html
news/index.html news/2026-01-05-meeting/index.html about/index.html 404.html
forms/index.html forms/complaint/index.html forms/corruption/index.html forms/satisfaction/index.html
forms/complaint/thanks/index.html
dashboard/index.html reports/index.html reports/2569/half-year/index.html reports/2569/annual/index.html
oit/index.html oit/2569/index.html procurement/index.html procurement/2569/index.html
procurement/2569/02/index.html data/index.html search/index.html
data/projects.csv data/progress.json data/procurement.csv data/datapackage.json data/oc4ids.json
feeds/news.xml feeds/updates.xml sitemap.xml robots.txt search/meta.js search/d/0.js
track/index.html track/7NJ6-QX11-GG92-2QTE/index.html track/0000-0000-0000-0000/index.html
complaints/index.html complaints/2569/index.html complaints/statistics.csv
surveys/index.html surveys/satisfaction/index.html data/survey-results.csv
print/index.html print/projects/2569-001/index.html print/poster/index.html print/announcement/index.html
participation/index.html participation/2569/index.html services/index.html corruption-guideline/index.html
forms/system-satisfaction/index.html forms/system-satisfaction/respondent/staff/index.html
surveys/system-satisfaction/index.html data/survey-indicator.csv"
# assets' fingerprints (name.HASH.ext, t2160) as name.HASH.ext, so that a
# theme file's change does not change every golden page
unprint() { sed -E 's/\.[0-9a-f]{16}\.(css|js|svg|woff2)\b/.HASH.\1/g' "$1"; }
for p in $pages; do
	g="$TOP/tests/golden/${p//\//__}"
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
		mkdir -p "$TOP/tests/golden"; unprint "$TEST_OUT/site/$p" >"$g"; pass "updated $p"; continue
	fi
	if [ ! -f "$TEST_OUT/site/$p" ]; then fail "$p not generated"; continue; fi
	if unprint "$TEST_OUT/site/$p" | diff -u "$g" - >"$TEST_OUT/diff" 2>&1; then pass "$p"
	else fail "$p differs from its golden file"; head -40 "$TEST_OUT/diff" >&2; fi
done
finish
