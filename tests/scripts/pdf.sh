#!/bin/sh
# The reader PDF of the sample edition in every shipped layout, checked by
# real clients and against where things really are:
#  (a) qpdf --check is clean; pdffonts: every font embedded and subset with
#      a ToUnicode map, none of Type 3; pdfinfo: title, author, subject,
#      keywords, creator, the creation date, the page count;
#  (b) every page number printed in the contents, the signpost and the
#      indexes is the page its entry is on (tests/pdf/refcheck.py reads the
#      PDF only: the words of each page and the page labels);
#  (c) nothing of the content leaves the type area and nothing at all the
#      page (tests/pdf/geocheck.py over the page geometry dump);
#  (d) goldens: pdftotext -layout, the page geometry and four page images of
#      the A5 brochure (tests/pdf/kromeriz-a5.txt, .geo, -pN.png; look at
#      the images when they change); regenerate after an intended
#      change with  REGEN=1 MAPA=$PWD/build-x/mapa sh tests/scripts/pdf.sh
#      and read `git diff tests/pdf` before keeping it;
#  (e) the same bytes twice, under LC_ALL=C, C.UTF-8 and cs_CZ.UTF-8, and
#      in UTC+14;
#  (f) a failed write leaves no file and keeps the previous good one.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
PY=/usr/bin/python3
EDITION=samples/kromeriz/edice.yaml
MAPA=${MAPA:?set MAPA to the mapa binary}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1788220800} TZ=UTC LC_ALL=C.UTF-8
status=0
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
no() { echo "FAIL: $*"; status=1; }

render() {	# render LAYOUT OUT [VAR=VALUE...]
	layout=$1 out=$2
	shift 2
	env "$@" ${VALGRIND:-} "$MAPA" render --pdf="$out" --layout="$layout" \
	    --geometry="$out.geo" "$EDITION" > "$out.log" 2>&1
}

for layout in a5-brochure a4-directory large-print; do
	pdf=$tmp/$layout.pdf
	if ! render $layout "$pdf"; then
		cat "$pdf.log"
		no "$layout: mapa render failed"
		continue
	fi
	grep -q "^mapa: wrote $pdf (" "$pdf.log" || no "$layout: no 'wrote' line"
	# (a) real clients
	qpdf --check "$pdf" > "$tmp/qpdf.out" 2>&1 || {
		tail -n 5 "$tmp/qpdf.out"; no "$layout: qpdf --check"; }
	pdffonts "$pdf" > "$tmp/fonts.out" 2>&1 || no "$layout: pdffonts failed"
	if grep -q "Type 3" "$tmp/fonts.out"; then no "$layout: a Type 3 font"; fi
	awk 'NR > 2 && ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") { bad = 1 }
	     END { exit bad }' "$tmp/fonts.out" || {
		cat "$tmp/fonts.out"; no "$layout: a font not embedded, subset or mapped"; }
	pdfinfo "$pdf" > "$tmp/info.out" 2>&1 || no "$layout: pdfinfo failed"
	for key in Title Author Subject Keywords Creator CreationDate; do
		grep -q "^$key: *[^ ]" "$tmp/info.out" || no "$layout: pdfinfo has no $key"
	done
	grep -q "^Title: *Mapa pomoci" "$tmp/info.out" || no "$layout: title"
	# (b) page references
	$PY tests/pdf/refcheck.py "$pdf" > "$tmp/ref.out" 2>&1 || {
		head -n 20 "$tmp/ref.out"; no "$layout: printed page numbers"; }
	# (c) type area
	$PY tests/pdf/geocheck.py "$pdf.geo" > "$tmp/geo.out" 2>&1 || {
		head -n 20 "$tmp/geo.out"; no "$layout: geometry"; }
done

