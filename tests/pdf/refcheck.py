#!/usr/bin/python3
"""Checks every printed page reference of a brochure against the PDF itself.

    refcheck.py [--shift N] FILE.pdf

Reads only the PDF, through real clients: the page labels and the outline
from `qpdf --json`, the words of each page with their boxes from `pdftotext
-bbox` (grouped into rows, and into two columns where a vertical band free
of words splits the page). The pages of the parts that print page numbers
are those from an outline item titled Obsah, Rozcestník… or Rejstřík… to the
next top-level item. On them, every row that ends, after a gap (the dot
leaders are drawn, not text), in page numbers is a reference ("Název služby
…… 23", "… 12, 15"; a name that fills its row has the numbers alone on the
next); anywhere, so is "Název → s. 23". A reference is right when the page
labelled with that number shows the text before it. --shift N adds N to
every printed number (the test suite uses it to prove that wrong numbers
are caught).
Exits 0 when every reference is right and there are some; prints each wrong
one and a count.
"""
import html, json, re, subprocess, sys

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

NUM = re.compile(r"^(?:\d+|[ivxlc]+),?$")
WORD = re.compile(r'<word xMin="([^"]+)" yMin="([^"]+)" xMax="([^"]+)" yMax="([^"]+)">(.*?)</word>')

def read_pages(pdf):
    """Each page as a list of columns, each a list of rows of words
    (x0, x1, text). Columns are found as a vertical band free of words in
    the middle of the page; rows are words on one baseline."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], check=True,
        capture_output=True, text=True).stdout
    pages = []
    for chunk in out.split("<page ")[1:]:
        width = float(re.match(r'width="([^"]+)"', chunk).group(1))
        words = [(float(a), float(b), float(c), float(d), html.unescape(t))
                 for a, b, c, d, t in WORD.findall(chunk)]
        # a gutter: the widest band in the middle third that no word crosses
        lo, hi = width / 3, 2 * width / 3
        covered = sorted((max(w[0], lo), min(w[2], hi)) for w in words
                         if w[2] > lo and w[0] < hi)
        best, at, x = 0, None, lo
        for a, b in covered:
            if a - x > best:
                best, at = a - x, (x + a) / 2
            x = max(x, b)
        if hi - x > best:
            best, at = hi - x, (x + hi) / 2
        split = at if best >= 5 and covered else None
        # page numbers alone at the right (contents, leaders drawn as
        # vector dots) are not a column
        if split is not None and len({round(w[3]) for w in words
                if w[0] >= split and not NUM.match(w[4])}) < 3:
            split = None
        cols = [[], []] if split is not None else [[]]
        for w in words:
            k = 1 if split is not None and w[0] >= split else 0
            cols[k].append(w)
        page = []
        for col in cols:
            # one row: bottoms within 3 pt (fonts of a line differ a little)
            rows = []
            for w in sorted(col, key=lambda w: w[3]):
                if rows and w[3] - rows[-1][0] <= 3:
                    rows[-1][1].append((w[0], w[2], w[4]))
                else:
                    rows.append((w[3], [(w[0], w[2], w[4])]))
            page.append([(y, sorted(r)) for y, r in rows])
        pages.append(page)
    return pages

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
    pages = read_pages(pdf)[:npages]
    lab = labels(info, npages)
    by_label = {}
    for i, l in enumerate(lab):
        by_label.setdefault(l, i)
    flat = [norm(" ".join(" ".join(t for _, _, t in row) for col in page for _, row in col))
            for page in pages]
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
    num = NUM
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
    for i, page in enumerate(pages):
        for col in page:
            prev = None
            prev_y = 0
            for y, row in col:
                text = " ".join(t for _, _, t in row)
                m = cross_re.search(text)
                if m:
                    check(i, m.group(1), m.group(2))
                    prev, prev_y = row, y
                    continue
                if i not in ref_pages:
                    continue
                # a name that filled its line: the numbers alone below it
                if (prev is not None and y - prev_y < 30 and
                        not NUM.match(prev[-1][2]) and
                        all(NUM.match(w[2]) for w in row)):
                    for _, _, n in row:
                        check(i, " ".join(t for _, _, t in prev), n.rstrip(","))
                    prev = None
                    continue
                prev, prev_y = row, y
                if len(row) < 2:
                    continue
                # page numbers at the row's end, after a gap (the leaders)
                k = len(row)
                while k > 1 and num.match(row[k - 1][2]):
                    k -= 1
                if k == len(row) or row[k][0] - row[k - 1][1] < 8:
                    continue
                name = " ".join(t for _, _, t in row[:k])
                for _, _, n in row[k:]:
                    check(i, name, n.rstrip(","))
    print("%d page references checked, %d wrong" % (checked, wrong))
    sys.exit(1 if wrong or checked == 0 else 0)

main()
