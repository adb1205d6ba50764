#!/usr/bin/python3
"""uacheck.py FILE.pdf -- the machine-checkable part of PDF/UA-1.

A subset of the Matterhorn protocol 1.1 (checkpoint numbers in brackets),
read from `qpdf --json=2 --json-stream-data=inline
--decode-level=generalized` with the standard library only:

  document   [06-001..003] XMP /Metadata with pdfuaid:part 1 and dc:title;
             [07-001] /ViewerPreferences /DisplayDocTitle true; Info /Title
             not empty; [11-001] catalog /Lang (a language tag);
             [01-001] /MarkInfo /Marked true; [01-006] a StructTreeRoot
  pages      [28-010] /Tabs /S on every page
  content    [01-005] every text-showing, path-painting, image and XObject
             operator inside a marked-content sequence that has an MCID or
             is an Artifact; [01-003/01-004] no tagged content inside an
             artifact and no artifact inside tagged content; every MCID
             once per page, and the parent tree maps it to an element whose
             /K holds it
  structure  [02-001..004] only standard structure types (or role-mapped
             to one); [09-004..008] TR in Table/THead/TBody/TFoot, TH/TD in
             TR, LI in L, Lbl/LBody in LI, TOCI in TOC; [14-002/14-003]
             headings H1..H6 in structure order start at H1 and never go
             more than one level deeper than the heading before
  figures    [13-004] every Figure has a non-empty /Alt (or /ActualText)
  links      [28-004/28-011] every Link annotation has a non-empty /Contents
             and a /StructParent whose element is a Link that holds the
             annotation as an OBJR
  fonts      [31-001..] every font used is embedded (FontFile, FontFile2 or
             FontFile3; Type 3 excepted) and has a /ToUnicode map

Prints one line per failed check (with up to 3 examples) and exits 1 when
any check failed, 0 otherwise ("uacheck: FILE: ok, N checks"). Exit 2 when
the file cannot be read at all.
"""

import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

STANDARD = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI Index
NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD THead
TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB RT RP
Warichu WT WP Figure Formula Form""".split())
# PDF/UA-1 treats these as standard too, but they never hold real content
# in a tagged file meant for assistive technology.
NOT_CONTENT = {"Private"}

REF = re.compile(r"^(\d+) (\d+) R$")
LANG = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")

PAINT = {"Tj", "TJ", "'", '"', "f", "F", "f*", "B", "B*", "b", "b*", "S", "s",
         "Do", "sh", "BI"}


class Doc:
    def __init__(self, path):
        out = subprocess.run(
            ["qpdf", "--json=2", "--json-stream-data=inline",
             "--decode-level=generalized", path],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        if out.returncode not in (0, 3):
            raise OSError(out.stderr.decode("utf-8", "replace").strip())
        self.json = json.loads(out.stdout)
        self.objs = self.json["qpdf"][1]
        self.trailer = self.objs["trailer"]["value"]

    def obj(self, x):
        """x resolved: a reference gives the object's value (a stream
        gives {'stream': ...})."""
        seen = 0
        while isinstance(x, str) and REF.match(x) and seen < 32:
            o = self.objs.get("obj:" + x)
            if o is None:
                return None
            x = o["value"] if "value" in o else o
            seen += 1
        return x

    def dict(self, x):
        """A dictionary, or a stream's dictionary, or {}."""
        x = self.obj(x)
        if isinstance(x, dict) and "stream" in x:
            return x["stream"]["dict"]
        return x if isinstance(x, dict) else {}

    def data(self, x):
        x = self.obj(x)
        if isinstance(x, dict) and "stream" in x:
            return base64.b64decode(x["stream"].get("data", ""))
        return b""


def text(v):
    """A PDF string from qpdf's JSON ("u:..." text or "b:..." hex)."""
    if not isinstance(v, str):
        return None
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        raw = bytes.fromhex(v[2:])
        if raw.startswith(b"\xfe\xff"):
            return raw[2:].decode("utf-16-be", "replace")
        return raw.decode("latin-1")
    return None


