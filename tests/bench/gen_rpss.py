#!/usr/bin/env python3
"""Writes a synthetic rpss.json-shaped file (MPSV registry of social
services) for measuring the streaming registry import.

    tests/bench/gen_rpss.py OUT.json [--items N] [--codebooks DIR] [--seed S]

The output is deterministic for a given seed and item count. Shape and sizes
follow the real national file (about 6 700 services, 19 000 facilities,
~100 MB pretty-printed): every item has a provider with statutory bodies
(fictional names), several facilities with full address objects, forms with
capacities and opening hours, target and age groups, contacts and document
links. With --codebooks, the matching MPSV codebook files (kraje.json,
okresy.json, obce.json, cilove-skupiny-osoby.json, vekove-skupiny-osoby.json)
are written to DIR, so that the import also maps names.

All names, numbers and addresses are made up; municipal codes are not real
ones except the kraj RÚIAN/NUTS pairs.
"""
import argparse
import json
import os
import random

KRAJE = [
    (19, "CZ010", "Hlavní město Praha"), (27, "CZ020", "Středočeský kraj"),
    (35, "CZ031", "Jihočeský kraj"), (43, "CZ032", "Plzeňský kraj"),
    (51, "CZ041", "Karlovarský kraj"), (60, "CZ042", "Ústecký kraj"),
    (78, "CZ051", "Liberecký kraj"), (86, "CZ052", "Královéhradecký kraj"),
    (94, "CZ053", "Pardubický kraj"), (108, "CZ063", "Kraj Vysočina"),
    (116, "CZ064", "Jihomoravský kraj"), (124, "CZ071", "Olomoucký kraj"),
    (132, "CZ080", "Moravskoslezský kraj"), (141, "CZ072", "Zlínský kraj"),
]

OBEC_STEMS = ["Kroměříž", "Hulín", "Chropyně", "Bystřice", "Holešov",
              "Lhota", "Újezd", "Třebíč", "Žďár", "Nová Ves", "Dubňany",
              "Řevnice", "Kněžpole", "Všetuly", "Tlumačov", "Záříčí"]
ULICE = ["Velké náměstí", "Nemocniční", "Hulínská", "Riegrovo náměstí",
         "Kollárova", "Spáčilova", "Čs. armády", "Ztracená", "Tovačovského",
         "U Sýpky", "Havlíčkova", "Vejvanovského", "Štěchovice", "Zahradní",
         "Komenského", "Nábřeží Dr. Beneše"]
JMENA = ["Jana", "Petr", "Marie", "Tomáš", "Eva", "Jiří", "Lenka", "Pavel",
         "Hana", "Martin", "Zdeňka", "Lukáš"]
PRIJMENI = ["Nováková", "Dvořák", "Svobodová", "Černý", "Procházková",
            "Kučera", "Veselá", "Horák", "Němcová", "Marek", "Pokorná",
            "Růžička"]
FORMY_PO = ["příspěvková organizace", "zapsaný ústav", "spolek",
            "obecně prospěšná společnost", "církevní právnická osoba",
            "společnost s ručením omezeným"]
# (DruhSocialniSluzby id, forms the act allows; the first is the main one)
DRUHY = [(1, "amb ter"), (3, "ter"), (4, "ter amb"), (5, "ter"), (8, "pob ter amb"),
         (9, "amb"), (10, "amb"), (12, "pob"), (13, "pob"), (14, "pob"),
         (15, "pob"), (18, "ter"), (23, "amb ter pob"), (28, "ter amb"),
         (29, "amb ter"), (30, "amb"), (32, "ter"), (33, "amb ter pob")]
CILOVE = [24, 26, 27, 30] + list(range(1, 23))
# First digit of the PSČ in each kraj (DOMAIN.md §8.2), so that addresses
# pass mapa's plausibility check.
PSC_DIGIT = {"CZ010": 1, "CZ020": 2, "CZ031": 3, "CZ032": 3, "CZ041": 3,
             "CZ042": 4, "CZ051": 4, "CZ052": 5, "CZ053": 5, "CZ063": 5,
             "CZ064": 6, "CZ071": 7, "CZ080": 7, "CZ072": 7}
