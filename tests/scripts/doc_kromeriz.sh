#!/bin/sh
# The composed brochure of the bundled sample edition (`mapa dump --doc
# samples/kromeriz/edice.yaml`) against tests/regress/doc/kromeriz.doc_out
# (a golden file that tests/run.sh regress does not pick up as an input).
# REGEN=1 rewrites the golden file; read its diff before keeping it.
set -u
: "${MAPA:?run through tests/run.sh}"
exp=tests/regress/doc/kromeriz.doc_out
got=$(mktemp)
trap 'rm -f "$got" "$got.cs"' EXIT INT TERM
$MAPA dump --doc samples/kromeriz/edice.yaml > "$got" 2>&1
echo "exit: $?" >> "$got"
if [ "${REGEN:-}" = 1 ]; then
	cp "$got" "$exp"
	exit 0
fi
diff -u "$exp" "$got" | head -n 60
cmp -s "$exp" "$got" || exit 1
# the locale must not change a byte
LC_ALL=cs_CZ.UTF-8 $MAPA dump --doc samples/kromeriz/edice.yaml > "$got.cs" 2>&1
echo "exit: $?" >> "$got.cs"
cmp -s "$got" "$got.cs"
