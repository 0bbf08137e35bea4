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


# Kemendagri region codes (kode wilayah, Permendagri on administrative region codes) for
# open data, so published figures join with other Satu Data Indonesia datasets.
CITY_REGION_CODE = "63.72"
KECAMATAN_REGION_CODES = {
    "landasan-ulin": "63.72.01",
    "cempaka": "63.72.02",
    "banjarbaru-utara": "63.72.03",
    "banjarbaru-selatan": "63.72.04",
    "liang-anggang": "63.72.05",
}
