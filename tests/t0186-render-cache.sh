#!/usr/bin/env bash
# variants: release
# Render only what changed (issue 17.2): a project's page and its print
# sheet are rendered again only when their inputs changed (render/inputs.h:
# the project's and its reports' files, their git history, and what every
# page shows), else linked from the live site; the cache lives beside the
# site (".<name>-render").  After each of a sequence of edits committed to
# a real git repository, the site equals a clean build byte for byte, and
# the pages not rendered again are exactly those whose inputs did not
# change.  A cache that is damaged, forged (right checksum, wrong hashes),
# deleted or outlived by a hand-edited live file costs renders, never a
# wrong page; a failed build leaves the cache as it was.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
export GIT_CONFIG_NOSYSTEM=1 HOME=$TEST_OUT/home
mkdir -p "$HOME"
git config --global init.defaultBranch main
c=$TEST_OUT/c theme=$TEST_OUT/theme site=$TEST_OUT/site clean=$TEST_OUT/clean today=2026-04-15
cache=$TEST_OUT/.site-render
make_case "$c"
cp -r "$TOP/themes/default" "$theme"
n=0
commit() { # commit MESSAGE: everything in content/, by an officer, a minute later each time
	n=$((n + 1))
	(cd "$c" && git add -A && GIT_AUTHOR_NAME="นางมาลี ทดสอบ" GIT_AUTHOR_EMAIL=malee@example.invalid \
		GIT_AUTHOR_DATE="2026-04-10T09:$(printf %02d $n):00+07:00" GIT_COMMITTER_NAME=ci \
		GIT_COMMITTER_EMAIL=ci@example.invalid GIT_COMMITTER_DATE="2026-04-10T09:$(printf %02d $n):00+07:00" \
		git commit -qm "$1") || fail "commit $1"
}
build() { run_prongsai build --lang en -C "$c" --theme "$theme" -o "$1" --today "$today"; }
listing() { (cd "$1" && find . -printf '%y %m %p\n' | sort && tree_sum .); }
same_as_clean() {
	rm -rf "$clean" "$TEST_OUT/.clean-render" "$TEST_OUT/.clean-manifest"
	build "$clean" 2>"$TEST_OUT/clean.err" || fail "$1: clean build: $(head -3 "$TEST_OUT/clean.err")"
	if [ -d "$clean" ] && diff <(listing "$clean") <(listing "$site") >"$TEST_OUT/diff.txt"; then
		pass "$1: the site equals a clean build"
	else
		fail "$1: the site differs from a clean build: $(head -5 "$TEST_OUT/diff.txt")"
	fi
}
# rebuild WHAT WANT: build the site; WANT pages must not have been rendered again
rebuild() {
	build "$site" 2>"$TEST_OUT/build.err" || fail "$1: build: $(head -3 "$TEST_OUT/build.err")"
	expect_eq "$(sed -n 's/.* \([0-9]*\) pages not rendered again.*/\1/p' "$TEST_OUT/build.err")" "$2" \
		"$1: $2 pages not rendered again"
}
page1=$site/projects/2569-001/index.html page2=$site/projects/2569-002/index.html
(cd "$c" && git init -q) || fail "git init"
commit "the office's content"

# 0. the first build renders everything and leaves the cache
rebuild "first build" 0
[ -f "$cache" ] && pass "the render cache is kept beside the site" || fail "no $cache"
expect_eq "$(head -1 "$cache")" "prongsai-render-cache 1" "the cache's first line"
expect_eq "$(grep -c ' projects/2569-00[12]/index.html$\| print/projects/2569-00[12]/index.html$' "$cache")" 4 \
	"the cache lists each project's page and print sheet"
expect_eq "$(grep -c ' about/index.html$\| dashboard/index.html$' "$cache")" 0 \
	"pages that read across all records are not cached (always rendered)"

# 1. no change: the four project pages are not rendered again
i1=$(stat -c %i "$page1")
rebuild "no change" 4
expect_eq "$(stat -c %i "$page1")" "$i1" "no change: a project page keeps its file"
same_as_clean "no change"

# 2. a report of 2569-002 edited: its two pages are rendered, 2569-001's are not
sed -i 's/^percent: 50/percent: 57/' "$c/progress/2569/2569-002/2026-01-10.yaml"
commit "report 2569-002"
rebuild "a report edited" 2
expect_grep '57' "$page2" "a report edited: the new figure is on its project's page"
expect_eq "$(stat -c %i "$page1")" "$i1" "a report edited: the other project's page is linked"
same_as_clean "a report edited"

