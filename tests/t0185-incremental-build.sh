#!/usr/bin/env bash
# variants: release
# Write only what changed (issue 17.1): a rebuild hard-links the live
# site's unchanged files (manifest "<parent>/.<name>-manifest") and writes
# the rest, and its result is the clean build's, file for file, byte for
# byte and mode for mode, with no stale file, after each of a sequence of
# edits: none, a report edited, a project added, one deleted, a template
# and the configuration changed.  A live file edited by hand (its mtime put
# back) is written again, not trusted; a corrupt or missing manifest means
# every file is written; the umask of the build sets the modes, as in a
# clean build.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
c=$TEST_OUT/c theme=$TEST_OUT/theme site=$TEST_OUT/site clean=$TEST_OUT/clean today=2026-04-15
make_case "$c"
cp -r "$TOP/themes/default" "$theme"
build() { run_prongsai build -q -C "$c" --theme "$theme" -o "$1" --today "$today"; }
# every file and folder with its type and mode, then every file's checksum
listing() { (cd "$1" && find . -printf '%y %m %p\n' | sort && tree_sum .); }
ino() { stat -c %i "$site/$1"; }
# same_as_clean NAME: the incremental site equals a clean build of the same input
same_as_clean() {
	rm -rf "$clean"
	build "$clean" 2>"$TEST_OUT/clean.err" || fail "$1: clean build: $(head -3 "$TEST_OUT/clean.err")"
	if [ -d "$clean" ] && [ -d "$site" ] && diff <(listing "$clean") <(listing "$site") >"$TEST_OUT/diff.txt"; then
		pass "$1: the site equals a clean build (files, bytes, modes)"
	else
		fail "$1: the site differs from a clean build: $(head -5 "$TEST_OUT/diff.txt")"
	fi
}
rebuild() { build "$site" 2>"$TEST_OUT/build.err" || fail "$1: build: $(head -3 "$TEST_OUT/build.err")"; }

rebuild "first build"
[ -f "$TEST_OUT/.site-manifest" ] && pass "the manifest is kept beside the site" || fail "no manifest"
expect_eq "$(head -1 "$TEST_OUT/.site-manifest")" "prongsai-manifest 1" "the manifest's first line"
expect_eq "$(tail -1 "$TEST_OUT/.site-manifest")" "end $(find "$site" -type f | wc -l)" \
	"the manifest ends with the number of files"
# the manifest's hash of a page is its BLAKE2b-256
want=$(python3 -c 'import hashlib,sys; print(hashlib.blake2b(open(sys.argv[1],"rb").read(), digest_size=32).hexdigest())' "$site/about/index.html")
expect_eq "$(awk '$NF == "about/index.html" { print $1 }' "$TEST_OUT/.site-manifest")" "$want" \
	"the manifest holds each file's BLAKE2b-256"

# 1. no change: every file is the live one, linked
about=$(ino about/index.html) p1=$(ino projects/2569-001/index.html) p2=$(ino projects/2569-002/index.html)
rebuild "no change"
expect_eq "$(ino about/index.html)" "$about" "no change: a page keeps its file (hard link)"
same_as_clean "no change"
ls -a "$TEST_OUT" | grep -q '^\.site\.\(new\|old\)' && fail "staging or old folder left" \
	|| pass "no staging or old folder left"

# 2. a report edited: that project's page is written, another's is not
sed -i 's/^percent: 50/percent: 55/' "$c/progress/2569/2569-002/2026-01-10.yaml"
rebuild "report edited"
[ "$(ino projects/2569-002/index.html)" != "$p2" ] && pass "report edited: its project's page is written" \
	|| fail "report edited: the project's page kept the old file"
expect_eq "$(ino about/index.html)" "$about" "report edited: an unrelated page is linked"
grep -q '55' "$site/projects/2569-002/index.html" && pass "report edited: the new figure is published" \
	|| fail "report edited: 55 not on the project's page"
same_as_clean "report edited"