# the checkers can fail: wrong numbers and a line moved out of the type area
a5=$tmp/a5-brochure.pdf
if [ -f "$a5" ]; then
	if $PY tests/pdf/refcheck.py --shift 1 "$a5" > /dev/null 2>&1; then
		no "refcheck.py accepts page numbers off by one"
	fi
	awk '/^  line / && !done && !/artifact/ { sub(/^  line [^ ]+/, "  line 1"); done = 1 } { print }' \
	    "$a5.geo" > "$tmp/moved.geo"
	if $PY tests/pdf/geocheck.py "$tmp/moved.geo" > /dev/null 2>&1; then
		no "geocheck.py accepts a line left of the type area"
	fi
fi

# (d) goldens of the A5 brochure
if [ -f "$a5" ]; then
	pdftotext -layout "$a5" "$tmp/a5.txt"
	if [ "${REGEN:-0}" = 1 ]; then
		cp "$tmp/a5.txt" tests/pdf/kromeriz-a5.txt
		cp "$a5.geo" tests/pdf/kromeriz-a5.geo
		echo "wrote tests/pdf/kromeriz-a5.txt, .geo: read git diff tests/pdf"
	else
		diff -u tests/pdf/kromeriz-a5.txt "$tmp/a5.txt" > "$tmp/diff" || {
			head -n 60 "$tmp/diff"; no "pdftotext differs from tests/pdf/kromeriz-a5.txt"; }
		diff -u tests/pdf/kromeriz-a5.geo "$a5.geo" > "$tmp/diff" || {
			head -n 60 "$tmp/diff"; no "geometry differs from tests/pdf/kromeriz-a5.geo"; }
	fi
	# reference page images (cover, a page of entries, the contents and an
	# index page) at 40 dpi: poppler here draws the same pixels each time
	for p in 1 6 11 83; do
		pdftoppm -r 40 -png -f $p -l $p -singlefile "$a5" "$tmp/page-$p"
		if [ "${REGEN:-0}" = 1 ]; then
			cp "$tmp/page-$p.png" "tests/pdf/kromeriz-a5-p$p.png"
		elif ! cmp -s "$tmp/page-$p.png" "tests/pdf/kromeriz-a5-p$p.png"; then
			cp "$tmp/page-$p.png" "/tmp/mapa-page-$p.png"
			no "page $p differs from tests/pdf/kromeriz-a5-p$p.png (now: /tmp/mapa-page-$p.png)"
		fi
	done
	# (e) determinism
	render a5-brochure "$tmp/again.pdf" || no "second render failed"
	cmp -s "$a5" "$tmp/again.pdf" || no "two renders differ"
	render a5-brochure "$tmp/cs.pdf" LC_ALL=cs_CZ.UTF-8 || no "render under cs_CZ failed"
	cmp -s "$a5" "$tmp/cs.pdf" || no "the render under cs_CZ.UTF-8 differs"
	render a5-brochure "$tmp/c.pdf" LC_ALL=C || no "render under LC_ALL=C failed"
	cmp -s "$a5" "$tmp/c.pdf" || no "the render under LC_ALL=C differs"
	render a5-brochure "$tmp/tz.pdf" TZ=Etc/GMT-14 || no "render in UTC+14 failed"
	cmp -s "$a5" "$tmp/tz.pdf" || no "the render in UTC+14 differs"
fi

# (f) a failed write keeps the previous file
mkdir "$tmp/ro"
cp "$a5" "$tmp/ro/keep.pdf" 2>/dev/null
chmod a-w "$tmp/ro"
if [ "$(id -u)" != 0 ]; then
	if "$MAPA" render --pdf="$tmp/ro/keep.pdf" "$EDITION" > "$tmp/ro.out" 2>&1; then
		no "writing into a read-only folder succeeded"
	fi
	cmp -s "$a5" "$tmp/ro/keep.pdf" || no "the previous PDF was changed"
	[ "$(ls "$tmp/ro" | wc -l)" = 1 ] || no "a temporary file was left behind"
fi
if "$MAPA" render --pdf=/dev/full "$EDITION" > "$tmp/full.out" 2>&1; then
	no "writing to /dev/full succeeded"
fi
grep -q "error:" "$tmp/full.out" || no "no error message for /dev/full"
exit $status
