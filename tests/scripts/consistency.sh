#!/bin/sh
# Issue 6's promise: the totals in the workbook equal the figures printed in
# the brochure. Renders the sample's PDF and XLSX in one run and compares
# them with tests/pdf/consistency.py; then shows that the comparison fails
# when the workbook's figures differ (the previous edition's data give other
# totals).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
MAPA=${MAPA:?set MAPA to the mapa binary}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1788220800} TZ=UTC LC_ALL=C.UTF-8
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
no() { echo "FAIL: $*"; status=1; }

${VALGRIND:-} "$MAPA" render --pdf="$tmp/m.pdf" --xlsx="$tmp/m.xlsx" \
    samples/kromeriz/edice.yaml > "$tmp/out" 2>&1 || { cat "$tmp/out"; no "render"; exit 1; }
/usr/bin/python3 tests/pdf/consistency.py "$tmp/m.pdf" "$tmp/m.xlsx" > "$tmp/c.out" 2>&1 || {
	cat "$tmp/c.out"; no "the brochure and the workbook disagree"; }
# the same check against another edition's workbook must fail
sed "s|^  - soubor: katalog.json|  - soubor: $TOP/samples/kromeriz/2025/katalog.json|;
     /soubor: doplnky.json/,/ucel: doplneni/d; /^predchozi_data:/d" \
    samples/kromeriz/edice.yaml > "$tmp/old.yaml"
"$MAPA" render --xlsx="$tmp/old.xlsx" "$tmp/old.yaml" > "$tmp/old.out" 2>&1
if [ -f "$tmp/old.xlsx" ] &&
    /usr/bin/python3 tests/pdf/consistency.py "$tmp/m.pdf" "$tmp/old.xlsx" > /dev/null 2>&1; then
	no "consistency.py accepts a workbook with other totals"
fi
[ -f "$tmp/old.xlsx" ] || { cat "$tmp/old.out"; no "the previous edition's workbook was not written"; }
exit $status
