#!/bin/sh
# Pathological inputs render in bounded time (issue 7): each gives a PDF
# with exit status 0 and a clear warning, within LIMIT seconds, and never
# a crash:
#  - a 10 000-character word in a description (too-long warning),
#  - an entry taller than a page (pagination warning: split across columns),
#  - a catalogue with no services (empty-catalogue warning).
# A description of thousands of sentences in ONE paragraph is not here: it
# takes time quadratic in its length today (see tests/bench/RESULTS.md).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
MAPA=${MAPA:?set MAPA to the mapa binary}
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1788220800} TZ=UTC LC_ALL=C.UTF-8
LIMIT=${BOUNDED_LIMIT:-20}
status=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
no() { echo "FAIL: $*"; status=1; }

/usr/bin/python3 - "$tmp" <<'EOF' || exit 2
import json, os, sys
d = sys.argv[1]
sent = ("Pečovatelky docházejí do domácností a pomáhají s osobní hygienou, "
        "oblékáním, podáváním jídla a úklidem. ")

def catalogue(popis):
    c = {"format": "mapa-katalog/1", "udaje_k": "2026-09-01",
         "poskytovatele": [{"id": "p1", "nazev": "Spolek Naděje",
                            "ico": "44740867"}],
         "sluzby": []}
    if popis is not None:
        c["sluzby"].append({
            "identifikator": "1234567", "nazev": "Pečovatelská služba",
            "poskytovatel": "p1", "druh": "§ 40", "formy": ["ter"],
            "cilove_skupiny": ["seniori"], "telefony": ["573 504 110"],
            "popis": popis})
    else:
        c["poskytovatele"] = []
    return c

cases = {
    "word": catalogue("Začátek " + ("Pečovatelská" * 834)[:10000] + " konec."),
    # 8 paragraphs of 60 sentences: about 23 A5 columns
    "tall": catalogue("\n\n".join([sent * 60] * 8)),
    "empty": catalogue(None),
}
for name, c in cases.items():
    with open(os.path.join(d, name + ".json"), "w", encoding="utf-8") as f:
        json.dump(c, f, ensure_ascii=False)
    with open(os.path.join(d, name + ".yaml"), "w", encoding="utf-8") as f:
        f.write("nazev: Mapa pomoci\nuzemi:\n  nazev: ORP Kroměříž\n"
                "udaje_k: 2026-09-01\nvstupy:\n  - soubor: %s.json\n"
                "rozvrzeni: a5-brochure\n" % name)
EOF

# case NAME CODE: renders NAME.yaml; wants exit 0, a PDF, warning [CODE]
case_() {
	name=$1 code=$2
	timeout "$LIMIT" ${VALGRIND:-} "$MAPA" render --pdf="$tmp/$name.pdf" \
	    "$tmp/$name.yaml" > "$tmp/$name.out" 2>&1
	st=$?
	if [ $st = 124 ]; then
		no "$name: not finished within $LIMIT s"
		return
	fi
	[ $st = 0 ] || { cat "$tmp/$name.out"; no "$name: exit status $st"; }
	grep -q "warning: .*\[$code\]" "$tmp/$name.out" ||
	    { cat "$tmp/$name.out"; no "$name: no [$code] warning"; }
	[ -s "$tmp/$name.pdf" ] || { no "$name: no PDF written"; return; }
	if command -v pdfinfo > /dev/null 2>&1; then
		pages=$(pdfinfo "$tmp/$name.pdf" 2>/dev/null |
		    sed -n 's/^Pages: *//p')
		[ "${pages:-0}" -ge 1 ] || no "$name: the PDF does not open"
		echo "$name: ${pages:-?} pages"
	fi
}

case_ word too-long
case_ tall pagination
case_ empty empty-catalogue
# The tall entry really spans many columns (not dropped or cut short).
grep -q "split across [0-9][0-9]* columns" "$tmp/tall.out" ||
    no "tall: the entry was not split across columns"
exit $status
