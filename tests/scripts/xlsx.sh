#!/bin/sh
# The XLSX appendices of the sample edition (mapa render), checked by real
# clients and against independent numbers:
#  (a) every cell, with formulas and their cached values, and each sheet's
#      setup equal the golden dump tests/xlsx/kromeriz.cells. Regenerate it
#      after an intended change with
#          REGEN=1 MAPA=$PWD/build-x/mapa sh tests/scripts/xlsx.sh
#      and read `git diff tests/xlsx` before keeping it;
#  (b) Gnumeric recalculates every formula (ssconvert --recalc) to the
#      value mapa cached; a copy with one wrong cached value must be caught,
#      which proves that Gnumeric really recalculated;
#  (c) Debian's openpyxl loads it with every warning an error, and every
#      sheet prints at 7 points or more (A4, the stored scale);
#  (d) the bytes are the same twice, under LC_ALL=cs_CZ.UTF-8, in another
#      time zone; the creation date is SOURCE_DATE_EPOCH or the data date;
#  (e) the totals equal numbers computed by tests/xlsx/check.py from the
#      sample's JSON files;
#  (f) failures: a missing folder, a folder as the target, a read-only
#      folder, a write that fails midway, /dev/full, data with errors,
#      a bad SOURCE_DATE_EPOCH: the exit status, the message, no partial or
#      temporary file left, the previous file untouched.
# Needs gnumeric (ssconvert) and python3-openpyxl; run with tests/run.sh.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
PY=/usr/bin/python3
EDITION=samples/kromeriz/edice.yaml
GOLDEN=tests/xlsx/kromeriz.cells
MAPA=${MAPA:?set MAPA to the mapa binary}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1788220800} TZ=UTC LC_ALL=C.UTF-8
status=0
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM

no() { echo "FAIL: $*"; status=1; }

render() {	# render OUT [VAR=VALUE...]: the sample into OUT
	out=$1
	shift
	env "$@" $VALGRIND_CMD "$MAPA" render --xlsx="$out" "$EDITION" > "$tmp/render.out" 2>&1
}
VALGRIND_CMD=${VALGRIND:-}

# (a) the golden dump
if ! render "$tmp/a.xlsx"; then
	cat "$tmp/render.out"
	no "mapa render $EDITION failed"
	exit 1
fi
grep -q "^mapa: wrote $tmp/a.xlsx\$" "$tmp/render.out" || no "no 'wrote' line"
$PY tests/xlsx/cells.py "$tmp/a.xlsx" > "$tmp/a.cells" || no "cells.py failed"
if [ "${REGEN:-0}" = 1 ]; then
	cp "$tmp/a.cells" "$GOLDEN"
	echo "wrote $GOLDEN: read git diff $GOLDEN"
elif ! diff -u "$GOLDEN" "$tmp/a.cells" > "$tmp/diff"; then
	head -n 80 "$tmp/diff"
	no "cells differ from $GOLDEN"
fi

# (b) Gnumeric recalculates every formula to the cached value
if ssconvert --recalc "$tmp/a.xlsx" "$tmp/recalc.xlsx" > "$tmp/ss.out" 2>&1; then
	$PY tests/xlsx/check.py recalc "$tmp/a.xlsx" "$tmp/recalc.xlsx" || no "recalculation differs"
	$PY tests/xlsx/check.py tamper "$tmp/a.xlsx" "$tmp/bad.xlsx"
	ssconvert --recalc "$tmp/bad.xlsx" "$tmp/bad-recalc.xlsx" > /dev/null 2>&1
	if $PY tests/xlsx/check.py recalc "$tmp/bad.xlsx" "$tmp/bad-recalc.xlsx" > /dev/null; then
		no "a wrong cached value went unnoticed: Gnumeric did not recalculate"
	fi
else
	cat "$tmp/ss.out"
	no "ssconvert --recalc failed"
fi

# (c) openpyxl without warnings; every sheet prints at 7 points or more
$PY tests/xlsx/check.py openpyxl "$tmp/a.xlsx" || no "openpyxl"
$PY tests/xlsx/check.py print "$tmp/a.xlsx" || no "printed text under 7 points"

