#!/bin/sh
# Pathological inputs (issue 7), each with a bounded run time and peak
# memory, a documented exit status, a precise message and never a crash:
#  1. deep nesting: 100 000 nested brackets in a native catalogue (also as
#     the value of "popis"), in a katalog.json-format file and in a registry
#     file; an edition and a layout nested deeper than 64 levels, in flow
#     ([[[…) and in block style;
#  2. binary garbage: 1 MB of seeded pseudo-random bytes as a native .json,
#     a .csv, a registry file (--format=registr and through an edition) and
#     an edition .yaml; 1 MB of NUL bytes; a PDF and a ZIP (XLSX) header;
#  3. windows-1250 without a declaration: a native JSON (an error with the
#     hint, at the first bad byte), a CSV (read as windows-1250, a note at
#     the first bad byte) and an edition;
#  4. truncated files: the sample catalogue cut at 0 and 1 bytes, inside a
#     text, a number and a UTF-8 character and before its last }, the
#     registry sample, the sample edition and the sample CSV cut;
#  5. a 50 MB description (sentences) and a 50 MB one-word description:
#     `mapa check` and `mapa render --pdf` finish, both shortened with a
#     too-long warning, and the PDF passes qpdf --check;
#  6. 100 000 services (tests/bench/gen_catalog.py): `mapa check` and
#     `mapa render --xlsx` finish and the workbook opens. Its PDF is not
#     rendered here (minutes): `make bench` measures that.
# Every failing render must leave no output file and keep the previous one.
# The 10 000-character word, the entry taller than a page and the empty
# catalogue are in bounded.sh; tests/regress/ keeps single goldens of some
# of these (json/truncated, json/windows-1250, csv/cp1250,
# validate/text-too-long).
#
# Bounds are about 3x the time and peak RSS measured on a 2-core machine
# (see the report printed per run), with a 3 s floor for small runs.
# PATHO_QUICK=1 is for sanitizer and valgrind builds: it skips case 6 (and
# case 5 under valgrind) and multiplies every bound (PATHO_SCALE, default 4,
# 10 under valgrind). It is switched on by itself when $VALGRIND is set or
# the binary is built with AddressSanitizer; PATHO_QUICK=0 forces the full run.
# Needs /usr/bin/time (Debian package "time") and timeout.
set -u
MAPA=${MAPA:?set MAPA to the mapa binary}
case $MAPA in /*) ;; *) MAPA=$(pwd)/$MAPA ;; esac
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1788220800} TZ=UTC LC_ALL=C.UTF-8
export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$TOP/tests/lsan.supp}
VALGRIND=${VALGRIND:-}
status=0
tmp=$(mktemp -d)
genpid=
trap '[ -n "$genpid" ] && kill "$genpid" 2>/dev/null; rm -rf "$tmp"' EXIT
trap 'exit 2' INT TERM
no() { echo "FAIL: $*"; echo "FAIL: $*" >> "$tmp/failures"; status=1; }

[ -x /usr/bin/time ] ||
    { echo "FAIL: /usr/bin/time is missing (Debian package time)"; exit 1; }

quick=${PATHO_QUICK:-}
if [ -z "$quick" ]; then
	quick=0
	if [ -n "$VALGRIND" ] || grep -q __asan_init "$MAPA" 2>/dev/null; then
		quick=1
	fi
fi
scale=1
if [ "$quick" = 1 ]; then
	scale=${PATHO_SCALE:-4}
	[ -z "$VALGRIND" ] || scale=${PATHO_SCALE:-10}
fi
t0=$(date +%s)

# Case 6's catalogue is generated in the background while the others run.
if [ "$quick" = 0 ]; then
	gen0=$(date +%s)
	/usr/bin/python3 tests/bench/gen_catalog.py "$tmp/big100k" \
	    --services 100000 > "$tmp/gen.out" 2>&1 &
	genpid=$!
fi

# ---- inputs ------------------------------------------------------------
# Each input is written to $tmp; "expect" gets NAME LINE:COL lines: where
# the message for NAME must point.
/usr/bin/python3 - "$tmp" "$TOP" <<'EOF' || exit 2
import json, os, random, re, shutil, sys
d, top = sys.argv[1], sys.argv[2]
N = 100000
JSON_MAX = 128		# src/json.h JSON_MAX_DEPTH
YAML_MAX = 64		# src/yaml.c YAML_MAX_DEPTH
exp = open(os.path.join(d, "expect"), "w")

def put(name, data):
    if isinstance(data, str):
        data = data.encode("utf-8")
    with open(os.path.join(d, name), "wb") as f:
        f.write(data)
    return data

def pos(b, off):
    """LINE:COL of byte offset off; columns count characters."""
    start = b.rfind(b"\n", 0, off) + 1
    col = len(b[start:off].decode("utf-8")) + 1
    return "%d:%d" % (b.count(b"\n", 0, off) + 1, col)

def expect(name, where):
    exp.write("%s %s\n" % (name, where))

def first_bad_utf8(b):
    try:
        b.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start
    raise SystemExit("no bad byte")

def json_too_deep(b):
    """Offset of the bracket that opens level JSON_MAX + 1."""
    depth, instr, esc = 0, False, False
    for i, c in enumerate(b):
        if instr:
            if esc:
                esc = False
            elif c == 0x5C:
                esc = True
            elif c == 0x22:
                instr = False
        elif c == 0x22:
            instr = True
        elif c in b"[{":
            depth += 1
            if depth > JSON_MAX:
                return i
        elif c in b"]}":
            depth -= 1
    raise SystemExit("not deep enough")

def nth(b, sub, k, start=0):
    """Offset of the k-th (1-based) occurrence of sub from start."""
    i = start - 1
    for _ in range(k):
        i = b.index(sub, i + 1)
    return i

def catalogue(popis="Pečovatelky docházejí do domácností."):
    return {"format": "mapa-katalog/1", "udaje_k": "2026-09-01",
            "poskytovatele": [{"id": "p1", "nazev": "Spolek Naděje",
                               "ico": "44740867"}],
            "sluzby": [{"identifikator": "1234567",
                        "nazev": "Pečovatelská služba Naděje",
                        "poskytovatel": "p1", "druh": "§ 40",
                        "formy": ["ter"], "cilove_skupiny": ["seniori"],
                        "telefony": ["573 504 110"], "popis": popis}]}

def edition(name, soubor, extra="", fmt=None):
    s = ("nazev: Mapa pomoci\nuzemi:\n  nazev: ORP Kroměříž\n"
         "udaje_k: 2026-09-01\nvstupy:\n  - soubor: %s\n" % soubor)
    if fmt:
        s += "    format: %s\n" % fmt
    return put(name, s + extra)

put("small.json", json.dumps(catalogue(), ensure_ascii=False, indent=1))

# 1. deep nesting ---------------------------------------------------------
b = put("deep_array.json", b"[" * N)
expect("deep_array", pos(b, json_too_deep(b)))
s = json.dumps(catalogue("@@"), ensure_ascii=False, indent=1)
b = put("deep_popis.json", s.replace('"@@"', "[" * N + "]" * N))
expect("deep_popis", pos(b, json_too_deep(b)))
edition("deep_popis.yaml", "deep_popis.json")
b = put("deep_katalog.json", '{"verzeSchematu": "1.2.0", "mista": [{"id": '
        '"misto-1", "adresa": ' + '{"x": ' * N + "1" + "}" * N + "}]}")
expect("deep_katalog", pos(b, json_too_deep(b)))
b = put("deep_rpss.json", '{"polozky": [{"id": 1, "identifikator": '
        '"1234567", "nazev": ' + "[" * N + "]" * N + "}]}")
expect("deep_rpss", pos(b, json_too_deep(b)))
edition("deep_rpss.yaml", "deep_rpss.json", fmt="registr")
# YAML: the root mapping is level 1, so the 64th collection opened in it
# is one too many.
b = edition("deep_flow.yaml", "small.json",
            "oddily: " + "[" * N + "]" * N + "\n")
expect("deep_flow", pos(b, nth(b, b"[", YAML_MAX)))
b = edition("deep_block.yaml", "small.json", "filtry:\n" +
            "".join("  " * (i + 1) + "a:\n" for i in range(1000)))
start = b.index(b"filtry:")
expect("deep_block", pos(b, nth(b, b"a:", YAML_MAX, start)))
b = put("deep_layout.yaml", "nazev: Hluboké rozvržení\nstrana:\n" +
        "".join("  " * (i + 1) + "-\n" for i in range(1000)))
expect("deep_layout", pos(b, nth(b, b"-", YAML_MAX)))
edition("deep_layout_ed.yaml", "small.json", "rozvrzeni: deep_layout.yaml\n")

# 2. binary garbage --------------------------------------------------------
r = random.Random(7)
g = bytes(r.getrandbits(8) for _ in range(1 << 20))
for name in ("garbage.json", "garbage.csv", "garbage_rpss.json"):
    put(name, g)
b = put("garbage.yaml", g)
expect("garbage_yaml", pos(b, first_bad_utf8(b)))
edition("garbage_rpss.yaml", "garbage_rpss.json", fmt="registr")
put("nul.json", bytes(1 << 20))
put("nul.yaml", bytes(1 << 20))
put("header.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n" + g[:65536])
put("header.xlsx", b"PK\x03\x04\x14\x00\x06\x00\x08\x00" + g[:65536])

# 3. windows-1250, no declaration ------------------------------------------
b = put("cp1250.json", json.dumps(catalogue(), ensure_ascii=False,
                                  indent=1).encode("cp1250"))
expect("cp1250_json", pos(b, first_bad_utf8(b)))
edition("cp1250_ed.yaml", "cp1250.json")
b = put("cp1250.csv", (
    "identifikátor;název služby;druh služby;poskytovatel;IČO;forma;"
    "kapacita;jednotka kapacity;obec;PSČ;telefon\r\n"
    "1234567;Pečovatelská služba Naděje;pečovatelská služba;Spolek Naděje;"
    "44740867;terénní;150;klienti;Kroměříž;767 01;573 504 110\r\n"
    "7654321;Odlehčovací služba Úsměv;odlehčovací služby;Spolek Naděje;"
    "44740867;ambulantní;12;klienti;Hulín;768 24;573 504 111\r\n"
    ).encode("cp1250"))
expect("cp1250_csv", pos(b, first_bad_utf8(b)))
s = ("nazev: Mapa pomoci\nuzemi:\n  nazev: ORP Kroměříž\n"
     "udaje_k: 2026-09-01\nvstupy:\n  - soubor: small.json\n")
b = put("cp1250_edition.yaml", s.encode("cp1250"))
expect("cp1250_edition", pos(b, first_bad_utf8(b)))

# 4. truncated files ------------------------------------------------------
k = open(os.path.join(top, "samples/kromeriz/katalog.json"), "rb").read()
mid = len(k) // 2
put("cut0.json", b"")
b = put("cut1.json", k[:1])
expect("cut1", pos(b, len(b)))
q = k.index(b'"popis": "', mid) + len(b'"popis": ')
b = put("cut_text.json", k[:q + 6])
expect("cut_text", pos(b, len(b)))
expect("cut_text_start", pos(b, q))
m = re.compile(rb'": (\d{3,})').search(k, mid)
b = put("cut_number.json", k[:m.start(1) + 2])
expect("cut_number", pos(b, len(b)))
b = put("cut_end.json", k[:k.rstrip().rindex(b"}")])
expect("cut_end", pos(b, len(b)))
u = k.index("ř".encode(), mid)
b = put("cut_utf8.json", k[:u + 1])
expect("cut_utf8", pos(b, u))
edition("cut_ed.yaml", "cut_text.json")
rp = open(os.path.join(top, "samples/registry/rpss.json"), "rb").read()
b = put("cut_rpss.json", rp[:len(rp) // 2])
b.decode("utf-8")
expect("cut_rpss", pos(b, len(b)))
b = put("cut1_rpss.json", rp[:1])
expect("cut1_rpss", pos(b, len(b)))
for f in ("katalog.json", "doplnky.json"):
    shutil.copy(os.path.join(top, "samples/kromeriz", f), d)
e = open(os.path.join(top, "samples/kromeriz/edice.yaml"), "rb").read()
put("ecut1.yaml", e[:1])
q = e.index(b'adresa: "') + len(b"adresa: ")
b = put("ecut_quote.yaml", e[:q + 7])
expect("ecut_quote", pos(b, q))
u = e.index("ř".encode(), q)
b = put("ecut_utf8.yaml", e[:u + 1])
expect("ecut_utf8", pos(b, u))
f = e.index(b"oddily: [")
b = put("ecut_flow.yaml", e[:e.index(b", ", f) + 2])
expect("ecut_flow", pos(b, len(b) - 2))
f = e.index(b"soubor: doplnky.json") + len(b"soubor: ")
b = put("ecut_file.yaml", e[:f + 4])
expect("ecut_file", pos(b, f))
c = open(os.path.join(top, "samples/csv/sluzby.csv"), "rb").read()
q = c.index(b';"', len(c) // 2) + 1
b = put("ccut.csv", c[:q + 5])
expect("ccut", pos(b, q))

# 5. a 50 MB text field -----------------------------------------------------
SIZE = 50 * 1000 * 1000
unit = ("Pečovatelky docházejí do domácností a pomáhají s osobní hygienou, "
        "oblékáním a úklidem. Služba je poskytována v pracovní dny od sedmi "
        "do patnácti hodin. Žádosti přijímá sociální pracovnice osobně, "
        "telefonicky nebo e-mailem. ")
text = unit * (SIZE // len(unit.encode()) + 1)
word = "Pečovatelská" * (SIZE // len("Pečovatelská".encode()) + 1)
c = catalogue(text)
s2 = dict(c["sluzby"][0], identifikator="7654321", popis=word,
          nazev="Odlehčovací služba Úsměv", druh="§ 44")
c["sluzby"].append(s2)
b = put("huge.json", json.dumps(c, ensure_ascii=False, indent=1))
i = b.index(b'"popis": "') + len(b'"popis": ')
expect("huge_text", pos(b, i))
i = b.index(b'"popis": "', i) + len(b'"popis": ')
expect("huge_word", pos(b, i))
edition("huge.yaml", "huge.json", "rozvrzeni: a5-brochure\n")
EOF
cd "$tmp" || exit 2
mkdir out

# ---- helpers -------------------------------------------------------------
# exp NAME: where the message for NAME points (LINE:COL)
exp() { sed -n "s/^$1 //p" expect; }

# run NAME SECONDS MB mapa-args...: runs mapa under timeout and
# /usr/bin/time into NAME.out, sets $st; checks the time and peak RSS
# against the bounds (times $scale), that it did not crash and that no
# sanitizer spoke.
run() {
	name=$1 secs=$(( $2 * scale )) mb=$(( $3 * scale ))
	shift 3
	/usr/bin/time -o "$name.time" -f '%e %M' \
	    timeout -k 5 $(( secs * 2 + 5 )) $VALGRIND "$MAPA" "$@" \
	    > "$name.out" 2>&1
	st=$?
	set -- $(tail -n 1 "$name.time" 2>/dev/null) 0 0
	el=$1 rss=$(( $2 / 1024 ))
	printf '%-22s %7s s (bound %4s s) %6s MB (bound %5s MB)  exit %s\n' \
	    "$name" "$el" "$secs" "$rss" "$mb" "$st"
	if [ "$st" = 124 ] || [ "$st" = 137 ]; then
		no "$name: not finished within $(( secs * 2 + 5 )) s"
	elif [ "$st" -ge 128 ]; then
		tail -n 20 "$name.out"
		no "$name: crashed (exit status $st)"
	fi
	if grep -q -E 'Sanitizer|runtime error:|^==[0-9]+==' "$name.out"; then
		grep -E -A 8 'Sanitizer|runtime error:|^==[0-9]+==' "$name.out" | head -n 30
		no "$name: sanitizer or valgrind report"
	fi
	awk -v e="$el" -v b="$secs" 'BEGIN { exit !(e > b) }' &&
	    no "$name: took $el s, bound $secs s"
	[ "$rss" -le "$mb" ] || no "$name: peak RSS $rss MB, bound $mb MB"
}

# status_ NAME N: the exit status was N
status_() {
	[ "$st" = "$2" ] || { head -n 20 "$1.out"; no "$1: exit status $st, want $2"; }
}

# has NAME LEVEL CODE LOC: NAME.out has a line that starts with LOC
# ("FILE:LINE:COL:" or "FILE") and is a LEVEL message ending in [CODE]
has() {
	awk -v loc="$4" -v lv=" $2: " -v code="[$3]" '
	    index($0, loc) == 1 && index($0, lv) > 0 &&
	    substr($0, length($0) - length(code) + 1) == code { f = 1 }
	    END { exit !f }' "$1.out" && return
	head -n 20 "$1.out"
	no "$1: no '$4 … $2: … [$3]' message"
}

# errors NAME N: the summary says N errors
errors() {
	grep -q "^mapa: $2 errors\{0,1\}," "$1.out" ||
	    { tail -n 3 "$1.out"; no "$1: not exactly $2 error(s)"; }
}

# render_fails NAME SECONDS MB mapa-args...: a render that must fail with
# errors in the data (exit status 1), with --pdf and --xlsx into out/: it
# says "outputs not written", keeps the previous out/NAME.pdf byte for
# byte, writes no out/NAME.xlsx and leaves nothing else behind
render_fails() {
	printf 'previous good file\n' > out/keep
	cp out/keep "out/$1.pdf"
	run "$@" --pdf="out/$1.pdf" --xlsx="out/$1.xlsx"
	status_ "$1" 1
	grep -q "outputs not written" "$1.out" ||
	    { tail -n 5 "$1.out"; no "$1: no 'outputs not written'"; }
	cmp -s out/keep "out/$1.pdf" || no "$1: the previous PDF was changed"
	[ ! -e "out/$1.xlsx" ] || no "$1: a workbook was written"
	left=$(ls -A out | grep -v -x -e keep -e "$1.pdf" | wc -l)
	[ "$left" = 0 ] || { ls -A out; no "$1: files left in the output folder"; }
	rm -f "out/$1.pdf"
}

# ---- 1. deep nesting -----------------------------------------------------
echo "1. deep nesting"
run deep_array 3 80 check deep_array.json
status_ deep_array 1; errors deep_array 1
has deep_array error too-deep "deep_array.json:$(exp deep_array):"
run deep_popis 3 80 check deep_popis.json
status_ deep_popis 1; errors deep_popis 1
has deep_popis error too-deep "deep_popis.json:$(exp deep_popis):"
run deep_katalog 3 80 check --format=katalog deep_katalog.json
status_ deep_katalog 1; errors deep_katalog 1
has deep_katalog error too-deep "deep_katalog.json:$(exp deep_katalog):"
run deep_rpss 3 80 check --format=registr deep_rpss.json
status_ deep_rpss 1; errors deep_rpss 1
has deep_rpss error too-deep "deep_rpss.json:$(exp deep_rpss):"
run deep_flow 3 80 check deep_flow.yaml
status_ deep_flow 1; errors deep_flow 1
has deep_flow error too-deep "deep_flow.yaml:$(exp deep_flow):"
run deep_block 3 80 check deep_block.yaml
status_ deep_block 1; errors deep_block 1
has deep_block error too-deep "deep_block.yaml:$(exp deep_block):"
run deep_layout 3 80 check deep_layout.yaml
status_ deep_layout 1; errors deep_layout 1
has deep_layout error too-deep "deep_layout.yaml:$(exp deep_layout):"
render_fails r_deep_popis 3 80 render deep_popis.yaml
has r_deep_popis error too-deep "deep_popis.json:$(exp deep_popis):"
render_fails r_deep_rpss 3 80 render deep_rpss.yaml
has r_deep_rpss error too-deep "deep_rpss.json:$(exp deep_rpss):"
render_fails r_deep_flow 3 80 render deep_flow.yaml
has r_deep_flow error too-deep "deep_flow.yaml:$(exp deep_flow):"
render_fails r_deep_layout 3 80 render deep_layout_ed.yaml
has r_deep_layout error too-deep "deep_layout.yaml:$(exp deep_layout):"

# ---- 2. binary garbage ---------------------------------------------------
echo "2. binary garbage"
run garbage_json 3 80 check garbage.json
status_ garbage_json 1; errors garbage_json 1
has garbage_json error json-syntax "garbage.json:1:1:"
# A CSV of garbage: the undecodable bytes are summed up after 20, but each
# broken row still gets its own csv-syntax error (about 3 900 lines today,
# which is too many to read): bounded here so that it cannot grow further.
run garbage_csv 3 80 check garbage.csv
status_ garbage_csv 1
has garbage_csv error missing-field "garbage.csv:1:1:"
has garbage_csv error bad-utf8 "garbage.csv: error: "
[ "$(wc -l < garbage_csv.out)" -le 5000 ] ||
    no "garbage_csv: $(wc -l < garbage_csv.out) lines of messages"
run garbage_rpss 3 80 check --format=registr garbage_rpss.json
status_ garbage_rpss 1; errors garbage_rpss 1
has garbage_rpss error json-syntax "garbage_rpss.json:1:1:"
run garbage_yaml 3 80 check garbage.yaml
status_ garbage_yaml 1; errors garbage_yaml 1
has garbage_yaml error bad-utf8 "garbage.yaml:$(exp garbage_yaml):"
render_fails r_garbage_rpss 3 80 render garbage_rpss.yaml
has r_garbage_rpss error json-syntax "garbage_rpss.json:1:1:"
run nul_json 3 80 check nul.json
status_ nul_json 1; errors nul_json 1
has nul_json error json-syntax "nul.json:1:1:"
run nul_yaml 3 80 check nul.yaml
status_ nul_yaml 1; errors nul_yaml 1
has nul_yaml error bad-utf8 "nul.yaml"
# A PDF or a workbook given as data: said what it is (a file that cannot
# be read as data: exit status 3), with what to do for a spreadsheet.
for f in header.pdf header.xlsx; do
	n=$(echo "$f" | tr . _)
	run "$n" 3 80 check "$f"
	status_ "$n" 3; errors "$n" 1
	grep -q -E "^mapa: error: .*$f is a (PDF document|spreadsheet).*\[format-unknown\]\$" \
	    "$n.out" ||
	    { head -n 5 "$n.out"; no "$n: not said what it is"; }
done
grep -q 'save the sheet as CSV' header_xlsx.out || no "header_xlsx: no hint to save as CSV"

# ---- 3. windows-1250 -----------------------------------------------------
echo "3. windows-1250 without a declaration"
run cp1250_json 3 80 check cp1250.json
status_ cp1250_json 1; errors cp1250_json 1
has cp1250_json error bad-utf8 "cp1250.json:$(exp cp1250_json):"
grep -q "windows-1250" cp1250_json.out || no "cp1250_json: no windows-1250 hint"
render_fails r_cp1250 3 80 render cp1250_ed.yaml
has r_cp1250 error bad-utf8 "cp1250.json:$(exp cp1250_json):"
run cp1250_csv 3 80 check cp1250.csv
status_ cp1250_csv 0
has cp1250_csv note encoding "cp1250.csv:$(exp cp1250_csv):"
grep -q "windows-1250" cp1250_csv.out || no "cp1250_csv: no windows-1250 note"
grep -q "^mapa: 2 services from 1 provider" cp1250_csv.out ||
    { tail -n 3 cp1250_csv.out; no "cp1250_csv: not 2 services read"; }
"$MAPA" dump cp1250.csv > cp1250_dump.out 2>&1
grep -q "name: Odlehčovací služba Úsměv" cp1250_dump.out ||
    no "cp1250_csv: the Czech name was not decoded"
run cp1250_edition 3 80 check cp1250_edition.yaml
status_ cp1250_edition 1; errors cp1250_edition 1
has cp1250_edition error bad-utf8 "cp1250_edition.yaml:$(exp cp1250_edition):"
grep -q "windows-1250" cp1250_edition.out ||
    no "cp1250_edition: no windows-1250 hint"

# ---- 4. truncated files --------------------------------------------------
echo "4. truncated files"
run cut0 3 80 check cut0.json
status_ cut0 1; errors cut0 1
has cut0 error json-syntax "cut0.json:1:1:"
for c in cut1 cut_text cut_number cut_end; do
	run "$c" 3 80 check "$c.json"
	status_ "$c" 1; errors "$c" 1
	has "$c" error json-syntax "$c.json:$(exp "$c"):"
done
grep -q "starts at $(exp cut_text_start)" cut_text.out ||
    no "cut_text: the message does not say where the text starts"
grep -q "starts at 1:1" cut_end.out ||
    no "cut_end: the message does not say which object is open"
run cut_utf8 3 80 check cut_utf8.json
status_ cut_utf8 1; errors cut_utf8 1
has cut_utf8 error bad-utf8 "cut_utf8.json:$(exp cut_utf8):"
render_fails r_cut 3 80 render cut_ed.yaml
has r_cut error json-syntax "cut_text.json:$(exp cut_text):"
# The registry is read as a stream: the records before the cut are kept.
run cut_rpss 3 80 check --format=registr cut_rpss.json
status_ cut_rpss 1; errors cut_rpss 1
has cut_rpss error json-syntax "cut_rpss.json:$(exp cut_rpss):"
grep -q "^mapa: [1-9][0-9]* services\{0,1\} from" cut_rpss.out ||
    no "cut_rpss: the records before the cut were not kept"
run cut1_rpss 3 80 check --format=registr cut1_rpss.json
status_ cut1_rpss 1; errors cut1_rpss 1
has cut1_rpss error json-syntax "cut1_rpss.json:$(exp cut1_rpss):"
run ecut1 3 80 check ecut1.yaml
status_ ecut1 1; errors ecut1 1
has ecut1 error missing-field "ecut1.yaml:1:1:"
run ecut_quote 3 80 check ecut_quote.yaml
status_ ecut_quote 1; errors ecut_quote 1
has ecut_quote error yaml-syntax "ecut_quote.yaml:$(exp ecut_quote):"
run ecut_utf8 3 80 check ecut_utf8.yaml
status_ ecut_utf8 1; errors ecut_utf8 1
has ecut_utf8 error bad-utf8 "ecut_utf8.yaml:$(exp ecut_utf8):"
# Cut inside a flow list, after ", ": reported at the comma, the file's
# last character (not on a line the file does not have), as cut short.
run ecut_flow 3 80 check ecut_flow.yaml
status_ ecut_flow 1; errors ecut_flow 1
has ecut_flow error yaml-syntax "ecut_flow.yaml:$(exp ecut_flow):"
grep -q 'is it cut short' ecut_flow.out ||
    { head -n 3 ecut_flow.out; no "ecut_flow: not said to be cut short"; }
run ecut_file 3 80 check ecut_file.yaml
status_ ecut_file 3; errors ecut_file 1
has ecut_file error io "ecut_file.yaml:$(exp ecut_file):"
render_fails r_ecut 3 80 render ecut_quote.yaml
has r_ecut error yaml-syntax "ecut_quote.yaml:$(exp ecut_quote):"
run ccut 3 80 check ccut.csv
status_ ccut 1; errors ccut 1
has ccut error csv-syntax "ccut.csv:$(exp ccut):"

# ---- 5. a 50 MB text field -----------------------------------------------
# Measured: check 1.4 s, render 1.5 s (3.5 s under load), 305 MB for the
# 100 MB file.
if [ -n "$VALGRIND" ]; then
	echo "5. skipped under valgrind"
else
	echo "5. a 50 MB description"
	run huge_check 10 950 check huge.json
	status_ huge_check 0
	has huge_check warning too-long "huge.json:$(exp huge_text):"
	has huge_check warning too-long "huge.json:$(exp huge_word):"
	# The word is cut with its ellipsis inside the limit.
	grep -q "^huge.json:$(exp huge_word): .*shortened to 10000 \[too-long\]\$" \
	    huge_check.out || no "huge_check: the word not shortened to 10 000"
	grep -q "^mapa: 2 services from 1 provider" huge_check.out ||
	    no "huge_check: not 2 services"
	run huge_render 10 950 render --pdf=out/huge.pdf huge.yaml
	status_ huge_render 0
	has huge_render warning too-long "huge.json:$(exp huge_text):"
	if [ -s out/huge.pdf ]; then
		qpdf --check out/huge.pdf > huge_qpdf.out 2>&1 ||
		    { tail -n 5 huge_qpdf.out; no "huge_render: qpdf --check"; }
		pages=$(pdfinfo out/huge.pdf 2>/dev/null | sed -n 's/^Pages: *//p')
		[ "${pages:-0}" -ge 1 ] && [ "${pages:-0}" -le 40 ] ||
		    no "huge_render: $pages pages (the descriptions were not shortened?)"
	else
		no "huge_render: no PDF"
	fi
	rm -f out/huge.pdf
