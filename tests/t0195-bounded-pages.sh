#!/usr/bin/env bash
# variants: release
# Bounded page weight at 10,000 projects (issue 17.3).  Builds the bench's
# synthetic office (tests/bench/synth.c, 10,000 projects x 2 reports) once:
# no HTML page is over 300 KB; the listings are cut into pages whose links
# (page 1 at its old address, rel=next/prev) reach every project of the
# list exactly once (the year, a district, the annual report, the print
# kit); the search map's budget keeps a query under 300 KB, and real
# queries in Chromium (tests/browser/weight.mjs) fetch at most that; the
# page links fit 360 px and are valid HTML (vnu); open-data files have
# their .gz beside them.
# Prints the build time, the largest page and the search files' sizes.
. "$(dirname "$0")/lib/test-lib.sh"
LIMIT=$((300 * 1024))
mkdir -p "$TEST_OUT/bin"
cc -std=c11 -O2 -o "$TEST_OUT/bin/synth" "$TOP/tests/bench/synth.c" || { fail "synth does not compile"; finish; }
c=$TEST_OUT/content
"$TEST_OUT/bin/synth" "$c" 10000 2 2026-11-24 >/dev/null || { fail "synth"; finish; }
for e in forms pages media news holidays procurement oit; do
	[ -e "$TOP/content/$e" ] && [ ! -e "$c/$e" ] && cp -r "$TOP/content/$e" "$c/"
