#!/bin/sh
# The filter stage on the sample edition (samples/kromeriz):
#  - filtry.obce listing all six municipalities of its territory keeps all
#    56 services, says so in one note, warns of nothing, and leaves the
#    model exactly as without the filter (same `mapa dump`);
#  - a narrower edition (Hulín, seniors) keeps fewer services, and the
#    model has no service, provider or situation the filters left out.
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
MAPA=${MAPA:?set MAPA to the mapa binary}
export LC_ALL=C.UTF-8
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
no() { echo "FAIL: $*"; status=1; }
S=$TOP/samples/kromeriz

# The sample edition with absolute inputs and the given filter lines.
edition() {
	sed -e "s#soubor: katalog.json#soubor: $S/katalog.json#" \
	    -e "s#soubor: doplnky.json#soubor: $S/doplnky.json#" \
	    -e "s#^predchozi_data: .*#predchozi_data: $S/2025/katalog.json#" \
	    -e "s#^  aktivni_k: 2026-09-01#  aktivni_k: 2026-09-01\\n$1#" \
	    "$S/edice.yaml" > "$2"
}

grep -q '^  aktivni_k: 2026-09-01$' "$S/edice.yaml" ||
	{ echo "FAIL: the sample's filtry changed; update this test"; exit 1; }
grep -q 'obce: \[Kroměříž, Hulín, Chropyně, Koryčany, Morkovice-Slížany, Zdounky\]' \
    "$S/edice.yaml" || no "the sample's uzemi.obce changed"

edition '  obce: [Kroměříž, Hulín, Chropyně, Koryčany, Morkovice-Slížany, Zdounky]' \
    "$tmp/vse.yaml"
"$MAPA" check "$tmp/vse.yaml" > "$tmp/vse.out" 2>&1 || no "check exit $?"
grep -q '^mapa: 56 services from 24 providers$' "$tmp/vse.out" ||
	no "all municipalities: not all 56 services"
grep -q 'note: filtry.obce: kept 56 of 56 services \[filtered\]$' \
    "$tmp/vse.out" || no "no note of what the filter kept"
grep -q '^mapa: no problems found$' "$tmp/vse.out" || no "warnings"
"$MAPA" dump "$tmp/vse.yaml" 2>/dev/null > "$tmp/vse.dump"
"$MAPA" dump "$S/edice.yaml" 2>/dev/null > "$tmp/sample.dump"
cmp -s "$tmp/vse.dump" "$tmp/sample.dump" ||
	no "the filter over all municipalities changed the model"
[ -s "$tmp/sample.dump" ] || no "empty dump"

edition '  obce: [Hulín]\n  cilove_skupiny: [seniori]' "$tmp/hulin.yaml"
"$MAPA" check "$tmp/hulin.yaml" > "$tmp/hulin.out" 2>&1 || no "check exit $?"
n=$(sed -n 's/^mapa: \([0-9]*\) services\{0,1\} from .*/\1/p' "$tmp/hulin.out")
[ -n "$n" ] && [ "$n" -gt 0 ] && [ "$n" -lt 56 ] ||
	no "Hulín and seniors: $n services"
"$MAPA" dump "$tmp/hulin.yaml" 2>/dev/null > "$tmp/hulin.dump"
# every service left is for seniors
/usr/bin/python3 - "$tmp/hulin.dump" <<'PY' || no "the narrow model is inconsistent"
import sys
blocks, cur = [], None
for line in open(sys.argv[1], encoding="utf-8"):
    if not line.startswith(" "):
        cur = [line.rstrip("\n")]
        blocks.append(cur)
    elif cur is not None:
        cur.append(line.rstrip("\n"))
svc = [b for b in blocks if b[0] == "service:"]
ids = {l.split(": ", 1)[1] for b in svc for l in b if l.startswith("  ident: ")}
names = {l.split(": ", 1)[1].split(" / IČO")[0] for b in svc for l in b
         if l.startswith("  provider: ")}
provs = {l.split(": ", 1)[1] for b in blocks if b[0] == "provider:"
         for l in b if l.startswith("  name: ")}
ok = True
for b in svc:
    if "  target: seniori" not in b:
        print("not for seniors:", b[1]); ok = False
if provs != names:
    print("providers without services:", sorted(provs - names)); ok = False
for b in blocks:
    if b[0] == "situation:":
        refs = [l.split(": ", 1)[1] for l in b if l.startswith("  service: ")]
        if not refs or not set(refs) <= ids:
            print("situation with dropped services:", b[1:3]); ok = False
sys.exit(0 if ok and svc else 1)
PY
exit $status
