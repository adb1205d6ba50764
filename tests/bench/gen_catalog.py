#!/usr/bin/python3
"""Writes a synthetic native catalogue (mapa-katalog/1) and an edition file
that prints it as a complete A5 brochure, for measuring `mapa render`.

    tests/bench/gen_catalog.py OUTDIR --services N [--seed S]
        [--codebooks src/codebooks]

Writes OUTDIR/katalog.json and OUTDIR/edice.yaml (outputs go to
OUTDIR/vystup/). The output is deterministic for a given seed and size (no
clock, no hash order; only Python's seeded random.Random). Every value is
valid for `mapa check`: IČO with the mod-11 digit, 9-digit phone numbers,
PSČ matching the region, forms allowed for the type of service and units
usual for the form (read from src/codebooks/*.tsv), dates before the
edition's date. The shape follows a real office's catalogue: about one
provider per three services, 1–3 places, contacts, opening hours, target
and age groups, a Czech description of 40–120 words built from real
sentences, activities, figures for two years; related services, offices,
crisis lines and life situations scale with the size.

All names, numbers and addresses are made up.
"""
import argparse
import json
import os
import random

# (NUTS 3 code, name, PSČ first digits allowed there: DOMAIN.md §8.2)
KRAJE = [
    ("CZ010", "Hlavní město Praha", "1"), ("CZ020", "Středočeský kraj", "2"),
    ("CZ031", "Jihočeský kraj", "3"), ("CZ032", "Plzeňský kraj", "3"),
    ("CZ041", "Karlovarský kraj", "3"), ("CZ042", "Ústecký kraj", "4"),
    ("CZ051", "Liberecký kraj", "4"), ("CZ052", "Královéhradecký kraj", "5"),
    ("CZ053", "Pardubický kraj", "5"), ("CZ063", "Kraj Vysočina", "5"),
    ("CZ064", "Jihomoravský kraj", "6"), ("CZ071", "Olomoucký kraj", "7"),
    ("CZ080", "Moravskoslezský kraj", "7"), ("CZ072", "Zlínský kraj", "7"),
]

OBEC_STEMS = [
    "Kroměříž", "Hulín", "Chropyně", "Koryčany", "Zdounky", "Morkovice",
    "Bystřice", "Holešov", "Rataje", "Kvasice", "Střílky", "Zborovice",
    "Lubná", "Kostelec", "Březnice", "Dřínov", "Hoštice", "Jarohněvice",
    "Kyselovice", "Litenčice", "Lutopecny", "Miňůvky", "Němčice",
    "Pačlavice", "Počenice", "Rymice", "Skaštice", "Slavkov", "Soběsuky",
    "Šelešovice", "Třebětice", "Uhřice", "Vrbka", "Záříčí", "Žalkovice",
    "Roštín", "Cetechovice", "Chvalnov", "Honětice", "Prasklice",
]
OBEC_SUFFIX = ["", " nad Moravou", " pod Hostýnem", " u Kroměříže",
               " na Hané", " nad Rusavou", " u Holešova", " pod Chřiby"]
ULICE = [
    "Velké náměstí", "Nemocniční", "Hulínská", "Riegrovo náměstí",
    "Kollárova", "Spáčilova", "Čs. armády", "Ztracená", "Tovačovského",
    "U Sýpky", "Havlíčkova", "Vejvanovského", "Zahradní", "Komenského",
    "Nábřeží Dr. Beneše", "Masarykova", "Palackého", "Husovo náměstí",
    "Jiráskova", "Nerudova", "Školní", "Polní", "Sokolská", "Pivovarská",
]
ORG_KINDS = [
    ("Charita", "evidovaná právnická osoba", "charita"),
    ("Diakonie ČCE – středisko", "evidovaná právnická osoba", "diakonie"),
    ("Sociální služby města", "příspěvková organizace", "ssm"),
    ("Domov seniorů", "příspěvková organizace", "domov"),
    ("Centrum sociálních služeb", "zapsaný ústav", "css"),
    ("Spolek Naděje", "spolek", "nadeje"),
    ("Podané ruce", "obecně prospěšná společnost", "podaneruce"),
    ("Poradna pro rodinu", "zapsaný ústav", "poradna"),
    ("Azylový dům", "spolek", "azyl"),
    ("Hospic sv. Lukáše", "církevní právnická osoba", "hospic"),
]
JAZYKY = ["čeština", "slovenština", "angličtina", "němčina", "ruština",
          "ukrajinština", "polština", "romština", "český znakový jazyk"]

