#!/usr/bin/env python3
"""Measures mapa's Czech hyphenation against the TeX reference.

    tests/typo/hyph_bench.py MAPA [--words N] [--seed S] [--dir DIR]

A measurement tool, not a test and not a build step. It needs two Debian
packages' files, which it fetches with `apt-get download` into DIR (default
/tmp/mapa-hyph-bench) without installing them:

  hunspell-cs               cs_CZ.dic: the Czech word list (stems) to sample
  texlive-lang-czechslovak  hyph-cs.pat.txt + hyph-cs.hyp.txt: the TeX
                            patterns and exceptions (hyph-utf8, Ševeček 1995)

The TeX reference is Liang's algorithm on those patterns and exceptions
with \\lefthyphenmin 2, \\righthyphenmin 3 (what csplain does). It is
compared with libhyphen through `mapa hyphenate` on:

  raw          Debian's hyph_cs_CZ.dic as shipped (--dict, --patterns-only)
  substrings   that file after libhyphen's substrings.pl (--dict, --patterns-only)
  mapa-pat     mapa's built-in dictionary: substrings.pl + src/hyph_cs_extra.pat
               (--patterns-only)
  mapa         the built-in dictionary with mapa's exception list (default)

Words: N (default 5000) lowercase words of five letters or more drawn with a
fixed seed from the hunspell stems. Prints a table for tests/typo/README.md.
"""
import argparse
import glob
import os
import random
import subprocess
import sys
import tempfile

PACKAGES = ["hunspell-cs", "texlive-lang-czechslovak"]
RAW_DIC = "/usr/share/hyphen/hyph_cs_CZ.dic"
SUBSTRINGS = "/usr/share/libhyphen/substrings.pl"
CZECH = set("aábcčdďeéěfghiíjklmnňoópqrřsštťuúůvwxyýzž")


def fetch(d):
    """Downloads and unpacks the two packages into d (once)."""
    os.makedirs(d, exist_ok=True)
    if glob.glob(os.path.join(d, "x/usr/share/hunspell/cs_CZ.dic")) and \
            glob.glob(os.path.join(d, "x/**/hyph-cs.pat.txt"), recursive=True):
        return
    subprocess.run(["apt-get", "download"] + PACKAGES, cwd=d, check=True,
                   stdout=subprocess.DEVNULL)
    for deb in glob.glob(os.path.join(d, "*.deb")):
        subprocess.run(["dpkg-deb", "-x", deb, os.path.join(d, "x")],
                       check=True)


def find(d, name):
    hits = glob.glob(os.path.join(d, "x/**/" + name), recursive=True)
    if not hits:
        sys.exit("hyph_bench: %s not found under %s" % (name, d))
    return hits[0]


def load_patterns(path):
    pats = {}
    for line in open(path, encoding="utf-8"):
        for p in line.split():
            if p.startswith("%"):
                break
            letters = "".join(c for c in p if not c.isdigit())
            vals = [0] * (len(letters) + 1)
            i = 0
            for c in p:
                if c.isdigit():
                    vals[i] = int(c)
                else:
                    i += 1
            pats[letters] = vals
    return pats


def load_exceptions(path):
    exc = {}
    for line in open(path, encoding="utf-8"):
        for w in line.split():
            exc[w.replace("-", "")] = w
    return exc


def liang(word, pats, exc, left=2, right=3):
    """Break positions (after character m-1) by TeX's rules."""
    if word in exc:
        pos, m = set(), 0
        for c in exc[word]:
            if c == "-":
                pos.add(m)
            else:
                m += 1
    else:
        w = "." + word + "."
        pts = [0] * (len(w) + 1)
        for i in range(len(w)):
            for j in range(i + 1, len(w) + 1):
                v = pats.get(w[i:j])
                if v:
                    for k, x in enumerate(v):
                        if x > pts[i + k]:
                            pts[i + k] = x
        pos = {m for m in range(1, len(word)) if pts[m + 1] % 2}
    return {m for m in pos if m >= left and len(word) - m >= right}


