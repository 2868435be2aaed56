#!/usr/bin/env bash
# prongsai import, the commit path: a queued progress report (and its photo)
# becomes one commit in a real git repository with the officer as author
# (name from people.yaml, <id>@users.noreply.invalid without an e-mail),
# the site as committer, the Thai message and the Prongsai-Queue trailer,
# touching only the entry's files; the queue row is settled 'committed'
# with the commit id, the work tree and index follow, and the site is
# rebuilt.  A second run commits nothing more.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/staffq.sh"
S=$TEST_OUT/site
DB=$TEST_OUT/var/staff.db
mkdir -p "$TEST_OUT/var"
make_site_repo "$S"
make_staff_db "$DB"
start=$(git -C "$S" rev-parse HEAD)
printf 'date: 2569-03-20\nreporter: malee\npercent: 60\ndisbursed: 150000\nnarrative: ประชุมคณะทำงานแล้ว\n' >"$TEST_OUT/r.yaml"
printf '\xff\xd8\xff\xe0 not really a photo' >"$TEST_OUT/p.jpg"
id=$(enqueue "$DB" progress malee 2569-002 'รายงานความก้าวหน้า 2569-002 ประจำเดือนมีนาคม' \
	progress/2569/2569-002/2026-03-20.yaml="$TEST_OUT/r.yaml")
imp() { (cd "$TOP" && run_prongsai import -C "$S/content" --staff-db "$DB" --today 2026-04-15 -o "$TEST_OUT/public" "$@"); }
imp 2>"$TEST_OUT/run1.log"
expect_eq "$?" 0 "import exits 0"
cat "$TEST_OUT/run1.log"
st=$(qstate "$DB" "$id")
head=$(git -C "$S" rev-parse HEAD)
expect_eq "$st" "committed|$head" "the entry is committed with the new HEAD as its commit_id"
expect_eq "$(git -C "$S" rev-parse HEAD^)" "$start" "exactly one commit on top of the old HEAD"
expect_eq "$(git -C "$S" log -1 --format='%an <%ae>')" "นางมาลี ทดสอบ <malee@users.noreply.invalid>" \
	"author: the officer's name from people.yaml, <id>@users.noreply.invalid when they have no e-mail"
expect_eq "$(git -C "$S" log -1 --format='%cn <%ce>')" "สำนักงานทดสอบ <test@example.go.th>" \
	"committer: the site (site.yaml name and e-mail)"
expect_eq "$(git -C "$S" log -1 --format=%s)" "รายงานความก้าวหน้า 2569-002 ประจำเดือนมีนาคม" "the Thai message"
expect_eq "$(git -C "$S" log -1 --format='%(trailers:key=Prongsai-Queue,valueonly)' | head -1)" "$id" "the Prongsai-Queue trailer"
expect_eq "$(git -C "$S" diff --name-only HEAD^ HEAD)" "content/progress/2569/2569-002/2026-03-20.yaml" "only the entry's file changed"
expect_eq "$(git -C "$S" show HEAD:content/progress/2569/2569-002/2026-03-20.yaml | sha256sum)" "$(sha256sum <"$TEST_OUT/r.yaml")" "the file committed byte for byte"
expect_eq "$(git -C "$S" status --porcelain)" "" "work tree and index follow the commit (git status clean)"
expect_grep "2569-002" "$TEST_OUT/public/projects/2569-002/index.html" "the site was rebuilt"
expect_grep "commit ${head:0:12}" "$TEST_OUT/run1.log" "progress output names the commit"
# a photo under media/ with a second entry, and a person with an office e-mail
cp "$TEST_OUT/r.yaml" "$TEST_OUT/r2.yaml"
sed -i 's/^percent: 60/percent: 70/; s/^date: .*/date: 2569-03-28/' "$TEST_OUT/r2.yaml"
id2=$(enqueue "$DB" progress malee 2569-002 'รายงานพร้อมภาพ' progress/2569/2569-002/2026-03-28.yaml="$TEST_OUT/r2.yaml" \
	media/progress/2569/2569-002/2026-03-28-1.jpg="$TEST_OUT/p.jpg")
imp -q 2>"$TEST_OUT/run2.log"
expect_eq "$?" 0 "second entry imported"
expect_eq "$(git -C "$S" diff --name-only HEAD^ HEAD | tr '\n' ' ')" \
	"content/media/progress/2569/2569-002/2026-03-28-1.jpg content/progress/2569/2569-002/2026-03-28.yaml " \
	"report and photo in one commit"
expect_eq "$(qstate "$DB" "$id2")" "committed|$(git -C "$S" rev-parse HEAD)" "second entry committed"
expect_eq "$(wc -c <"$TEST_OUT/run2.log")" 0 "-q prints nothing when all went well"
# nothing queued: nothing happens
before=$(git -C "$S" rev-parse HEAD)
imp 2>"$TEST_OUT/run3.log"
expect_eq "$?" 0 "an empty queue exits 0"
expect_eq "$(git -C "$S" rev-parse HEAD)" "$before" "an empty queue commits nothing"
# the same files again: nothing to commit, settled as unchanged
id3=$(enqueue "$DB" progress malee 2569-002 'ซ้ำ' progress/2569/2569-002/2026-03-28.yaml="$TEST_OUT/r2.yaml")
imp -q 2>/dev/null
expect_eq "$(git -C "$S" rev-parse HEAD)" "$before" "identical files make no empty commit"
expect_eq "$(sqlite3 "$DB" "SELECT state FROM queue WHERE id=$id3")" "committed" "identical files: settled"
expect_grep "unchanged" <(sqlite3 "$DB" "SELECT reason FROM queue WHERE id=$id3") "identical files: reason says unchanged"
# --help and a usage error
run_prongsai import --help >"$TEST_OUT/help" 2>&1
expect_eq "$?" 0 "--help exits 0"
expect_grep "--follow" "$TEST_OUT/help" "--help lists --follow"
run_prongsai import --bogus 2>/dev/null
expect_eq "$?" 2 "an unknown option exits 2"
run_prongsai import --staff-db "$TEST_OUT/none.db" -C "$S/content" 2>"$TEST_OUT/nodb"
expect_eq "$?" 2 "a missing staff database exits 2"
finish