RUIAN_PSC = {r: PSC_DIGIT[n] for r, n, _ in KRAJE}
# Names of the target groups 1–22 in the codebook file (made-up ids; the
# names are mapa's labels, so that every id of the items is recognised).
TARGET_NAMES = [
    "etnické menšiny", "imigranti a azylanti", "oběti domácího násilí",
    "osoby bez přístřeší", "osoby s mentálním postižením",
    "osoby s tělesným postižením", "osoby v krizi", "rodiny s dítětem/dětmi",
    "oběti obchodu s lidmi", "oběti trestné činnosti",
    "osoby komerčně zneužívané",
    "osoby s chronickým duševním onemocněním",
    "osoby s chronickým onemocněním", "osoby s jiným zdravotním postižením",
    "osoby s kombinovaným postižením", "osoby se sluchovým postižením",
    "osoby se zdravotním postižením", "osoby se zrakovým postižením",
    "osoby žijící v sociálně vyloučených komunitách",
    "pachatelé trestné činnosti",
    "osoby ohrožené závislostí nebo závislé na návykových látkách",
    "děti a mládež ve věku od 6 do 26 let ohrožené společensky nežádoucími jevy",
]
UNIT_FOR = {"pob": "luzka", "amb": "klient", "ter": "klient"}


def ico_with_check(rng):
    """An 8-digit IČO that passes the mod-11 check."""
    while True:
        d = [rng.randint(0, 9) for _ in range(7)]
        s = sum(w * x for w, x in zip(range(8, 1, -1), d))
        c = (11 - s % 11) % 10
        return "".join(map(str, d)) + str(c)


def phone(rng):
    n = "%d%08d" % (rng.choice([5, 6, 7]), rng.randint(0, 99999999))
    style = rng.randint(0, 2)
    if style == 0:
        return n
    if style == 1:
        return "%s %s %s" % (n[:3], n[3:6], n[6:])
    return "+420" + n


class World:
    """Kraje, okresy and obce with made-up codes, shared by all items."""

    def __init__(self, rng):
        self.okresy = []    # (id, lau, name, kraj)
        self.obce = []      # (code, name, okres, kraj)
        ok_id = 3100
        obec_code = 500000
        for ruian, nuts, kname in KRAJE:
            n_okresy = 1 if ruian == 19 else 5
            for j in range(n_okresy):
                ok_id += 7
                lau = "%s%d" % (nuts, j + 1)
                oname = "%s %d" % (kname.split()[0], j + 1)
                self.okresy.append((ok_id, lau, oname, ruian))
                for k in range(12):
                    obec_code += 37
                    name = OBEC_STEMS[(j * 12 + k) % len(OBEC_STEMS)]
                    if k >= len(OBEC_STEMS) // 2:
                        name += " nad %s" % OBEC_STEMS[k]
                    okres = None if ruian == 19 else ok_id
                    self.obce.append((obec_code, name, okres, ruian))
        # The ORP Kroměříž area of the fixtures, with its real codes.
        self.okresy.append((3708, "CZ0721", "Kroměříž", 141))
        for code, name in [(588296, "Kroměříž"), (588679, "Hulín"),
                           (588491, "Chropyně"), (588393, "Bystřice pod Hostýnem")]:
            self.obce.append((code, name, 3708, 141))

    def address(self, rng, obec=None):
        code, name, okres, kraj = obec or rng.choice(self.obce)
        ev = rng.random() < 0.05
        return {
            "cisloDomovni": rng.randint(1, 4000),
            "cisloOrientacni": None if rng.random() < 0.4 else
            str(rng.randint(1, 120)) + ("a" if rng.random() < 0.05 else ""),
            "dodatekAdresy": None if rng.random() < 0.9 else "budova B, 2. patro",
            "kodAdresnihoMista": None if rng.random() < 0.036 else
            rng.randint(1000000, 99999999),
            "psc": "%d%04d" % (RUIAN_PSC[kraj], rng.randint(0, 9999)),
            "typCislaDomovniho": {"id": "TypStavebnihoObjektu/%d" % (2 if ev else 1)},
            "kraj": {"id": "Kraj/%d" % kraj},
            "okres": None if okres is None else {"id": "Okres/%d" % okres},
            "obec": {"id": "Obec/%d" % code},
            "castObce": {"id": "CastObce/%d" % (code + 400000)},
            "mestskyObvodMestskaCast": None,
            "mestskyObvodVPraze": None,
            "ulice": None if rng.random() < 0.15 else {"nazev": rng.choice(ULICE)},
        }


