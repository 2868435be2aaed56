#!/usr/bin/env bash
# variants: release
# The print kit (print/, issue 18): every QR code on every print page of the
# sample site -- a notice sheet per project, the office poster, the
# announcement -- drawn by rsvg-convert (librsvg2-bin) and read back by
# zbarimg (zbar-tools) is exactly the absolute URL it should be under
# site.yaml's base_url, and that URL's page exists (the complaint form with
# the project chosen in advance); each sheet shows its project's title,
# budget and responsible officer as content/ has them; the project pages and
# the staff sign-in page link the kit; the kit's pages pass vnu; printed
# by Chromium, a sheet, the poster and the announcement fit one A4 page.
. "$(dirname "$0")/lib/test-lib.sh"
for t in rsvg-convert zbarimg python3 java; do
	command -v "$t" >/dev/null || { fail "$t missing: make deps-test"; finish; }
done
vnu=$TOP/node_modules/vnu-jar/build/dist/vnu.jar
[ -f "$vnu" ] || { fail "vnu.jar missing: run make deps-node"; finish; }
site=$TEST_OUT/site
run_prongsai build -q -C "$TOP/content" -o "$site" --today 2026-11-24 2>"$TEST_OUT/build.err"
expect_eq "$?" 0 "sample site builds"
base=$(sed -n 's/^base_url: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$TOP/content/site.yaml")
case $base in http*://*/) pass "base_url $base" ;; *) fail "no base_url in site.yaml: [$base]"; finish ;; esac

# What each page's codes must say, from content/ (not from the page), and
# each code's SVG cut out of the page: one line "SVG<TAB>URL" a code in
# $TEST_OUT/codes.tsv; the content checks as "ok: ..."/"not ok: ..." lines.
mkdir -p "$TEST_OUT/qr"
python3 - "$TOP/content" "$site" "$base" "$TEST_OUT/qr" >"$TEST_OUT/codes.tsv" 2>"$TEST_OUT/checks.txt" <<'PY'
import glob, os, re, sys
from decimal import Decimal
content, site, base, out = sys.argv[1:]
def say(ok, msg): print(("ok: " if ok else "not ok: ") + msg, file=sys.stderr)
def scalar(text, key):
    m = re.search(r'^%s: *"?(.*?)"? *$' % key, text, re.M)
    return m.group(1) if m else None
people = {}
for blk in re.split(r'^  - id: ', open(os.path.join(content, 'people.yaml'), encoding='utf-8').read(), flags=re.M)[1:]:
    pid = blk.split('\n', 1)[0].strip()
    m = re.search(r'^    name: *"?(.*?)"? *$', blk, re.M)
    people[pid] = m.group(1) if m else None
def codes(page, want):
    html = open(os.path.join(site, page), encoding='utf-8').read()
    svgs = re.findall(r'<svg class="qr".*?</svg>', html, re.S)
    say(len(svgs) == len(want), f"{page}: {len(svgs)} QR codes, want {len(want)}")
    for i, (svg, path) in enumerate(zip(svgs, want)):
        f = os.path.join(out, page.replace('/', '__') + f'-{i}.svg')
        open(f, 'w', encoding='utf-8').write(svg)
        print(f"{f}\t{base}{path}")
        target = os.path.join(site, path or 'index.html')
        say(os.path.isfile(target), f"{page}: code {i} leads to an existing page {path or 'index.html'}")
    return html
projects = sorted(glob.glob(os.path.join(content, 'projects', '*', '*.md')))
say(len(projects) > 0, f"{len(projects)} projects in content/")
for md in projects:
    fm = open(md, encoding='utf-8').read().split('\n---', 1)[0]
    pid, title, owner = scalar(fm, 'id'), scalar(fm, 'title'), scalar(fm, 'owner')
    alloc = re.search(r'^  allocated: *"?([0-9,.]+)"?', fm, re.M).group(1).replace(',', '')
    budget = '{:,.2f} บาท'.format(Decimal(alloc))
    page = f'print/projects/{pid}/index.html'
    if not os.path.isfile(os.path.join(site, page)):
        say(False, f"{page} built"); continue
    html = codes(page, [f'projects/{pid}/index.html', f'forms/complaint/{pid}/index.html'])
    say(f'<h1>{title}</h1>' in html, f"{page}: title {title}")
    say(f'<dt>งบประมาณ</dt><dd>{budget}' in html, f"{page}: budget {budget}")
    say(people.get(owner) and f'<dt>ผู้รับผิดชอบ</dt><dd>{people[owner]} ' in html, f"{page}: officer {people.get(owner)}")
    form = open(os.path.join(site, f'forms/complaint/{pid}/index.html'), encoding='utf-8').read()
    say(f'<option value="{pid}" selected>' in form, f"forms/complaint/{pid}/: the project comes chosen")
    proj = open(os.path.join(site, f'projects/{pid}/index.html'), encoding='utf-8').read()
    say(f'href="../../print/projects/{pid}/index.html"' in proj, f"projects/{pid}/ links its sheet")
    say(f'href="../../forms/complaint/{pid}/index.html"' in proj, f"projects/{pid}/ links the complaint form with it chosen")
codes('print/poster/index.html', ['', 'forms/complaint/index.html', 'forms/corruption/index.html',
      'forms/satisfaction/index.html', 'track/index.html'])
codes('print/announcement/index.html', ['', 'staff/index.html'])
idx = open(os.path.join(site, 'print/index.html'), encoding='utf-8').read()
n = len(re.findall(r'href="../print/projects/[^"/]+/index.html"', idx))
say(n == len(projects), f"print/index.html lists {n} sheets")
staff = open(os.path.join(site, 'staff/index.html'), encoding='utf-8').read()
say('href="../print/index.html"' in staff, "staff/index.html links the print kit")
PY
expect_eq "$?" 0 "the pages and content read"
while IFS= read -r line; do
	case $line in "ok: "*) pass "${line#ok: }" ;; *) fail "${line#not ok: }" ;; esac
