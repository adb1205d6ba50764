#!/usr/bin/python3
"""Checks the print files mapa made from a reader PDF (tests/scripts/print.sh).

    check.py READER PRINT BOOKLET [--perfect FILE] [--no-back-cover]
             [--bleed-mm 3]

PRINT: one page per reader page, qpdf --check clean, MediaBox/TrimBox/
BleedBox as documented in src/impose.h, crop marks dark in the slug at every
corner and nothing inside the bleed ring unless the page's ink reaches the
trim there (then the ink must go on into the bleed), the same text as the
reader page, no structure tree, links or XMP, the same title.
BOOKLET: A4 landscape sheet sides in printer's spreads; for every side and
half the text equals that of the reader page expected there (page n of the
brochure on the right sheet side and half), padding halves are blank (no
text, white pixels), the page count is a multiple of 4.
PERFECT: single trimmed pages padded to an even count, back cover last.
No file has a raster image the reader does not have.
Prints one line per problem and exits 1 if there was any.
"""
import glob
import json
import os
import subprocess
import sys
import tempfile

MM = 72 / 25.4
problems = []


def no(msg):
    problems.append(msg)
    print("FAIL:", msg)


def run(*args):
    return subprocess.run(args, capture_output=True, check=False)


def npages(pdf):
    for line in run("pdfinfo", pdf).stdout.decode().splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return 0


def info_title(pdf):
    for line in run("pdfinfo", pdf).stdout.decode().splitlines():
        if line.startswith("Title:"):
            return line.split(":", 1)[1].strip()
    return None


def words(pdf, crop=None):
    """The words of every page (1-based list index - 1), in content order
    (-raw: the same content gives the same order wherever it is placed)."""
    args = ["pdftotext", "-q", "-raw"]
    if crop:
        x, y, w, h = crop
        args += ["-x", str(x), "-y", str(y), "-W", str(w), "-H", str(h)]
    out = run(*args, pdf, "-").stdout.decode()
    return [p.split() for p in out.split("\f")][:npages(pdf)]


def pgms(pdf, dpi):
    """Every page as (width, height, bytes) of 8-bit gray."""
    with tempfile.TemporaryDirectory() as d:
        run("pdftoppm", "-gray", "-r", str(dpi), pdf, os.path.join(d, "p"))
        return [parse_pgm(open(f, "rb").read())
                for f in sorted(glob.glob(os.path.join(d, "p-*.pgm")))]


def parse_pgm(data):
    # P5\n<w> <h>\n255\n<data>
    fields = []
    pos = 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        start = pos
        while not data[pos:pos + 1].isspace():
            pos += 1
        fields.append(data[start:pos])
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos + 1:]


def qpdf_json(pdf):
    out = run("qpdf", "--json=2", pdf).stdout
    return json.loads(out)


def objects(js):
    objs = {}
    for part in js["qpdf"][1:]:
        for key, val in part.items():
            if key.startswith("obj:"):
                objs[key[4:]] = val
            elif key == "trailer":
                objs[key] = val
    return objs


def value(objs, ref):
    v = objs.get(ref, {})
    if "value" in v:
        return v["value"]
    if "stream" in v:
        return v["stream"]["dict"]
    return v


def check_qpdf(pdf):
    r = run("qpdf", "--check", pdf)
    if r.returncode != 0:
        no(f"qpdf --check {pdf}: exit {r.returncode}: "
           f"{r.stdout.decode()[-300:]}")


def near(a, b):
    return abs(a - b) < 0.01


def box_is(got, want, what):
    if got is None or len(got) != 4 or not all(
            near(float(g), w) for g, w in zip(got, want)):
        no(f"{what}: got {got}, want {[round(w, 2) for w in want]}")


def images(pdf):
    lines = run("pdfimages", "-list", pdf).stdout.decode().splitlines()
    return len(lines) - 2


def check_common(pdf, reader_title):
    check_qpdf(pdf)
    js = qpdf_json(pdf)
    objs = objects(js)
    trailer = value(objs, "trailer")
    root = value(objs, trailer.get("/Root", ""))
    for key in ("/StructTreeRoot", "/MarkInfo", "/Metadata", "/Outlines"):
        if key in root:
            no(f"{pdf}: the catalog still has {key}")
    if "/ID" not in trailer:
        no(f"{pdf}: no /ID")
    if info_title(pdf) != reader_title:
        no(f"{pdf}: title {info_title(pdf)!r}, want {reader_title!r}")
    return js, objs


