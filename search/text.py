"""How search reads text: normalisation, informal words, stop words, stemming.

Used both for indexing and for queries, and by every backend (the Elasticsearch analyzer
is configured with the same stemmer family and the same synonym list), so a word meets
itself however it is written. Pure functions, no database.
"""

import html
import re
import unicodedata
from functools import lru_cache

import snowballstemmer

TAG_RE = re.compile(r"<[^>]+>")
TOKEN_RE = re.compile(r"[a-z0-9]+")
# "jadi2", "anak2": Indonesian writes reduplication with a 2.
REDUPLICATION_RE = re.compile(r"\b([a-z]{3,})2\b")

# Informal, chat and regional spellings citizens type, mapped to the standard word.
INFORMAL_WORDS = {
    "gmn": "bagaimana",
    "gimana": "bagaimana",
    "gmna": "bagaimana",
    "bgmn": "bagaimana",
    "gmana": "bagaimana",
    "bikin": "buat",
    "bkin": "buat",
    "ngurus": "urus",
    "ngurusin": "urus",
    "ilang": "hilang",
    "ngilang": "hilang",
    "gak": "tidak",
    "ga": "tidak",
    "gk": "tidak",
    "nggak": "tidak",
    "ngga": "tidak",
    "enggak": "tidak",
    "tdk": "tidak",
    "g": "tidak",
    "blm": "belum",
    "blom": "belum",
    "udah": "sudah",
    "udh": "sudah",
    "sdh": "sudah",
    "dah": "sudah",
    "tp": "tapi",
    "tpi": "tapi",
    "krn": "karena",
    "karna": "karena",
    "gara2": "karena",
    "utk": "untuk",
    "dgn": "dengan",
    "sm": "sama",
    "yg": "yang",
    "dr": "dari",
    "dri": "dari",
    "kalo": "kalau",
    "klo": "kalau",
    "kl": "kalau",
    "gmn2": "bagaimana",
    "knp": "kenapa",
    "napa": "kenapa",
    "kmn": "kemana",
    "dmn": "dimana",
    "bs": "bisa",
    "bsa": "bisa",
    "hrs": "harus",
    "jd": "jadi",
    "jdi": "jadi",
    "lg": "lagi",
    "lgi": "lagi",
    "aja": "saja",
    "aj": "saja",
    "doang": "saja",
    "bgt": "sangat",
    "banget": "sangat",
    "trus": "terus",
    "trs": "terus",
    "pake": "pakai",
    "dipake": "dipakai",
    "make": "pakai",
    "ngalir": "mengalir",
    "nunggak": "tunggak",
    "nyogok": "sogok",
    "nyuap": "suap",
    "dikasih": "diberi",
    "ngasih": "beri",
    "kasih": "beri",
    "nyembur": "sembur",
    "asep": "asap",
    "asepnya": "asapnya",
    "butek": "keruh",
    "abis": "habis",
    "ampe": "sampai",
    "sampe": "sampai",
    "ngadu": "adu",
    "ngelapor": "lapor",
    "ngelaporin": "lapor",
    "laporin": "lapor",
    "nanya": "tanya",
    "nyari": "cari",
    "nyampah": "sampah",
    "pengen": "ingin",
    "pingin": "ingin",
    "gede": "besar",
    "ortu": "orang tua",
    "org": "orang",
    "rb": "ribu",
    "jt": "juta",
    "bln": "bulan",
    "thn": "tahun",
    "hr": "hari",
    "tlg": "tolong",
    "mksh": "terima kasih",
    "makasih": "terima kasih",
    "nomer": "nomor",
    "no": "nomor",
    "hp": "ponsel",
    "resign": "berhenti kerja",
    "second": "bekas",
    # Everyday chat language (not drawn from any query set): apps, pronouns, negation,
    # question words, common short forms.
    "wa": "whatsapp",
    "wasap": "whatsapp",
    "ig": "instagram",
    "fb": "facebook",
    "gatau": "tidak tahu",
    "gtau": "tidak tahu",
    "tau": "tahu",
    "kagak": "tidak",
    "ndak": "tidak",
    "nda": "tidak",
    "gausah": "tidak usah",
    "emang": "memang",
    "emg": "memang",
    "sy": "saya",
    "aq": "aku",
    "gue": "aku",
    "gw": "aku",
    "brp": "berapa",
    "kpn": "kapan",
    "skrg": "sekarang",
    "skrang": "sekarang",
    "dpt": "dapat",
    "dapet": "dapat",
    "blum": "belum",
    "sblm": "sebelum",
    "stlh": "setelah",
    "jg": "juga",
    "jga": "juga",
    "msh": "masih",
    "bkn": "bukan",
    "kmrn": "kemarin",
    "mo": "mau",
    "pgn": "ingin",
    "bnyk": "banyak",
    "duit": "uang",
    "hape": "ponsel",
    "cowok": "laki laki",
    "cewek": "perempuan",
}