# (d) deterministic bytes
render "$tmp/d1.xlsx" || no "second render"
cmp -s "$tmp/a.xlsx" "$tmp/d1.xlsx" || no "two runs differ"
render "$tmp/d2.xlsx" LC_ALL=cs_CZ.UTF-8 || no "render under cs_CZ"
cmp -s "$tmp/a.xlsx" "$tmp/d2.xlsx" || no "bytes differ under LC_ALL=cs_CZ.UTF-8"
render "$tmp/d3.xlsx" TZ=Pacific/Kiritimati || no "render in UTC+14"
cmp -s "$tmp/a.xlsx" "$tmp/d3.xlsx" || no "bytes depend on the time zone"
created() { $PY tests/xlsx/cells.py "$1" | sed -n 's/^property	created	//p'; }
[ "$(created "$tmp/a.xlsx")" = 2026-09-01T00:00:00Z ] || no "created is not SOURCE_DATE_EPOCH"
render "$tmp/d4.xlsx" -u SOURCE_DATE_EPOCH || no "render without SOURCE_DATE_EPOCH"
[ "$(created "$tmp/d4.xlsx")" = 2026-09-01T00:00:00Z ] || no "created is not the data date"
render "$tmp/d5.xlsx" SOURCE_DATE_EPOCH=1000000000 || no "render with another epoch"
[ "$(created "$tmp/d5.xlsx")" = 2001-09-09T01:46:40Z ] || no "SOURCE_DATE_EPOCH ignored"
if render "$tmp/d6.xlsx" SOURCE_DATE_EPOCH=yesterday; then
	no "a bad SOURCE_DATE_EPOCH accepted"
else
	[ $? -eq 2 ] || no "a bad SOURCE_DATE_EPOCH: exit status not 2"
	grep -q 'SOURCE_DATE_EPOCH' "$tmp/render.out" || no "no message on SOURCE_DATE_EPOCH"
	[ ! -e "$tmp/d6.xlsx" ] || no "written despite a bad SOURCE_DATE_EPOCH"
fi

# (e) totals against the JSON
$PY tests/xlsx/check.py totals "$tmp/a.xlsx" samples/kromeriz || no "totals"

# (f) failures
expect_fail() {	# expect_fail STATUS TEXT OUT: the last render failed so
	st=$?
	[ "$st" -eq "$1" ] || { cat "$tmp/render.out"; no "$3: exit $st, want $1"; }
	grep -q "$2" "$tmp/render.out" || { cat "$tmp/render.out"; no "$3: no message \"$2\""; }
	grep -q '^mapa: wrote' "$tmp/render.out" && no "$3: says it wrote"
}
leftovers() {	# leftovers DIR: no temporary files
	if ls -A "$1" 2>/dev/null | grep -q '^\.'; then
		ls -la "$1"
		no "temporary file left in $1"
	fi
}

render "$tmp/no/such/x.xlsx"
expect_fail 3 'folder above it does not exist' "missing parent"
[ ! -e "$tmp/no" ] || no "missing parent: a folder was created"

mkdir "$tmp/adir"
render "$tmp/adir"
expect_fail 3 'it is a folder' "folder as target"

# the output's own folder is created (vystup/ next to the edition)
render "$tmp/new/x.xlsx" || no "the output's folder was not created"
[ -f "$tmp/new/x.xlsx" ] || no "nothing in the created folder"

# a read-only folder (as nobody when running as root, who may write anywhere)
mkdir "$tmp/ro"
cp "$tmp/a.xlsx" "$tmp/ro/x.xlsx"
chmod 755 "$tmp" && chmod 555 "$tmp/ro"
if [ "$(id -u)" -eq 0 ] && command -v setpriv > /dev/null; then
	setpriv --reuid=65534 --regid=65534 --clear-groups env SOURCE_DATE_EPOCH=1788220800 \
	    "$MAPA" render --xlsx="$tmp/ro/x.xlsx" "$TOP/$EDITION" > "$tmp/render.out" 2>&1
	expect_fail 3 'cannot create a file in its folder' "read-only folder"
elif [ "$(id -u)" -ne 0 ]; then
	render "$tmp/ro/x.xlsx"
	expect_fail 3 'cannot create a file in its folder' "read-only folder"
else
	echo "note: read-only folder not tested (root without setpriv)"
fi
cmp -s "$tmp/a.xlsx" "$tmp/ro/x.xlsx" || no "read-only folder: previous file changed"
chmod 755 "$tmp/ro"

