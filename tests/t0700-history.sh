#!/usr/bin/env bash
# The revision history from git (issue 16): real repositories built here.
# A report's disbursed 500,000 -> 350,000 in a second commit shows both
# values, the date and the author on the project page, in
# data/revisions.csv and in feeds/revisions.xml; officers are named from
# people.yaml (noreply e-mail, own e-mail, office e-mail + name), others by
# their git name, never their e-mail.  The cache beside the output makes a
# build read only new commits; a corrupt cache means a full read.  Edge
# cases: content/ not in git, content/ as a folder of the repository, a
# rename, a merge, a shallow clone, history rewritten by a force push.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
export GIT_CONFIG_NOSYSTEM=1 HOME=$TEST_OUT/home
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global protocol.file.allow always
# commit DIR NAME EMAIL DATE MESSAGE: commit everything as NAME <EMAIL> at DATE
commit() {
	(cd "$1" && git add -A && GIT_AUTHOR_NAME="$2" GIT_AUTHOR_EMAIL="$3" GIT_AUTHOR_DATE="$4" \
		GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid GIT_COMMITTER_DATE="$4" \
		git commit -qm "$5") || fail "commit $5"
}
report=progress/2569/2569-001/2026-03-25.yaml
build() { # build DIR OUT [args]: build DIR's content into OUT, stderr in OUT.err
	local d=$1 o=$2; shift 2
	run_prongsai build -C "$d" -o "$o" --today 2026-04-20 --theme "$TOP/themes/default" "$@" 2>"$o.err"
}

# ---- a report corrected in a second commit ----
r=$TEST_OUT/r1
make_case "$r"
sed -i 's/^disbursed: .*/disbursed: 500000/' "$r/$report"
(cd "$r" && git init -q) || fail "git init"
commit "$r" "นายสมชาย ทดสอบ" somchai@users.noreply.invalid "2026-03-26T10:00:00+07:00" "first reports"
sed -i 's/^disbursed: .*/disbursed: 350000\ncorrection: ใบเสร็จซ้ำซ้อน/' "$r/$report"
commit "$r" "Outsider Person" outsider@evil.example "2026-04-02T09:30:00+07:00" "correct disbursed"
build "$r" "$TEST_OUT/p1"; expect_eq "$?" 0 "builds from a git repository"
page=$TEST_OUT/p1/projects/2569-001/index.html
expect_grep 'ประวัติการแก้ไข' "$page" "project page has the history section"
expect_grep '<del>500,000.00</del> → <ins>350,000.00</ins>' "$page" "old and new disbursed on the page"
expect_grep '2 เม.ย. 2569</time> · Outsider Person' "$page" "date and author of the correction"
expect_grep 'ใบเสร็จซ้ำซ้อน' "$page" "the correction reason"
expect_grep 'class="corrected" href="#rev-' "$page" "the corrected report carries a mark linking to its entry"
expect_grep 'แก้ไขเมื่อ 2 เม.ย. 2569' "$page" "the mark says when"
expect_grep 'เผยแพร่ 26 มี.ค. 2569 โดย นายสมชาย ทดสอบ' "$page" "first publication: when and by whom (noreply e-mail = officer)"
csv=$TEST_OUT/p1/data/revisions.csv
expect_grep "2026-04-02,progress,2569-001,$report,disbursed,500000,350000,Outsider Person,,ใบเสร็จซ้ำซ้อน," "$csv" "revisions.csv row"
expect_eq "$(grep -c . "$csv")" 2 "one row per changed field"
expect_grep '"old_value":"500000","new_value":"350000"' "$TEST_OUT/p1/data/revisions.json" "revisions.json row"
expect_grep '500000 → 350000 · Outsider Person' "$TEST_OUT/p1/feeds/revisions.xml" "feed entry"
expect_grep 'projects/2569-001/index.html#rev-' "$TEST_OUT/p1/feeds/revisions.xml" "feed entry links to the change"
expect_grep 'Outsider Person' "$TEST_OUT/p1/revisions/index.html" "site-wide revisions page"
expect_grep '"name":"revisions","path":"revisions.csv"' "$TEST_OUT/p1/data/datapackage.json" "revisions in the data package"
expect_no_grep 'evil.example' "$TEST_OUT/p1" "no author e-mail on the site"
expect_no_grep 'evil.example' "$TEST_OUT/.p1-history" "no author e-mail in the cache"
expect_grep 'history: 2 new commits' <(cat "$TEST_OUT/p1.err"; run_prongsai build -C "$r" -o "$TEST_OUT/p1" --lang en --today 2026-04-20 --theme "$TOP/themes/default" --history-cache "$TEST_OUT/fresh-cache" 2>&1) "a build without a cache reads every commit"

