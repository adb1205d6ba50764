#!/bin/sh
# tests/typo/*.tsv are copies of the research corpora in
# ../shared/data/typography/; when that directory is present (a developer's
# checkout), the copies must be byte-identical. Without it the test passes:
# nothing in the project needs ../shared.
set -eu
TOP=$(cd "$(dirname "$0")/../.." && pwd)
SRC="$TOP/../shared/data/typography"
if [ ! -d "$SRC" ]; then
	echo "typo_sync: $SRC not present, nothing to compare"
	exit 0
fi
for f in typo-cases.tsv hyph-cases.tsv; do
	if ! cmp "$SRC/$f" "$TOP/tests/typo/$f"; then
		echo "typo_sync: tests/typo/$f differs from ../shared/data/typography/$f: copy it again"
		exit 1
	fi
done
echo "typo_sync: tests/typo copies match ../shared"
