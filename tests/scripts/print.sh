#!/bin/sh
# The print-shop files (src/impose.h) made by `mapa render`, for the sample
# edition (92 pages today), the small edition tests/print/edice.yaml
# (a back cover: padding goes before it) and tests/print/licha.yaml (an odd
# page count, no back cover: padding at the end):
#  (a) tests/print/check.py (the sample also in the a4-directory layout):
#      qpdf --check; MediaBox, TrimBox and BleedBox; crop marks in the
#      slug at every corner and nothing in the bleed ring unless a page's
#      ink reaches the trim there (then it must run on into the bleed);
#      the print PDF shows every reader page in order; every booklet sheet
#      side and half shows the reader page expected there (its text) or is
#      blank (no text, white); page counts; no structure tree, links or
#      XMP; the title kept; no raster image added (vector pages);
#  (b) perfect binding (--binding=perfect): trimmed pages, even count;
#  (c) the same bytes twice, and under LC_ALL=cs_CZ.UTF-8;
#  (d) when only print files are asked for, the reader PDF goes to a
#      temporary file in $TMPDIR that is removed; no other file is written;
#  (e) the edition's vystupy.tisk and vystupy.brozura are written next to
#      it by a plain `mapa render EDITION`;
#  (f) an output that cannot be written: exit 3, the message, no file.
# Needs qpdf and poppler-utils; run with tests/run.sh.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
PY=/usr/bin/python3
MAPA=${MAPA:?set MAPA to the mapa binary}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1788220800} TZ=UTC LC_ALL=C.UTF-8
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
V=${VALGRIND:-}

no() { echo "FAIL: $*"; status=1; }

# render NAME EDITION [options...]: writes $tmp/NAME.out
# (sh has no local variables: these use r_ names)
render() {
	r_name=$1
	r_ed=$2
	shift 2
	$V "$MAPA" render "$@" "$r_ed" > "$tmp/$r_name.out" 2>&1
	r_st=$?
	if [ $r_st -ne 0 ]; then
		cat "$tmp/$r_name.out"
		no "mapa render $* $r_ed: exit $r_st"
	fi
	return $r_st
}

# pages PDF: its page count
pages() { pdfinfo "$1" | sed -n 's/^Pages: *//p'; }

# (a) the sample brochure
render kr samples/kromeriz/edice.yaml --pdf="$tmp/kr.pdf" \
    --print="$tmp/kr-tisk.pdf" --booklet="$tmp/kr-brozura.pdf" || exit 1
n=$(pages "$tmp/kr.pdf")
grep -q "^mapa: wrote $tmp/kr-tisk.pdf ($n pages with bleed and crop marks)\$" \
    "$tmp/kr.out" || no "no 'wrote' line for the print PDF: $(cat "$tmp/kr.out")"
grep -q "^mapa: wrote $tmp/kr-brozura.pdf ($(( (n + 3) / 4 * 2 )) sheet sides for saddle stitch, $(( (4 - n % 4) % 4 )) blank pages added)\$" \
    "$tmp/kr.out" || no "no 'wrote' line for the booklet"
$PY tests/print/check.py "$tmp/kr.pdf" "$tmp/kr-tisk.pdf" \
    "$tmp/kr-brozura.pdf" || no "check.py: the sample edition"

# the two-column A4 layout: A3 sheets, blank pages before the back cover
render a4 samples/kromeriz/edice.yaml --layout=a4-directory \
    --pdf="$tmp/a4.pdf" --print="$tmp/a4-tisk.pdf" \
    --booklet="$tmp/a4-brozura.pdf" &&
    $PY tests/print/check.py "$tmp/a4.pdf" "$tmp/a4-tisk.pdf" \
    "$tmp/a4-brozura.pdf" || no "check.py: the sample in a4-directory"