def name(v):
    return v[1:] if isinstance(v, str) and v.startswith("/") else None


# ---- content streams --------------------------------------------------------

WS = b"\x00\t\n\x0c\r "
DELIM = b"()<>[]{}/%"


def tokens(s):
    """Yields (kind, value) with kind 'op' or 'obj' (objects as bytes;
    a dictionary's text whole); inline image data is skipped."""
    i, n = 0, len(s)
    stack = []

    def skip_ws(i):
        while i < n:
            if s[i] in WS:
                i += 1
            elif s[i] == 0x25:  # %
                while i < n and s[i] not in b"\r\n":
                    i += 1
            else:
                break
        return i

    def obj_end(i):
        c = s[i]
        if c == 0x28:  # (
            depth = 0
            while i < n:
                if s[i] == 0x5c:
                    i += 2
                    continue
                if s[i] == 0x28:
                    depth += 1
                elif s[i] == 0x29:
                    depth -= 1
                    if depth == 0:
                        return i + 1
                i += 1
            return n
        if c == 0x3c and i + 1 < n and s[i + 1] == 0x3c:  # <<
            i += 2
            while True:
                i = skip_ws(i)
                if i >= n:
                    return n
                if s[i:i + 2] == b">>":
                    return i + 2
                i = obj_end(i)
        if c == 0x3c:
            j = s.find(b">", i)
            return n if j < 0 else j + 1
        if c == 0x5b:  # [
            i += 1
            while True:
                i = skip_ws(i)
                if i >= n:
                    return n
                if s[i] == 0x5d:
                    return i + 1
                i = obj_end(i)
        if c == 0x2f:  # /
            i += 1
        elif c in DELIM:
            return i + 1
        while i < n and s[i] not in WS and s[i] not in DELIM:
            i += 1
        return i

    while True:
        i = skip_ws(i)
        if i >= n:
            return
        j = obj_end(i)
        tok = s[i:j]
        c = tok[:1]
        if c and c not in b"(<[/+-.0123456789" and \
                tok not in (b"true", b"false", b"null") and \
                c not in b")>]{}":
            op = tok.decode("latin-1")
            yield ("op", op)
            if op == "BI":
                k = s.find(b"ID", j)
                while k >= 0 and not (s[k - 1] in WS and
                                      (k + 2 >= n or s[k + 2] in WS)):
                    k = s.find(b"ID", k + 2)
                if k < 0:
                    return
                k += 3
                m = k
                while True:
                    m = s.find(b"EI", m)
                    if m < 0:
                        return
                    if s[m - 1] in WS and (m + 2 >= n or s[m + 2] in WS or
                                           s[m + 2] in DELIM):
                        break
                    m += 2
                j = m + 2
        else:
            yield ("obj", tok)
        i = j


def mcid_of(dict_bytes):
    m = re.search(rb"/MCID\s+(\d+)", dict_bytes)
    return int(m.group(1)) if m else None


def scan_content(data):
    """Returns (unmarked, artifact_in_tagged, tagged_in_artifact, mcids):
    counts of problems and the list of MCIDs in order."""
    stack = []        # entries: 'mc' (with MCID), 'art', 'other'
    operands = []
    unmarked = art_in_tag = tag_in_art = 0
    mcids = []
    for kind, v in tokens(data):
        if kind == "obj":
            operands.append(v)
            continue
        if v == "BMC" or v == "BDC":
            tag = operands[-2 if v == "BDC" else -1] if operands else b""
            if v == "BDC" and len(operands) < 2:
                tag = b""
            mcid = mcid_of(operands[-1]) if v == "BDC" and operands \
                else None
            if tag == b"/Artifact":
                if "mc" in stack:
                    art_in_tag += 1
                stack.append("art")
            elif mcid is not None:
                if "art" in stack:
                    tag_in_art += 1
                stack.append("mc")
                mcids.append(mcid)
            else:
                stack.append("other")
        elif v == "EMC":
            if stack:
                stack.pop()
        elif v in PAINT:
            if "mc" not in stack and "art" not in stack:
                unmarked += 1
        operands = []
    return unmarked, art_in_tag, tag_in_art, mcids


