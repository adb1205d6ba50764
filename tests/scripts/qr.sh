#!/bin/sh
# QR codes (layout key qr: true): the sample set with a copy of the A5
# layout that asks for them; every entry with a web page gets a code that
# zbarimg (Debian's zbar-tools) decodes to that page's address, drawn as
# vector squares (no raster image in the PDF), as a Figure with alt text
# that the PDF/UA checker accepts.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
MAPA=${MAPA:?set MAPA to the mapa binary}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1788220800} TZ=UTC LC_ALL=C.UTF-8
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
no() { echo "FAIL: $*"; status=1; }
command -v zbarimg > /dev/null || { echo "zbarimg is not installed (.ci/deps.sh)"; exit 1; }

sed 's/^qr: false/qr: true/' layouts/a5-brochure.yaml > "$tmp/qr.yaml"
grep -q '^qr: true' "$tmp/qr.yaml" || { no "the layout has no qr key to switch on"; exit 1; }
${VALGRIND:-} "$MAPA" render --layout="$tmp/qr.yaml" --pdf="$tmp/qr.pdf" \
    samples/kromeriz/edice.yaml > "$tmp/out" 2>&1 || { cat "$tmp/out"; no "render"; exit 1; }
# the page of the entry „Poradna pro lidi se zrakovým postižením“
page=$(pdftotext "$tmp/qr.pdf" - | awk -v RS='\f' '/Poradna pro lidi se zrakovým postižením\nDruh/ { print NR; exit }')
[ -n "$page" ] || { no "the entry was not found"; exit 1; }
pdftoppm -r 200 -f "$page" -l "$page" -png "$tmp/qr.pdf" "$tmp/p"
codes=$(zbarimg -q --raw "$tmp"/p*.png 2>/dev/null)
echo "$codes" | grep -qx 'https://www.svetlonacestu.cz/poradna' ||
	{ echo "decoded: $codes"; no "the QR code does not decode to the service's web page"; }
n=$(pdfimages -list "$tmp/qr.pdf" 2>/dev/null | tail -n +3 | wc -l)
[ "$n" = 0 ] || no "QR codes were embedded as $n raster images"
/usr/bin/python3 tests/pdf/uacheck.py "$tmp/qr.pdf" > "$tmp/ua" 2>&1 || {
	tail -n 5 "$tmp/ua"; no "the PDF with QR codes fails the PDF/UA checker"; }
# without qr: true there is none
${VALGRIND:-} "$MAPA" render --pdf="$tmp/plain.pdf" samples/kromeriz/edice.yaml > /dev/null 2>&1
pdftoppm -r 200 -f "$page" -l "$page" -png "$tmp/plain.pdf" "$tmp/q"
if zbarimg -q --raw "$tmp"/q*.png > /dev/null 2>&1; then
	no "a QR code without qr: true"
fi
exit $status
