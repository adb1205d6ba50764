#!/bin/sh
# Progress of mapa render: an indicator on stderr only when stderr is a
# terminal (tried under script(1)), nothing in logs; --verbose lists each
# step with its time; --quiet prints nothing at all for a clean run.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
MAPA=${MAPA:?set MAPA to the mapa binary}
EDITION=tests/print/edice.yaml
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
no() { echo "FAIL: $*"; status=1; }

"$MAPA" render --pdf="$tmp/a.pdf" "$EDITION" > "$tmp/out" 2> "$tmp/err" || no "render failed"
[ ! -s "$tmp/err" ] || { cat "$tmp/err"; no "progress written to stderr that is not a terminal"; }
"$MAPA" render --quiet --pdf="$tmp/b.pdf" "$EDITION" > "$tmp/q" 2>&1 || no "render --quiet failed"
[ -f "$tmp/b.pdf" ] || no "--quiet wrote no PDF"
[ ! -s "$tmp/q" ] || { cat "$tmp/q"; no "--quiet printed something"; }
"$MAPA" render --verbose --pdf="$tmp/c.pdf" "$EDITION" > /dev/null 2> "$tmp/v" || no "render --verbose failed"
for step in "loading" "composing the brochure" "pagination, pass 1" "drawing" "finishing the tagged PDF"; do
	grep -q "^mapa: *[0-9.]* s *[0-9]* MB  $step" "$tmp/v" || { cat "$tmp/v"; no "--verbose does not list „$step“"; }
done
if command -v script > /dev/null; then
	script -qec "$MAPA render --pdf=$tmp/d.pdf $EDITION" /dev/null > "$tmp/tty" 2>&1
	grep -q "pagination, pass 1" "$tmp/tty" || { cat "$tmp/tty"; no "no indicator on a terminal"; }
fi
cmp -s "$tmp/a.pdf" "$tmp/b.pdf" && cmp -s "$tmp/a.pdf" "$tmp/c.pdf" || no "the options changed the PDF"
exit $status