def page_dicts(js, objs):
    return [value(objs, p["object"]) for p in js["pages"]]


def check_trimmed(pdf, reader, bleed, order, what):
    """Single pages with bleed and marks; order: reader page or 0."""
    js, objs = check_common(pdf, info_title(reader))
    pages = page_dicts(js, objs)
    if len(pages) != len(order):
        no(f"{what}: {len(pages)} pages, want {len(order)}")
        return
    off = max(bleed, 3 * MM)
    e = off + 10 * MM
    text, reader_text = words(pdf), words(reader)
    images = pgms(pdf, 72)
    if len(text) != len(pages) or len(images) != len(pages):
        no(f"{what}: pages of text {len(text)}, images {len(images)}")
        return
    for i, (pd, rp) in enumerate(zip(pages, order)):
        mb = [float(v) for v in pd.get("/MediaBox", [0, 0, 0, 0])]
        w, h = mb[2] - 2 * e, mb[3] - 2 * e
        box_is(pd.get("/TrimBox"), [e, e, e + w, e + h],
               f"{what} page {i + 1} TrimBox")
        box_is(pd.get("/BleedBox"), [e - bleed, e - bleed, e + w + bleed,
                                     e + h + bleed],
               f"{what} page {i + 1} BleedBox")
        if "/Annots" in pd:
            no(f"{what} page {i + 1}: has links")
        got = text[i]
        want = reader_text[rp - 1] if rp else []
        if got != want:
            no(f"{what} page {i + 1}: text {' '.join(got)[:60]!r}, "
               f"want reader page {rp}: {' '.join(want)[:60]!r}")
        check_marks(images[i], i + 1, mb, e, w, h, bleed, off, what)


def check_marks(image, page, mb, e, w, h, bleed, off, what):
    """Crop marks in the slug; the bleed ring white unless ink runs on."""
    W, H, px = image
    if abs(W - round(mb[2])) > 1 or abs(H - round(mb[3])) > 1:
        no(f"{what} page {page}: rendered {W}x{H}, MediaBox {mb}")
        return

    def at(x, y):       # PDF coordinates (pt, from the bottom) at 72 dpi
        ix, iy = int(x), int(H - y)
        if 0 <= ix < W and 0 <= iy < H:
            return px[iy * W + ix]
        return 255

    def darkest_h(y, x0, x1):   # a horizontal mark along y
        return min(min(at(x, y + d) for d in (-1, -0.5, 0, 0.5))
                   for x in range(int(x0), int(x1)))

    def darkest_v(x, y0, y1):
        return min(min(at(x + d, y) for d in (-1, -0.5, 0, 0.5))
                   for y in range(int(y0), int(y1)))

    L = 7 * MM
    for cx, sx in ((e, -1), (e + w, 1)):
        for cy, sy in ((e, -1), (e + h, 1)):
            xs = sorted((cx + sx * (off + 1), cx + sx * (off + L - 1)))
            ys = sorted((cy + sy * (off + 1), cy + sy * (off + L - 1)))
            if darkest_h(cy, *xs) > 200 or darkest_v(cx, *ys) > 200:
                no(f"{what} page {page}: no crop mark at corner "
                   f"({cx:.0f}, {cy:.0f})")
    # the ring between trim and bleed box, edge by edge: ink inside the
    # trim edge must run on into the bleed, else the ring is white
    b = int(bleed)
    for i in range(int(e) + 3, int(e + w) - 3, 2):
        for inside, ring in (((i, e + 1.5), [(i, e - k) for k in
                                             range(2, b - 1)]),
                             ((i, e + h - 1.5), [(i, e + h + k) for k in
                                                 range(2, b - 1)])):
            check_ring(at, inside, ring, what, page)
    for j in range(int(e) + 3, int(e + h) - 3, 2):
        for inside, ring in (((e + 1.5, j), [(e - k, j) for k in
                                             range(2, b - 1)]),
                             ((e + w - 1.5, j), [(e + w + k, j) for k in
                                                 range(2, b - 1)])):
            check_ring(at, inside, ring, what, page)