# Sentences of real Czech service descriptions; a description is drawn
# from these, so that paragraphs differ in length and word order.
SENTENCES = [
    "Pomáháme lidem, kteří se ocitli v nepříznivé sociální situaci a nevědí, jak ji řešit.",
    "Služba podporuje seniory a lidi se zdravotním postižením, aby mohli co nejdéle žít ve svém domácím prostředí.",
    "Pečovatelky docházejí do domácností a pomáhají s osobní hygienou, oblékáním, podáváním jídla a úklidem.",
    "Zajišťujeme dovoz obědů, nákupy, pochůzky a doprovod k lékaři nebo na úřad.",
    "Poradíme vám s dluhy a exekucemi, s bydlením a nájemními smlouvami i se sociálními dávkami.",
    "Poradenství je bezplatné, nestranné a diskrétní; můžete zůstat v anonymitě.",
    "Pomůžeme sepsat návrh na oddlužení, odvolání nebo žádost na úřad a v případě potřeby vás doprovodíme.",
    "Nabízíme celoroční pobyt v jednolůžkových a dvoulůžkových pokojích s vlastním sociálním zařízením.",
    "Zdravotní péči zajišťují všeobecné sestry nepřetržitě, lékař dochází dvakrát týdně.",
    "Obyvatelé domova se mohou zapojit do aktivizačních činností, trénování paměti, muzikoterapie a výletů.",
    "Respektujeme soukromí a individuální potřeby každého uživatele a podporujeme jeho kontakt s rodinou.",
    "Služba je určena lidem s demencí a jiným onemocněním, které vyžaduje zvláštní režim.",
    "Osobní asistentky pomáhají při běžných denních činnostech doma, ve škole, v práci i ve volném čase.",
    "Asistence se poskytuje podle dohody až čtyřiadvacet hodin denně, včetně víkendů a svátků.",
    "Tísňové tlačítko spojí klienta kdykoli ve dne i v noci s dispečinkem, který zajistí pomoc.",
    "Odlehčovací služba umožní pečujícím odpočinout si, vyřídit si své záležitosti nebo se léčit.",
    "Pobyt lze sjednat na několik dní i na tři měsíce; sjednává se předem podle volné kapacity.",
    "V denním stacionáři tráví klienti den ve společnosti, večer se vracejí domů.",
    "Program dne zahrnuje rehabilitační cvičení, ruční práce, vaření, zpívání a společné vycházky.",
    "Sociální pracovnice s vámi projde vaši situaci a společně najdete řešení, které vám vyhovuje.",
    "Terénní pracovníci vyhledávají lidi bez domova a lidi ohrožené závislostí přímo v ulicích a na ubytovnách.",
    "Nabízíme výměnu injekčního materiálu, základní zdravotní ošetření, testy na infekční nemoci a poradenství.",
    "Klub je otevřen dětem a mladým lidem od šesti do šestadvaceti let, kteří tráví volný čas venku.",
    "Ve klubu si můžete zahrát hry, popovídat si, připravit se do školy nebo probrat, co vás trápí.",
    "Rodinám s dětmi pomáháme zvládat péči o domácnost, výchovu dětí a hospodaření s penězi.",
    "Pracovnice dochází do rodiny zpravidla jednou týdně a spolupracuje se školou i s orgánem sociálně-právní ochrany dětí.",
    "Raná péče podporuje rodiny dětí se zdravotním postižením nebo s ohroženým vývojem od narození do sedmi let.",
    "Konzultantka přijede za rodinou domů, půjčí hračky a pomůcky a poradí s vývojem dítěte.",
    "V azylovém domě najdou přechodné ubytování matky s dětmi a lidé, kteří přišli o bydlení.",
    "Spolu s ubytováním nabízíme pomoc při hledání práce, vyřizování dokladů a dávek a při hledání stálého bydlení.",
    "Noclehárna poskytuje přenocování, možnost osobní hygieny a vyprání prádla za symbolický poplatek.",
    "Krizová pomoc je určena lidem, kteří prožívají náročnou životní situaci a nedokážou ji sami zvládnout.",
    "Kontaktovat nás můžete osobně, telefonicky i e-mailem; první rozhovor je možný ještě tentýž den.",
    "Oběti domácího násilí získají bezpečí, právní poradenství a pomoc při jednání s policií a soudem.",
    "Sociální rehabilitace pomáhá lidem s duševním onemocněním najít práci, bydlení a vrátit se do běžného života.",
    "V sociálně terapeutické dílně se klienti učí pracovním návykům při práci s keramikou, textilem a dřevem.",
    "Chráněné bydlení nabízí byty, v nichž lidé s mentálním postižením žijí s podporou asistentů co nejsamostatněji.",
    "Tlumočníci českého znakového jazyka doprovázejí neslyšící k lékaři, na úřad i na jednání se zaměstnavatelem.",
    "Průvodce pomůže nevidomým a slabozrakým zorientovat se v novém prostředí a doprovodí je, kam potřebují.",
    "Úhrada se řídí vyhláškou a ceníkem služby; platíte jen za skutečně poskytnutý čas.",
    "Službu si můžete objednat telefonicky nebo osobně; sociální pracovnice vás navštíví a domluví podrobnosti.",
    "Pokud službu nemůžeme poskytnout, doporučíme vám jinou organizaci, která vám pomůže.",
    "Pracujeme v týmu sociálních pracovníků, zdravotních sester, psychologů a pracovníků v sociálních službách.",
    "Bezbariérový přístup je zajištěn výtahem ze dvora budovy; parkovat lze přímo před vchodem.",
    "Spolupracujeme s praktickými lékaři, nemocnicí, městským úřadem a dalšími poskytovateli v regionu.",
    "Pečující osoby mohou využít svépomocnou skupinu, která se schází jednou měsíčně.",
    "Půjčujeme kompenzační pomůcky: polohovací lůžka, chodítka, invalidní vozíky a sedačky do vany.",
    "Hospicová péče umožňuje nevyléčitelně nemocným prožít poslední období života doma mezi svými blízkými.",
    "Paliativní tým je rodinám k dispozici na telefonu nepřetržitě a poradí i po úmrtí blízkého.",
    "Senioři se u nás mohou naučit pracovat s počítačem a mobilním telefonem a chránit se před podvodníky.",
]
CINNOSTI = [
    "pomoc při zvládání běžných úkonů péče o vlastní osobu",
    "pomoc při osobní hygieně nebo poskytnutí podmínek pro osobní hygienu",
    "poskytnutí stravy nebo pomoc při zajištění stravy",
    "pomoc při zajištění chodu domácnosti",
    "výchovné, vzdělávací a aktivizační činnosti",
    "zprostředkování kontaktu se společenským prostředím",
    "sociálně terapeutické činnosti",
    "pomoc při uplatňování práv, oprávněných zájmů a při obstarávání osobních záležitostí",
    "poskytnutí ubytování",
    "poskytnutí informací, rady a pomoci",
    "nácvik dovedností pro zvládání péče o vlastní osobu",
    "podpora samostatného bydlení a hospodaření s penězi",
]
UHRADA_POZN = ["dle sazebníku, max. 135 Kč/hod", "ubytování a strava dle ceníku",
               "nocleh 30 Kč", "dle vyhlášky č. 505/2006 Sb."]
