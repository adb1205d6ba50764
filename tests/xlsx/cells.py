#!/usr/bin/python3
"""Dumps an XLSX workbook as text, for golden tests (tests/scripts/xlsx.sh).

    /usr/bin/python3 tests/xlsx/cells.py FILE.xlsx

Reads the package with zipfile and ElementTree only, so that the dump shows
what the file stores, not what a library makes of it: one line per cell,

    Sheet!A1<TAB>type<TAB>value[<TAB>number format]

where type is s (text), n (number), b (boolean), e (error) or f (formula,
followed by the formula and its cached value), then the workbook's defined
names, document properties, and per sheet the frozen panes, column widths,
page setup and margins, page breaks, header and footer, print titles, hyperlinks, tables and charts.
"""
import posixpath
import re
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {
    "m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "pr": "http://schemas.openxmlformats.org/package/2006/relationships",
    "c": "http://schemas.openxmlformats.org/drawingml/2006/chart",
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "xdr": "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
    "cp": "http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
    "dc": "http://purl.org/dc/elements/1.1/",
    "dcterms": "http://purl.org/dc/terms/",
    "ep": "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
}
RID = "{%s}id" % NS["r"]
BUILTIN_FORMATS = {0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00",
                   9: "0%", 10: "0.00%", 14: "mm-dd-yy", 49: "@"}


def esc(s):
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("\t", "\\t")


class Package:
    def __init__(self, path):
        self.z = zipfile.ZipFile(path)

    def xml(self, name):
        return ET.fromstring(self.z.read(name))

    def has(self, name):
        return name in self.z.namelist()

    def rels(self, part):
        """Relationship id -> target part name, for a part."""
        d, b = posixpath.split(part)
        name = posixpath.join(d, "_rels", b + ".rels")
        out = {}
        if not self.has(name):
            return out
        for r in self.xml(name).findall("pr:Relationship", NS):
            t = r.get("Target")
            if r.get("TargetMode") == "External":
                out[r.get("Id")] = t
            else:
                out[r.get("Id")] = posixpath.normpath(posixpath.join(d, t))
        return out


def text_of(si):
    return "".join(t.text or "" for t in si.iter("{%s}t" % NS["m"]))


def chart_text(el):
    """The text of a chart title, or its cell reference."""
    if el is None:
        return ""
    f = el.find(".//c:f", NS)
    if f is not None:
        return "=" + f.text
    return "".join(t.text or "" for t in el.iter("{%s}t" % NS["a"]))


