#!/bin/sh
# Runs the typography corpora (tests/typo/typo-cases.tsv, hyph-cases.tsv)
# through `mapa typo` and `mapa hyphenate`, prints the pass rates and every
# failing case (U+00A0 shown as ~, U+202F as ^). Fails when a rate drops
# under its bar (97 % typo, 90 % hyphenation), when a case fails that
# tests/typo/FAILURES.md does not list with its reason, or when a listed
# case passes (the list must then be updated).
#
# mapa puts U+2060 (word joiner) after a range dash; the corpus predates
# that decision, so it is removed before comparing typo output.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
MAPA=${MAPA:-$TOP/build/mapa}
DIR="$TOP/tests/typo"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
status=0

# compare NAME BAR IDS EXPECTED GOT: prints the rate and the failures
compare() {
	paste "$3" "$4" "$5" | awk -F'\t' -v name="$1" -v bar="$2" \
	    -v listed="$DIR/FAILURES.md" -v out="$tmp/$1.fail" '
	function vis(s) { gsub(/\302\240/, "~", s); gsub(/\342\200\257/, "^", s); return s }
	BEGIN {
		while ((getline l < listed) > 0)
			while (match(l, /`[A-Za-z0-9-]+`/)) {
				known[substr(l, RSTART + 1, RLENGTH - 2)] = 1
				l = substr(l, RSTART + RLENGTH)
			}
	}
	{
		n++
		if ($2 == $3) {
			ok++
			if ($1 in known) {
				printf "%s: %s passes but FAILURES.md lists it\n", name, $1
				bad = 1
			}
			next
		}
		printf "%s FAIL %s\n  want: %s\n  got:  %s\n", name, $1, vis($2), vis($3)
		if (!($1 in known)) {
			printf "  (not listed in FAILURES.md)\n"
			bad = 1
		}
	}
	END {
		rate = n ? 100 * ok / n : 0
		printf "%s: %d/%d cases pass (%.1f %%; bar %d %%)\n", name, ok, n, rate, bar
		if (rate < bar)
			bad = 1
		exit bad
	}' || status=1
}

# typo-cases.tsv: id rule input expected note
tail -n +2 "$DIR/typo-cases.tsv" | cut -f1 > "$tmp/typo.ids"
tail -n +2 "$DIR/typo-cases.tsv" | cut -f3 > "$tmp/typo.in"
tail -n +2 "$DIR/typo-cases.tsv" | cut -f4 > "$tmp/typo.want"
"$MAPA" typo < "$tmp/typo.in" | sed 's/\xe2\x81\xa0//g' > "$tmp/typo.got" || status=1
compare typo 97 "$tmp/typo.ids" "$tmp/typo.want" "$tmp/typo.got"

# hyph-cases.tsv: id word expected ...
tail -n +2 "$DIR/hyph-cases.tsv" | cut -f1 > "$tmp/hyph.ids"
tail -n +2 "$DIR/hyph-cases.tsv" | cut -f2 > "$tmp/hyph.in"
tail -n +2 "$DIR/hyph-cases.tsv" | cut -f3 > "$tmp/hyph.want"
"$MAPA" hyphenate < "$tmp/hyph.in" > "$tmp/hyph.got" || status=1
compare hyph 90 "$tmp/hyph.ids" "$tmp/hyph.want" "$tmp/hyph.got"
exit $status