# ---- timeliness: from the commit that published each report ----
# all three first published 2026-03-26, due the 5th of the next month:
# 2026-03-25 on time; 2025-12-20 (due 2026-01-05) and 2026-01-10 late
tl=$TEST_OUT/p1/data/timeliness.csv
expect_grep 'office,,สำนักงานทดสอบ,3,1,33.33,5,' "$tl" "the office: 1 of 3 on time"
expect_grep 'group,strategy,' "$tl" "per group"
expect_grep 'officer,somchai,นายสมชาย ทดสอบ,2,1,50.00,5,' "$tl" "per officer"
expect_grep 'officer,malee,นางมาลี ทดสอบ,1,0,0.00,5,' "$tl" "an officer with no report on time"
expect_grep 'การส่งรายงานตรงเวลา' "$TEST_OUT/p1/dashboard/index.html" "on the dashboard"
expect_grep '<td class="num">33.33%</td>' "$TEST_OUT/p1/dashboard/index.html" "the office's share on the dashboard"

# ---- the cache: only new commits are read ----
run_prongsai build -C "$r" -o "$TEST_OUT/p1" --lang en --today 2026-04-20 --theme "$TOP/themes/default" 2>"$TEST_OUT/e2"
expect_grep 'history: 0 new commits, 1 changes' "$TEST_OUT/e2" "a second build reads nothing new"
sed -i 's/^percent: .*/percent: 55/' "$r/progress/2569/2569-002/2026-01-10.yaml"
commit "$r" "นางมาลี ทดสอบ" test@example.go.th "2026-04-05T08:00:00+07:00" "office e-mail, officer's name"
run_prongsai build -C "$r" -o "$TEST_OUT/p1" --lang en --today 2026-04-20 --theme "$TOP/themes/default" 2>"$TEST_OUT/e3"
expect_grep 'history: 1 new commits, 2 changes' "$TEST_OUT/e3" "after one commit only that commit is read"
expect_grep ',percent,50,55,นางมาลี ทดสอบ,malee,' "$csv" "office e-mail with an officer's name is that officer"
cp "$csv" "$TEST_OUT/incremental.csv"
head -c 200 "$TEST_OUT/.p1-history" >"$TEST_OUT/trunc" && mv "$TEST_OUT/trunc" "$TEST_OUT/.p1-history"
run_prongsai build -C "$r" -o "$TEST_OUT/p1" --lang en --today 2026-04-20 --theme "$TOP/themes/default" 2>"$TEST_OUT/e4"
expect_eq "$?" 0 "a corrupt cache does not fail the build"
expect_grep 'history: 3 new commits' "$TEST_OUT/e4" "a corrupt cache means a full read"
expect_eq "$(cmp -s "$csv" "$TEST_OUT/incremental.csv" && echo same)" same "the full read gives what the incremental reads gave"
sed -i 's/^budget: {allocated: "1,000,000.00"/budget: {allocated: "1,100,000.00"/' "$r/projects/2569/2569-001.md"
commit "$r" "Somebody Else" else@example.org "2026-04-06T08:00:00+07:00" "re-allocation"
build "$r" "$TEST_OUT/p1"
expect_grep '<del>1,000,000.00</del> → <ins>1,100,000.00</ins>' "$page" "a budget re-allocation is listed"
expect_grep '<strong>งบประมาณที่ได้รับ (บาท)</strong>' "$page" "labelled as the allocated budget"

# ---- content/ not in git: quietly no history ----
n=$TEST_OUT/nogit
make_case "$n"
GIT_CEILING_DIRECTORIES=$TEST_OUT build "$n" "$TEST_OUT/p2"; expect_eq "$?" 0 "builds without git"
expect_grep 'ไม่มีประวัติการแก้ไขให้แสดง' "$TEST_OUT/p2/projects/2569-001/index.html" "the section says the history is not available"
expect_no_grep 'คำเตือน' "$TEST_OUT/p2.err" "no warning without git"
expect_eq "$(grep -c . "$TEST_OUT/p2/data/revisions.csv")" 1 "revisions.csv has its header only"
expect_eq "$(grep -c . "$TEST_OUT/p2/data/timeliness.csv")" 1 "timeliness.csv has its header only"
expect_grep 'ยังคำนวณไม่ได้' "$TEST_OUT/p2/dashboard/index.html" "the dashboard says timeliness needs the history"
echo "report_due_day: 28" >>"$n/site.yaml"
run_prongsai check -C "$n" --today 2026-04-20; expect_eq "$?" 0 "report_due_day 28 (the cap) is accepted"
sed -i 's/^report_due_day: 28/report_due_day: 29/' "$n/site.yaml"
run_prongsai check -C "$n" --today 2026-04-20 --lang en 2>"$TEST_OUT/due.err"; expect_eq "$?" 1 "report_due_day 29 is an error"
expect_grep 'site.yaml:' "$TEST_OUT/due.err" "the error names the file"
sed -i '/^report_due_day:/d' "$n/site.yaml"
build "$n" "$TEST_OUT/p2b" --no-history
expect_grep 'ไม่มีประวัติการแก้ไขให้แสดง' "$TEST_OUT/p2b/projects/2569-001/index.html" "--no-history: not available"

