"""Banjarbaru's districts (kecamatan) and their urban villages (kelurahan).

Fixed by law rather than edited by staff, so they are code, not database rows.
"""

from django.utils.translation import gettext_lazy as _

KELURAHAN_BY_KECAMATAN = {
    "banjarbaru-utara": ("Banjarbaru Utara", ["Loktabat Utara", "Mentaos", "Komet", "Sungai Ulin"]),
    "banjarbaru-selatan": (
        "Banjarbaru Selatan",
        ["Loktabat Selatan", "Kemuning", "Guntung Paikat", "Sungai Besar"],
    ),
    "landasan-ulin": (
        "Landasan Ulin",
        ["Guntung Payung", "Landasan Ulin Timur", "Syamsudin Noor", "Guntung Manggis"],
    ),
    "liang-anggang": (
        "Liang Anggang",
        [
            "Landasan Ulin Barat",
            "Landasan Ulin Tengah",
            "Landasan Ulin Utara",
            "Landasan Ulin Selatan",
        ],
    ),
    "cempaka": ("Cempaka", ["Bangkal", "Sungai Tiung", "Cempaka", "Palam"]),
}

OUTSIDE_CITY = "luar-kota"

KECAMATAN_CHOICES = [(slug, name) for slug, (name, _kel) in KELURAHAN_BY_KECAMATAN.items()] + [
    (OUTSIDE_CITY, _("Outside Banjarbaru"))
]

KELURAHAN_CHOICES = [
    (name, [(kelurahan, kelurahan) for kelurahan in kelurahan_list])
    for _slug, (name, kelurahan_list) in KELURAHAN_BY_KECAMATAN.items()
]


def kecamatan_name(slug):
    return dict(KECAMATAN_CHOICES).get(slug, slug)


def kelurahan_in(kecamatan_slug):
    return KELURAHAN_BY_KECAMATAN.get(kecamatan_slug, ("", []))[1]


# Kemendagri region codes (kode wilayah administrasi pemerintahan, Permendagri 58/2021 and
# the Kepmendagri code lists after it) for open data, so published figures join with other
# Satu Data Indonesia datasets. Banjarbaru has no 63.72.01 any more: the old Kecamatan
# Banjarbaru was split, and kelurahan codes start with 1 (desa would start with 2).
CITY_REGION_CODE = "63.72"
KECAMATAN_REGION_CODES = {
    "landasan-ulin": "63.72.02",
    "cempaka": "63.72.03",
    "banjarbaru-utara": "63.72.04",
    "banjarbaru-selatan": "63.72.05",
    "liang-anggang": "63.72.06",
}
KELURAHAN_REGION_CODES = {
    "Landasan Ulin Timur": "63.72.02.1003",
    "Guntung Payung": "63.72.02.1004",
    "Guntung Manggis": "63.72.02.1005",
    "Syamsudin Noor": "63.72.02.1006",
    "Palam": "63.72.03.1001",
    "Bangkal": "63.72.03.1002",
    "Sungai Tiung": "63.72.03.1003",
    "Cempaka": "63.72.03.1004",
    "Loktabat Utara": "63.72.04.1001",
    "Mentaos": "63.72.04.1002",
    "Komet": "63.72.04.1003",
    "Sungai Ulin": "63.72.04.1004",
    "Sungai Besar": "63.72.05.1001",
    "Loktabat Selatan": "63.72.05.1002",
    "Kemuning": "63.72.05.1003",
    "Guntung Paikat": "63.72.05.1004",
    "Landasan Ulin Barat": "63.72.06.1001",
    "Landasan Ulin Tengah": "63.72.06.1002",
    "Landasan Ulin Utara": "63.72.06.1003",
    "Landasan Ulin Selatan": "63.72.06.1004",
}


def kecamatan_of(kelurahan):
    """The kecamatan slug a kelurahan belongs to ('' when unknown)."""
    for slug, (_name, kelurahan_list) in KELURAHAN_BY_KECAMATAN.items():
        if kelurahan in kelurahan_list:
            return slug
    return ""