def contacts(rng, domain):
    return {
        "emaily": [{"email": "%s@%s" % (rng.choice(["info", "socialni",
                    "reditel", "pecovatelska"]), domain), "poznamka": None}
                   for _ in range(rng.randint(1, 2))],
        "telefony": [{"telefon": phone(rng), "poznamka": None}
                     for _ in range(rng.randint(1, 3))],
        "weby": [{"web": "https://www.%s" % domain, "poznamka": None}],
    }


def provider(rng, world, i):
    domain = "poskytovatel%d.cz" % i
    p = {
        "ico": ico_with_check(rng),
        "nazev": "%s %s, %s" % (rng.choice(["Charita", "Domov", "Diakonie",
                                            "Centrum sociálních služeb", "Sociální služby"]),
                                rng.choice(OBEC_STEMS), rng.choice(FORMY_PO)),
        "dic": None,
        "pravniForma": {"id": "FormaPravniSubjektivity/%d" % rng.randint(100, 900)},
        "adresa": world.address(rng),
        "statutarniOrgany": [
            {"titulPred": rng.choice([None, "Mgr.", "Ing.", "Bc."]),
             "jmeno": rng.choice(JMENA), "prijmeni": rng.choice(PRIJMENI),
             "titulZa": None, "funkce": rng.choice(["ředitel", "ředitelka",
                                                     "předseda správní rady"])}
            for _ in range(rng.randint(1, 3))],
    }
    p["dic"] = "CZ" + p["ico"]
    p.update(contacts(rng, domain))
    return p


def hours(rng):
    return [{"den": {"id": "DenVTydnu/%d" % d}, "od": "07:00",
             "do": rng.choice(["15:00", "15:30", "17:00"]),
             "poznamka": None} for d in range(1, 6)]


def item(rng, world, i, providers):
    druh, allowed = rng.choice(DRUHY)
    allowed = allowed.split()
    forma = allowed[0]
    prov = providers[rng.randrange(len(providers))]
    home = rng.choice(world.obce)
    same_okres = [o for o in world.obce if o[3] == home[3]]
    od = "%d-%02d-01" % (rng.randint(2007, 2025), rng.randint(1, 12))
    do = None
    if rng.random() < 0.12:
        do = "%d-%02d-%02d" % (rng.randint(int(od[:4]) + 1, 2027),
                               rng.randint(1, 12), rng.randint(1, 28))
    formy = []
    for f in [forma] + ([rng.choice(allowed)] if rng.random() < 0.3 else []):
        if any(x["forma"]["id"].endswith(f) for x in formy):
            continue
        nonstop = f == "pob"
        formy.append({
            "forma": {"id": "FormaSocialniSluzby/%s" % f},
            "nepretrzitePoskytovani": nonstop,
            "casoveRozsahy": None if nonstop else hours(rng),
            "kapacity": [{"pocet": rng.randint(1, 120),
                          "popis": "Maximální kapacita s účinností od 01.%02d.%d."
                          % (rng.randint(1, 12), rng.randint(2010, 2026)),
                          "typ": {"id": "TypKapacitySocialniSluzby/%s" % UNIT_FOR[f]}}],
        })
    zarizeni = []
    for k in range(rng.choice([1, 1, 2, 3, 3, 4, 5])):
        z = {"nazev": "%s – %s" % (prov["nazev"].split(",")[0],
                                   rng.choice(["středisko", "pracoviště",
                                               "detašované pracoviště",
                                               "domov", "poradna"])),
             "adresa": world.address(rng, rng.choice(same_okres)),
             "poskytujeOd": od,
             "poskytujeDo": None if rng.random() < 0.9 else
             "%d-12-31" % rng.randint(int(od[:4]), 2025),
             "vedouciZarizeni": {"titulPred": rng.choice([None, "Mgr.", "Bc."]),
                                 "jmeno": rng.choice(JMENA),
                                 "prijmeni": rng.choice(PRIJMENI),
                                 "telefon": phone(rng)},
             "casoveRozsahy": None if forma == "pob" else hours(rng)}
        zarizeni.append(z)
        if rng.random() < 0.05:
            zarizeni.append(dict(z))    # repeated facility, as in real data
    domain = "sluzba%d.cz" % i
    it = {
        "id": 100000 + i,
        "portalId": 4000 + i,
        "identifikator": "%07d" % (1000000 + (i * 7919) % 8999999),
        "nazev": "%s – %s" % (prov["nazev"].split(",")[0],
                              ["odborné sociální poradenství", "pečovatelská služba",
                               "domov pro seniory", "osobní asistence",
                               "denní stacionář", "sociální rehabilitace"][druh % 6]),
        "datumPoskytovaniOd": od,
        "datumPoskytovaniDo": do,
        "druhSocialniSluzby": {"id": "DruhSocialniSluzby/%d" % druh},
        "poskytovatel": prov,
        "zarizeni": zarizeni,
        "kontaktniAdresy": [{"adresa": world.address(rng, home)}],
        "faxy": [],
        "ciloveSkupiny": [{"cilovaSkupina": {"id": "CilovaSkupinaOsoby/%d" % c},
                           "poznamka": None}
                          for c in rng.sample(CILOVE, rng.randint(1, 4))],
        "vekoveSkupiny": [{"vekovaSkupina": {"id": "VekovaSkupinaOsoby/%d" % v}}
                          for v in sorted(rng.sample(range(1, 11), rng.randint(1, 4)))],
        "doplnujiciInformaceVekoveSkupiny": None if rng.random() < 0.7 else
        "Služba je poskytována osobám od 18 let.",
        "formy": formy,
        "rozsirenePusobnostiVKraji": [] if rng.random() < 0.76 else
        [{"kraj": {"id": "Kraj/%d" % home[3]}}],
        "doplnkoveUdaje": {
            key: [{"priloha": {"url": "https://www.mpsv.cz/registr/dokument/%d-%s.pdf"
                               % (i, key), "nazev": "%s.pdf" % key,
                               "datumVlozeni": "2024-03-0%d" % rng.randint(1, 9)}}
                  for _ in range(rng.randint(2, 6))]
            for key in ["realizacePoskytovani", "planyFinancnihoZajisteni",
                        "personalniZajisteni"]},
        "popisRealizacePoskytovani":
            "Služba je poskytována v přirozeném prostředí uživatelů. " * rng.randint(6, 30),
    }
    it.update(contacts(rng, domain))
    return it


