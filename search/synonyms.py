"""The staff-edited synonym list, read lazily and cached (never at import time).

Every backend expands queries with the same groups; the Elasticsearch index also gets
them as a `synonym_graph` filter when it is (re)built.
"""

from django.core.cache import cache

from .text import language_of, words

CACHE_KEY = "search:synonyms:v1"
CACHE_SECONDS = 60 * 60

# The starting list (seeded by a data migration; editors change it in the admin).
SEED_SYNONYMS = [
    ("ktp, e-ktp, ktp-el, ktp elektronik, kartu tanda penduduk", "id"),
    ("kk, kartu keluarga", "id"),
    ("akta, akte", "id"),
    ("pbg, imb, persetujuan bangunan gedung, izin mendirikan bangunan", "id"),
    ("pungli, pungutan liar", "id"),
    ("ppdb, spmb, penerimaan peserta didik baru, pendaftaran sekolah", "id"),
    ("pju, lampu jalan, penerangan jalan umum", "id"),
    ("damkar, pemadam kebakaran", "id"),
    ("bpjs, jaminan kesehatan, jkn, kis", "id"),
    ("sim, surat izin mengemudi", "id"),
    ("capil, disdukcapil, dukcapil, catatan sipil", "id"),
    ("pkl, pedagang kaki lima", "id"),
    ("pdam, air ledeng, perusahaan air minum", "id"),
    ("kdrt, kekerasan dalam rumah tangga", "id"),
    ("pbb, pajak bumi dan bangunan", "id"),
    ("nop, nomor objek pajak", "id"),
    ("bphtb, bea perolehan hak atas tanah dan bangunan", "id"),
    ("jht, jaminan hari tua", "id"),
    ("thr, tunjangan hari raya", "id"),
    ("oss, perizinan berusaha online", "id"),
    ("nib, nomor induk berusaha", "id"),
    ("satpol pp, satpol, polisi pamong praja", "id"),
    ("karhutla, kebakaran hutan dan lahan", "id"),
    ("suap, sogok, gratifikasi", "id"),
    ("difabel, disabilitas, penyandang disabilitas", "id"),
    ("jompo, lansia, lanjut usia", "id"),
    ("kawin, nikah, perkawinan, pernikahan", "id"),
    ("puskesmas, pusat kesehatan masyarakat", "id"),
    ("spp, uang sekolah", "id"),
    ("dtks, dtsen", "id"),
    ("samsat, pajak kendaraan", "id"),
    ("rusak, berlubang, berlobang", "id"),
    ("keruh, kotor", "id"),
    ("ledeng, pipa air", "id"),
    ("fogging, pengasapan", "id"),
    ("opd, dinas, perangkat daerah", "id"),
    ("ktp, id card, identity card", "en"),
    ("kk, family card", "en"),
    ("pothole, damaged road, road damage", "en"),
    ("hawker, street vendor, pedlar", "en"),
    ("pavement, sidewalk", "en"),
    ("dv, domestic violence", "en"),
    ("nib, business identification number", "en"),
    ("samsat, vehicle tax", "en"),
    ("deaf, hearing impaired", "en"),
]


def load_groups():
    """{language: [[term words, ...], ...]} for active synonyms; "" means every language."""
    from .models import Synonym

    groups = {}
    for synonym in Synonym.objects.filter(is_active=True).only("terms", "language_code"):
        key = language_of(synonym.language_code) if synonym.language_code else ""
        terms = [tuple(words(term)) for term in synonym.term_list()]
        terms = [t for t in terms if t]
        if len(terms) > 1:
            groups.setdefault(key, []).append(terms)
    return groups


def groups_for(language):
    """Synonym groups used for `language`: each group is a list of word tuples."""
    groups = cache.get(CACHE_KEY)
    if groups is None:
        groups = load_groups()
        cache.set(CACHE_KEY, groups, CACHE_SECONDS)
    return groups.get(language_of(language), []) + groups.get("", [])


def invalidate(**kwargs):
    cache.delete(CACHE_KEY)
