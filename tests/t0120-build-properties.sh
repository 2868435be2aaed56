#!/usr/bin/env bash
# Build properties: deterministic output, atomic replacement, relative links
# only, no third-party requests, hostile text rendered inert, every folder
# has an index page.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
make_case "$TEST_OUT/c"
# 1. determinism: two builds (different thread counts) are byte-identical
run_prongsai build -q -C "$TEST_OUT/c" -o "$TEST_OUT/a" --today 2026-04-15 -j 1 || fail "build a"
run_prongsai build -q -C "$TEST_OUT/c" -o "$TEST_OUT/b" --today 2026-04-15 -j 4 || fail "build b"
if diff -r "$TEST_OUT/a" "$TEST_OUT/b" >/dev/null; then pass "deterministic"; else fail "two builds differ"; fi
# the sample content too
run_prongsai build -q -C "$TOP/content" -o "$TEST_OUT/s1" --today 2026-11-24 -j 2 || fail "sample build"
run_prongsai build -q -C "$TOP/content" -o "$TEST_OUT/s2" --today 2026-11-24 -j 1 || fail "sample build 2"
diff -r "$TEST_OUT/s1" "$TEST_OUT/s2" >/dev/null && pass "sample deterministic" || fail "sample builds differ"

# 2. atomic: a rebuild replaces the folder; no staging folder is left
echo stale >"$TEST_OUT/a/stale.txt"
run_prongsai build -q -C "$TEST_OUT/c" -o "$TEST_OUT/a" --today 2026-04-15 || fail "rebuild"
[ ! -e "$TEST_OUT/a/stale.txt" ] && pass "old files gone after rebuild" || fail "stale file survived"
ls -a "$TEST_OUT" | grep -q '^\.a\.\(new\|old\)' && fail "staging folder left" || pass "no staging folder left"

# 3. relative links only: no href/src starting with / or a scheme, except
#    the canonical link and links staff wrote to other sites (<a href="https:...">)
site=$TEST_OUT/s1
bad=$(grep -rhoE '(href|src|action)="[^"]*"' "$site" --include='*.html' --exclude=404.html \
	| grep -E '="(/|[a-z]+:)' | grep -vE '^href="(https?://|mailto:|tel:)' | sort -u | head -5)
[ -z "$bad" ] && pass "links are relative" || fail "absolute links: $bad"
third=$(grep -rhoE '(src="https?://[^"]*"|<link [^>]*href="https?://[^"]*")' "$site" --include='*.html' | grep -v 'rel="canonical"' | sort -u | head -3)
[ -z "$third" ] && pass "no third-party resources" || fail "third-party resources: $third"
grep -rqE 'url\((["'"'"']?)https?:' "$site/assets" && fail "CSS loads from the network" || pass "CSS is self-contained"
# every relative link resolves to a file (one python3 process: a shell loop
# forked twice per link, about 10,000 links on the sample site)
missing=$(python3 - "$site" <<'PY'
import os, re, sys
root, missing = sys.argv[1], 0
link = re.compile(r'(?:href|src)="([^"]*)"')
for d, _, files in os.walk(root):
    for n in files:
        if not n.endswith('.html') or n == '404.html':
            continue
        f = os.path.join(d, n)
        for url in link.findall(open(f, encoding='utf-8').read()):
            url = url.split('#')[0].split('?')[0]
            if not url or url.startswith(('http', 'mailto:', 'tel:', 'cgi-bin/')) or '/cgi-bin/' in url:
                continue
            if not os.path.exists(os.path.join(d, url)):
                missing += 1
                if missing <= 5:
                    print(f'broken: {f} -> {url}', file=sys.stderr)
print(missing)
PY
)
expect_eq "$missing" 0 "every relative link resolves"
grep -qE 'href="/assets/css/site\.[0-9a-f]{16}\.css"' "$site/404.html" &&
	pass "404 page links from the site root (served at any depth)" || fail "404 page links from the site root (served at any depth)"
# no folder without an index page
nodir=$(cd "$site" && find . -type d ! -exec test -e '{}/index.html' ';' -print | head -3)
[ -z "$nodir" ] && pass "every folder has index.html" || fail "folders without index: $nodir"

# 4. hostile text is inert
make_case "$TEST_OUT/h" "$TOP/tests/fixtures/hostile"
run_prongsai build -q -C "$TEST_OUT/h" -o "$TEST_OUT/hs" --today 2026-04-15 || fail "hostile build"
h=$TEST_OUT/hs
if python3 "$TOP/tests/lib/html-inert.py" "$h" >"$TEST_OUT/inert.txt"; then pass "hostile text is inert"
else fail "active content: $(head -5 "$TEST_OUT/inert.txt")"; fi
python3 "$TOP/tests/lib/html-inert.py" "$site" >/dev/null && pass "sample site is inert too" || fail "sample has active content"
expect_grep '&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;' "$h/projects/2569-002/index.html" "title escaped"
expect_grep '{{site.name}}' "$h/projects/2569-002/index.html" "template syntax in content is not expanded"

# 5. display digits: site.yaml can ask for Thai digits
make_case "$TEST_OUT/t"
sed -i 's/digits: arabic/digits: thai/' "$TEST_OUT/t/site.yaml"
run_prongsai build -q -C "$TEST_OUT/t" -o "$TEST_OUT/ts" --today 2026-04-15 || fail "thai-digit build"
expect_grep '๑,๐๐๐,๐๐๐.๐๐' "$TEST_OUT/ts/projects/2569-001/index.html" "money in Thai digits"
expect_grep '๑๕ เม.ย. ๒๕๖๙' "$TEST_OUT/ts/index.html" "dates in Thai digits, Buddhist Era"
expect_grep 'href="../../projects/2569/group/strategy/index.html"' "$TEST_OUT/ts/projects/2569-001/index.html" "links keep Arabic digits"
expect_grep '1,000,000.00' "$TEST_OUT/a/projects/2569-001/index.html" "Arabic digits by default"
finish
