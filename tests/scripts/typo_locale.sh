#!/bin/sh
# `mapa typo` and `mapa hyphenate` give byte-identical output under
# LC_ALL=C and LC_ALL=cs_CZ.UTF-8 (the program must not depend on the
# locale), and `mapa typo` is idempotent: its output, normalised again,
# does not change.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
MAPA=${MAPA:-$TOP/build/mapa}
DIR="$TOP/tests/typo"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

tail -n +2 "$DIR/typo-cases.tsv" | cut -f3 > "$tmp/text"
tail -n +2 "$DIR/typo-cases.tsv" | cut -f4 >> "$tmp/text"
tail -n +2 "$DIR/hyph-cases.tsv" | cut -f2 > "$tmp/words"
printf '%s\n' ČÁSLAV Řeřicha ďábelský "Ďáblice-Ústí" ŽLUŤOUČKÝ úřednice >> "$tmp/words"

if ! locale -a 2>/dev/null | grep -qi '^cs_CZ\.utf-\?8$'; then
	echo "typo_locale: the cs_CZ.UTF-8 locale is missing (sh .ci/deps.sh makes it)"
	exit 1
fi
for loc in C cs_CZ.UTF-8; do
	LC_ALL=$loc "$MAPA" typo < "$tmp/text" > "$tmp/typo.$loc"
	LC_ALL=$loc "$MAPA" typo --hyphenate < "$tmp/text" > "$tmp/typohy.$loc"
	LC_ALL=$loc "$MAPA" hyphenate < "$tmp/words" > "$tmp/hyph.$loc"
	LC_ALL=$loc "$MAPA" hyphenate --text < "$tmp/text" > "$tmp/hytext.$loc"
done
for f in typo typohy hyph hytext; do
	if ! cmp -s "$tmp/$f.C" "$tmp/$f.cs_CZ.UTF-8"; then
		echo "typo_locale: $f output differs between LC_ALL=C and cs_CZ.UTF-8:"
		diff "$tmp/$f.C" "$tmp/$f.cs_CZ.UTF-8" | head -n 20
		exit 1
	fi
done
# The hyphenated words must have changed something, or the test is empty.
! cmp -s "$tmp/hyph.C" "$tmp/words"

"$MAPA" typo < "$tmp/typo.C" > "$tmp/again"
if ! cmp -s "$tmp/typo.C" "$tmp/again"; then
	echo "typo_locale: mapa typo is not idempotent:"
	diff "$tmp/typo.C" "$tmp/again" | head -n 20
	exit 1
fi
echo "typo_locale: same output under C and cs_CZ.UTF-8; idempotent"
