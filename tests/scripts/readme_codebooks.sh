#!/bin/sh
# The codebook tables in samples/README.md must equal what src/codebooks/*.tsv
# say. Fails on any difference; with --write it rewrites the tables instead.
#
# A table sits between "<!-- codebook:NAME -->" and "<!-- /codebook -->".
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
README="$TOP/samples/README.md"
CB="$TOP/src/codebooks"

# table NAME: prints the markdown table for one codebook
table() {
	case $1 in
	forms)
		awk -F'\t' 'NR == 1 { print "| code | label | MPSV id |"; print "|---|---|---|"; next }
		    { printf "| `%s` | %s | `%s` |\n", $1, $4, $2 }' "$CB/forms.tsv" ;;
	units)
		awk -F'\t' 'NR == 1 { print "| code | label | short label | 1 / 2 / 5 | usual forms |"
		    print "|---|---|---|---|---|"; next }
		    { f = $9; gsub(/,/, ", ", f)
		      printf "| `%s` | %s | %s | %s / %s / %s | %s |\n", $1, $4, $5, $6, $7, $8, f }' \
		    "$CB/units.tsv" ;;
	targets|ages)
		awk -F'\t' 'NR == 1 { print "| code | label | short label |"; print "|---|---|---|"; next }
		    { printf "| `%s` | %s | %s |\n", $1, $4, ($5 == "-" ? $4 : $5) }' "$CB/$1.tsv" ;;
	funds)
		awk -F'\t' 'NR == 1 { print "| key in `vynosy` | funding source | short label |"
		    print "|---|---|---|"; next }
		    { printf "| `%s` | %s | %s |\n", $1, $4, ($5 == "-" ? $4 : $5) }' "$CB/funds.tsv" ;;
	types)
		awk -F'\t' 'NR == 1 { print "| § | name | group | allowed forms | abbreviation | MPSV id |"
		    print "|---|---|---|---|---|---|"; next }
		    { p = ($1 == "-") ? "—" : "§ " $1; f = $4; gsub(/,/, ", ", f)
		      m = ($5 == "-") ? "—" : "`" $5 "`"
		      printf "| %s | %s | %s | %s | %s | %s |\n", p, $2, $3, f, $8, m }' \
		    "$CB/types.tsv" ;;
	*)
		echo "readme_codebooks: unknown table $1" >&2
		return 1 ;;
	esac
}

# Rebuilds the README with fresh tables on stdout.
rebuild() {
	names=$(sed -n 's/^<!-- codebook:\([a-z]*\) -->$/\1/p' "$README")
	for n in $names; do
		table "$n" > "$tmp/$n.md" || exit 1
	done
	awk -v dir="$tmp" '
	    /^<!-- codebook:[a-z]+ -->$/ {
		print; name = $0; sub(/^<!-- codebook:/, "", name); sub(/ -->$/, "", name)
		f = dir "/" name ".md"
		while ((getline line < f) > 0) print line
		close(f); skip = 1; next }
	    /^<!-- \/codebook -->$/ { skip = 0 }
	    !skip { print }' "$README"
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

[ -f "$README" ] || { echo "missing $README"; exit 1; }
count=$(grep -c '^<!-- codebook:' "$README")
[ "$count" -eq 6 ] || { echo "expected 6 codebook tables in README, found $count"; exit 1; }
rebuild > "$tmp/new" || exit 1
if [ "${1:-}" = --write ]; then
	cp "$tmp/new" "$README"
	exit 0
fi
if ! diff -u "$README" "$tmp/new"; then
	echo "samples/README.md codebook tables differ from src/codebooks (run $0 --write)"
	exit 1
fi
