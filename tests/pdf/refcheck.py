#!/usr/bin/python3
"""Checks every printed page reference of a brochure against the PDF itself.

    refcheck.py [--shift N] FILE.pdf

Reads only the PDF, through real clients: the page labels and the outline
from `qpdf --json`, the text of each page from `pdftotext -layout`. The
pages of the parts that print page numbers are those from an outline item
titled Obsah, Rozcestník… or Rejstřík… to the next top-level item. On them,
every line that ends, after a gap of two or more spaces, in page numbers
("Název služby      23", "… 12, 15") is a reference; anywhere, so is
"Název → s. 23". A reference is right when the page labelled with that
number shows the text before it. --shift N adds N to every printed number
(the test suite uses it to prove that wrong numbers are caught).
Exits 0 when every reference is right and there are some; prints each wrong
one and a count.
"""
import json, re, subprocess, sys

ROMAN = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
         (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]

def roman(n):
    s = ""
    for v, r in ROMAN:
        while n >= v:
            s += r
            n -= v
    return s

def alpha(n):
    s = ""
    while n > 0:
        n, r = divmod(n - 1, 26)
        s = chr(97 + r) + s
    return s

def fmt(style, n):
    if style == "/D": return str(n)
    if style == "/r": return roman(n)
    if style == "/R": return roman(n).upper()
    if style == "/a": return alpha(n)
    if style == "/A": return alpha(n).upper()
    return ""

def strip_u(s):
    return s[2:] if isinstance(s, str) and s.startswith("u:") else (s or "")

def labels(info, npages):
    out = [str(i + 1) for i in range(npages)]
    ranges = sorted(info.get("pagelabels", []), key=lambda r: r["index"])
    for k, r in enumerate(ranges):
        end = ranges[k + 1]["index"] if k + 1 < len(ranges) else npages
        lab = r["label"]
        st = lab.get("/St", 1)
        for i in range(r["index"], end):
            out[i] = strip_u(lab.get("/P")) + fmt(lab.get("/S"), st + i - r["index"])
    return out

def norm(s):
    return " ".join(s.replace("\u00ad", "").split())

def main():
    args = sys.argv[1:]
    shift = 0
    if args[:1] == ["--shift"]:
        shift = int(args[1]); args = args[2:]
    pdf = args[0]
    info = json.loads(subprocess.run(["qpdf", "--json=2", "--json-key=pagelabels",
        "--json-key=outlines", "--json-key=pages", pdf], check=True,
        capture_output=True, text=True).stdout)
    npages = len(info["pages"])
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], check=True,
        capture_output=True, text=True).stdout.split("\f")[:npages]
    lab = labels(info, npages)
    by_label = {}
    for i, l in enumerate(lab):
        by_label.setdefault(l, i)
    flat = [norm(t) for t in text]
    top = [(o["destpageposfrom1"] - 1, o["title"], o["dest"][3])
           for o in info.get("outlines", [])]
    # A part that starts at the top of the type area owns its whole page.
    top_y = max([t[2] for t in top] or [0])
    ref_pages = set()
    for k, (p, title, y) in enumerate(top):
        if re.match(r"(Obsah|Rozcestník|Rejstřík)", title):
            if k + 1 < len(top):
                end = top[k + 1][0]
                if top[k + 1][2] >= top_y - 1 and end > p:
                    end -= 1
            else:
                end = npages - 1
            ref_pages.update(range(p, max(end, p) + 1))
    num = r"(?:\d+|[ivxlc]+)"
    line_re = re.compile(r"^\s*(\S.*?\S)\s{2,}(" + num + r"(?:,\s*" + num + r")*)\s*$")
    cross_re = re.compile(r"(\S.*?\S)\s*→\s*s\.\s*(\d+)")
    checked = wrong = 0
    def check(page, name, number):
        nonlocal checked, wrong
        checked += 1
        n = number
        if shift and n.isdigit():
            n = str(int(n) + shift)
        target = by_label.get(n)
        if target is None or norm(name) not in flat[target]:
            wrong += 1
            print("page %s: „%s“ → %s: %s" % (lab[page], norm(name), n,
                "no page has that number" if target is None else
                "not on that page"))
    for i, t in enumerate(text):
        for line in t.split("\n"):
            m = cross_re.search(line)
            if m:
                check(i, m.group(1), m.group(2))
                continue
            if i not in ref_pages:
                continue
            m = line_re.match(line)
            if m:
                for n in re.split(r",\s*", m.group(2)):
                    check(i, m.group(1), n)
    print("%d page references checked, %d wrong" % (checked, wrong))
    sys.exit(1 if wrong or checked == 0 else 0)

main()
