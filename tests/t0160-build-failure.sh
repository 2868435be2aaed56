#!/usr/bin/env bash
# A build that fails after the checks (the output cannot be made, a page
# cannot be rendered) leaves the live site and the collector's database
# byte for byte as they were: the database is written only once the new
# site is live.
. "$(dirname "$0")/lib/test-lib.sh"
c=$TEST_OUT/content db=$TEST_OUT/db/collector.db site=$TEST_OUT/site
cp -r "$TOP/content" "$c"
run_prongsai build -q -C "$c" -o "$site" --db "$db" --today 2026-12-01 2>"$TEST_OUT/first.err" \
	&& pass "first build with --db" || fail "first build: $(head -3 "$TEST_OUT/first.err")"
db_sum() { sha256sum "$db" | cut -d' ' -f1; }
before=$(db_sum)
cp -a "$site" "$TEST_OUT/site.before"
# a change that a successful build would install (office_phone setting)
sed -i 's/^\(  *phone: *\).*/\1"0 4200 0000"/' "$c/site.yaml"
grep -q '"0 4200 0000"' "$c/site.yaml" || fail "test set-up: phone not changed"

# 1. the output folder cannot be made (its parent is a file)
echo x >"$TEST_OUT/file"
run_prongsai build -q -C "$c" -o "$TEST_OUT/file/site" --db "$db" --today 2026-12-01 2>"$TEST_OUT/1.err"
expect_eq "$?" 1 "unwritable output: exit 1"
expect_eq "$(db_sum)" "$before" "unwritable output: database unchanged"

# 2. a page cannot be rendered (a template is missing from the theme)
cp -r "$TOP/themes/default" "$TEST_OUT/theme"
rm "$TEST_OUT/theme/templates/news.html"
run_prongsai build -q -C "$c" -o "$site" --theme "$TEST_OUT/theme" --db "$db" --today 2026-12-01 2>"$TEST_OUT/2.err"
expect_eq "$?" 1 "render failure: exit 1"
expect_grep "template news failed" "$TEST_OUT/2.err" "render failure: names the template"
expect_eq "$(db_sum)" "$before" "render failure: database unchanged"
diff -r "$TEST_OUT/site.before" "$site" >/dev/null && pass "render failure: live site unchanged" \
	|| fail "render failure: the live site changed"
ls -a "$TEST_OUT" | grep -q '^\.site\.' && fail "staging folder left" || pass "no staging folder left"

# 3. a theme's static folder that cannot be read stops the build too
#    (copy_tree's result is checked): a folder too deep
deep="$TEST_OUT/theme2/static/a/b/c/d/e/f/g/h/i/j"
cp -r "$TOP/themes/default" "$TEST_OUT/theme2"
mkdir -p "$deep" && echo x >"$deep/x.css"
run_prongsai build -q -C "$c" -o "$site" --theme "$TEST_OUT/theme2" --db "$db" --today 2026-12-01 2>"$TEST_OUT/3.err"
expect_eq "$?" 1 "assets too deep: exit 1"
expect_grep "deeper than" "$TEST_OUT/3.err" "assets too deep: says why"
expect_eq "$(db_sum)" "$before" "assets too deep: database unchanged"
diff -r "$TEST_OUT/site.before" "$site" >/dev/null && pass "assets too deep: live site unchanged" \
	|| fail "assets too deep: the live site changed"
#    at the cap (8 folders below static/) it is copied
rm -rf "$TEST_OUT/theme2/static/a/b/c/d/e/f/g/h/i"
mkdir -p "$TEST_OUT/theme2/static/a/b/c/d/e/f/g/h" && echo y >"$TEST_OUT/theme2/static/a/b/c/d/e/f/g/h/y.css"
run_prongsai build -q -C "$c" -o "$TEST_OUT/site2" --theme "$TEST_OUT/theme2" --today 2026-12-01 2>/dev/null \
	&& [ -f "$TEST_OUT/site2/assets/a/b/c/d/e/f/g/h/y.css" ] && pass "assets 8 folders deep are copied" \
	|| fail "assets at the depth cap not copied"

# 4. the same build that succeeds does change the database (the checks above can fail)
run_prongsai build -q -C "$c" -o "$site" --db "$db" --today 2026-12-01 2>/dev/null || fail "good build"
[ "$(db_sum)" != "$before" ] && pass "a successful build installs the settings" \
	|| fail "a successful build left the database unchanged"
expect_eq "$(sqlite3 "$db" "SELECT count(*) FROM settings WHERE value LIKE '%4200 0000%'")" 1 \
	"the new phone is installed"
finish