SITUACE = [
    ("Stáří a péče o blízké", "Pečuji o blízkého člověka a nevím si rady."),
    ("Stáří a péče o blízké", "Jsem senior a potřebuji pomoc s domácností."),
    ("Stáří a péče o blízké", "Hledám domov pro svého rodiče."),
    ("Zdraví a postižení", "Mám zdravotní postižení a chci žít samostatně."),
    ("Zdraví a postižení", "Naše dítě se nevyvíjí jako jeho vrstevníci."),
    ("Zdraví a postižení", "Mám duševní onemocnění a hledám práci."),
    ("Rodina a děti", "Nezvládáme péči o děti a domácnost."),
    ("Rodina a děti", "Moje dítě tráví čas venku a dělá mi starosti."),
    ("Bydlení a peníze", "Přišel jsem o bydlení."),
    ("Bydlení a peníze", "Mám dluhy a exekuce."),
    ("Krize a násilí", "Zažívám násilí v rodině."),
    ("Krize a násilí", "Jsem v krizi a potřebuji si promluvit."),
    ("Závislosti", "Mám problém s alkoholem nebo drogami."),
    ("Závislosti", "Někdo z mé rodiny užívá drogy."),
]


def read_tsv(codebooks, name):
    with open(os.path.join(codebooks, name), encoding="utf-8") as f:
        rows = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    head = rows[0]
    return [dict(zip(head, r)) for r in rows[1:]]


