#!/usr/bin/python3
"""Checks of the XLSX appendices by other programs (tests/scripts/xlsx.sh).

    check.py recalc ORIGINAL.xlsx RECALCULATED.xlsx
        every formula cell of ORIGINAL has in RECALCULATED (the same file
        recalculated by Gnumeric) the value ORIGINAL caches for it
    check.py tamper IN.xlsx OUT.xlsx
        copies IN with one cached formula value made wrong (to prove that
        `recalc` can fail)
    check.py openpyxl FILE.xlsx
        loads FILE with openpyxl, every warning an error
    check.py totals FILE.xlsx EDITION_DIR
        compares the workbook's totals with numbers computed here, from the
        sample's JSON files and codebooks, without mapa's code
    check.py print FILE.xlsx
        every sheet prints its text at 7 points or more (A4, its scale)

Uses Debian's python3-openpyxl; run with /usr/bin/python3.
"""
import json
import os
import re
import sys
import warnings
import zipfile
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import cells  # noqa: E402  (the dump, for formula cells and cached values)

failures = 0


def fail(msg):
    global failures
    failures += 1
    print("FAIL: " + msg)


def formula_cells(path):
    """{"Sheet!A1": (formula, cached value text)} from the dump."""
    import io
    out = io.StringIO()
    cells.dump(path, out)
    result = {}
    for line in out.getvalue().splitlines():
        f = line.split("\t")
        if len(f) >= 4 and f[1] == "f":
            result[f[0]] = (f[2], f[3])
    return result


def same(a, b):
    try:
        x, y = float(a), float(b)
    except ValueError:
        return a == b
    # money sums may differ in the last bit between summation orders
    return abs(x - y) <= 1e-9 * max(1.0, abs(x))


def cmd_recalc(orig, recalc):
    a = formula_cells(orig)
    b = formula_cells(recalc)
    if len(a) < 10:
        fail("only %d formula cells in %s" % (len(a), orig))
    for ref, (formula, cached) in sorted(a.items()):
        if ref not in b:
            fail("%s %s: no value after recalculation" % (ref, formula))
        elif not same(cached, b[ref][1]):
            fail("%s %s: cached %s, Gnumeric computes %s" % (ref, formula, cached, b[ref][1]))
    print("recalc: %d formula cells compared" % len(a))


def cmd_tamper(src, dst):
    zin = zipfile.ZipFile(src)
    zout = zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED)
    done = False
    for info in zin.infolist():
        data = zin.read(info.filename)
        if not done and info.filename.startswith("xl/worksheets/sheet"):
            text = data.decode("utf-8")
            new, n = re.subn(r"(<f>[^<]*</f><v>)(\d+)(</v>)",
                             lambda m: m.group(1) + str(int(m.group(2)) + 7) + m.group(3),
                             text, count=1)
            if n:
                data = new.encode("utf-8")
                done = True
        zout.writestr(info, data)
    zout.close()
    if not done:
        fail("no formula to tamper with in " + src)


def cmd_openpyxl(path):
    warnings.simplefilter("error")
    import openpyxl
    for data_only in (False, True):
        wb = openpyxl.load_workbook(path, data_only=data_only)
        n = sum(1 for ws in wb.worksheets for row in ws.iter_rows() for c in row
                if c.value is not None)
        if n < 100:
            fail("openpyxl sees only %d cells" % n)
    print("openpyxl: %d sheets, %d cells" % (len(wb.worksheets), n))


# ---- totals computed without mapa -----------------------------------------

def tsv(path):
    rows = [line.rstrip("\n").split("\t") for line in open(path, encoding="utf-8")]
    head = rows[0]
    return [dict(zip(head, r)) for r in rows[1:] if r and r[0]]


def load_sample(folder):
    """The sample's services: katalog.json with doplnky.json's fields laid
    over them by identifikátor; only those active on the edition's date."""
    def load(name):
        return json.load(open(os.path.join(folder, name), encoding="utf-8"),
                         parse_float=Decimal)
    cat = load("katalog.json")
    over = load("doplnky.json")
    by_id = {s["identifikator"]: s for s in cat["sluzby"]}
    for o in over.get("sluzby", []):
        by_id[o["identifikator"]].update({k: v for k, v in o.items() if k != "identifikator"})
    day = re.search(r"aktivni_k:\s*(\S+)", open(os.path.join(folder, "edice.yaml"),
                                                 encoding="utf-8").read()).group(1)
    live = [s for s in cat["sluzby"]
            if s.get("registrace_od", "0000") <= day
            and (s.get("registrace_do") in (None, "") or s["registrace_do"] >= day)]
    return cat, live


