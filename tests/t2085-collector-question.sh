#!/usr/bin/env bash
# Issue 15, O3 and O10: a question (the form of kind question) is stored
# like a general complaint (a tracking code, its personal fields sealed,
# read with prongsai inbox) and nothing personal of it reaches public/; its
# tracking page is built (and says it is a question), but it is counted
# only on the e-service page, never in the complaint statistics.  A lookup from the tracking page
# (lookup=1) adds one to its month's count and keeps nothing else; the
# answer after a submission is not a lookup.  The build shows both counts
# under the small-count rule.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/collector.sh"

URL=application/x-www-form-urlencoded
cl_setup "$TEST_OUT/site" || finish
NAME=Canaryname7Q PHONE=0899990007 EMAIL=canary7q@example.org DETAIL=Canarydetail7Q
out=$(cl_cgi POST /question "$URL" "subject=Canarysubject7Q&detail=$DETAIL&district=dan-sai&name=$NAME&phone=$PHONE&email=$EMAIL&consent=yes&website=" 2>"$TEST_OUT/err")
expect_eq "$(cl_status "$out")" 303 "a question is stored (303)"
code=$(printf '%s\n' "$out" | sed -n 's/^Location: .*track?code=\([0-9A-Z-]*\).*/\1/p' | tr -d '\r')
expect_eq "${#code}" 19 "... with a tracking code, like a complaint"
expect_eq "$(cl_count "form_id = 'question' AND kind = 'complaint' AND channel = 'general' AND code = '$code'")" 1 "stored as a general complaint of the form question"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM submission_values v JOIN submissions s ON s.id = v.submission_id WHERE s.code = '$code' AND v.name IN ('name', 'phone', 'email')")" 0 "its name, phone and e-mail are sealed, not stored in clear"
expect_eq "$(sqlite3 "$CL_DB" "SELECT kind FROM forms WHERE id = 'question'")" complaint "the installed form is a complaint form to the collector"
"$PRONGSAI" inbox show "$code" --db "$CL_DB" -C "$TOP/content" --key "$CL_KEY" >"$TEST_OUT/show.txt" 2>&1
expect_grep "$NAME" "$TEST_OUT/show.txt" "prongsai inbox show reads the question with the key"
# the answer right after the submission is not a lookup; the tracking page's form is
before=$(sqlite3 "$CL_DB" "SELECT coalesce(sum(count), 0) FROM lookup_counts")
cl_cgi GET /track "" "" QUERY_STRING="code=$code" >/dev/null 2>&1
expect_eq "$(sqlite3 "$CL_DB" "SELECT coalesce(sum(count), 0) FROM lookup_counts")" "$before" "the answer after a submission is not counted"
for i in 1 2 3 4 5 6; do cl_cgi GET /track "" "" QUERY_STRING="code=$code&lookup=1" >/dev/null 2>&1; done
month=$(TZ=Asia/Bangkok date +%Y-%m)
expect_eq "$(sqlite3 "$CL_DB" "SELECT count FROM lookup_counts WHERE month = '$month'")" 6 "six lookups from the tracking page: six in this month's count"
expect_eq "$(sqlite3 "$CL_DB" "SELECT group_concat(name) FROM pragma_table_info('lookup_counts')")" "month,count" "a lookup keeps its month and nothing else"
expect_eq "$(sqlite3 "$CL_DB" "SELECT count(*) FROM lookup_counts WHERE month LIKE '%$code%' OR length(month) <> 7")" 0 "no code in the counts"
# the build: a tracking page, no personal data, counted only as e-service use
p=$TEST_OUT/public
run_prongsai build -q -C "$TOP/content" -o "$p" --db "$CL_DB" 2>"$TEST_OUT/build.txt"
expect_eq "$?" 0 "build --db"
[ -f "$p/track/$code/index.html" ] && pass "the question has its tracking page" || fail "no tracking page for the question"
expect_grep 'คำถาม <span lang="en">(Question)</span>' "$p/track/$code/index.html" "its tracking page says it is a question"
expect_no_grep 'ไม่ระบุ <span lang="en">(not given)' "$p/track/$code/index.html" "... not a complaint of no category"
expect_no_grep 'ผู้ร้องเรียน' "$p/track/$code/index.html" "... and does not call its sender a complainant"
grep -rlF -e "$NAME" -e "$PHONE" -e "$EMAIL" -e "$DETAIL" -e Canarysubject7Q "$p" >"$TEST_OUT/leak.txt"
expect_eq "$(wc -l <"$TEST_OUT/leak.txt")" 0 "nothing of the question (name, phone, e-mail, subject, text) is in public/"
e=$p/e-service/index.html
python3 - "$p" "$month" <<'PY' && pass "e-service: this month, one question shows as น้อยกว่า 5 and six lookups as 6" || fail "e-service counts"
import csv, sys
rows = list(csv.DictReader(open(f"{sys.argv[1]}/e-service/statistics.csv", encoding="utf-8-sig")))
got = {r["service"]: r["count"] for r in rows if r["month"] == sys.argv[2]}
assert got["question"] == "น้อยกว่า 5", got
assert got["track"] == "6", got
PY
python3 - "$p" "$month" <<'PY' && pass "complaint statistics leave the question out" || fail "the question was counted as a complaint"
import csv, sys
y, m = map(int, sys.argv[2].split("-"))
fy = y + 543 + (m >= 10)
rows = list(csv.DictReader(open(f"{sys.argv[1]}/complaints/statistics.csv", encoding="utf-8-sig")))
mon = [r for r in rows if r["fiscal_year"] == str(fy) and r["breakdown"] == "month" and r["key"] == sys.argv[2]]
assert mon and mon[0]["total"] == "0", mon
PY
finish