done <"$TEST_OUT/checks.txt"

# Draw every code (rsvg-convert, one process each) and read them all back
# with one zbarimg (one symbol a picture, in the order given).
svgs=() wants=()
while IFS=$'\t' read -r svg want; do svgs+=("$svg"); wants+=("$want"); done <"$TEST_OUT/codes.tsv"
pngs=()
for svg in "${svgs[@]}"; do
	rsvg-convert -w 330 -b white "$svg" -o "${svg%.svg}.png" || fail "rsvg-convert ${svg##*/}"
	pngs+=("${svg%.svg}.png")
done
mapfile -t gots < <(zbarimg -q --raw --nodbus "${pngs[@]}" 2>/dev/null)
if [ "${#gots[@]}" -ne "${#pngs[@]}" ]; then
	# a picture with no code or two: read them one by one to say which
	gots=()
	for png in "${pngs[@]}"; do gots+=("$(zbarimg -q --raw --nodbus "$png" 2>/dev/null | paste -sd ' ')"); done
fi
for i in "${!svgs[@]}"; do
	expect_eq "${gots[$i]}" "${wants[$i]}" "$(basename "${svgs[$i]}") reads ${wants[$i]}"
done
n=${#svgs[@]}
[ "$n" -ge 40 ] && pass "$n QR codes decoded" || fail "only $n QR codes"

# The kit's pages and the pages linking to it pass the Nu Html Checker.
files=("$site"/print/index.html "$site"/print/*/index.html "$site"/print/projects/*/index.html "$site"/staff/index.html
	"$site"/projects/2569-001/index.html "$site"/forms/complaint/2569-001/index.html)
java -jar "$vnu" --errors-only --also-check-svg "${files[@]}" >"$TEST_OUT/vnu.txt" 2>&1
rc=$?
sed "s|$TEST_OUT/||" "$TEST_OUT/vnu.txt" | head -20 >&2
expect_eq "$rc" 0 "vnu: no errors in ${#files[@]} pages"

# Printed by Chromium, a sheet (the longest title), the poster and the
# announcement each fit one A4 page.
if [ -d "$TOP/node_modules/playwright-core" ] && [ -x /usr/bin/chromium ]; then
	long=$(cd "$site" && for f in print/projects/*/index.html; do
		printf '%s %s\n' "$(wc -c <"$f")" "$f"; done | sort -rn | head -1 | cut -d' ' -f2)
	mkdir -p "$TEST_OUT/pdf"
	SITE_DIR=$site OUT_DIR=$TEST_OUT/pdf PAGES="$long print/poster/index.html print/announcement/index.html" \
		node "$TOP/tests/browser/print-pages.mjs" >"$TEST_OUT/pdf.txt" 2>&1
	expect_eq "$?" 0 "Chromium prints them"
	while IFS= read -r line; do
		case $line in "ok: "*) pass "${line#ok: }" ;; "not ok: "*) fail "${line#not ok: }" ;; *) echo "$line" >&2 ;; esac
	done <"$TEST_OUT/pdf.txt"
else
	fail "playwright-core or chromium missing: make deps-node deps-test"
fi
finish