# a write that fails midway: a 16 KiB file size limit, SIGXFSZ ignored so
# that the writes fail with EFBIG; the previous file stays as it was
mkdir "$tmp/big"
printf 'previous good output\n' > "$tmp/big/x.xlsx"
(trap '' XFSZ; ulimit -f 32; exec "$MAPA" render --xlsx="$tmp/big/x.xlsx" "$EDITION") \
    > "$tmp/render.out" 2>&1
expect_fail 3 'cannot write' "file size limit"
[ "$(cat "$tmp/big/x.xlsx")" = "previous good output" ] || no "file size limit: previous file changed"
leftovers "$tmp/big"

# a device is written in place, never replaced: /dev/full fails
if [ -c /dev/full ]; then
	render /dev/full
	expect_fail 3 'cannot write' "/dev/full"
	[ -c /dev/full ] || no "/dev/full is no longer a device"
fi

# data with an error: nothing written, the previous output kept
mkdir "$tmp/bad"
cp -R samples/kromeriz/. "$tmp/bad/"
rm -rf "$tmp/bad/vystup"
mkdir "$tmp/bad/vystup"
printf 'previous good output\n' > "$tmp/bad/vystup/prilohy-kromeriz.xlsx"
sed 's/"ico": "71084622"/"ico": "71084623"/' samples/kromeriz/katalog.json > "$tmp/bad/katalog.json"
$MAPA render "$tmp/bad/edice.yaml" > "$tmp/render.out" 2>&1
expect_fail 1 'outputs not written: fix the errors above' "data error"
grep -q 'ico-checksum' "$tmp/render.out" || no "data error: the error itself is not shown"
[ "$(cat "$tmp/bad/vystup/prilohy-kromeriz.xlsx")" = "previous good output" ] ||
    no "data error: previous output changed"
leftovers "$tmp/bad/vystup"

# the same edition, repaired, writes to vystup/ next to the edition file
cp samples/kromeriz/katalog.json "$tmp/bad/katalog.json"
rm -rf "$tmp/bad/vystup"
$MAPA render "$tmp/bad/edice.yaml" > "$tmp/render.out" 2>&1 || no "repaired copy: $(cat "$tmp/render.out")"
cmp -s "$tmp/a.xlsx" "$tmp/bad/vystup/prilohy-kromeriz.xlsx" ||
    no "vystupy.xlsx not written next to the edition, or different bytes"

# a warning blocks the outputs only with --strict
sed 's/"nazev": "Občanská poradna Kroměříž",/"nazev": "Občanská poradna Kroměříž", "barva": "modrá",/' \
    samples/kromeriz/katalog.json > "$tmp/bad/katalog.json"
grep -q '"barva"' "$tmp/bad/katalog.json" || no "strict: the test data were not changed"
rm -rf "$tmp/bad/vystup"
$MAPA render --strict "$tmp/bad/edice.yaml" > "$tmp/render.out" 2>&1
expect_fail 1 'outputs not written: fix the warnings above (--strict)' "strict"
[ ! -e "$tmp/bad/vystup" ] || no "strict: something written"
$MAPA render "$tmp/bad/edice.yaml" > "$tmp/render.out" 2>&1 || no "a warning without --strict blocks"
grep -q 'unknown-key' "$tmp/render.out" || no "the warning is not shown"
[ -f "$tmp/bad/vystup/prilohy-kromeriz.xlsx" ] || no "a warning without --strict: nothing written"

# the registry edition: no yearly figures, indicators or previous data
if $MAPA render --xlsx="$tmp/reg.xlsx" samples/registry/edice.yaml > "$tmp/render.out" 2>&1; then
	$PY tests/xlsx/check.py openpyxl "$tmp/reg.xlsx" > /dev/null || no "registry: openpyxl"
	ssconvert --recalc "$tmp/reg.xlsx" "$tmp/reg-recalc.xlsx" > /dev/null 2>&1 ||
	    no "registry: ssconvert"
	$PY tests/xlsx/check.py recalc "$tmp/reg.xlsx" "$tmp/reg-recalc.xlsx" > /dev/null ||
	    no "registry: recalculation differs"
	$PY tests/xlsx/cells.py "$tmp/reg.xlsx" | grep -q 'Údaje o financování služeb nejsou' ||
	    no "registry: no note on the missing funding figures"
