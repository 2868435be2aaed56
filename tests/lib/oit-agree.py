#!/usr/bin/env python3
"""oit-agree.py SITE CHECK_OUTPUT YEAR: the findings the OIT page of YEAR
shows under each item equal the warnings `prongsai check` printed for
oit/YEAR.yaml (Thai), item by item.  Prints the difference; exit 1 if any."""
import html, re, sys

site, check_out, year = sys.argv[1], sys.argv[2], sys.argv[3]
page = open(f"{site}/oit/{year}/index.html", encoding="utf-8").read()
shown = set()
for code, row in re.findall(r'<tr id="(O\d+)">(.*?)</tr>', page, re.S):
    for f in re.findall(r'<li class="small">(.*?)</li>', row, re.S):
        f = html.unescape(f)
        if not f.startswith(code + ":"):
            print(f"page: finding under {code} names another item: {f}")
            sys.exit(1)
        shown.add(f)
warned = set()
for line in open(check_out, encoding="utf-8"):
    m = re.match(rf"oit/{year}\.yaml:\d+:\d+: warning: (.*)$", line.rstrip("\n"))
    if m:
        warned.add(m.group(1))
for f in sorted(shown - warned):
    print("on the page only:", f)
for f in sorted(warned - shown):
    print("from check only:", f)
print(f"{len(shown)} findings on the page, {len(warned)} warnings")
sys.exit(0 if shown == warned else 1)