def workbook_values(path):
    import openpyxl
    warnings.simplefilter("ignore")
    return openpyxl.load_workbook(path, data_only=True)


def rows(ws):
    for row in ws.iter_rows(values_only=True):
        yield list(row)


def cmd_totals(path, folder):
    top = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    units = tsv(os.path.join(top, "src", "codebooks", "units.tsv"))
    funds = tsv(os.path.join(top, "src", "codebooks", "funds.tsv"))
    cat, live = load_sample(folder)

    n = len(live)
    providers = {s["poskytovatel"] for s in live}
    cap = {u["kod"]: 0 for u in units}
    has = {u["kod"]: 0 for u in units}
    for s in live:
        seen = set()
        for f in s.get("formy", []):
            if isinstance(f, str):
                continue
            for c in f.get("kapacity", []):
                cap[c["jednotka"]] += c["pocet"]
                seen.add(c["jednotka"])
        for u in seen:
            has[u] += 1
    years = sorted({y["rok"] for s in live for y in s.get("ukazatele", [])})
    revenue = {(f["kod"], y): Decimal(0) for f in funds for y in years}
    costs = {y: Decimal(0) for y in years}
    for s in live:
        for y in s.get("ukazatele", []):
            for k, v in y.get("vynosy", {}).items():
                revenue[(k, y["rok"])] += v
            if "naklady" in y:
                costs[y["rok"]] += y["naklady"]

    wb = workbook_values(path)
    checked = 0

    def expect(what, got, want):
        nonlocal checked
        checked += 1
        if got is None or abs(Decimal(str(got)) - Decimal(want)) > Decimal("0.005"):
            fail("%s: workbook %s, computed %s" % (what, got, want))

    # Obsah
    for r in rows(wb["Obsah"]):
        if r[0] == "Počet služeb":
            expect("Obsah: services", r[1], n)
        if r[0] == "Počet poskytovatelů":
            expect("Obsah: providers", r[1], len(providers))

    # Síť služeb: one row per service, capacity columns
    ws = wb["Síť služeb"]
    table = list(rows(ws))
    head = table[3]
    data = [r for r in table[4:] if r[0] is not None]
    expect("Síť služeb: rows", len(data), n)
    for u in units:
        col = head.index(u["kratce"][0].upper() + u["kratce"][1:])
        expect("Síť služeb: sum of " + u["kod"], sum(r[col] or 0 for r in data), cap[u["kod"]])
        expect("Síť služeb: services with " + u["kod"],
               sum(1 for r in data if r[col] is not None), has[u["kod"]])

    # Podle druhu a obce: the grand total of each block, column Celkem
    block = None
    total_col = None
    for r in rows(wb["Podle druhu a obce"]):
        if r[0] and r[1] is None and (r[0] == "Počet služeb" or r[0].startswith("Kapacita")):
            block = r[0]
        if r[0] == "§" and "Celkem" in r:
            total_col = r.index("Celkem")
        if r[1] == "Celkem" and block is not None:
            if block == "Počet služeb":
                expect("Podle druhu a obce: services", r[total_col], n)
            else:
                short = block.split("\u2013")[1].strip()
                code = [u["kod"] for u in units if u["kratce"] == short][0]
                expect("Podle druhu a obce: " + code, r[total_col], cap[code])
            block = None

    # Kapacity: capacity by unit
    labels = {u["nazev"]: u["kod"] for u in units}
    for r in rows(wb["Kapacity"]):
        if r[0] in labels and isinstance(r[1], (int, float)):
            expect("Kapacity: " + r[0], r[1], cap[labels[r[0]]])
            expect("Kapacity: services with " + r[0], r[2], has[labels[r[0]]])
            del labels[r[0]]
    for left in labels:
        if cap[labels[left]] > 0:
            fail("Kapacity: no row for " + left)

    # Financování: revenue by source and year, totals, costs
    fund_names = {f["nazev"]: f["kod"] for f in funds}
    section = None
    for r in rows(wb["Financování"]):
        if r[0] in ("Výnosy podle zdroje (Kč)", "Podíl zdrojů na výnosech", "Náklady a výnosy (Kč)"):
            section = r[0]
        elif section == "Výnosy podle zdroje (Kč)" and r[0] == "Zdroj financování":
            if [int(y) for y in r[1:1 + len(years)]] != years:
                fail("Financování: years %s, computed %s" % (r[1:], years))
        elif section == "Výnosy podle zdroje (Kč)" and r[0] in fund_names:
            for i, y in enumerate(years):
                expect("Financování: %s %d" % (r[0], y), r[1 + i], revenue[(fund_names[r[0]], y)])
        elif section == "Výnosy podle zdroje (Kč)" and r[0] == "Výnosy celkem":
            for i, y in enumerate(years):
                expect("Financování: revenue %d" % y, r[1 + i],
                       sum(revenue[(f["kod"], y)] for f in funds))
        elif section == "Náklady a výnosy (Kč)" and r[0] == "Náklady celkem":
            for i, y in enumerate(years):
                expect("Financování: costs %d" % y, r[1 + i], costs[y])
    print("totals: %d figures compared" % checked)
    if checked < 40:
        fail("only %d totals compared" % checked)


