#!/usr/bin/python3
"""staff-report.py URL PERSON PASSWORD PROJECT PERCENT NARRATIVE: an
officer's report through staff.cgi as a browser without JavaScript sends
it: sign in (POST /login), open the form (GET /report?project=), keep every
pre-filled value, set percent and narrative, send it (POST /report,
multipart/form-data) with the form's CSRF token and the Origin header.
Prints the HTTP status of the report's answer and the time (Unix seconds)
just before the report was sent; exit 0 when it was accepted (2xx or
303)."""
import html.parser
import http.client
import sys
import time
import urllib.parse
import uuid

base, person, password, project, percent, narrative = sys.argv[1:7]
u = urllib.parse.urlsplit(base)
origin = "%s://%s" % (u.scheme, u.netloc)
cgi = u.path.rstrip("/")


def request(method, path, body=None, ctype=None, cookie=None):
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    h = {"Origin": origin}
    if ctype:
        h["Content-Type"] = ctype
    if cookie:
        h["Cookie"] = cookie
    c.request(method, cgi + path, body=body, headers=h)
    r = c.getresponse()
    data = r.read()
    return r.status, r.getheader("Set-Cookie"), data.decode("utf-8", "replace")


def multipart(fields):
    b = uuid.uuid4().hex
    out = []
    for k, v in fields:
        out.append("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n%s\r\n" % (b, k, v))
    out.append("--%s--\r\n" % b)
    return "".join(out).encode(), "multipart/form-data; boundary=" + b


class Form(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.fields, self.textarea = [], None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") and a.get("type") not in ("file", "submit"):
            self.fields.append([a["name"], a.get("value") or ""])
        elif tag == "textarea" and a.get("name"):
            self.textarea = [a["name"], ""]
            self.fields.append(self.textarea)

    def handle_data(self, d):
        if self.textarea is not None:
            self.textarea[1] += d

    def handle_endtag(self, tag):
        if tag == "textarea":
            self.textarea = None


body, ctype = multipart([("id", person), ("password", password)])
st, cookie, page = request("POST", "/login", body, ctype)
if not cookie:
    sys.exit("login: %d, no cookie\n%s" % (st, page[:2000]))
cookie = cookie.split(";")[0]
st, _, page = request("GET", "/report?project=" + project, cookie=cookie)
if st != 200:
    sys.exit("form: %d\n%s" % (st, page[:2000]))
f = Form()
f.feed(page)
for fld in f.fields:
    if fld[0] == "percent":
        fld[1] = percent
    elif fld[0] == "narrative":
        fld[1] = narrative
body, ctype = multipart([tuple(x) for x in f.fields])
sent = time.time()
st, _, page = request("POST", "/report", body, ctype, cookie=cookie)
print(st, "%.3f" % sent)
if st not in (200, 201, 202, 303):
    sys.exit("report: %d\n%s" % (st, page[:3000]))
