#!/bin/sh
# Every bundled sample edition validates with no errors and no warnings:
# `make demo` shows a coordinator a clean run.
set -u
cd "$(dirname "$0")/../.."
status=0
n=0
for e in samples/*/edice.yaml; do
	n=$((n + 1))
	if ! out=$($MAPA check --strict "$e" 2>&1); then
		printf '%s\n' "$out"
		echo "FAIL: $e does not check clean"
		status=1
	fi
done
[ "$n" -ge 2 ] || { echo "expected at least two sample editions, found $n"; exit 1; }
exit $status