fi

# ---- 6. 100 000 services -------------------------------------------------
# Measured (2 cores, other work running): check 24 s / 2.7 GB, render
# --xlsx 34 s / 2.7 GB; generating the catalogue (340 MB) about 25 s.
if [ "$quick" = 1 ]; then
	echo "6. skipped (PATHO_QUICK)"
else
	echo "6. 100 000 services"
	wait "$genpid"
	gst=$?
	genpid=
	# its run time: from the start to its last file written
	gen1=$(stat -c %Y big100k/katalog.json big100k/edice.yaml 2>/dev/null |
	    sort -n | tail -n 1)
	echo "  generating the catalogue: $(( ${gen1:-$gen0} - gen0 )) s"
	if [ "$gst" != 0 ]; then
		cat gen.out
		no "gen_catalog.py failed"
	else
		run big_check 75 8200 check big100k/edice.yaml
		status_ big_check 0
		grep -q "^mapa: 100000 services from" big_check.out ||
		    { tail -n 3 big_check.out; no "big_check: not 100 000 services"; }
		run big_xlsx 100 8200 render --xlsx=out/big.xlsx big100k/edice.yaml
		status_ big_xlsx 0
		if unzip -tq out/big.xlsx > big_unzip.out 2>&1; then
			/usr/bin/python3 - out/big.xlsx <<'EOF' ||
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
rows = max(ws.max_row or 0 for ws in wb.worksheets)
if rows < 100000:
    sys.exit("the largest sheet has %d rows" % rows)
EOF
			    no "big_xlsx: openpyxl cannot read the workbook"
		else
			cat big_unzip.out
			no "big_xlsx: the workbook is not a valid ZIP"
		fi
	fi
fi

echo "total $(( $(date +%s) - t0 )) s"
if [ -s failures ]; then
	echo "failures:"
	cat failures
fi
exit $status