def ico_with_check(rng, used):
    """A new 8-digit IČO that passes the mod-11 check (DOMAIN.md §8.1)."""
    while True:
        d = [rng.randint(0, 9) for _ in range(7)]
        s = sum(w * x for w, x in zip(range(8, 1, -1), d))
        ico = "".join(map(str, d)) + str((11 - s % 11) % 10)
        if ico not in used:
            used.add(ico)
            return ico


def phone(rng, mobile=None):
    first = rng.choice("67") if mobile or (mobile is None and rng.random() < .4) \
        else rng.choice("2345")
    n = first + "%08d" % rng.randint(0, 99999999)
    if rng.random() < 0.3:
        return "+420 %s %s %s" % (n[:3], n[3:6], n[6:])
    return "%s %s %s" % (n[:3], n[3:6], n[6:])


def words(text):
    return len(text.split())


def description(rng):
    """40–120 words of real sentences in 1–3 paragraphs."""
    target = rng.randint(40, 120)
    picked, n = [], 0
    order = rng.sample(range(len(SENTENCES)), len(SENTENCES))
    for k in order:
        s = SENTENCES[k]
        if n >= 40 and n + words(s) > target:
            break
        picked.append(s)
        n += words(s)
        if n >= target:
            break
    paras, cur = [], []
    cut = sorted(rng.sample(range(1, len(picked)), min(len(picked) - 1,
                                                       rng.randint(0, 2))))
    for i, s in enumerate(picked):
        if i in cut:
            paras.append(" ".join(cur))
            cur = []
        cur.append(s)
    paras.append(" ".join(cur))
    return "\n\n".join(paras)


