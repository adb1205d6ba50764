#!/bin/sh
# Faults while rendering the brochure: each gives a clear message, a
# non-zero exit, no partial output file, and keeps the previous good one.
#  - the fonts directory is missing or empty (MAPA_DATADIR without fonts/)
#  - the layout named by the edition or --layout does not exist
#  - the run is interrupted by SIGTERM or SIGINT in each of its steps
#    (composing, paginating, drawing, reading and writing the finished
#    PDF) on a large catalogue (the
#    sample's services forty times over)
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
MAPA=${MAPA:?set MAPA to the mapa binary}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1788220800} TZ=UTC LC_ALL=C.UTF-8
EDITION=samples/kromeriz/edice.yaml
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
no() { echo "FAIL: $*"; status=1; }

printf 'previous good file\n' > "$tmp/keep.pdf"
kept() {	# kept WHAT: the previous file is intact and nothing else is there
	cmp -s "$tmp/keep.pdf" "$tmp/keep.orig" || no "$1: the previous PDF was changed"
	left=$(ls -A "$tmp/out" 2>/dev/null | wc -l)
	[ "$left" = 0 ] || { ls -A "$tmp/out"; no "$1: files left in the output folder"; }
}
cp "$tmp/keep.pdf" "$tmp/keep.orig"
mkdir "$tmp/out"

# 1. no fonts
mkdir -p "$tmp/data/layouts"
cp layouts/*.yaml "$tmp/data/layouts/"
MAPA_DATADIR=$tmp/data "$MAPA" render --pdf="$tmp/out/a.pdf" "$EDITION" > "$tmp/1.out" 2>&1
st=$?
[ $st -ne 0 ] || no "no fonts: exit status 0"
grep -q "error:.*font" "$tmp/1.out" || { cat "$tmp/1.out"; no "no fonts: no message naming the fonts"; }
kept "no fonts"

# 2. a layout that does not exist
"$MAPA" render --pdf="$tmp/out/a.pdf" --layout=no-such-layout "$EDITION" > "$tmp/2.out" 2>&1
st=$?
[ $st -ne 0 ] || no "missing layout: exit status 0"
grep -q "error:.*no-such-layout" "$tmp/2.out" || { cat "$tmp/2.out"; no "missing layout: no message naming it"; }
kept "missing layout"

# 3. interrupted: a large catalogue, killed while it works
/usr/bin/python3 - "$tmp" <<'PY'
import copy, json, sys
d = json.load(open("samples/kromeriz/katalog.json", encoding="utf-8"))
out = []
for k in range(40):
    for n, s in enumerate(d["sluzby"]):
        t = copy.deepcopy(s)
        t["identifikator"] = str(2000000 + k * 100 + n)
        t["nazev"] = "%s %d" % (s["nazev"], k + 1)
        out.append(t)
d["sluzby"] = out
d.pop("zivotni_situace", None)
json.dump(d, open(sys.argv[1] + "/velky.json", "w", encoding="utf-8"), ensure_ascii=False)
PY
sed "s|^  - soubor: katalog.json|  - soubor: $tmp/velky.json|;
     /soubor: doplnky.json/,/ucel: doplneni/d; /^predchozi_data:/d" "$EDITION" > "$tmp/velky.yaml"
# A background job of a script starts with SIGINT ignored (and mapa keeps
# an ignored signal ignored, as nohup asks): start it with the default.
# (Not a shell function: $! must be mapa's own process.)
DFL='import os, signal, sys
signal.signal(signal.SIGINT, signal.SIG_DFL)
os.execvp(sys.argv[1], sys.argv[1:])'
# Each signal arrives in each step of the run: as soon as --verbose says
# the step began (not after a fixed time: the run keeps getting faster).
for sig in TERM INT; do
	for step in "composing the brochure" "pagination, pass 1" "drawing" \
	    "finishing the tagged PDF" "writing the finished PDF"; do
		what="SIG$sig in „$step“"
		cp "$tmp/keep.orig" "$tmp/out/keep.pdf"
		: > "$tmp/3.out"
		/usr/bin/python3 -c "$DFL" "$MAPA" render --verbose \
		    --pdf="$tmp/out/keep.pdf" "$tmp/velky.yaml" > "$tmp/3.out" 2>&1 &
		pid=$!
		i=0
		while ! grep -q "MB  $step" "$tmp/3.out" && kill -0 $pid 2>/dev/null &&
		    [ $i -lt 1200 ]; do
			sleep 0.05
			i=$((i + 1))
		done
		kill -$sig $pid 2>/dev/null
		wait $pid 2>/dev/null
		st=$?
		grep -q "MB  $step" "$tmp/3.out" || { cat "$tmp/3.out"; no "$what: the step never came"; }
		[ $st -ne 0 ] || no "$what: exit status 0 (finished too soon?)"
		cmp -s "$tmp/out/keep.pdf" "$tmp/keep.orig" || no "$what: the previous PDF was changed"
		n=$(ls -A "$tmp/out" | wc -l)
		[ "$n" = 1 ] || { ls -A "$tmp/out"; no "$what: a temporary file was left"; }
		kill -0 $pid 2>/dev/null && no "$what: mapa still runs"
	done
done
exit $status
