#!/usr/bin/env bash
# Issue 6: dashboard, reports, OIT index, procurement, open data, feeds,
# search.  Open data read back and compared with the pages' own totals;
# datapackage.json validated against the official Frictionless JSON Schemas
# (tests/lib/validate-datapackage.mjs: ajv, the profiles of frictionlessdata's
# npm packages datapackage and tableschema), every CSV read back against its
# table schema (header = fields, each cell parses as its type) for the mini,
# hostile and sample sites, and a broken package shown to fail;
# feeds/sitemap well-formed XML; every
# OIT link resolves; search finds a project by a Thai word from the middle
# of its title; `check` warns about OIT items without (valid) evidence.
. "$(dirname "$0")/lib/test-lib.sh"
. "$TOP/tests/lib/fixture.sh"
make_case "$TEST_OUT/c"
run_prongsai build -q -C "$TEST_OUT/c" -o "$TEST_OUT/site" --today 2026-04-15 || fail "build"
s=$TEST_OUT/site
for f in dashboard/index.html reports/index.html reports/2569/half-year/index.html reports/2569/annual/index.html \
	oit/index.html oit/2569/index.html procurement/index.html procurement/2569/index.html procurement/2569/02/index.html \
	data/index.html data/datapackage.json data/oc4ids.json feeds/news.xml feeds/updates.xml sitemap.xml robots.txt \
	search/index.html search/meta.js search/d/0.js; do
	[ -s "$s/$f" ] && pass "$f" || fail "$f missing"
done
python3 - "$s" <<'PY' && pass "open data agrees with the pages; datapackage, XML, OIT links" || fail "open data checks"
import csv, json, sys, os, re, xml.etree.ElementTree as ET
s = sys.argv[1]
def rd(name):
    with open(os.path.join(s, "data", name), encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))
def satang(x): 
    w, _, f = x.partition("."); return int(w) * 100 + int((f + "00")[:2])
def page_money(html, label):
    m = re.search(re.escape(label) + r".*?([0-9,]+\.[0-9]{2})", html, re.S)
    return satang(m.group(1).replace(",", ""))
ok = True
def check(c, what):
    global ok
    if not c: print("FAIL", what); ok = False
projects = rd("projects.csv"); budget = rd("budget.csv"); progress = rd("progress.csv"); proc = rd("procurement.csv")
pj = json.load(open(os.path.join(s, "data/projects.json"), encoding="utf-8"))
check(len(pj) == len(projects) == 2, "projects count")
for r, j in zip(projects, pj):
    check(satang(r["disbursed"]) == round(j["disbursed"] * 100), "csv/json agree " + r["id"])
live = [p for p in projects if p["status"] != "cancelled" and p["fiscal_year"] == "2569"]
alloc = sum(satang(p["allocated"]) for p in live); disb = sum(satang(p["disbursed"]) for p in live)
check(alloc == sum(satang(b["allocated"]) for b in budget if b["cancelled"] == "0"), "budget lines = projects")
dash = open(os.path.join(s, "dashboard/index.html"), encoding="utf-8").read()
m = re.search(r"([0-9,]+\.[0-9]{2}) จาก ([0-9,]+\.[0-9]{2}) บาท", dash)
check(m and satang(m.group(1).replace(",", "")) == disb and satang(m.group(2).replace(",", "")) == alloc, "dashboard totals = CSV")
ann = open(os.path.join(s, "reports/2569/annual/index.html"), encoding="utf-8").read()
check(page_money(ann, "งบประมาณที่ได้รับ (บาท)</th>") == alloc, "annual report allocation = CSV")
check(page_money(ann, "เบิกจ่ายจริง (บาท)</th>") == disb, "annual report (as of today) disbursed = CSV")
check(len(progress) == 3 and len(proc) == 2, "progress and procurement rows")
yr = open(os.path.join(s, "procurement/2569/index.html"), encoding="utf-8").read()
check("127,500.50" in yr, "yearly procurement total = records")
check(sum(satang(p["price"]) for p in proc) == 12750050, "procurement CSV total")
check(proc[1]["item"] == 'ซื้อวัสดุ "ทดสอบ", จำนวน 2 รายการ', "CSV quoting reads back")
# datapackage: structural check against the Frictionless spec's required parts
dp = json.load(open(os.path.join(s, "data/datapackage.json"), encoding="utf-8"))
check(isinstance(dp.get("resources"), list) and dp["resources"], "resources")
check(re.match(r"^[-a-z0-9._/]+$", dp["name"]) is not None, "package name pattern")
for r in dp["resources"]:
    check(re.match(r"^[-a-z0-9._/]+$", r["name"]) is not None and os.path.exists(os.path.join(s, "data", r["path"])), "resource " + r["name"])
    if r["path"].endswith(".csv"):
        with open(os.path.join(s, "data", r["path"]), encoding="utf-8-sig", newline="") as f:
            header = next(csv.reader(f))
        check(header == [x["name"] for x in r["schema"]["fields"]], "schema fields = CSV header " + r["name"])
        check(all(x["type"] in ("string", "integer", "number", "date") for x in r["schema"]["fields"]), "field types")
