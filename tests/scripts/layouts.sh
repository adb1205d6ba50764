#!/bin/sh
# Every shipped layout checks clean (also with --strict), and the three the
# brochure needs are there.
set -u
cd "$(dirname "$0")/../.."
status=0
for l in a5-brochure a4-directory large-print; do
	[ -f "layouts/$l.yaml" ] || { echo "FAIL: layouts/$l.yaml is missing"; status=1; }
done
out=$($MAPA check --strict layouts/*.yaml 2>&1)
st=$?
if [ $st -ne 0 ] || [ "$(printf '%s\n' "$out" | tail -n 1)" != "mapa: no problems found" ]; then
	printf '%s\n' "$out"
	echo "FAIL: the shipped layouts do not check clean (exit $st)"
	status=1
fi
n=$(printf '%s\n' "$out" | grep -c '^mapa: layout ')
[ "$n" -eq "$(ls layouts/*.yaml | wc -l)" ] || { echo "FAIL: $n layouts described"; status=1; }
exit $status
