#!/bin/sh
# Round trip across the four input formats. tests/roundtrip/ holds one data
# set — five services of three providers, with types, forms and capacities
# with units, one place each (with and without a street, číslo orientační,
# part of the municipality, RÚIAN code), phones in several spellings,
# e-mails, webs, start and end dates — written in each format mapa reads:
#
#   rpss.json     MPSV registry (names of places from ciselniky/ beside it)
#   sluzby.csv    spreadsheet export (Czech headings, ";", BOM, two rows
#                 for a service with two forms)
#   native.json   mapa's own format
#   katalog.json  the place-centred senior-services catalogue
#
# `mapa dump` of each must print the same model, and none may report a
# problem. The registry version is the reference: it carries both the
# identifikátor and the registry's own id ("mpsv-<portalId>", the same id
# the katalog uses). Lines a format cannot carry are removed from the
# reference before comparing, and only these:
#
#   native   "  source-id:"  the native format has no field for the
#                            registry's id, only the identifikátor
#   katalog  "  ident:"      katalog.json has no identifikátor, only the id
#
# The CSV carries both and is compared with nothing removed. Everything
# else — provider names and IČO, types, forms, capacities and units, every
# address field, normalised phones, e-mails, webs, dates — must match.
# Finally all four files are loaded together, which exercises merging.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
MAPA=${MAPA:-$TOP/build/mapa}
VALGRIND=${VALGRIND:-}
dir=tests/roundtrip
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

# usage: dump NAME FORMAT FILE — writes $tmp/NAME.out, fails on any message
dump() {
	# shellcheck disable=SC2086
	$VALGRIND "$MAPA" dump --format="$2" "$dir/$3" > "$tmp/$1.out" \
	    2> "$tmp/$1.err"
	st=$?
	if [ "$st" -ne 0 ] || [ -s "$tmp/$1.err" ]; then
		echo "FAIL: $3: mapa dump exited $st or reported problems:"
		cat "$tmp/$1.err"
		status=1
	fi
}

# usage: same NAME DROP — compares NAME with the reference minus DROP lines
same() {
	if [ -n "$2" ]; then
		grep -v "^  $2: " "$tmp/registry.out" > "$tmp/ref-$1"
	else
		cp "$tmp/registry.out" "$tmp/ref-$1"
	fi
	if ! diff -u "$tmp/ref-$1" "$tmp/$1.out"; then
		echo "FAIL: $1 differs from the registry version" \
		    "(without ${2:-nothing})"
		status=1
	fi
}

dump registry registr rpss.json
dump csv csv sluzby.csv
dump native mapa native.json
dump katalog katalog katalog.json

# The reference must not be vacuous: all services with both ids, every
# provider, capacities, places with names of municipalities.
for want in "service:=5" "provider:=3" "  ident:=5" "  source-id:=5" \
    "    capacity:=7" "      municipality:=5" "      part:=4" "  to:=2"; do
	n=$(grep -c "^${want%=*}" "$tmp/registry.out")
	if [ "$n" -ne "${want#*=}" ]; then
		echo "FAIL: the registry dump has $n lines \"${want%=*}\"," \
		    "expected ${want#*=}"
		status=1
	fi
done

same csv ""
same native source-id
same katalog ident

# All four at once: merge_catalogue() keeps the first copy of each service
# (the registry's), drops the 15 later ones as duplicates — by identifikátor,
# or by registry id for the katalog — and folds the providers by IČO without
# a conflict, so the model is the registry's again.
(cd "$dir" && $VALGRIND "$MAPA" dump rpss.json sluzby.csv native.json \
    katalog.json) > "$tmp/all.out" 2> "$tmp/all.err"
st=$?
n=$(grep -c ' error: .* this later record is dropped \[ident-duplicate\]$' \
    "$tmp/all.err")
others=$(grep -vc '\[ident-duplicate\]$' "$tmp/all.err")
if [ "$st" -ne 1 ] || [ "$n" -ne 15 ] || [ "$others" -ne 0 ]; then
	echo "FAIL: all four inputs together: exit $st, $n duplicates" \
	    "(expected 15), $others other messages:"
	cat "$tmp/all.err"
	status=1
fi
if ! diff -u "$tmp/registry.out" "$tmp/all.out"; then
	echo "FAIL: all four inputs together do not give the registry's model"
	status=1
fi

[ $status -eq 0 ] && echo "roundtrip: 4 formats give the same model"
exit $status
