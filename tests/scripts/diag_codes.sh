#!/bin/sh
# Every diagnostic code in src/diag.h is documented in README.md with its level.
set -eu
cd "$(dirname "$0")/../.."
status=0
sed -n 's/.*X(D_[A-Z0-9_]*,[[:space:]]*\([A-Z]*\),[[:space:]]*"\([a-z0-9-]*\)").*/\2 \1/p' src/diag.h > /tmp/mapa-codes.$$
[ -s /tmp/mapa-codes.$$ ] || { echo "no codes found in src/diag.h"; exit 1; }
while read -r code level; do
	lvl=$(echo "$level" | tr 'A-Z' 'a-z')
	[ "$lvl" = fatal ] && lvl=error
	if ! grep -q "^| \`$code\` | $lvl |" README.md; then
		echo "README.md does not document [$code] as $lvl"
		status=1
	fi
done < /tmp/mapa-codes.$$
rm -f /tmp/mapa-codes.$$
exit $status