check(all("name" in l or "path" in l for l in dp.get("licenses", [])), "licences")
oc = json.load(open(os.path.join(s, "data/oc4ids.json"), encoding="utf-8"))
check(all({"id", "status", "metrics"} <= set(p) and {m["id"] for m in p["metrics"]} == {"physicalProgress", "financialProgress"} for p in oc["projects"]), "OC4IDS fields (progress as metrics, OC4IDS 0.9.5)")
for f in ("feeds/news.xml", "feeds/updates.xml", "sitemap.xml"):
    ET.parse(os.path.join(s, f))
news = ET.parse(os.path.join(s, "feeds/news.xml")).getroot()
check(len(news.findall("{http://www.w3.org/2005/Atom}entry")) == 1, "news feed entries")
locs = [e.text for e in ET.parse(os.path.join(s, "sitemap.xml")).getroot().iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
check(len(locs) > 20 and all(l.startswith("https://test.example.go.th/") for l in locs) and not any(l.endswith("404.html") for l in locs), "sitemap URLs")
oit = open(os.path.join(s, "oit/2569/index.html"), encoding="utf-8").read()
hrefs = re.findall(r'<td><ul class="plain">(.*?)</ul>', oit)
links = re.findall(r'href="([^"]+)"', "".join(hrefs))
check(len(links) == 5, "OIT links")
for l in links:
    check(os.path.exists(os.path.normpath(os.path.join(s, "oit/2569", l))), "OIT link resolves " + l)
sys.exit(0 if ok else 1)
PY
# datapackage.json against the official Frictionless profiles; each CSV against its schema
vdp=$TOP/tests/lib/validate-datapackage.mjs
if command -v node >/dev/null && [ -f "$TOP/node_modules/datapackage/lib/profiles/data-package.json" ] &&
	[ -f "$TOP/node_modules/ajv-draft-04/package.json" ]; then
	validate() { # validate DATAPACKAGE WHAT
		if node "$vdp" "$1" >"$TEST_OUT/vdp.txt" 2>&1; then pass "$2: $(tail -n 1 "$TEST_OUT/vdp.txt" | sed 's|.*: valid|valid|')"
		else sed 's/^/    /' "$TEST_OUT/vdp.txt" >&2; fail "$2"; fi
	}
	validate "$s/data/datapackage.json" "mini site datapackage.json"
	make_case "$TEST_OUT/hostile" "$TOP/tests/fixtures/hostile"
	run_prongsai build -q -C "$TEST_OUT/hostile" -o "$TEST_OUT/hostile-site" --today 2026-04-15 2>/dev/null || fail "hostile build"
	validate "$TEST_OUT/hostile-site/data/datapackage.json" "hostile fixture datapackage.json"
	run_prongsai build -q -C "$TOP/content" -o "$TEST_OUT/sample" --today 2026-11-24 2>/dev/null || fail "sample build"
	validate "$TEST_OUT/sample/data/datapackage.json" "sample site datapackage.json"
	# the validator can fail: a copy broken five ways, each reported
	rm -rf "$TEST_OUT/broken" && cp -r "$s/data" "$TEST_OUT/broken"
	python3 - "$TEST_OUT/broken" <<'PY'
import csv, io, json, os, sys
d = sys.argv[1]
p = os.path.join(d, "datapackage.json")
dp = json.load(open(p, encoding="utf-8"))
del dp["resources"][0]["path"]                          # projects: no path
dp["resources"][1]["schema"]["fields"][2]["name"] = "day"  # progress: schema != header
dp["resources"][3]["dialect"].pop("doubleQuote")           # procurement: dialect incomplete
json.dump(dp, open(p, "w", encoding="utf-8"), ensure_ascii=False)
def edit(name, col, value):
    f = os.path.join(d, name)
    rows = list(csv.reader(open(f, encoding="utf-8-sig", newline="")))
    rows[1][rows[0].index(col)] = value
    out = io.StringIO(); csv.writer(out, lineterminator="\r\n").writerows(rows)
    open(f, "w", encoding="utf-8-sig", newline="").write(out.getvalue())
edit("budget.csv", "as_of", "2026-02-30")              # not a date
edit("budget.csv", "allocated", "1,000.00")            # group separator in a number
PY
	node "$vdp" "$TEST_OUT/broken/datapackage.json" >"$TEST_OUT/broken.txt" 2>&1
	expect_eq "$?" 1 "a broken datapackage fails validation"
	expect_grep "/resources/0 (projects): must have required property 'path'" "$TEST_OUT/broken.txt" "reports a resource without path"
	expect_grep 'progress.csv: header ["project_id","fiscal_year","date",' "$TEST_OUT/broken.txt" "reports schema fields that are not the CSV header"
	expect_grep "/resources/3/dialect (procurement): must have required property 'doubleQuote'" "$TEST_OUT/broken.txt" "reports an incomplete dialect"
	expect_grep 'budget.csv:2: as_of = "2026-02-30" is not a valid date' "$TEST_OUT/broken.txt" "reports a cell that is not a date"
	expect_grep 'budget.csv:2: allocated = "1,000.00" is not a valid number' "$TEST_OUT/broken.txt" "reports a cell that is not a number"
else
	fail "node or node_modules (datapackage, ajv-draft-04) missing: run make deps-node"
fi
# search: a Thai word from the middle of a title ("เศรษฐกิจ" in "หมู่บ้านเศรษฐกิจพอเพียง";
# 2569-002 matches too, through its group กลุ่มงานเศรษฐกิจ), part of a word ("ชีพชุม": substring
# fallback), words in any order
if command -v node >/dev/null; then
	got=$(cd "$s" && node -e '
const fs = require("fs"), S = require(process.argv[1]);
const e = S.make((names, done) => { for (const n of names) { const f = "search/" + n + ".js";
	if (fs.existsSync(f)) new Function("prongsaiSearch", fs.readFileSync(f, "utf8"))(e.put); } done(); });
const out = [], qs = ["เศรษฐกิจ", "ชีพชุม", "พอเพียง หมู่บ้าน", "ไม่มีคำนี้"];
(function next(i) {
	if (i === qs.length) { console.log(out.join("|")); return; }
	e.run(qs[i], 100, (r) => { out.push(r.docs.map((d) => d[0]).join(" ")); next(i + 1); });
})(0);
' "$s/assets/js/search.js")
	expect_eq "$got" "projects/2569-001/index.html projects/2569-002/index.html|projects/2569-002/index.html|projects/2569-001/index.html|" "search finds projects by Thai words"
else
	grep -q '"เศรษฐกิจ":\[0\]' "$s"/search/t/*.js && pass "index has the middle word" || fail "word not indexed"
fi
# check: warnings for OIT items without evidence, outside the year, links to nothing
make_case "$TEST_OUT/w"
cat >"$TEST_OUT/w/oit/2569.yaml" <<'Y'
items:
  - {code: O1, title: ว่าง, evidence: []}
  - {code: O4, title: ข่าว, fiscal_year: current, evidence: [{href: news/index.html, date: 2024-01-01}]}
  - {code: O5, title: ลิงก์เสีย, evidence: [no-such-page/index.html]}
Y
run_prongsai check -C "$TEST_OUT/w" --today 2026-04-15 --lang en 2>"$TEST_OUT/w.txt"; rc=$?
expect_eq "$rc" 0 "OIT problems are warnings"
expect_grep 'oit/2569.yaml:2:1: warning: O1: no evidence yet' "$TEST_OUT/w.txt" "warns: no evidence"
expect_grep 'O4: no evidence dated in the required fiscal year 2569' "$TEST_OUT/w.txt" "warns: outside the year"
expect_grep 'O5: "no-such-page/index.html" is not a page of the site' "$TEST_OUT/w.txt" "warns: link to nothing"
printf '  - {code: O5, title: ซ้ำ}\n' >>"$TEST_OUT/w/oit/2569.yaml"
run_prongsai check -C "$TEST_OUT/w" --today 2026-04-15 --lang en 2>"$TEST_OUT/w2.txt"; rc=$?
expect_eq "$rc" 1 "duplicate code is an error"
expect_grep 'duplicate code "O5"' "$TEST_OUT/w2.txt" "duplicate code"
# procurement record errors
make_case "$TEST_OUT/p"
cat >"$TEST_OUT/p/procurement/2569/records.yaml" <<'Y'
records:
  - {item: x, method: auction, budget: 10, winner: y, price: 20, date: 2026-10-01, reason: z}
Y
run_prongsai check -C "$TEST_OUT/p" --today 2026-04-15 --lang en 2>"$TEST_OUT/p.txt"
expect_grep 'method must be e-bidding, e-market, selection or specific (got "auction")' "$TEST_OUT/p.txt" "bad method"
expect_grep 'the date is outside fiscal year 2569' "$TEST_OUT/p.txt" "date outside the folder's year"
finish