# ---- the checks -------------------------------------------------------------

class Checker:
    def __init__(self, doc):
        self.d = doc
        self.failures = []
        self.checks = 0

    def check(self, ok, code, msg, examples=()):
        self.checks += 1
        if not ok:
            ex = list(examples)[:3]
            self.failures.append("[%s] %s%s" % (
                code, msg, (": " + "; ".join(map(str, ex))) if ex else ""))

    def run(self):
        d = self.d
        root = d.dict(d.trailer.get("/Root"))
        info = d.dict(d.trailer.get("/Info"))
        self.document(root, info)
        st = d.dict(root.get("/StructTreeRoot"))
        self.check(bool(st) and "/K" in st, "01-006",
                   "the document has no structure tree")
        self.parent_tree = self.read_numtree(st.get("/ParentTree"))
        self.elements = []
        if st:
            self.walk(st.get("/K"), None, 0)
        self.structure(st)
        self.pages()
        self.fonts()

    def document(self, root, info):
        d = self.d
        meta = d.obj(root.get("/Metadata"))
        xmp = d.data(root.get("/Metadata")) if meta else b""
        part = title = None
        if xmp:
            try:
                x = ET.fromstring(xmp)
                ns = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                      "dc": "http://purl.org/dc/elements/1.1/",
                      "ua": "http://www.aiim.org/pdfua/ns/id/"}
                for desc in x.iter("{%s}Description" % ns["rdf"]):
                    p = desc.find("ua:part", ns)
                    if p is not None:
                        part = (p.text or "").strip()
                    a = desc.get("{%s}part" % ns["ua"])
                    if a is not None:
                        part = a.strip()
                    t = desc.find("dc:title/rdf:Alt/rdf:li", ns)
                    if t is not None and (t.text or "").strip():
                        title = t.text.strip()
            except ET.ParseError as e:
                self.check(False, "06-001", "the XMP metadata is not XML",
                           [e])
        self.check(bool(xmp), "06-001", "the catalog has no XMP /Metadata")
        self.check(part == "1", "06-002",
                   "the XMP metadata has no pdfuaid:part 1", [part])
        self.check(bool(title), "06-003", "the XMP metadata has no dc:title")
        itit = text(info.get("/Title"))
        self.check(bool(itit and itit.strip()), "07-001",
                   "the document information has no /Title")
        vp = d.dict(root.get("/ViewerPreferences"))
        self.check(vp.get("/DisplayDocTitle") is True, "07-001",
                   "/ViewerPreferences /DisplayDocTitle is not true")
        lang = text(root.get("/Lang"))
        self.check(bool(lang and LANG.match(lang)), "11-001",
                   "the catalog has no valid /Lang", [lang])
        mi = d.dict(root.get("/MarkInfo"))
        self.check(mi.get("/Marked") is True, "01-001",
                   "/MarkInfo /Marked is not true")

    def read_numtree(self, node, depth=0):
        out = {}
        node = self.d.dict(node)
        if depth > 32 or not node:
            return out
        nums = self.d.obj(node.get("/Nums")) or []
        for k in range(0, len(nums) - 1, 2):
            out[nums[k]] = nums[k + 1]
        for kid in self.d.obj(node.get("/Kids")) or []:
            out.update(self.read_numtree(kid, depth + 1))
        return out

    def walk(self, k, parent, depth):
        """Depth-first: records (ref, dict, parent type) of elements."""
        if depth > 200:
            return
        kids = self.d.obj(k)
        if not isinstance(kids, list):
            kids = [k]
        for kid in kids:
            e = self.d.dict(kid)
            if not e or "/S" not in e or \
                    e.get("/Type") not in (None, "/StructElem"):
                continue
            ref = kid if isinstance(kid, str) else None
            self.elements.append((ref, e, parent))
            self.walk(e.get("/K"), name(e.get("/S")), depth + 1)

    def role(self, s, rolemap):
        seen = set()
        while s not in STANDARD and s in rolemap and s not in seen:
            seen.add(s)
            s = rolemap[s]
        return s

    def structure(self, st):
        d = self.d
        rolemap = {name(k): name(v) for k, v in
                   d.dict(st.get("/RoleMap")).items()} if st else {}
        bad, private, nest, alt = [], [], [], []
        headings = []
        parents_ok = {"TR": {"Table", "THead", "TBody", "TFoot"},
                      "TH": {"TR"}, "TD": {"TR"}, "LI": {"L"},
                      "Lbl": {"LI"}, "LBody": {"LI"}, "TOCI": {"TOC"}}
        for ref, e, parent in self.elements:
            s = self.role(name(e.get("/S")), rolemap)
            p = self.role(parent, rolemap) if parent else None
            if s not in STANDARD:
                bad.append(s)
            if s in NOT_CONTENT:
                private.append(ref)
            if s in parents_ok and p not in parents_ok[s]:
                nest.append("%s in %s" % (s, p))
            if s == "Figure":
                a = text(e.get("/Alt")) or text(e.get("/ActualText"))
                if not (a and a.strip()):
                    alt.append(ref)
            m = re.match(r"^H([1-6])$", s or "")
            if m:
                headings.append((int(m.group(1)), ref))
        self.check(not bad, "02-001", "non-standard structure types "
                   "without a role map", sorted(set(map(str, bad))))
        self.check(not private, "01-005", "Private elements left in the "
                   "structure tree (decoration not made artifacts)",
                   private)
        self.check(not nest, "09-004", "structure elements in the wrong "
                   "parent", nest)
        self.check(not alt, "13-004", "Figures without /Alt", alt)
        skip = []
        prev = 0
        for lv, ref in headings:
            if lv > prev + 1:
                skip.append("H%d after H%d (%s)" % (lv, prev, ref))
            prev = lv
        self.check(not headings or headings[0][0] == 1, "14-002",
                   "the first heading is not H1",
                   ["H%d" % headings[0][0]] if headings else [])
        self.check(not skip, "14-003", "heading levels skipped", skip)
        self.element_k = {}
        for ref, e, parent in self.elements:
            if ref:
                self.element_k[ref] = e

    def k_holds_mcid(self, e, mcid):
        k = self.d.obj(e.get("/K"))
        items = k if isinstance(k, list) else [k]
        for it in items:
            it = self.d.obj(it)
            if it == mcid:
                return True
            if isinstance(it, dict) and it.get("/MCID") == mcid:
                return True
        return False

    def pages(self):
        d = self.d
        tabs, unmarked, a_in_t, t_in_a, dup, orphan = [], [], [], [], [], []
        nocontents, noparent = [], []
        for i, pg in enumerate(d.json["pages"], 1):
            page = d.dict(pg["object"])
            if page.get("/Tabs") != "/S":
                tabs.append(i)
            data = b"\n".join(d.data(c) for c in pg.get("contents", []))
            u, ai, ia, mcids = scan_content(data)
            if u:
                unmarked.append("page %d: %d operators" % (i, u))
            if ai:
                a_in_t.append("page %d" % i)
            if ia:
                t_in_a.append("page %d" % i)
            if len(set(mcids)) != len(mcids):
                dup.append("page %d" % i)
            arr = d.obj(self.parent_tree.get(page.get("/StructParents")))
            for m in mcids:
                ref = arr[m] if isinstance(arr, list) and m < len(arr) \
                    else None
                e = d.dict(ref) if ref else {}
                if not e or not self.k_holds_mcid(e, m):
                    orphan.append("page %d MCID %d" % (i, m))
            for a in d.obj(page.get("/Annots")) or []:
                ad = d.dict(a)
                if ad.get("/Subtype") != "/Link":
                    continue
                c = text(ad.get("/Contents"))
                if not (c and c.strip()):
                    nocontents.append("page %d %s" % (i, a))
                sp = ad.get("/StructParent")
                e = d.dict(self.parent_tree.get(sp)) \
                    if sp is not None else {}
                ok = name(e.get("/S")) == "Link"
                if ok:
                    k = d.obj(e.get("/K"))
                    k = k if isinstance(k, list) else [k]
                    ok = any(d.dict(x).get("/Type") == "/OBJR" and
                             d.dict(x).get("/Obj") == a for x in k)
                if not ok:
                    noparent.append("page %d %s" % (i, a))
        self.check(not tabs, "28-010", "pages without /Tabs /S",
                   ["page %d" % p for p in tabs])
        self.check(not unmarked, "01-005", "content neither tagged nor "
                   "artifact", unmarked)
        self.check(not a_in_t, "01-003", "artifact inside tagged content",
                   a_in_t)
        self.check(not t_in_a, "01-004", "tagged content inside an "
                   "artifact", t_in_a)
        self.check(not dup, "01-005", "an MCID used twice on a page", dup)
        self.check(not orphan, "01-005", "marked content that the parent "
                   "tree does not lead to an element holding it", orphan)
        self.check(not nocontents, "28-004", "Link annotations without "
                   "/Contents", nocontents)
        self.check(not noparent, "28-011", "Link annotations not held by a "
                   "Link structure element", noparent)

    def fonts(self):
        d = self.d
        fonts = {}
        seen = set()

        def resources(res, depth=0):
            res = d.dict(res)
            if depth > 10:
                return
            for k, f in d.dict(res.get("/Font")).items():
                key = f if isinstance(f, str) else repr(f)
                fonts[key] = d.dict(f)
            for x in d.dict(res.get("/XObject")).values():
                if isinstance(x, str) and x in seen:
                    continue
                seen.add(x if isinstance(x, str) else repr(x))
                xd = d.dict(x)
                if xd.get("/Subtype") == "/Form":
                    resources(xd.get("/Resources"), depth + 1)

        for pg in d.json["pages"]:
            page = d.dict(pg["object"])
            resources(page.get("/Resources"))
        unemb, nouni = [], []
        for key, f in sorted(fonts.items()):
            base = name(f.get("/BaseFont")) or key
            if "/ToUnicode" not in f:
                nouni.append(base)
            sub = f.get("/Subtype")
            if sub == "/Type3":
                continue
            fd = f
            if sub == "/Type0":
                desc = d.obj(f.get("/DescendantFonts")) or [{}]
                fd = d.dict(desc[0])
            fdesc = d.dict(fd.get("/FontDescriptor"))
            if not any(k in fdesc for k in
                       ("/FontFile", "/FontFile2", "/FontFile3")):
                unemb.append(base)
        self.check(bool(fonts), "31-001", "no fonts found")
        self.check(not unemb, "31-001", "fonts not embedded", unemb)
        self.check(not nouni, "31-006", "fonts without /ToUnicode", nouni)


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: uacheck.py FILE.pdf\n")
        return 2
    try:
        doc = Doc(argv[1])
    except (OSError, ValueError) as e:
        print("uacheck: %s: cannot read: %s" % (argv[1], e))
        return 2
    c = Checker(doc)
    c.run()
    for f in c.failures:
        print("uacheck: %s: FAIL %s" % (argv[1], f))
    if c.failures:
        print("uacheck: %s: %d of %d checks failed" %
              (argv[1], len(c.failures), c.checks))
        return 1
    print("uacheck: %s: ok, %d checks" % (argv[1], c.checks))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