def write_codebooks(world, outdir):
    os.makedirs(outdir, exist_ok=True)

    def dump(name, items):
        with open(os.path.join(outdir, name), "w", encoding="utf-8") as f:
            json.dump({"polozky": items}, f, ensure_ascii=False, indent=1)

    dump("kraje.json", [{"id": "Kraj/%d" % r, "kodNuts3": n, "nazev": {"cs": k}}
                        for r, n, k in KRAJE])
    dump("okresy.json", [{"id": "Okres/%d" % o, "kodLau": lau, "nazev": {"cs": name}}
                         for o, lau, name, _ in world.okresy])
    dump("obce.json", [{"id": "Obec/%d" % c, "kod": str(c), "nazev": {"cs": name}}
                       for c, name, _, _ in world.obce])
    targets = {24: "senioři", 26: "pečující osoby",
               27: "osoby s potřebou paliativní péče", 30: "osoby žijící s demencí"}
    targets.update((i + 1, name) for i, name in enumerate(TARGET_NAMES))
    dump("cilove-skupiny-osoby.json",
         [{"id": "CilovaSkupinaOsoby/%d" % k, "nazev": {"cs": v}}
          for k, v in sorted(targets.items())])
    ages = ["děti do 1 roku", "děti předškolního věku (1–6 let)",
            "mladší děti (7–10 let)", "starší děti (11–15 let)",
            "dorost (16–18 let)", "mladí dospělí (19–26 let)",
            "dospělí (27–64 let)", "mladší senioři (65–80 let)",
            "starší senioři (nad 80 let)", "bez omezení věku"]
    dump("vekove-skupiny-osoby.json",
         [{"id": "VekovaSkupinaOsoby/%d" % (i + 1), "nazev": a}
          for i, a in enumerate(ages)])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out")
    ap.add_argument("--items", type=int, default=6733)
    ap.add_argument("--codebooks")
    ap.add_argument("--seed", type=int, default=2026)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    world = World(rng)
    providers = [provider(rng, world, i) for i in range(max(1, args.items // 3))]
    with open(args.out, "w", encoding="utf-8") as f:
        f.write('{\n  "polozky": [\n')
        for i in range(args.items):
            text = json.dumps(item(rng, world, i, providers), ensure_ascii=False,
                              indent=2)
            f.write(("    " if i == 0 else ",\n    ") +
                    text.replace("\n", "\n    "))
        f.write("\n  ]\n}\n")
    if args.codebooks:
        write_codebooks(world, args.codebooks)


if __name__ == "__main__":
    main()