def cmd_print(path):
    """Every sheet prints its 11-point text at 7 points or more on A4.

    Independent of xlsx.c's own arithmetic: the scale is the one stored, or
    for "fit to n pages wide" the largest whole percentage at which the
    visible columns, a column never split and the print-title columns
    repeated, take at most n pages; a column width unit is taken as 7
    points, as LibreOffice prints it (Excel: 5.25).
    """
    import openpyxl
    import openpyxl.utils
    import xml.etree.ElementTree as ET
    ns = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}
    z = zipfile.ZipFile(path)
    wb = openpyxl.load_workbook(path)
    sheets = 0
    for i, name in enumerate(wb.sheetnames, 1):
        ws = ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % i))
        widths = {}
        for col in ws.findall("m:cols/m:col", ns):
            for c in range(int(col.get("min")), int(col.get("max")) + 1):
                widths[c] = 0.0 if col.get("hidden") else float(col.get("width"))
        w = [widths.get(c, 8.43) for c in range(1, max(widths) + 1)] if widths else [8.43]
        ps = ws.find("m:pageSetup", ns)
        pm = ws.find("m:pageMargins", ns)
        fit = ws.find("m:sheetPr/m:pageSetUpPr", ns)
        landscape = ps.get("orientation") == "landscape"
        across = (297 if landscape else 210) / 25.4 * 72 - 72 * (
            float(pm.get("left")) + float(pm.get("right")))
        titles = wb[name].print_title_cols
        repeat = 0
        if titles:
            repeat = openpyxl.utils.column_index_from_string(titles.split(":")[1].lstrip("$"))

        def pages(pct):
            room = across * 100.0 / pct / 7.0
            fixed = sum(w[:repeat])
            used, n = 0.0, 1
            for c, cw in enumerate(w):
                if used > 0 and used + cw > room and c >= repeat:
                    n, used = n + 1, fixed
                used += cw
            return n

        if fit is not None and fit.get("fitToPage"):
            n = int(ps.get("fitToWidth", "1"))
            pct = next(p for p in range(100, 9, -1) if pages(p) <= n or p == 10)
        else:
            pct = int(ps.get("scale", "100"))
        pt = 11.0 * pct / 100
        sheets += 1
        if pt < 7.0 - 1e-9:
            fail("%s prints at %d %% = %.1f pt, under 7 pt" % (name, pct, pt))
    print("print: %d sheets checked" % sheets)


def main():
    cmds = {"recalc": (cmd_recalc, 2), "tamper": (cmd_tamper, 2),
            "openpyxl": (cmd_openpyxl, 1), "totals": (cmd_totals, 2),
            "print": (cmd_print, 1)}
    if len(sys.argv) < 2 or sys.argv[1] not in cmds or len(sys.argv) != 2 + cmds[sys.argv[1]][1]:
        sys.exit(__doc__)
    cmds[sys.argv[1]][0](*sys.argv[2:])
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
