#!/usr/bin/python3
"""The figures the brochure prints equal the workbook's totals.

    consistency.py FILE.pdf FILE.xlsx

From the PDF (pdftotext): the "Síť služeb v číslech" block — number of
services, of providers, capacity per unit, revenues of a year. From the
workbook (openpyxl, the cached values, which tests/scripts/xlsx.sh shows
Gnumeric recalculates to the same numbers): Obsah (services, providers),
Kapacity (capacity by unit), Financování (revenues by year). Every printed
figure must equal its cell, and every unit with a capacity in the workbook
must be printed. Exits 0 when all agree; prints each difference.
"""
import re, subprocess, sys
import openpyxl

pdf, xlsx = sys.argv[1], sys.argv[2]
text = subprocess.run(["pdftotext", pdf, "-"], check=True, capture_output=True,
                      text=True).stdout
start = text.find("Síť služeb v číslech")
if start < 0:
    sys.exit("the PDF has no „Síť služeb v číslech“ block")
block = " ".join(text[start:start + 1500].split())

def number(s):
    return int(re.sub(r"[\s\u00a0\u202f]", "", s))

NUM = r"(\d[\d\u00a0\u202f ]*\d|\d)"
wb = openpyxl.load_workbook(xlsx, data_only=True)
bad = checked = 0

def same(what, printed, cell):
    global bad, checked
    checked += 1
    if printed != cell:
        bad += 1
        print("%s: the PDF prints %s, the workbook has %s" % (what, printed, cell))

def cell_after(sheet, label):
    ws = wb[sheet]
    for row in ws.iter_rows():
        for c in row:
            if c.value == label:
                return ws.cell(row=c.row, column=c.column + 1).value
    return None

m = re.search(NUM + r" registrovan", block)
same("services", m and number(m.group(1)), cell_after("Obsah", "Počet služeb"))
m = re.search(NUM + r" poskytovatel", block)
same("providers", m and number(m.group(1)), cell_after("Obsah", "Počet poskytovatelů"))

units = {"lůž": "Počet lůžek", "klient": "Počet klientů", "interv": "Počet intervencí",
         "kontakt": "Počet kontaktů", "hovor": "Počet hovorů"}
printed = {}
for m in re.finditer(NUM + r" (lůž|klient|interv|kontakt|hovor)", block):
    printed[m.group(2)] = number(m.group(1))
ws = wb["Kapacity"]
for stem, label in units.items():
    value = None
    for row in ws.iter_rows(min_row=1, max_row=20):
        a = row[0].value
        if isinstance(a, str) and a.startswith(label):
            value = row[1].value
            break
    if value:
        same("capacity " + label, printed.get(stem), value)
    elif stem in printed:
        same("capacity " + label, printed[stem], value)

m = re.search(r"v roce (\d{4}): " + NUM + r" Kč", block)
if m:
    year, amount = int(m.group(1)), number(m.group(2))
    ws = wb["Financování"]
    col = total = None
    for c in ws[5]:
        if c.value == year:
            col = c.column
    for row in ws.iter_rows(min_row=6, max_row=40):
        if row[0].value == "Výnosy celkem" and col is not None:
            total = ws.cell(row=row[0].row, column=col).value
            break
    same("revenues %d" % year, amount, round(total) if total is not None else None)
else:
    same("revenues", "nothing", "a yearly total")
print("%d figures compared, %d differ" % (checked, bad))
sys.exit(1 if bad or checked < 4 else 0)
