#!/usr/bin/env python3
"""html-inert.py DIR: fail if any HTML page under DIR holds active content
that the generator did not put there itself: a script other than the theme's
own assets/js files, an event-handler attribute, a javascript:/vbscript:/
data:text URL, or an iframe/object/embed/style element.  Prints each finding."""
import html.parser, os, re, sys

BAD_TAGS = {"iframe", "object", "embed", "style", "frame", "base"}
BAD_URL = re.compile(r"^\s*(javascript|vbscript|data:text|livescript):", re.I)

class Check(html.parser.HTMLParser):
    def __init__(self, path):
        super().__init__(convert_charrefs=True)
        self.path, self.found = path, []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in BAD_TAGS:
            self.found.append(f"<{tag}>")
        if tag == "script" and not re.match(r"^(\.\./)*assets/js/[a-z-]+(\.[0-9a-f]{16})?\.js$", a.get("src") or ""):
            self.found.append(f"<script {a}>")
        for k, v in attrs:
            if k.startswith("on"):
                self.found.append(f"<{tag} {k}=...>")
            if k in ("href", "src", "action", "formaction", "xlink:href") and v and BAD_URL.match(v):
                self.found.append(f"<{tag} {k}={v}>")

bad = 0
for root, _, files in os.walk(sys.argv[1]):
    for f in files:
        if f.endswith(".html"):
            p = os.path.join(root, f)
            c = Check(p)
            c.feed(open(p, encoding="utf-8").read())
            for x in c.found:
                print(f"{p}: {x}")
                bad += 1
sys.exit(1 if bad else 0)
