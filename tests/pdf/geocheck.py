#!/usr/bin/python3
"""Checks a page geometry dump (mapa render --geometry=FILE).

    geocheck.py FILE.geo

Every content line must stand inside its page's type area ("area x0 y0 x1
y1" on the page line): its left end at or right of x0, its right end at or
left of x1, its baseline between y0 and y1. Every item, running heads and
rules included, must stay on the page. Exits 0 when all do and the dump has
content lines; prints each offender.
"""
import re, sys

EPS = 0.02
bad = lines = 0
W = H = None
area = None
page = "?"
for raw in open(sys.argv[1], encoding="utf-8"):
    m = re.match(r"pages (\S+) x (\S+) count", raw)
    if m:
        W, H = float(m.group(1)), float(m.group(2))
        continue
    m = re.match(r"page (\d+) label (\S+) .* area (\S+) (\S+) (\S+) (\S+)", raw)
    if m:
        page = m.group(2)
        area = tuple(float(m.group(k)) for k in range(3, 7))
        continue
    m = re.match(r"  (line|rule|box|image) (\S+) (\S+) (\S+) (\S+)( artifact)?(.*)", raw)
    if not m:
        continue
    kind = m.group(1)
    x, y, w, h = (float(m.group(k)) for k in range(2, 6))
    artifact = m.group(6) is not None
    what = "page %s: %s %s" % (page, kind, m.group(7).strip()[:60])
    if x < -EPS or x + w > W + EPS or y < -EPS or y > H + EPS:
        bad += 1
        print("%s: off the page (x %.2f..%.2f, y %.2f)" % (what, x, x + w, y))
        continue
    if artifact or kind in ("rule", "box"):
        continue
    x0, y0, x1, y1 = area
    if kind == "line":
        lines += 1
        top, bottom = y, y
    else:
        top, bottom = y, y + h
    if x < x0 - EPS or x + w > x1 + EPS or top < y0 - EPS or bottom > y1 + EPS:
        bad += 1
        print("%s: outside the type area %.2f %.2f %.2f %.2f (x %.2f..%.2f, y %.2f)"
              % (what, x0, y0, x1, y1, x, x + w, y))
print("%d content lines checked, %d items outside" % (lines, bad))
sys.exit(1 if bad or lines == 0 else 0)
