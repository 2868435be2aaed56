#!/usr/bin/env bash
# prongsai import goes through the same gate as a push.  In a checkout with
# a pre-receive hook, the hook is asked first: a refusal leaves the branch
# where it was and rejects the entry with the hook's messages.  In the
# production layout (docs/operations.md: a bare repository with
# cron/pre-receive and cron/post-receive, the work tree written by the
# hook), import pushes into the bare repository: cron/pre-receive checks
# it, cron/post-receive checks it out and rebuilds the site.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/staffq.sh"
DB=$TEST_OUT/var/staff.db
mkdir -p "$TEST_OUT/var"
make_staff_db "$DB"
printf 'date: 2569-03-20\nreporter: malee\npercent: 60\ndisbursed: 150000\nnarrative: ประชุมแล้ว\n' >"$TEST_OUT/r.yaml"
P=progress/2569/2569-002
# 1. a checkout whose pre-receive hook refuses
S=$TEST_OUT/site
make_site_repo "$S"
cat >"$S/.git/hooks/pre-receive" <<'SH'
#!/bin/sh
read -r old new ref
echo "hook saw $ref" >>"$GIT_DIR/hook-ran"
echo "ปฏิเสธโดย hook ทดสอบ (refused by the test hook)" >&2
exit 1
SH
chmod +x "$S/.git/hooks/pre-receive"
id=$(enqueue "$DB" progress malee 2569-002 'รายงาน' "$P/2026-03-20.yaml=$TEST_OUT/r.yaml")
start=$(git -C "$S" rev-parse HEAD)
(cd "$TOP" && run_prongsai import -C "$S/content" --staff-db "$DB" --today 2026-04-15 -o "$TEST_OUT/public" 2>"$TEST_OUT/refused.log")
expect_eq "$(git -C "$S" rev-parse HEAD)" "$start" "a refusing pre-receive hook keeps the branch where it was"
expect_eq "$(cat "$S/.git/hook-ran" 2>/dev/null)" "hook saw refs/heads/main" "the checkout's pre-receive hook was asked about main"
expect_eq "$(qstate "$DB" "$id")" "rejected|" "the entry is rejected"
expect_grep "refused by the test hook" <(sqlite3 "$DB" "SELECT reason FROM queue WHERE id=$id") "the hook's message is the reason"
expect_eq "$(git -C "$S" status --porcelain)" "" "the work tree is untouched"
# the shipped hook accepts a good entry in the checkout
rm -f "$S/.git/hook-ran"
install -m 755 "$TOP/cron/pre-receive" "$S/.git/hooks/pre-receive"
git -C "$S" config prongsai.bin "$PRONGSAI"
git -C "$S" config prongsai.log "$TEST_OUT/pre-receive.log"
id=$(enqueue "$DB" progress malee 2569-002 'รายงาน' "$P/2026-03-20.yaml=$TEST_OUT/r.yaml")
(cd "$TOP" && PRONGSAI_TODAY=2026-04-15 run_prongsai import -C "$S/content" --staff-db "$DB" --today 2026-04-15 -o "$TEST_OUT/public" 2>"$TEST_OUT/accepted.log")
expect_eq "$(qstate "$DB" "$id")" "committed|$(git -C "$S" rev-parse HEAD)" "cron/pre-receive in the checkout lets a good entry through"
expect_grep "ผ่านการตรวจ (passed)" "$TEST_OUT/pre-receive.log" "cron/pre-receive checked it"
# 2. production: a bare repository with both hooks; the work tree is the hook's
B=$TEST_OUT/prongsai.git
H=$TEST_OUT/home
git init -q --bare -b main "$B"
mkdir -p "$H"
install -m 755 "$TOP/cron/pre-receive" "$B/hooks/pre-receive"
install -m 755 "$TOP/cron/post-receive" "$B/hooks/post-receive"
git -C "$B" config prongsai.home "$H"
git -C "$B" config prongsai.bin "$PRONGSAI"
git -C "$B" config prongsai.out "$TEST_OUT/live"
git -C "$B" config prongsai.log "$TEST_OUT/hooks.log"
mkdir -p "$H/cron" && cp "$TOP/cron/rebuild" "$H/cron/" # post-receive runs $PRONGSAI_HOME/cron/rebuild
# the first push: the content and cron/ as the repository holds them
git -C "$S" push -q "$B" main 2>"$TEST_OUT/push0.log" || fail "first push: $(cat "$TEST_OUT/push0.log")"
export PRONGSAI_TODAY=2026-04-15 PRONGSAI_THEME=$TOP/themes/default
sed -i 's/^percent: 60/percent: 75/' "$TEST_OUT/r.yaml"
id=$(enqueue "$DB" progress malee 2569-002 'รายงานผ่าน push' "$P/2026-03-20.yaml=$TEST_OUT/r.yaml")
(cd "$TOP" && run_prongsai import --git-dir "$B" -C "$H/content" --staff-db "$DB" 2>"$TEST_OUT/bare.log")
expect_eq "$?" 0 "import into the bare repository exits 0"
cat "$TEST_OUT/bare.log"
expect_eq "$(qstate "$DB" "$id")" "committed|$(git -C "$B" rev-parse main)" "the bare repository's main is the entry's commit"
expect_eq "$(git -C "$B" log -1 --format=%an main)" "นางมาลี ทดสอบ" "author in the bare repository"
expect_grep "percent: 75" "$H/content/$P/2026-03-20.yaml" "cron/post-receive checked it out into the work tree"
expect_grep "published main" "$TEST_OUT/hooks.log" "cron/post-receive rebuilt the site"
[ -f "$TEST_OUT/live/projects/2569-002/index.html" ] && pass "the live site exists" || fail "no live site"
# a bad entry never reaches the bare repository
printf 'date: 2569-03-20\nreporter: malee\npercent: 160\ndisbursed: 150000\nnarrative: x\n' >"$TEST_OUT/bad.yaml"
before=$(git -C "$B" rev-parse main)
id=$(enqueue "$DB" progress malee 2569-002 'ผิด' "$P/2026-03-21.yaml=$TEST_OUT/bad.yaml")
(cd "$TOP" && run_prongsai import --git-dir "$B" -C "$H/content" --staff-db "$DB" 2>"$TEST_OUT/bare-bad.log")
expect_eq "$(git -C "$B" rev-parse main)" "$before" "a failing entry never reaches the bare repository"
expect_eq "$(qstate "$DB" "$id")" "rejected|" "and is rejected"
finish