# small NAME EDITION [check.py options]: the small editions, (a) and (b)
small() {
	name=$1
	ed=$2
	shift 2
	render "$name" "$ed" --pdf="$tmp/$name.pdf" --print="$tmp/$name-tisk.pdf" \
	    --booklet="$tmp/$name-brozura.pdf" || return 1
	render "$name-f" "$ed" --booklet="$tmp/$name-lepena.pdf" \
	    --binding=perfect || return 1
	n=$(pages "$tmp/$name.pdf")
	b4=$(( (4 - n % 4) % 4 ))
	b2=$(( n % 2 ))
	grep -q "($(( (n + b4) / 2 )) sheet sides for saddle stitch, $b4 blank pages added)\$" \
	    "$tmp/$name.out" || no "$ed: $n pages: $(cat "$tmp/$name.out")"
	grep -q "($(( n + b2 )) pages for perfect binding, $b2 blank added)\$" \
	    "$tmp/$name-f.out" || no "$ed: perfect: $(cat "$tmp/$name-f.out")"
	$PY tests/print/check.py "$tmp/$name.pdf" "$tmp/$name-tisk.pdf" \
	    "$tmp/$name-brozura.pdf" --perfect "$tmp/$name-lepena.pdf" "$@" ||
	    no "check.py: $ed"
}
small m tests/print/edice.yaml
[ "$(pages "$tmp/m.pdf")" -gt 4 ] || no "tests/print/edice.yaml: want more than 4 pages"
small l tests/print/licha.yaml --no-back-cover
[ $(( $(pages "$tmp/l.pdf") % 4 )) -ne 0 ] && [ $(( $(pages "$tmp/l.pdf") % 2 )) -eq 1 ] ||
    no "tests/print/licha.yaml no longer has an odd page count: change its oddily"

# (c) the same bytes twice and in a Czech locale
render m2 tests/print/edice.yaml --print="$tmp/m2-tisk.pdf" \
    --booklet="$tmp/m2-brozura.pdf"
cmp -s "$tmp/m-tisk.pdf" "$tmp/m2-tisk.pdf" || no "print PDF differs between runs"
cmp -s "$tmp/m-brozura.pdf" "$tmp/m2-brozura.pdf" || no "booklet differs between runs"
if locale -a 2>/dev/null | grep -qi '^cs_CZ\.utf-\?8$'; then
	LC_ALL=cs_CZ.UTF-8 $V "$MAPA" render --print="$tmp/m3-tisk.pdf" \
	    --booklet="$tmp/m3-brozura.pdf" tests/print/edice.yaml > /dev/null 2>&1
	cmp -s "$tmp/m-tisk.pdf" "$tmp/m3-tisk.pdf" || no "print PDF differs under cs_CZ"
	cmp -s "$tmp/m-brozura.pdf" "$tmp/m3-brozura.pdf" || no "booklet differs under cs_CZ"
fi

# (d) only the print files: the reader PDF is a removed temporary file
mkdir "$tmp/t" "$tmp/only"
TMPDIR="$tmp/t" render only tests/print/edice.yaml \
    --print="$tmp/only/tisk.pdf"
[ "$(ls -A "$tmp/t")" = "" ] || no "temporary reader PDF left: $(ls -A "$tmp/t")"
[ "$(ls -A "$tmp/only")" = "tisk.pdf" ] || no "only tisk.pdf expected: $(ls -A "$tmp/only")"
grep -q "wrote .*mapa-" "$tmp/only.out" && no "the temporary reader PDF was announced"
cmp -s "$tmp/m-tisk.pdf" "$tmp/only/tisk.pdf" ||
    no "print PDF from a temporary reader PDF differs"

# (e) the edition's own outputs
mkdir "$tmp/ed"
cp tests/print/edice.yaml tests/print/katalog.json "$tmp/ed/"
render ed "$tmp/ed/edice.yaml"
for f in mala.pdf mala-tisk.pdf mala-brozura.pdf; do
	[ -s "$tmp/ed/vystup/$f" ] || no "vystupy: $f not written"
done
cmp -s "$tmp/m-brozura.pdf" "$tmp/ed/vystup/mala-brozura.pdf" ||
    no "vystupy.brozura differs from --booklet"
[ "$(ls -A "$tmp/ed/vystup" | wc -l)" -eq 3 ] ||
    no "unexpected files: $(ls -A "$tmp/ed/vystup")"

# (f) an output that cannot be written
$V "$MAPA" render --print="$tmp/no/such/dir/tisk.pdf" tests/print/edice.yaml \
    > "$tmp/bad.out" 2>&1
st=$?
[ $st -eq 3 ] || no "unwritable print PDF: exit $st, want 3"
grep -q "tisk.pdf.*\[io\]" "$tmp/bad.out" || no "no io message: $(cat "$tmp/bad.out")"
[ ! -e "$tmp/no" ] || no "folders made for an unwritable output"

exit $status
