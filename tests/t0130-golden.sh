#!/usr/bin/env bash
# Golden pages: each page type of the mini fixture, rendered as of
# 2026-04-15, must equal tests/golden/.  After an intended change:
#   UPDATE_GOLDEN=1 tests/run t0130   (then review `git diff tests/golden`)
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
make_case "$TEST_OUT/c"
mkdir -p "$TEST_OUT/c/forms"
cp "$TOP"/content/forms/*.yaml "$TEST_OUT/c/forms/" 2>/dev/null
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
feeds/news.xml feeds/updates.xml sitemap.xml robots.txt search/index.json"
for p in $pages; do
	g="$TOP/tests/golden/${p//\//__}"
	if [ "${UPDATE_GOLDEN:-0}" = 1 ]; then
		mkdir -p "$TOP/tests/golden"; cp "$TEST_OUT/site/$p" "$g"; pass "updated $p"; continue
	fi
	if [ ! -f "$TEST_OUT/site/$p" ]; then fail "$p not generated"; continue; fi
	if diff -u "$g" "$TEST_OUT/site/$p" >"$TEST_OUT/diff" 2>&1; then pass "$p"
	else fail "$p differs from its golden file"; head -40 "$TEST_OUT/diff" >&2; fi
done
finish
