#!/usr/bin/env bash
# variants: release
# The revision history at 360 px in headless Chromium (tests/browser/
# history.mjs): a report corrected in a second commit of a real git
# repository; the project page's section, its correction mark as a
# 44 px target leading to the entry, and the revisions page (issue 16).
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
. "$TOP/tests/lib/webserver"
[ -d "$TOP/node_modules/playwright-core" ] || { fail "node_modules missing: run make deps-node"; finish; }
[ -x /usr/bin/chromium ] || { fail "chromium missing: make deps-test"; finish; }
ws_available lighttpd || { fail "lighttpd missing: make deps-test"; finish; }
export GIT_CONFIG_NOSYSTEM=1 HOME=$TEST_OUT/home
mkdir -p "$HOME"
git config --global init.defaultBranch main
r=$TEST_OUT/r
report=progress/2569/2569-001/2026-03-25.yaml
make_case "$r"
sed -i 's/^disbursed: .*/disbursed: 500000/' "$r/$report"
(cd "$r" && git init -q && git add -A && GIT_AUTHOR_NAME="นายสมชาย ทดสอบ" GIT_AUTHOR_EMAIL=somchai@users.noreply.invalid \
	GIT_COMMITTER_NAME=ci GIT_COMMITTER_EMAIL=ci@example.invalid GIT_COMMITTER_DATE=2026-03-26T10:00:00+07:00 \
	git commit -qm first) || fail "first commit"
sed -i 's/^disbursed: .*/disbursed: 350000\ncorrection: ใบเสร็จซ้ำซ้อน/' "$r/$report"
(cd "$r" && GIT_AUTHOR_NAME="Outsider Person" GIT_AUTHOR_EMAIL=outsider@example.org GIT_COMMITTER_NAME=ci \
	GIT_COMMITTER_EMAIL=ci@example.invalid GIT_COMMITTER_DATE=2026-04-02T09:30:00+07:00 git commit -qam fix) || fail "fix commit"
site=$TEST_OUT/site
mkdir -p "$TEST_OUT/db"
run_prongsai build -q -C "$r" -o "$site" --today 2026-04-20 --db "$TEST_OUT/db/prongsai.db" 2>"$TEST_OUT/build.err"
expect_eq "$?" 0 "the site builds from the repository"
ws_start lighttpd "$site" "$TEST_OUT/db/prongsai.db" "$TEST_OUT/run" || { fail "lighttpd did not start"; finish; }
trap ws_stop EXIT
BASE_URL=$WS_URL/ OUT_DIR=$TEST_OUT node "$TOP/tests/browser/history.mjs"
expect_eq "$?" 0 "the history is seen at 360 px (details above)"
finish
