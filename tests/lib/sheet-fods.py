#!/usr/bin/env python3
# sheet-fods.py OUT.fods SPEC: a flat OpenDocument spreadsheet for
# LibreOffice to save as .xlsx (t31xx).  SPEC is JSON: a list of sheets
# {"name", "hidden", "rows": [[cell, ...], ...]}; a cell is a string, a
# number, {"date": "YYYY-MM-DD"} or {"formula": "of:=1+1", "value": 2}.
import json, sys
from xml.sax.saxutils import escape, quoteattr

NS = ('xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
      'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
      'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
      'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
      'xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"')

def cell(c):
    if c is None or c == "":
        return "<table:table-cell/>"
    if isinstance(c, dict) and "date" in c:
        return ('<table:table-cell office:value-type="date" office:date-value="%s"><text:p>%s</text:p>'
                '</table:table-cell>' % (c["date"], c["date"]))
    if isinstance(c, dict) and "formula" in c:
        return ('<table:table-cell table:formula=%s office:value-type="float" office:value="%s">'
                '<text:p>%s</text:p></table:table-cell>' % (quoteattr(c["formula"]), c["value"], c["value"]))
    if isinstance(c, (int, float)):
        return ('<table:table-cell office:value-type="float" office:value="%s"><text:p>%s</text:p>'
                '</table:table-cell>' % (c, c))
    return '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % escape(c)

out, spec = sys.argv[1], json.loads(sys.argv[2])
p = ['<?xml version="1.0" encoding="UTF-8"?>',
     '<office:document %s office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">' % NS,
     '<office:automatic-styles><style:style style:name="hid" style:family="table">'
     '<style:table-properties table:display="false"/></style:style></office:automatic-styles>',
     '<office:body><office:spreadsheet>']
for s in spec:
    p.append('<table:table table:name=%s%s>' % (quoteattr(s["name"]), ' table:style-name="hid"' if s.get("hidden") else ""))
    for r in s["rows"]:
        p.append("<table:table-row>" + "".join(cell(c) for c in r) + "</table:table-row>")
    p.append("</table:table>")
p.append("</office:spreadsheet></office:body></office:document>")
open(out, "w", encoding="utf-8").write("\n".join(p))
