#!/usr/bin/env python3
# sheet-xlsx.py OUT.xlsx ROWS.json [OPTIONS.json]: a minimal .xlsx written
# by hand (inline strings, numbers) for the cap tests (t3120): the parts a
# reader needs and nothing more.  OPTIONS: "nest" (elements nested inside
# the worksheet to reach that depth in all), "doctype" (a DOCTYPE with an
# external entity), "entries"
# (extra files to reach that many in the zip), "total" (blanks after the
# worksheet so that the parts a reader inflates hold exactly that many bytes).
import json, sys, zipfile
from xml.sax.saxutils import escape

out, rows = sys.argv[1], json.loads(open(sys.argv[2]).read())
opt = json.loads(sys.argv[3]) if len(sys.argv) > 3 else {}

def col(i):
    s = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        s = chr(65 + r) + s
    return s

cells = []
for r, row in enumerate(rows):
    cs = []
    for j, v in enumerate(row):
        ref = "%s%d" % (col(j), r + 1)
        if v is None:
            continue
        if isinstance(v, (int, float)):
            cs.append('<c r="%s"><v>%s</v></c>' % (ref, v))
        else:
            cs.append('<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v)))
    cells.append('<row r="%d">%s</row>' % (r + 1, "".join(cs)))
head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
if opt.get("doctype"):
    head += '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n'
nest = opt.get("nest", 0)
# worksheet is depth 1; nest - 1 more levels of <extLst>
ext = "<extLst>" * (nest - 1) + "</extLst>" * (nest - 1) if nest else ""
sheet = (head + '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
         '<sheetData>' + "".join(cells) + '</sheetData>' + ext + '</worksheet>').encode()
wb = ('<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
      'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>'
      '<sheet name="s" sheetId="1" r:id="rId1"/></sheets></workbook>').encode()
rels = ('<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
        'Target="worksheets/sheet1.xml"/></Relationships>').encode()
if "total" in opt:
    sheet += b" " * (opt["total"] - len(sheet) - len(wb) - len(rels))
z = zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED)
z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>')
z.writestr("xl/workbook.xml", wb)
z.writestr("xl/_rels/workbook.xml.rels", rels)
z.writestr("xl/worksheets/sheet1.xml", sheet)
for i in range(opt.get("entries", 0) - 4):
    z.writestr("pad/%d.txt" % i, "")
z.close()