def dump(path, out):
    p = Package(path)
    wb = p.xml("xl/workbook.xml")
    wrels = p.rels("xl/workbook.xml")
    strings = []
    if p.has("xl/sharedStrings.xml"):
        strings = [text_of(si) for si in p.xml("xl/sharedStrings.xml").findall("m:si", NS)]
    styles = p.xml("xl/styles.xml")
    numfmts = dict(BUILTIN_FORMATS)
    for nf in styles.findall("m:numFmts/m:numFmt", NS):
        numfmts[int(nf.get("numFmtId"))] = nf.get("formatCode")
    xf_fmt = [numfmts.get(int(xf.get("numFmtId", "0")), "?" + xf.get("numFmtId"))
              for xf in styles.findall("m:cellXfs/m:xf", NS)]

    core = p.xml("docProps/core.xml")
    for tag in ("dc:title", "dc:subject", "dc:creator", "cp:keywords",
                "dc:description", "cp:category", "dcterms:created",
                "dcterms:modified"):
        el = core.find(tag, NS)
        if el is not None:
            out.write("property\t%s\t%s\n" % (tag.split(":")[1], esc(el.text or "")))
    app = p.xml("docProps/app.xml")
    el = app.find("ep:Company", NS)
    if el is not None:
        out.write("property\tcompany\t%s\n" % esc(el.text or ""))
    calc = wb.find("m:calcPr", NS)
    if calc is not None:
        out.write("calc\t%s\n" % " ".join("%s=%s" % kv for kv in sorted(calc.attrib.items())))

    sheets = []
    for s in wb.findall("m:sheets/m:sheet", NS):
        sheets.append((s.get("name"), wrels[s.get(RID)], s.get("state", "visible")))
        out.write("sheet\t%s\t%s\n" % (s.get("name"), s.get("state", "visible")))
    for dn in wb.findall("m:definedNames/m:definedName", NS):
        local = dn.get("localSheetId")
        scope = sheets[int(local)][0] + "!" if local is not None else ""
        out.write("name\t%s%s\t%s%s\n" % (scope, dn.get("name"), dn.text,
                                          "\thidden" if dn.get("hidden") else ""))

    for name, part, _ in sheets:
        ws = p.xml(part)
        rels = p.rels(part)
        out.write("\n# %s\n" % name)
        for pane in ws.findall("m:sheetViews/m:sheetView/m:pane", NS):
            out.write("%s\tpane\t%s\n" % (name, " ".join(
                "%s=%s" % kv for kv in sorted(pane.attrib.items()) if kv[0] != "activePane")))
        for col in ws.findall("m:cols/m:col", NS):
            out.write("%s\tcols\t%s-%s\twidth=%.2f%s\n" % (
                name, col.get("min"), col.get("max"), float(col.get("width", "0")),
                " hidden" if col.get("hidden") else ""))
        pr = ws.find("m:sheetPr/m:pageSetUpPr", NS)
        ps = ws.find("m:pageSetup", NS)
        if ps is not None:
            out.write("%s\tpage\t%s%s\n" % (name, " ".join(
                "%s=%s" % kv for kv in sorted(ps.attrib.items()) if kv[0] != RID),
                " fitToPage" if pr is not None and pr.get("fitToPage") else ""))
        pm = ws.find("m:pageMargins", NS)
        if pm is not None:
            out.write("%s\tmargins\t%s\n" % (name, " ".join(
                "%s=%s" % kv for kv in sorted(pm.attrib.items()))))
        for brk in ws.findall("m:rowBreaks/m:brk", NS):
            out.write("%s\tpage-break\tbefore row %d\n" % (name, int(brk.get("id")) + 1))
        hf = ws.find("m:headerFooter", NS)
        if hf is not None:
            for el in hf:
                out.write("%s\t%s\t%s\n" % (name, el.tag.split("}")[1], esc(el.text or "")))
        for ie in ws.findall("m:ignoredErrors/m:ignoredError", NS):
            out.write("%s\tignoredError\t%s\n" % (name, " ".join(
                "%s=%s" % kv for kv in sorted(ie.attrib.items()))))
        for row in ws.findall("m:sheetData/m:row", NS):
            if row.get("ht") is not None and row.get("customHeight"):
                out.write("%s!%s\trow-height\t%s\n" % (name, row.get("r"), row.get("ht")))
            for c in row.findall("m:c", NS):
                ref = c.get("r")
                t = c.get("t", "n")
                f = c.find("m:f", NS)
                v = c.find("m:v", NS)
                fmt = xf_fmt[int(c.get("s", "0"))]
                fmt = "" if fmt == "General" else "\t" + fmt
                if f is not None:
                    val = v.text if v is not None else ""
                    if t == "s":
                        val = strings[int(val)]
                    out.write("%s!%s\tf\t=%s\t%s%s\n" % (name, ref, esc(f.text or ""), esc(val), fmt))
                elif v is None and t != "inlineStr":
                    continue        # a blank cell that carries only a format
                elif t == "s":
                    out.write("%s!%s\ts\t%s%s\n" % (name, ref, esc(strings[int(v.text)]), fmt))
                elif t == "inlineStr":
                    out.write("%s!%s\ts\t%s%s\n" % (name, ref, esc(text_of(c.find("m:is", NS))), fmt))
                else:
                    out.write("%s!%s\t%s\t%s%s\n" % (name, ref, t, v.text, fmt))
        for h in ws.findall("m:hyperlinks/m:hyperlink", NS):
            target = h.get("location") or rels.get(h.get(RID), "")
            out.write("%s!%s\tlink\t%s\n" % (name, h.get("ref"), esc(target)))
        for tp in ws.findall("m:tableParts/m:tablePart", NS):
            t = p.xml(rels[tp.get(RID)])
            cols = [tc.get("name") for tc in t.findall("m:tableColumns/m:tableColumn", NS)]
            style = t.find("m:tableStyleInfo", NS)
            out.write("%s\ttable\t%s\t%s\t%s\t%s\n" % (
                name, t.get("name"), t.get("ref"),
                style.get("name") if style is not None else "",
                " | ".join(cols)))
        for dr in ws.findall("m:drawing", NS):
            dpart = rels[dr.get(RID)]
            drels = p.rels(dpart)
            d = p.xml(dpart)
            for anchor in d:
                frm = anchor.find("xdr:from", NS)
                pos = "row=%s col=%s" % (frm.find("xdr:row", NS).text, frm.find("xdr:col", NS).text)
                pr = anchor.find(".//xdr:cNvPr", NS)
                descr = pr.get("descr", "") if pr is not None else ""
                for ch in anchor.iter("{%s}chart" % NS["c"]):
                    cx = p.xml(drels[ch.get(RID)])
                    plot = cx.find("c:chart/c:plotArea", NS)
                    kind = [e.tag.split("}")[1] for e in plot if e.tag.endswith("Chart")]
                    grouping = plot.find(".//c:grouping", NS)
                    bardir = plot.find(".//c:barDir", NS)
                    out.write("%s\tchart\t%s\t%s %s %s\t%s\n" % (
                        name, pos, ",".join(kind),
                        bardir.get("val") if bardir is not None else "",
                        grouping.get("val") if grouping is not None else "", esc(descr)))
                    out.write("%s\tchart-title\t%s\n" % (name, chart_text(cx.find("c:chart/c:title", NS))))
                    for ax in plot:
                        if ax.tag.endswith("Ax"):
                            fmt = ax.find("c:numFmt", NS)
                            out.write("%s\tchart-axis\t%s\t%s\t%s\n" % (
                                name, ax.tag.split("}")[1], chart_text(ax.find("c:title", NS)),
                                fmt.get("formatCode") if fmt is not None else ""))
                    for ser in plot.iter("{%s}ser" % NS["c"]):
                        tx = ser.find("c:tx//c:f", NS)
                        cat = ser.find("c:cat//c:f", NS)
                        val = ser.find("c:val//c:f", NS)
                        cache = [pt.find("c:v", NS).text for pt in ser.findall("c:val//c:pt", NS)]
                        out.write("%s\tchart-series\t%s\t%s\t%s\t%s\n" % (
                            name, tx.text if tx is not None else "",
                            cat.text if cat is not None else "",
                            val.text if val is not None else "", " ".join(cache)))


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: cells.py FILE.xlsx")
    dump(sys.argv[1], sys.stdout)


if __name__ == "__main__":
    main()
