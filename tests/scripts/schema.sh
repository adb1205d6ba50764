#!/bin/sh
# Every native catalogue under samples/ must validate against
# samples/mapa-katalog.schema.json (draft 2020-12), override files
# (ucel: doplneni in an edition) against its #/$defs/doplneni; and the schema
# must reject a few broken documents, so that it cannot pass vacuously.
# Needs python3 with jsonschema (Debian: python3-jsonschema).
set -u
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
exec /usr/bin/python3 - <<'PY'
import glob, json, os, re, sys
from jsonschema import Draft202012Validator

schema = json.load(open("samples/mapa-katalog.schema.json", encoding="utf-8"))
Draft202012Validator.check_schema(schema)
full = Draft202012Validator(schema)
over = Draft202012Validator(dict(schema, **{"$ref": "#/$defs/doplneni"}))

NATIVE_KEYS = {"$schema", "format", "udaje_k", "poskytovatele", "sluzby",
    "navazne_sluzby", "urady", "krizove_linky", "zivotni_situace"}

def native(doc):
    if not isinstance(doc, dict):
        return False
    if str(doc.get("format", "")).startswith("mapa-katalog"):
        return True
    if "polozky" in doc or "verzeSchematu" in doc:
        return False
    return bool(NATIVE_KEYS & set(doc)) and "$defs" not in doc

# Override inputs named by edition files: "- soubor: X" items with
# "ucel: doplneni" (a line-based reading is enough for our samples).
overrides = set()
for ed in glob.glob("samples/**/*.y*ml", recursive=True):
    item = None
    for line in open(ed, encoding="utf-8"):
        m = re.match(r"\s*-\s*soubor:\s*[\"']?([^\"'#]+?)[\"']?\s*(#.*)?$", line)
        if m:
            item = os.path.normpath(os.path.join(os.path.dirname(ed), m.group(1)))
            continue
        if item and re.match(r"\s*ucel:\s*[\"']?doplneni", line):
            overrides.add(item)

bad = checked = 0
for path in sorted(glob.glob("samples/**/*.json", recursive=True)):
    if path.endswith(".schema.json"):
        continue
    try:
        doc = json.load(open(path, encoding="utf-8-sig"))
    except ValueError as e:
        print(f"{path}: not JSON: {e}")
        bad += 1
        continue
    if not native(doc):
        continue
    v = over if os.path.normpath(path) in overrides else full
    checked += 1
    for err in sorted(v.iter_errors(doc), key=lambda e: list(e.path)):
        where = "/".join(str(p) for p in err.path)
        print(f"{path}: /{where}: {err.message}")
        bad += 1
    print(f"{path}: checked{' (override)' if v is over else ''}")

if checked == 0:
    print("no native catalogue found under samples/")
    bad += 1

# The schema must reject what mapa rejects.
base = json.load(open("samples/priklad.json", encoding="utf-8"))
def broken(name, change):
    doc = json.loads(json.dumps(base))
    change(doc)
    return name, doc
cases = [
    broken("count as text", lambda d: d["sluzby"][0]["formy"][0]["kapacity"][0].update(pocet="120")),
    broken("unknown key", lambda d: d["sluzby"][0].update(nazv="x")),
    broken("missing druh", lambda d: d["sluzby"][0].pop("druh")),
    broken("IČO as number", lambda d: d["poskytovatele"][0].update(ico=12345679)),
    broken("bad days", lambda d: d["sluzby"][0]["provozni_doba"]["hodiny"][0].update(dny="po-pa 7-15 h")),
    broken("bad time", lambda d: d["sluzby"][0]["provozni_doba"]["hodiny"][0].update(od="25:00")),
    broken("24:00 as a start", lambda d: d["sluzby"][0]["provozni_doba"]["hodiny"][0].update(od="24:00")),
    broken("bad fee", lambda d: d["sluzby"][0].update(uhrada="Zdarma")),
    broken("bad date", lambda d: d["sluzby"][0].update(registrace_od="1.1.07")),
    broken("money as text", lambda d: d["sluzby"][0]["ukazatele"][0].update(naklady="5230000.50")),
    broken("unknown fund", lambda d: d["sluzby"][0]["ukazatele"][0]["vynosy"].update(msp=1)),
    broken("listing without name", lambda d: d["urady"][0].pop("nazev")),
    broken("provider without id or IČO", lambda d: (d["poskytovatele"][0].pop("id"), d["poskytovatele"][0].pop("ico"))),
    broken("nonstop with hours", lambda d: d["sluzby"][0]["provozni_doba"].update(nonstop=True)),
    broken("both house numbers", lambda d: d["poskytovatele"][0]["sidlo"].update(cislo_evidencni="5")),
]
for name, doc in cases:
    if full.is_valid(doc):
        print(f"schema accepts a broken document: {name}")
        bad += 1
ov = {"sluzby": [{"identifikator": "1234567", "popis": "jen popis"}]}
if not over.is_valid(ov) or full.is_valid(ov):
    print("override schema: a service with only identifikator must pass as override only")
    bad += 1

print(f"schema: {checked} files checked, {len(cases)} broken documents, {bad} problems")
sys.exit(1 if bad else 0)
PY