# 3. a correction of 2569-001's report, committed: its history is on the page
sed -i 's/^disbursed: .*/disbursed: 12345\ncorrection: ใบเสร็จซ้ำ/' "$c/progress/2569/2569-001/2026-03-25.yaml"
commit "correct 2569-001"
rebuild "a correction" 2
expect_grep '12,345.00' "$page1" "a correction: the new value on the page"
expect_grep '<del>' "$page1" "a correction: the old value, struck through, in the page's history"
same_as_clean "a correction"

# 4. a report deleted: the project's page changes (the report and its
#    history go), the other's does not
git -C "$c" rm -q progress/2569/2569-001/2025-12-20.yaml
commit "remove a report"
rebuild "a report deleted" 2
same_as_clean "a report deleted"

# 5. what every page shows changes: a person renamed, a template, the date
sed -i 's/name: นางมาลี ทดสอบ/name: นางมาลี เปลี่ยนชื่อ/' "$c/people.yaml"
commit "rename"
rebuild "a person renamed" 0
expect_grep 'นางมาลี เปลี่ยนชื่อ' "$page2" "a person renamed: the new name on the project page"
same_as_clean "a person renamed"
echo '<!-- t0186 -->' >>"$theme/templates/project.html"
rebuild "a template changed" 0
expect_grep 't0186' "$page1" "a template changed: the page has it"
same_as_clean "a template changed"
today=2026-04-16
rebuild "another day" 0
same_as_clean "another day"
rebuild "the same day again" 4

# 6. a damaged cache: every page rendered, with a note; then whole again
sed -i '2s/^./x/' "$cache"
rebuild "damaged cache" 0
expect_grep "render cache cannot be read" "$TEST_OUT/build.err" "damaged cache: the build says so"
same_as_clean "damaged cache"
rebuild "after the damaged cache" 4
printf 'prongsai-render-cache 1\n' >"$cache"
rebuild "torn cache" 0
rm "$cache"
rebuild "cache deleted" 0
[ -f "$cache" ] && pass "cache deleted: written again" || fail "cache deleted: not written again"
rebuild "after the deleted cache" 4

# 7. a forged cache, checksum right: another page's content hash for a page,
#    and a fingerprint that is not the page's: both pages are rendered
python3 - "$cache" <<'EOF' || fail "forge the cache"
import hashlib, sys
p = sys.argv[1]
lines = open(p, 'rb').read().split(b'\n')[:-2]
by = {l.split(b' ')[2]: l.split(b' ') for l in lines[1:]}
a, b = by[b'projects/2569-001/index.html'], by[b'projects/2569-002/index.html']
a[1] = b[1]                 # 001's page "came out" as 002's bytes
pa = by[b'print/projects/2569-001/index.html']
pa[0] = b'0' * 64           # a fingerprint nobody has
out = [lines[0]] + [b' '.join(by[k]) for k in sorted(by)]
body = b'\n'.join(out) + b'\n'
open(p, 'wb').write(body + b'end %d %s\n' % (len(out) - 1, hashlib.blake2b(body, digest_size=32).hexdigest().encode()))
EOF
rebuild "forged cache" 2
same_as_clean "forged cache"

# 8. a live page edited by hand in place, mtime put back: rendered again
cp -p "$page1" "$TEST_OUT/p1.keep"
printf '>' | dd of="$page1" bs=1 seek=0 conv=notrunc status=none
touch -r "$TEST_OUT/p1.keep" "$page1"
rebuild "hand-edited live page" 3
same_as_clean "hand-edited live page"

# 9. a failed build leaves the cache and the site as they were
cp "$cache" "$TEST_OUT/cache.keep"
listing "$site" >"$TEST_OUT/site.keep"
echo '{{#broken}}' >>"$theme/templates/project.html"
build "$site" 2>"$TEST_OUT/build.err" && fail "a broken template: the build succeeded" \
	|| pass "a broken template: the build fails"
cmp -s "$cache" "$TEST_OUT/cache.keep" && pass "a failed build: the cache is as it was" \
	|| fail "a failed build changed the cache"
listing "$site" | cmp -s - "$TEST_OUT/site.keep" && pass "a failed build: the live site is as it was" \
	|| fail "a failed build changed the live site"
finish