# ---- content/ in a folder of the repository; a rename; a merge ----
s=$TEST_OUT/r2
mkdir -p "$s" && make_case "$s/content"
(cd "$s" && git init -q && echo readme >README) || fail "git init r2"
commit "$s" "นายสมชาย ทดสอบ" somchai@users.noreply.invalid "2026-03-26T10:00:00+07:00" "first"
(cd "$s/content/progress/2569/2569-002" && git mv 2026-01-10.yaml 2026-01-11.yaml && sed -i 's/^date: .*/date: 2026-01-11/' 2026-01-11.yaml) || fail "rename"
commit "$s" "นายสมชาย ทดสอบ" somchai@users.noreply.invalid "2026-03-27T10:00:00+07:00" "rename"
sed -i 's/^percent: .*/percent: 60/' "$s/content/progress/2569/2569-002/2026-01-11.yaml"
commit "$s" "นายสมชาย ทดสอบ" somchai@users.noreply.invalid "2026-03-28T10:00:00+07:00" "change after the rename"
(cd "$s" && git checkout -qb side) || fail "branch"
sed -i 's/^percent: .*/percent: 45/' "$s/content/$report"
commit "$s" "Side Author" side@example.org "2026-03-29T10:00:00+07:00" "side change"
(cd "$s" && git checkout -q main) || fail "checkout main"
echo more >>"$s/README"
commit "$s" "Main Author" main@example.org "2026-03-30T10:00:00+07:00" "main change"
(cd "$s" && GIT_AUTHOR_DATE="2026-03-31T10:00:00+07:00" GIT_COMMITTER_DATE="2026-03-31T10:00:00+07:00" \
	git -c user.name=m -c user.email=m@example.org merge -q --no-ff side -m merge) || fail "merge"
build "$s/content" "$TEST_OUT/p3"; expect_eq "$?" 0 "builds from content/ inside a repository"
c3=$TEST_OUT/p3/data/revisions.csv
expect_grep 'progress/2569/2569-002/2026-01-11.yaml,percent,50,60' "$c3" "a change after a rename is under the new path"
expect_grep 'เผยแพร่ 26 มี.ค. 2569 โดย นายสมชาย ทดสอบ' "$TEST_OUT/p3/projects/2569-002/index.html" "the renamed report keeps its first publication"
expect_eq "$(grep -c "$report,percent,40,45,Side Author" "$c3")" 1 "a merged branch's change is listed once, by its author"
expect_no_grep 'README' "$c3" "files outside content/ are not read"

# ---- a shallow clone ----
(cd "$TEST_OUT" && git clone -q --depth 1 "file://$r" shallow) || fail "shallow clone"
build "$TEST_OUT/shallow" "$TEST_OUT/p4"; expect_eq "$?" 0 "a shallow clone builds"
expect_grep 'ประวัติที่แสดงเริ่มตั้งแต่ 6 เม.ย. 2569' "$TEST_OUT/p4/projects/2569-001/index.html" "the history says where it starts"
expect_grep 'มีอยู่แล้วเมื่อประวัติเริ่มต้น' "$TEST_OUT/p4/projects/2569-001/index.html" "files there at the start are not called published then"

# ---- history rewritten by a force push ----
(cd "$TEST_OUT" && git clone -q "file://$r" forced) || fail "clone"
f=$TEST_OUT/forced
build "$f" "$TEST_OUT/p5"
(cd "$f" && git reset -q --hard HEAD~2) || fail "reset"
sed -i 's/^percent: .*/percent: 42/' "$f/$report"
commit "$f" "Rewriter" rw@example.org "2026-04-10T08:00:00+07:00" "rewritten"
(cd "$f" && git reflog expire --expire=now --all && git gc -q --prune=now) || fail "gc"
build "$f" "$TEST_OUT/p5"; expect_eq "$?" 0 "a rewritten history never fails the build"
expect_grep 'ถูกเขียนใหม่หลังวันที่ 2 เม.ย. 2569' "$TEST_OUT/p5/projects/2569-001/index.html" "the page says after which date the history was rewritten"
expect_grep ',percent,40,42,Rewriter' "$TEST_OUT/p5/data/revisions.csv" "the new history is read"
expect_no_grep 'นางมาลี' "$TEST_OUT/p5/data/revisions.csv" "the dropped commits are gone"
build "$f" "$TEST_OUT/p5"
expect_grep 'ถูกเขียนใหม่หลังวันที่' "$TEST_OUT/p5/projects/2569-001/index.html" "the notice stays on the next (cached) build"
finish