done
s=$TEST_OUT/site
t0=$(date +%s.%N)
run_prongsai build -q -C "$c" -o "$s" --today 2026-11-24 --no-history 2>"$TEST_OUT/build.err"
rc=$?
secs=$(awk -v a="$t0" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')
expect_eq "$rc" 0 "the 10,000-project office builds (${secs} s)"
[ $rc -eq 0 ] || { tail -5 "$TEST_OUT/build.err" >&2; finish; }

python3 - "$s" "$c" "$LIMIT" <<'PY' && pass "page weight, page links and the search map (figures above)" || fail "page weight or page links (above)"
import os, re, sys, json, glob, html
site, content, limit = sys.argv[1], sys.argv[2], int(sys.argv[3])
bad = 0
def problem(m):
    global bad
    bad += 1
    print("  problem:", m)
# 1. the largest HTML pages
sizes = []
for d, _, fs in os.walk(site):
    for f in fs:
        if f.endswith(".html"):
            p = os.path.join(d, f)
            sizes.append((os.path.getsize(p), os.path.relpath(p, site)))
sizes.sort(reverse=True)
print("  largest pages:", ", ".join("%s %d KB" % (p, n // 1024) for n, p in sizes[:3]))
for n, p in sizes:
    if n > limit:
        problem("%s is %d bytes, over %d" % (p, n, limit))
# 2. page links: from page 1, every page of the listing, every project once
projects = {}
for f in glob.glob(os.path.join(content, "projects", "*", "*.md")):
    head = open(f, encoding="utf-8").read().split("\n---", 1)[0]
    pid = re.search(r"^id: (\S+)", head, re.M).group(1)
    fy = int(re.search(r"^fiscal_year: (\d+)", head, re.M).group(1))
    ds = re.search(r"^districts: \[([^\]]*)\]", head, re.M).group(1).replace(" ", "").split(",")
    projects[pid] = (fy, ds)
def crawl(first, row_re):
    seen, todo, rows, pages = set(), [first], [], 0
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        path = os.path.join(site, p)
        if not os.path.exists(path):
            problem("%s: linked but missing" % p)
            continue
        doc = open(path, encoding="utf-8").read()
        pages += 1
        nav = re.search(r'<nav class="pager".*?</nav>', doc, re.S)
        for href in re.findall(r'href="([^"]+)"', nav.group(0) if nav else ""):
            todo.append(os.path.normpath(os.path.join(os.path.dirname(p), html.unescape(href))))
        if nav and p != first and 'rel="prev"' not in nav.group(0):
            problem("%s: no rel=prev" % p)
        if re.search(r"/page/\d+/", p) and not re.search(r"<title>[^<]* หน้า \d+", doc):
            problem("%s: its title does not say the page" % p)
        rows += re.findall(row_re, "".join(re.findall(r"<tbody>.*?</tbody>", doc, re.S)))
    return pages, rows
def expect(name, first, row_re, want):
    pages, rows = crawl(first, row_re)
    dup = sorted(set(r for r in rows if rows.count(r) > 1)) if len(rows) != len(set(rows)) else []
    print("  %s: %d pages, %d rows" % (first, pages, len(rows)))
    if dup:
        problem("%s: listed twice: %s" % (name, dup[:5]))
    if set(rows) != want:
        problem("%s: %d missing, %d extra" % (name, len(want - set(rows)), len(set(rows) - want)))
    if pages < 2:
        problem("%s: not cut into pages" % name)
fy69 = {p for p, (fy, ds) in projects.items() if fy == 2569}
expect("the year's list", "projects/2569/index.html", r'<a href="[./]*projects/([0-9-]+)/index.html">', fy69)
expect("a district", "projects/2569/district/chiang-khan/index.html", r'<a href="[./]*projects/([0-9-]+)/index.html">',
       {p for p in fy69 if "chiang-khan" in projects[p][1]})
expect("the annual report", "reports/2569/annual/index.html", r'<a href="[./]*projects/([0-9-]+)/index.html">', fy69)
expect("the print kit", "print/index.html", r'<a href="[./]*print/projects/([0-9-]+)/index.html">', set(projects))
# 3. the search map: what one query may fetch at most; the largest shards
meta = open(os.path.join(site, "search", "meta.js"), encoding="utf-8").read()
m = json.loads(meta[meta.index(",") + 1:meta.rindex(")")])
most = len(meta.encode()) + m["budget"][0] + m["budget"][1]
shards = sorted(((os.path.getsize(f), os.path.relpath(f, site)) for f in glob.glob(os.path.join(site, "search", "*", "*.js"))), reverse=True)
total = sum(n for n, _ in shards) + len(meta.encode())
print("  search: %d files, %d KB in all; map %d KB; largest %s" % (len(shards) + 1, total // 1024, len(meta.encode()) // 1024,
      ", ".join("%s %d KB" % (p, n // 1024) for n, p in shards[:3])))
print("  one query fetches at most %d KB (map + budget %d + %d)" % (most // 1024, m["budget"][0], m["budget"][1]))
if most > limit:
    problem("a query may fetch %d bytes" % most)
for n, p in shards:
    if n > m["budget"][0]:
        problem("%s (%d bytes) is over the query budget" % (p, n))
for f in ("index.json", "index.js"):
    if os.path.exists(os.path.join(site, "search", f)):
        problem("search/%s still written (the index twice)" % f)
sys.exit(1 if bad else 0)
PY

# the page links are valid HTML (the sample has no listing long enough)
vnu=$TOP/node_modules/vnu-jar/build/dist/vnu.jar
if [ -f "$vnu" ] && command -v java >/dev/null; then
	java -jar "$vnu" --errors-only "$s/projects/2569/index.html" "$s/projects/2569/page/2/index.html" \
		"$s/reports/2569/annual/page/50/index.html" "$s/print/page/2/index.html" >"$TEST_OUT/vnu.txt" 2>&1
	expect_eq "$?" 0 "vnu: paged listings valid ($(head -c 300 "$TEST_OUT/vnu.txt"))"
else
	fail "vnu.jar or java missing: make deps-node deps-test"
fi

# open data: whole, and gzipped beside
for f in data/projects.csv data/progress.json data/oc4ids.json; do
	if [ -s "$s/$f.gz" ] && zcat "$s/$f.gz" | cmp -s - "$s/$f"; then
		pass "$f.gz: $(($(stat -c %s "$s/$f") / 1024)) KB as $(($(stat -c %s "$s/$f.gz") / 1024)) KB"
	else
		fail "$f.gz missing or not $f"
	fi
done
expect_grep 'href="../data/projects.csv.gz"' "$s/data/index.html" "the open-data page links the .gz"

# real queries in Chromium: the bytes fetched under search/
if [ -d "$TOP/node_modules/playwright-core" ] && [ -x /usr/bin/chromium ]; then
	QUERIES=$(printf '%s\n' "โครงการ" "เชียงคาน" "หมู่บ้าน เศรษฐกิจ" "2569-0001" "ร้องเรียน" "2" \
		"อำเภอภูเรือ ปีงบประมาณ 2569" "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ") \
		SITE_DIR=$s PAGER=projects/2569/page/2/index.html node "$TOP/tests/browser/weight.mjs" >"$TEST_OUT/weight.txt" 2>&1
	rc=$?
	sed 's/^/  /' "$TEST_OUT/weight.txt"
	expect_eq "$rc" 0 "queries and page links in Chromium"
	max=$(sed -n 's/^MAX //p' "$TEST_OUT/weight.txt")
	[ -n "$max" ] && [ "$max" -le "$LIMIT" ] && pass "the heaviest query fetched $((max / 1024)) KB (at most 300)" ||
		fail "the heaviest query fetched ${max:-?} bytes"
	expect_grep "QUERY " "$TEST_OUT/weight.txt" "queries ran"
	grep -q '^QUERY [0-9]* 0 2569-0001$' "$TEST_OUT/weight.txt" && fail "2569-0001 not found" || pass "a project found by its id"
else
	fail "playwright-core or chromium missing: make deps-node deps-test"
fi
finish
