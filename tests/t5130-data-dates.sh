#!/usr/bin/env bash
# Dates a reader can trust (issue 11.10): each page states the date its
# data last changed, not the build date, and the OIT page flags exactly the
# items `prongsai check` warns about as evidence outside the required year.
. "$(dirname "$0")/lib/test-lib.sh"
for today in 2026-11-24 2026-12-20 2027-02-01; do
	site=$TEST_OUT/site-$today
	run_prongsai build -q -C "$TOP/content" -o "$site" --today "$today" 2>/dev/null
	expect_eq "$?" 0 "sample site builds for $today"
	page=$(grep -o '<tr id="O[0-9]*">.*นอกปีที่กำหนด' "$site/oit/2569/index.html" | grep -o '^<tr id="O[0-9]*"' | grep -o 'O[0-9]*' | sort | tr '\n' ' ')
	check=$(run_prongsai check -C "$TOP/content" --today "$today" 2>&1 | grep 'oit/2569.yaml' | grep -o 'O[0-9]*: หลักฐานไม่อยู่ในปีงบประมาณ' | cut -d: -f1 | sort | tr '\n' ' ')
	expect_eq "$page" "$check" "$today: the OIT page and check flag the same items as out of year"
	run_prongsai check -C "$TOP/content" --today "$today" 2>"$TEST_OUT/check-$today.txt"
	python3 "$TOP/tests/lib/oit-agree.py" "$site" "$TEST_OUT/check-$today.txt" 2569 >"$TEST_OUT/agree-$today.txt" &&
		pass "$today: every OIT finding on the page is a warning of check and back" ||
		fail "$today: OIT page and check disagree: $(cat "$TEST_OUT/agree-$today.txt")"
done
# the footer of a project page states its latest report's date, the same
# whatever day the site is built; never the build date
a=$TEST_OUT/site-2026-11-24 b=$TEST_OUT/site-2027-02-01
foot() { grep -o 'ปรับปรุงล่าสุด <time datetime="[0-9-]*"' "$1" | head -1 | grep -o '[0-9-]\{10\}'; }
last=$(ls "$TOP/content/progress/2569/2569-001/" | sort | tail -1); last=${last%.yaml}
expect_eq "$(foot "$a/projects/2569-001/index.html")" "$last" "project page: the date of its latest report"
expect_eq "$(foot "$b/projects/2569-001/index.html")" "$last" "project page: the same date in a later build"
expect_no_grep 'datetime="2027-02-01"' "$b/projects/2569-001/index.html" "project page: not the build date"
expect_no_grep 'ข้อมูล ณ วันที่ 1 ก.พ. 2570' "$b/about/index.html" "about page: no build date stated as the data's date"
expect_no_grep 'ข้อมูล ณ วันที่' "$b/index.html" "home page: no build date stated as the data's date"
finish