# 3. a project added, 4. one deleted
sed 's/^id: 2569-002/id: 2569-003/; s/^title: .*/title: โครงการเพิ่มใหม่/' \
	"$c/projects/2569/2569-002.md" >"$c/projects/2569/2569-003.md"
rebuild "project added"
[ -f "$site/projects/2569-003/index.html" ] && pass "project added: its page is published" \
	|| fail "project added: no page"
same_as_clean "project added"
rm -r "$c/projects/2569/2569-003.md"
rebuild "project deleted"
[ ! -e "$site/projects/2569-003" ] && pass "project deleted: its folder is gone" \
	|| fail "project deleted: stale folder projects/2569-003"
same_as_clean "project deleted"

# 5. a template changed, 6. the configuration changed
echo '<!-- t0180 -->' >>"$theme/templates/foot.html"
rebuild "template changed"
same_as_clean "template changed"
sed -i 's/^\(  *phone: *\).*/\1"0 4200 0000"/' "$c/site.yaml"
rebuild "configuration changed"
same_as_clean "configuration changed"

# 7. a live file edited by hand with its size and mtime kept is not trusted
f=$site/about/index.html
cp -p "$f" "$TEST_OUT/about.keep"
sed -i 's/</>/' "$f"            # same size, other bytes (a new inode: sed -i)
touch -r "$TEST_OUT/about.keep" "$f"
rebuild "hand-edited file (sed -i)"
cmp -s "$f" "$clean/about/index.html" && pass "a live file replaced by hand is written again" \
	|| fail "the hand-edited live file was kept"
# in place, same inode, same size, mtime put back: only the ctime tells
printf '>' | dd of="$f" bs=1 seek=0 conv=notrunc status=none
touch -r "$TEST_OUT/about.keep" "$f"
rebuild "hand-edited file (in place)"
cmp -s "$f" "$clean/about/index.html" && pass "a live file edited in place (mtime put back) is written again" \
	|| fail "the file edited in place was kept"
same_as_clean "hand-edited files"

# 8. a corrupt manifest, then none: every file is written, the site is right
about=$(ino about/index.html)
sed -i '$d' "$TEST_OUT/.site-manifest"   # no "end" line
rebuild "corrupt manifest"
[ "$(ino about/index.html)" != "$about" ] && pass "corrupt manifest: every file is written" \
	|| fail "corrupt manifest: a file was linked"
same_as_clean "corrupt manifest"
printf 'prongsai-manifest 1\nend 0\nx\n' >"$TEST_OUT/.site-manifest"
rebuild "garbage after the end"
same_as_clean "garbage after the manifest's end"
rm "$TEST_OUT/.site-manifest"
rebuild "manifest deleted"
[ -f "$TEST_OUT/.site-manifest" ] && pass "manifest deleted: written again" || fail "no manifest after the build"
same_as_clean "manifest deleted"

# 9. the umask: a linked file keeps the mode a written one would get
mask=$(umask)
umask 027
rebuild "umask 027"
same_as_clean "umask 027"
umask "$mask"
expect_eq "$(stat -c %a "$site/about/index.html")" 640 "umask 027: pages are 0640, as in a clean build"

# 10. the sample office (media, workbooks written by libxlsxwriter): a
#     rebuild with no change writes nothing and equals a clean build
c=$TEST_OUT/sample today=2026-11-24
cp -r "$TOP/content" "$c"
cp -r "$TOP/themes/default/." "$theme/"
rm -rf "$site" "$TEST_OUT/.site-manifest"
rebuild "sample"
before=$(cd "$site" && find . -type f -printf '%i %p\n' | sort)
rebuild "sample again"
after=$(cd "$site" && find . -type f -printf '%i %p\n' | sort)
expect_eq "$(diff <(echo "$before") <(echo "$after") | grep -c '^>')" 0 \
	"sample, no change: no file written (every inode kept, the workbooks too)"
sed -i '0,/^narrative: /s/^narrative: .*/narrative: แก้ไขรายงาน t0180/' \
	"$(find "$c/progress" -name '*.yaml' | sort | head -1)"
rebuild "sample report edited"
same_as_clean "sample report edited"
finish