def show(word, pos):
    return "".join(("-" if i in pos else "") + c for i, c in enumerate(word))


def parse(shown):
    pos, m = set(), 0
    for c in shown:
        if c == "-":
            pos.add(m)
        else:
            m += 1
    return pos


def run_mapa(mapa, words, args):
    out = subprocess.run([mapa, "hyphenate"] + args, input="\n".join(words) + "\n",
                         capture_output=True, text=True, check=True,
                         env=dict(os.environ, LC_ALL="C"))
    lines = out.stdout.split("\n")[:len(words)]
    return [parse(x) for x in lines]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mapa")
    ap.add_argument("--words", type=int, default=5000)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--dir", default="/tmp/mapa-hyph-bench")
    a = ap.parse_args()

    fetch(a.dir)
    pats = load_patterns(find(a.dir, "hyph-cs.pat.txt"))
    exc = load_exceptions(find(a.dir, "hyph-cs.hyp.txt"))
    stems = set()
    for line in open(find(a.dir, "cs_CZ.dic"), encoding="iso-8859-2"):
        w = line.split("/")[0].strip()
        if len(w) >= 5 and set(w) <= CZECH:
            stems.add(w)
    words = random.Random(a.seed).sample(sorted(stems), min(a.words, len(stems)))

    tex = [liang(w, pats, exc) for w in words]
    with tempfile.TemporaryDirectory() as tmp:
        raw = os.path.join(tmp, "raw.pat")
        fixed = os.path.join(tmp, "fixed.dic")
        with open(RAW_DIC, "rb") as f, open(raw, "wb") as g:
            g.writelines(f.readlines()[1:])
        subprocess.run(["perl", SUBSTRINGS, raw, fixed, "ISO8859-2", "2", "3"],
                       check=True, stdout=subprocess.DEVNULL)
        runs = [
            ("TeX reference (hyph-utf8 + exceptions)", None),
            ("raw: Debian hyph_cs_CZ.dic as shipped",
             ["--dict=" + RAW_DIC, "--patterns-only"]),
            ("substrings: after substrings.pl",
             ["--dict=" + fixed, "--patterns-only"]),
            ("mapa-pat: built-in patterns (+ hyph_cs_extra.pat)",
             ["--patterns-only"]),
            ("mapa: built-in with exception list", []),
        ]
        tex_words = sum(1 for p in tex if p)
        tex_points = sum(len(p) for p in tex)
        print("%d words (seed %d), lefthyphenmin 2, righthyphenmin 3\n" %
              (len(words), a.seed))
        print("| dictionary | words with a break | break points | "
              "words = TeX | points missing vs TeX | points extra vs TeX |")
        print("|---|---|---|---|---|---|")
        diffs = {}
        for name, args in runs:
            got = tex if args is None else run_mapa(a.mapa, words, args)
            same = sum(1 for p, q in zip(got, tex) if p == q)
            miss = sum(len(q - p) for p, q in zip(got, tex))
            extra = sum(len(p - q) for p, q in zip(got, tex))
            print("| %s | %d (%.1f %%) | %d (%.1f %% of TeX) | %d (%.2f %%) | %d | %d |" % (
                name, sum(1 for p in got if p),
                100.0 * sum(1 for p in got if p) / len(words),
                sum(len(p) for p in got),
                100.0 * sum(len(p) for p in got) / max(tex_points, 1),
                same, 100.0 * same / len(words), miss, extra))
            diffs[name] = [(w, show(w, p), show(w, q))
                           for w, p, q in zip(words, got, tex) if p != q]
        print("\nTeX: %d words with a break, %d points" % (tex_words, tex_points))
        for name in list(diffs)[3:]:
            print("\nfirst differences, %s (mapa / TeX):" % name)
            for w, p, q in diffs[name][:40]:
                print("  %s  %s" % (p, q))


if __name__ == "__main__":
    main()