def check_ring(at, inside, ring, what, page):
    ink = at(*inside) < 250
    for p in ring:
        if ink and at(*p) >= 250:
            no(f"{what} page {page}: ink at the trim edge near {inside} "
               f"does not reach into the bleed")
            return
        if not ink and at(*p) < 250:
            no(f"{what} page {page}: something drawn in the bleed at {p}")
            return


def padded(n, unit, keep_last):
    total = -(-n // unit) * unit
    body = n - 1 if keep_last and n > 1 else n
    return (list(range(1, body + 1)) + [0] * (total - n) +
            list(range(body + 1, n + 1)))


def sheet_for(reader):
    """The sheet two reader pages side by side are printed on: the ISO A
    paper (landscape) within 3 mm of the spread, else the spread."""
    js = qpdf_json(reader)
    mb = [float(v) for v in
          value(objects(js), js["pages"][0]["object"])["/MediaBox"]]
    w, h = 2 * (mb[2] - mb[0]), mb[3] - mb[1]
    for pw, ph in ((594, 420), (420, 297), (297, 210), (210, 148),
                   (148, 105)):
        pw, ph = pw * MM, ph * MM
        if w <= pw + 0.01 and h <= ph + 0.01 and pw - w <= 3 * MM and \
                ph - h <= 3 * MM:
            return pw, ph
    return w, h


def check_booklet(pdf, reader, n, keep_last):
    js, objs = check_common(pdf, info_title(reader))
    pages = page_dicts(js, objs)
    seq = padded(n, 4, keep_last)
    total = len(seq)
    if total % 4 or len(pages) * 2 != total:
        no(f"booklet: {len(pages)} sides for {n} pages (want {total // 2})")
        return
    sw, sh = sheet_for(reader)
    for i, pd in enumerate(pages):
        box_is(pd.get("/MediaBox"), [0, 0, sw, sh], f"side {i + 1} sheet")
    reader_words = words(reader)
    hw, hh = int(sw / 2 + 0.5), int(sh + 1)
    halves = (words(pdf, (0, 0, hw, hh)), words(pdf, (hw, 0, hw, hh)))
    small = pgms(pdf, 20)
    for k in range(total // 4):
        sides = ((2 * k, seq[total - 1 - 2 * k], seq[2 * k]),
                 (2 * k + 1, seq[2 * k + 1], seq[total - 2 - 2 * k]))
        for side, left, right in sides:
            for half, rp in ((0, left), (1, right)):
                got = halves[half][side]
                where = (f"sheet {k + 1} {'front' if side % 2 == 0 else 'back'}"
                         f" {'left' if half == 0 else 'right'}")
                if rp == 0:
                    if got:
                        no(f"{where}: blank page has text {got[:5]}")
                    W, H, px = small[side]
                    x0 = 0 if half == 0 else W // 2 + 1
                    if min(px[y * W + x] for y in range(H)
                           for x in range(x0, x0 + W // 2 - 1)) < 250:
                        no(f"{where}: blank page is not white")
                elif got != reader_words[rp - 1]:
                    no(f"{where}: text {' '.join(got)[:60]!r}, want page "
                       f"{rp}: {' '.join(reader_words[rp - 1])[:60]!r}")


def main():
    perfect = None
    keep_last = True
    bleed = 3 * MM
    args = sys.argv[1:]
    pos = []
    i = 0
    while i < len(args):
        if args[i] == "--perfect":
            perfect = args[i + 1]
            i += 2
        elif args[i] == "--no-back-cover":
            keep_last = False
            i += 1
        elif args[i] == "--bleed-mm":
            bleed = float(args[i + 1]) * MM
            i += 2
        else:
            pos.append(args[i])
            i += 1
    reader, prnt, booklet = pos
    n = npages(reader)
    if n == 0:
        no(f"{reader}: no pages")
        return 1
    check_trimmed(prnt, reader, bleed, list(range(1, n + 1)), "print")
    check_booklet(booklet, reader, n, keep_last)
    if perfect:
        check_trimmed(perfect, reader, bleed, padded(n, 2, keep_last),
                      "perfect")
    ri = images(reader)
    for f in [prnt, booklet] + ([perfect] if perfect else []):
        if images(f) != ri:
            no(f"{f}: {images(f)} images listed, the reader {ri}")
    print(f"{reader}: {n} pages checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