STOPWORDS = {
    "id": set(
        """ada adalah agar akan aku anda apa apakah atau bagaimana bagi bahwa banyak baru
        begitu belum bila bisa boleh buat cara caranya dalam dan dapat dari demi dengan di
        dia dong harus hal hanya ingin ini itu jadi jika juga kah kalau kami kamu kan karena
        katanya ke kenapa kita kok lagi lah mana masih mau maupun mengapa menjadi mereka
        nya oleh pada padahal para pun saat saja sama sampai sangat saya sebagai secara
        sedang sehingga sejak seperti setelah sih siapa sudah supaya tapi telah tentang
        terhadap tersebut terus tiap tidak untuk waktu yaitu yang ya deh nih tuh loh dll
        gitu kayak pernah tolong mohon terima kasih min admin pak bu kak hari ini kemarin
        besok sekarang biar gara ku mu kayak nya jl jln gg km kel kec blok kemana dimana
        darimana memang bukan usah""".split()
    ),
    "en": set(
        """a about after again all am an and any are as at be because been before being but
        by can could did do does doing done for from get got had has have having he her
        here him his how i if in into is it its just me my no nor not now of on once only
        or other our out over own please same she should so some still such than that the
        their them then there these they this those through to too under until up very
        was we were what when where which while who whom why will with would you your
        near something week ago today tomorrow someone need don didn doesn isn wasn aren
        weren won wouldn couldn shouldn haven hasn hadn ll ve re im dont didnt doesnt
        isnt cant wont""".split()
    ),
}

# Aspect words say what about a topic the citizen wants (its schedule, price, how to
# register), not the topic: an answer that shares only them with a query is about
# something else ("jadwal bioskop" is not the puskesmas schedule). The site's own place
# names are everywhere implicitly and say as little.
ASPECT_WORDS = {
    "id": set(
        """jadwal harga tarif biaya ongkos daftar pendaftaran mendaftar syarat persyaratan
        cara prosedur info informasi lokasi alamat nomor kontak telepon jam buka tutup lama
        berapa terbaru baru online daftar promo murah mahal gratis hari minggu bulan tahun
        besok malam pagi siang sore tanggal banjarbaru kalsel kalimantan selatan""".split()
    ),
    "en": set(
        """schedule timetable price prices cost costs fee fees register registration
        requirements requirement how info information location address number contact
        phone hours open close opening latest new online cheap expensive free day
        today tonight tomorrow week month year date banjarbaru""".split()
    ),
}
# Aspects that people ask about in words the answers do not use: "bikin kk bayar ga" and
# "do i pay for a family card" ask the cost that an answer states as "tidak dipungut
# biaya" or "fees". A word of a family is an aspect word and meets the family's others.
ASPECT_FAMILIES = {
    "id": [
        """harga tarif biaya ongkos bayar membayar dibayar pembayaran gratis
        retribusi""".split(),
        "nomor kontak telepon hotline".split(),
        "lokasi alamat".split(),
    ],
    "en": [
        """price prices cost costs fee fees pay paying paid payment charge charged charges
        free""".split(),
        "number contact phone hotline".split(),
        "location address".split(),
    ],
}
for _language, _families in ASPECT_FAMILIES.items():
    for _family in _families:
        ASPECT_WORDS[_language].update(_family)

_STEMMER_NAMES = {"id": "indonesian", "en": "english"}


def language_of(code):
    """The analysis language for a locale code ("id", "en", "en-gb" ...)."""
    base = (code or "id").split("-")[0].lower()
    return base if base in _STEMMER_NAMES else "id"


@lru_cache(maxsize=8)
def _stemmer(language):
    return snowballstemmer.stemmer(_STEMMER_NAMES[language_of(language)])


@lru_cache(maxsize=200_000)
def stem(word, language="id"):
    """The word's Snowball stem (Indonesian or English); short words stay as they are."""
    if len(word) <= 3 or word.isdigit():
        return word
    return _stemmer(language).stemWord(word)


def normalise(text):
    """Lowercase, accents and punctuation removed, reduplication marks expanded."""
    text = unicodedata.normalize("NFKD", text or "")
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = REDUPLICATION_RE.sub(r"\1 \1", text)
    return text


def plain_words(markup):
    """The text of HTML markup, its whitespace collapsed."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", markup)).split())


def words(text):
    """The normalised words of a text, in order (no stop word removal, no stemming); single
    letters ("Jl. A. Yani") say nothing and are left out."""
    return [w for w in TOKEN_RE.findall(normalise(text)) if len(w) > 1 or w.isdigit()]


def standardise(tokens, language="id"):
    """Informal spellings replaced by the standard word(s); only for Indonesian."""
    if language_of(language) != "id":
        return list(tokens)
    out = []
    for token in tokens:
        replacement = INFORMAL_WORDS.get(token)
        out.extend(replacement.split() if replacement else [token])
    return out


def is_stopword(word, language="id"):
    return word in STOPWORDS[language_of(language)]


def is_aspect_word(word, language="id"):
    language = language_of(language)
    words_ = ASPECT_WORDS[language]
    return word in words_ or stem(word, language) in {stem(w, language) for w in words_}


def aspect_family(word, language="id"):
    """The other words of the aspect family the word belongs to ("bayar" -> "biaya",
    "gratis" ...); [] for a word in none."""
    language = language_of(language)
    key = stem(word, language)
    for family in ASPECT_FAMILIES[language]:
        if word in family or key in {stem(w, language) for w in family}:
            return [w for w in family if stem(w, language) != key]
    return []


def analyse(text, language="id"):
    """Index-time analysis: the stems of the content words of a text."""
    return [
        stem(w, language)
        for w in standardise(words(text), language)
        if not is_stopword(w, language)
    ]


def stream_text(value):
    """Plain text of a StreamField's raw data (rich text tags removed)."""
    out = []

    def walk(node):
        if isinstance(node, str):
            out.append(html.unescape(TAG_RE.sub(" ", node)))
        elif isinstance(node, dict):
            for key, item in node.items():
                if key not in ("type", "id"):
                    walk(item)
        elif isinstance(node, list | tuple):
            for item in node:
                walk(item)

    walk(value)
    return " ".join(out)
