#!/usr/bin/env bash
# Diagnostics say what is wrong, once, on one line, in whole characters:
# a file name with a newline is escaped in `check` output; a site.yaml that
# is not YAML is reported once, without a cascade of "unknown group" from
# the other files; a database this user cannot write is called read-only
# (not "disk full?"); the collector's log cause is cut between characters.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
utf8_ok() { python3 -c 'import sys; sys.stdin.buffer.read().decode("utf-8")' <"$1" 2>/dev/null; }

# 1. a file name with a newline: one problem, one line, the name escaped
c=$TEST_OUT/nl
make_case "$c"
printf -- '---\ntitle: [unclosed\n---\ntext\n' >"$c/pages/bad
name.md"
run_prongsai check -C "$c" --lang en --today 2026-04-15 >"$TEST_OUT/nl.out" 2>&1
expect_eq "$?" 1 "newline name: check fails"
expect_grep 'pages/bad\nname.md' "$TEST_OUT/nl.out" "the newline is written as \\n"
bad=$(grep -cvE '^[^ ].*: (error|warning): |^[0-9]+ error\(s\), [0-9]+ warning\(s\)$' "$TEST_OUT/nl.out")
expect_eq "$bad" 0 "every output line is a whole problem or the summary"

# 2. site.yaml that is not YAML: its error once, nothing else
c=$TEST_OUT/site
make_case "$c"
printf 'name: "unterminated\n  bad: [\n' >>"$c/site.yaml"
run_prongsai check -C "$c" --lang en --today 2026-04-15 >"$TEST_OUT/site.out" 2>&1
expect_eq "$?" 1 "broken site.yaml: check fails"
expect_eq "$(grep -c '^site.yaml:[0-9]*:[0-9]*: error' "$TEST_OUT/site.out")" 1 "the YAML error is printed once"
expect_eq "$(grep -c ': error: ' "$TEST_OUT/site.out")" 1 "no cascade from the other files"
expect_grep "1 error(s), 0 warning(s)" "$TEST_OUT/site.out" "the summary counts one error"

# 3. a database the user cannot write is read-only, not a full disk
if command -v setpriv >/dev/null && [ "$(id -u)" = 0 ]; then
	mkdir -p "$TEST_OUT/ro" "$TEST_OUT/roc"
	make_case "$TEST_OUT/roc"
	mkdir -p "$TEST_OUT/roc/forms" && cp "$TOP"/content/forms/*.yaml "$TEST_OUT/roc/forms/"
	run_prongsai build -q -C "$TEST_OUT/roc" -o "$TEST_OUT/ro-site" --db "$TEST_OUT/ro/x.db" --today 2026-04-15 \
		|| fail "set-up build --db"
	chmod 755 "$TEST_OUT/ro" && chmod 644 "$TEST_OUT/ro/x.db"
	setpriv --reuid 65534 --regid 65534 --clear-groups "$PRONGSAI" inbox purge-surveys --db "$TEST_OUT/ro/x.db" \
		>"$TEST_OUT/ro.out" 2>&1
	expect_eq "$?" 1 "read-only database: exit 1"
	expect_grep "is read-only for this user" "$TEST_OUT/ro.out" "read-only database: said so"
	expect_no_grep "disk full" "$TEST_OUT/ro.out" "read-only database: not called a full disk"
else
	pass "read-only database: skipped (needs root and setpriv)"
fi

# 4. the collector's log cause, cut at its size, ends on a whole character
#    (a long database path pushes the Thai part of the message over the cut)
cut_bad=0 cut_seen=0
for n in $(seq 170 205); do
	db=/nonexistent/$(printf 'd%.0s' $(seq "$n")).db
	printf '' | env -i PRONGSAI_DB="$db" REQUEST_METHOD=GET PATH_INFO=/health "$COLLECT_CGI" \
		>/dev/null 2>"$TEST_OUT/cgi.err"
	grep -q 'database /nonexistent/' "$TEST_OUT/cgi.err" || continue
	cut_seen=$((cut_seen + 1))
	utf8_ok "$TEST_OUT/cgi.err" || { cut_bad=$((cut_bad + 1)); cp "$TEST_OUT/cgi.err" "$TEST_OUT/cgi-bad-$n.err"; }
done
[ "$cut_seen" -gt 0 ] && pass "the collector logged the cause ($cut_seen runs)" || fail "no cause logged"
expect_eq "$cut_bad" 0 "every logged cause is valid UTF-8"
finish