class World:
    """Municipalities (name, code, PSČ, okres, kraj) shared by all records."""

    def __init__(self, rng, n):
        # Enough municipalities for the size: a town's catalogue has a few,
        # a national one hundreds.
        count = max(6, min(400, n // 25))
        self.obce = []
        names = set()
        code = 500011
        for i in range(count):
            nuts, kraj, digits = KRAJE[-1] if i < 6 else KRAJE[i % len(KRAJE)]
            while True:
                name = rng.choice(OBEC_STEMS) + rng.choice(OBEC_SUFFIX)
                if name not in names:
                    break
                name = "%s %d" % (name, len(names))
                if name not in names:
                    break
            names.add(name)
            code += rng.randint(7, 400)
            psc = "%s%02d%02d" % (digits, rng.randint(0, 99), rng.randint(1, 99))
            self.obce.append({"obec": name, "kod_obce": str(code), "psc": psc,
                              "okres": name.split()[0], "kraj": kraj,
                              "kod_kraje": nuts})

    def address(self, rng, obec=None, full=False):
        o = obec or rng.choice(self.obce)
        a = {}
        if rng.random() < 0.9:
            a["ulice"] = rng.choice(ULICE)
        a["cislo_popisne"] = str(rng.randint(1, 3999))
        if "ulice" in a and rng.random() < 0.6:
            a["cislo_orientacni"] = str(rng.randint(1, 80))
        a["obec"] = o["obec"]
        if full or rng.random() < 0.5:
            a["kod_obce"] = o["kod_obce"]
        a["psc"] = o["psc"][:3] + " " + o["psc"][3:]
        if full:
            a["okres"] = o["okres"]
            a["kraj"] = o["kraj"]
            a["kod_kraje"] = o["kod_kraje"]
        if rng.random() < 0.1:
            a["poznamka"] = rng.choice(["budova B, 2. patro", "vchod ze dvora",
                                        "v přízemí", "3. patro, výtah"])
        return a


def hours(rng):
    kind = rng.random()
    if kind < 0.55:
        return {"hodiny": [{"dny": "po-pá", "od": rng.choice(["7:00", "7:30", "8:00"]),
                            "do": rng.choice(["15:00", "15:30", "16:00"])}]}
    if kind < 0.8:
        h = [{"dny": "po, st", "od": "8:00", "do": "12:00"},
             {"dny": "po, st", "od": "13:00", "do": "17:00"},
             {"dny": "út, čt", "od": "8:00", "do": "14:00"}]
        d = {"hodiny": h}
        if rng.random() < 0.5:
            d["poznamka"] = "mimo tyto hodiny po telefonické domluvě"
        return d
    if kind < 0.9:
        return {"hodiny": [{"dny": "denně", "od": "7:00", "do": "19:00"}]}
    return {"hodiny": [{"dny": "po-ne", "od": "19:00", "do": "7:00"}],
            "poznamka": "příchod do 22:00"}


def figures(rng, year, caps, base):
    costs = base * rng.uniform(0.9, 1.1)
    costs = round(costs, rng.choice([0, 2]))
    pers = round(costs * rng.uniform(0.6, 0.8))
    shares = {"mpsv": 0.5, "kraj": 0.08, "obce": 0.12, "uhrady": 0.2,
              "dary": 0.02, "ostatni": 0.03}
    f = {"rok": year, "klienti": rng.randint(10, 900),
         "kapacity": caps,
         "uvazky_prima_pece": round(rng.uniform(1, 40) * 4) / 4,
         "uvazky_ostatni": round(rng.uniform(0, 6) * 4) / 4,
         "naklady": costs, "naklady_osobni": pers,
         "vynosy": {k: round(costs * v * rng.uniform(0.8, 1.2))
                    for k, v in shares.items() if rng.random() < 0.85}}
    return f


class Gen:
    def __init__(self, n, seed, codebooks):
        self.rng = random.Random(seed)
        self.n = n
        self.types = [t for t in read_tsv(codebooks, "types.tsv")
                      if t["paragraf"] != "-"]
        self.units = read_tsv(codebooks, "units.tsv")
        self.targets = [t["kod"] for t in read_tsv(codebooks, "targets.tsv")]
        self.ages = [a["kod"] for a in read_tsv(codebooks, "ages.tsv")]
        self.world = World(self.rng, n)
        self.icos = set()

    def provider(self, i):
        rng = self.rng
        kind, form, slug = rng.choice(ORG_KINDS)
        obec = rng.choice(self.world.obce)
        ico = ico_with_check(rng, self.icos)
        dom = "%s-%d.cz" % (slug, i + 1)
        p = {"id": "p%05d" % (i + 1),
             "nazev": "%s %s" % (kind, obec["obec"]),
             "pravni_forma": form, "ico": ico, "dic": "CZ" + ico,
             "sidlo": self.world.address(rng, obec, full=True),
             "telefony": [phone(rng) for _ in range(rng.randint(1, 2))],
             "emails": None, "weby": ["https://www." + dom]}
        del p["emails"]
        p["emaily"] = ["info@" + dom]
        return p, obec, dom

    def forms(self, t):
        rng = self.rng
        allowed = t["formy"].split(",")
        k = 1 if rng.random() < 0.65 else rng.randint(1, len(allowed))
        out = []
        for f in allowed[:k]:
            units = [u["kod"] for u in self.units if f in u["formy"].split(",")]
            if t["paragraf"] != "55":
                units = [u for u in units if u != "hovor"]
            if f == "pob":
                unit = "luzka"
            else:
                unit = rng.choice(units)
            cap = {"jednotka": unit, "pocet": rng.randint(1, 120)}
            if unit in ("interv", "kontakt") and rng.random() < 0.5:
                cap["poznamka"] = "okamžitá kapacita"
            out.append({"forma": f, "kapacity": [cap]})
        return out

    def service(self, i, prov, home, dom):
        rng = self.rng
        w = self.world
        t = rng.choice(self.types)
        ident = "%07d" % (1000000 + (i * 7919) % 8999999)
        s = {"identifikator": ident,
             "nazev": "%s – %s" % (t["nazev"][0].upper() + t["nazev"][1:],
                                   prov["nazev"]),
             "poskytovatel": prov["id"] if rng.random() < 0.8 else prov["ico"],
             "druh": "§ " + t["paragraf"]}
        s["formy"] = self.forms(t)
        s["cilove_skupiny"] = rng.sample(self.targets, rng.randint(1, 4))
        s["vekove_skupiny"] = sorted(rng.sample(self.ages, rng.randint(1, 4)),
                                     key=self.ages.index)
        if rng.random() < 0.3:
            s["vek_poznamka"] = rng.choice(["od 18 let", "od 65 let",
                                            "od 6 do 26 let"])
        if any(f["forma"] != "ter" for f in s["formy"]) or rng.random() < 0.3:
            s["mista"] = []
            for k in range(rng.choice([1, 1, 1, 2, 3])):
                m = {"nazev": "%s %s" % (rng.choice(["Středisko", "Pracoviště",
                                                      "Kontaktní místo"]),
                                         (home if k == 0 else
                                          rng.choice(w.obce))["obec"]),
                     "adresa": w.address(rng, home if k == 0 else None)}
                if rng.random() < 0.2:
                    m["poznamka"] = "v budově městského úřadu"
                s["mista"].append(m)
        if rng.random() < 0.7:
            obce = rng.sample(w.obce, min(len(w.obce), rng.randint(1, 6)))
            s["uzemni_pusobnost"] = {"text": "ORP " + home["obec"],
                                     "obce": [o["obec"] for o in obce]}
        s["telefony"] = [phone(rng) for _ in range(rng.randint(1, 3))]
        s["emaily"] = ["%s@%s" % (rng.choice(["sluzba%d" % (i + 1), "socialni",
                                               "vedouci%d" % (i + 1)]), dom)]
        if rng.random() < 0.8:
            s["weby"] = ["https://www.%s/sluzba-%s" % (dom, ident)]
        if "pob" in [f["forma"] for f in s["formy"]] and rng.random() < 0.8:
            s["provozni_doba"] = {"nonstop": True}
        else:
            s["provozni_doba"] = hours(rng)
        s["uhrada"] = rng.choice(["zdarma", "placená", "částečně"])
        if s["uhrada"] != "zdarma" and rng.random() < 0.6:
            s["uhrada_poznamka"] = rng.choice(UHRADA_POZN)
        s["popis"] = description(rng)
        s["cinnosti"] = rng.sample(CINNOSTI, rng.randint(2, 5))
        s["bezbarierovost"] = rng.choice(["ano", "ne", "částečně", True])
        if rng.random() < 0.3:
            s["bezbarierovost_poznamka"] = "bezbariérový vstup ze dvora"
        s["jazyky"] = ["čeština"] + rng.sample(JAZYKY[1:], rng.randint(0, 2))
        s["registrace_od"] = "%d-%02d-01" % (rng.randint(2007, 2025),
                                             rng.randint(1, 12))
        if rng.random() < 0.05:
            s["registrace_do"] = "2028-12-31"
        if rng.random() < 0.25 and "weby" in s:
            s["qr"] = s["weby"][0]
        caps = [{"jednotka": c["jednotka"], "pocet": c["pocet"]}
                for f in s["formy"] for c in f["kapacity"]][:1]
        base = rng.randint(300, 40000) * 1000
        s["ukazatele"] = [figures(rng, y, caps, base) for y in (2024, 2025)]
        return s

    def listing(self, i, kind):
        rng = self.rng
        cat, names = kind
        name = rng.choice(names)
        obec = rng.choice(self.world.obce)
        li = {"id": "%s-%d" % (cat[:3], i + 1),
              "nazev": "%s %s" % (name, obec["obec"]),
              "kategorie": cat,
              "popis": " ".join(rng.sample(SENTENCES, rng.randint(1, 3))),
              "adresa": self.world.address(rng, obec),
              "telefony": [phone(rng, False)],
              "provozni_doba": hours(rng)}
        if rng.random() < 0.5:
            li["pro_koho"] = rng.choice(["pro občany ORP " + obec["obec"],
                                         "pro pacienty všech věkových skupin",
                                         "pro rodiny s dětmi"])
        if rng.random() < 0.7:
            li["emaily"] = ["info@%s-%d.cz" % (cat[:3], i + 1)]
        return li

    def catalogue(self):
        rng = self.rng
        n = self.n
        provs = []
        for i in range(max(1, n // 3)):
            provs.append(self.provider(i))
        services = []
        for i in range(n):
            p, home, dom = provs[rng.randrange(len(provs))]
            if rng.random() < 0.5:
                home = rng.choice(self.world.obce)
            services.append(self.service(i, p, home, dom))
        related = [("domácí zdravotní péče", ["Domácí péče", "Home care"]),
                   ("dluhové poradenství", ["Dluhová poradna", "Poradna Člověka v tísni"]),
                   ("dobrovolnické centrum", ["Dobrovolnické centrum"]),
                   ("půjčovna pomůcek", ["Půjčovna kompenzačních pomůcek"])]
        offices = [("sociální odbor", ["Městský úřad, odbor sociálních věcí"]),
                   ("úřad práce", ["Úřad práce ČR, kontaktní pracoviště"]),
                   ("OSPOD", ["Orgán sociálně-právní ochrany dětí"])]
        lines = [("krizová linka", ["Linka důvěry", "Linka pro rodinu a školu",
                                    "Senior linka"])]
        nav = [self.listing(i, related[i % len(related)])
               for i in range(max(4, n // 20))]
        ura = [self.listing(i, offices[i % len(offices)])
               for i in range(max(3, n // 50))]
        kri = [self.listing(i, lines[0]) for i in range(12)]
        kri[0] = {"id": "tisn-112", "nazev": "Jednotné evropské číslo tísňového volání",
                  "kategorie": "tísňová volání", "telefony": ["112"],
                  "provozni_doba": {"nonstop": True}}
        kri[1] = {"id": "linka-bezpeci", "nazev": "Linka bezpečí",
                  "pro_koho": "pro děti a mládež do 26 let",
                  "telefony": ["116 111"], "provozni_doba": {"nonstop": True}}
        sit = []
        for k, (group, q) in enumerate(SITUACE):
            refs = rng.sample(services, min(len(services), rng.randint(3, 12)))
            sit.append({"id": "situace-%d" % (k + 1), "skupina": group,
                        "otazka": q,
                        "sluzby": [s["identifikator"] for s in refs]})
        return {"$schema": "../../samples/mapa-katalog.schema.json",
                "format": "mapa-katalog/1", "udaje_k": "2026-09-01",
                "poskytovatele": [p for p, _, _ in provs], "sluzby": services,
                "navazne_sluzby": nav, "urady": ura, "krizove_linky": kri,
                "zivotni_situace": sit}


EDITION = """\
# Generated by tests/bench/gen_catalog.py ({n} services, seed {seed}).
nazev: Mapa pomoci
podtitul: Katalog sociálních a návazných služeb (zkušební data, {n} služeb)
uzemi:
  nazev: Zkušební území
  obce: [{obce}]
rok: 2026
vydani: 1. vydání
udaje_k: 2026-09-01
vydavatel:
  nazev: Město Kroměříž
  adresa: "Velké náměstí 115/1, 767 01 Kroměříž"
  web: https://www.example.cz
  email: socialni@example.cz
tiraz:
  naklad: 2000
  datum_vydani: 2026-10-15
  zdroje:
    - "Zkušební data, vytvořená programem gen_catalog.py"
  poznamka: Všechny organizace, osoby a kontakty jsou smyšlené.
uvodni_slovo:
  nadpis: Milí čtenáři,
  text: |
    do rukou se vám dostává Mapa pomoci, průvodce sociálními a návaznými službami.
    Najdete v něm organizace, které pomáhají seniorům a jejich rodinám, lidem se
    zdravotním postižením, rodinám s dětmi i všem, kdo se ocitli v nelehké situaci.

    Nevíte-li, kde začít, nalistujte rozcestník podle životních situací.
  podpis: místostarostka pro sociální oblast
vstupy:
  - soubor: katalog.json
filtry:
  aktivni_k: 2026-09-01
cleneni: cilove_skupiny
rozvrzeni: a5-brochure
oddily: [obalka, tiraz, uvodni_slovo, jak_pouzivat, obsah, rozcestnik, sluzby,
         navazne_sluzby, urady, krizove_linky, rejstriky, zadni_obalka]
obyvatele:
  celkem: {pop}
  "65+": {pop65}
  "80+": {pop80}
ukazatele:
  - kod: 6 00 00
    nazev: Celkový počet účastníků
    jednotka: osoby
    vychozi: 0
    cilova: 600
    dosazena: 612
    zdroj: monitorovací listy
vystupy:
  pdf: vystup/mapa.pdf
  xlsx: vystup/prilohy.xlsx
"""


def yaml_quote(s):
    return '"%s"' % s.replace("\\", "\\\\").replace('"', '\\"')


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("outdir")
    ap.add_argument("--services", type=int, required=True)
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--codebooks", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "..", "src", "codebooks"))
    args = ap.parse_args()
    g = Gen(args.services, args.seed, args.codebooks)
    cat = g.catalogue()
    os.makedirs(args.outdir, exist_ok=True)
    cat["$schema"] = os.path.relpath(
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..",
                     "samples", "mapa-katalog.schema.json"), args.outdir)
    with open(os.path.join(args.outdir, "katalog.json"), "w", encoding="utf-8") as f:
        json.dump(cat, f, ensure_ascii=False, indent=1)
        f.write("\n")
    pop = 300 * args.services + 20000
    with open(os.path.join(args.outdir, "edice.yaml"), "w", encoding="utf-8") as f:
        f.write(EDITION.format(
            n=args.services, seed=args.seed, pop=pop, pop65=pop // 5,
            pop80=pop // 20,
            obce=", ".join(yaml_quote(o["obec"]) for o in g.world.obce[:12])))


if __name__ == "__main__":
    main()