else
	cat "$tmp/render.out"
	no "registry edition does not render"
fi

# generated editions: a long title with "&" (page headers are limited to
# 255 bytes), a service without a place (the "bez obce" column), and 151
# municipalities (too many for columns: totals only)
mkdir "$tmp/gen"
$PY - "$tmp/gen" <<'PY'
import json, sys
d = sys.argv[1]
def service(i, obec):
    s = {"identifikator": "%07d" % (1000000 + i), "nazev": "Služba %d" % i,
         "poskytovatel": "p", "druh": "§ 40",
         "formy": [{"forma": "ter", "kapacity": [{"jednotka": "klient", "pocet": i}]}],
         "cilove_skupiny": ["seniori"]}
    if obec:
        s["mista"] = [{"adresa": {"ulice": "Hlavní", "cislo_popisne": "1",
                                  "obec": obec, "psc": "76701"}}]
    return s
for name, services in (("few", [service(1, "Kroměříž"), service(2, None),
                                 service(3, "Hulín")]),
                       ("many", [service(i, "Obec %03d" % i) for i in range(1, 152)])):
    json.dump({"udaje_k": "2026-09-01",
               "poskytovatele": [{"id": "p", "nazev": "P & P, z. s.", "ico": "71084622"}],
               "sluzby": services}, open("%s/%s.json" % (d, name), "w"), ensure_ascii=False)
    open("%s/%s.yaml" % (d, name), "w").write(
        "nazev: „Mapa pomoci & rozcestník“ " + "– velmi dlouhý název " * 12 + "\n"
        "uzemi: {nazev: „Území & okolí“ " + "čtvrť " * 20 + "}\n"
        "udaje_k: 2026-09-01\nvstupy: [{soubor: %s.json}]\n" % name)
PY
for e in few many; do
	if $MAPA render --xlsx="$tmp/gen/$e.xlsx" "$tmp/gen/$e.yaml" > "$tmp/render.out" 2>&1; then
		$PY tests/xlsx/cells.py "$tmp/gen/$e.xlsx" > "$tmp/gen/$e.cells"
		ssconvert --recalc "$tmp/gen/$e.xlsx" "$tmp/gen/$e-r.xlsx" > /dev/null 2>&1
		$PY tests/xlsx/check.py recalc "$tmp/gen/$e.xlsx" "$tmp/gen/$e-r.xlsx" > /dev/null ||
		    no "$e: recalculation differs"
		$PY tests/xlsx/check.py openpyxl "$tmp/gen/$e.xlsx" > /dev/null || no "$e: openpyxl"
		$PY tests/xlsx/check.py print "$tmp/gen/$e.xlsx" > /dev/null || no "$e: printed under 7 points"
		grep -q 'oddHeader	&L„Mapa pomoci && rozcestník“' "$tmp/gen/$e.cells" ||
		    no "$e: '&' not doubled in the page header"
		LC_ALL=C awk -F'\t' '$2 == "oddHeader" && length($3) > 255 { bad = 1 } END { exit bad }' \
		    "$tmp/gen/$e.cells" || no "$e: a page header longer than 255"
	else
		cat "$tmp/render.out"
		no "generated edition $e does not render"
	fi
done
grep -q '^Podle druhu a obce!E6	s	bez obce$' "$tmp/gen/few.cells" || no "few: no 'bez obce' column"
grep -q '^Podle druhu a obce!E7	f	=COUNTIFS(Sit_Druh,$B7,Sit_Obce,"|")	1' "$tmp/gen/few.cells" ||
    no "few: the service without a place is not counted under 'bez obce'"
grep -q 'Služby jsou v 151 obcích' "$tmp/gen/many.cells" || no "many: no note on too many municipalities"
grep -q '^Podle druhu a obce!C6	s	Celkem$' "$tmp/gen/many.cells" || no "many: municipality columns shown"
grep -q '^Síť služeb	page	.*fitToWidth=[23] ' "$tmp/gen/many.cells" ||
    no "many: the network sheet is not spread over pages across"
grep -q "^name	Síť služeb!_xlnm.Print_Titles	'Síť služeb'!\$A:\$B," "$tmp/gen/many.cells" ||
    no "many: identifikátor and name are not repeated on every page"

exit $status
