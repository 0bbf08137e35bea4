"""The published datasets, each with the metadata Satu Data Indonesia asks for (title,
description, publisher, period, update frequency, licence, contact, region codes) and its
rows. Every count goes through the same suppression as the statistics page."""

from collections.abc import Callable
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from site_core.areas import (
    CITY_REGION_CODE,
    KECAMATAN_REGION_CODES,
    KELURAHAN_REGION_CODES,
    kecamatan_name,
    kecamatan_of,
)

from . import figures, privacy

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}


@dataclass(frozen=True)
class Dataset:
    slug: str
    title: object
    description: object
    frequency: str  # ISO 8601 / DCAT accrualPeriodicity words: monthly, daily
    columns: tuple
    rows: Callable
    regions: str = ""  # "kecamatan" or "kelurahan": rows carry these region codes

    def metadata(self, start, end):
        metadata = {
            "identifier": self.slug,
            "title": str(self.title),
            "description": str(self.description),
            "publisher": str(settings.OPEN_DATA_PUBLISHER),
            "contact_email": settings.OPEN_DATA_CONTACT_EMAIL,
            "licence": LICENCE,
            "period": {"start": start.isoformat(), "end": end.isoformat()},
            "update_frequency": self.frequency,
            "region_code": CITY_REGION_CODE,
            "modified": timezone.localdate().isoformat(),
            "columns": list(self.columns),
            "suppression": str(
                _("Counts from 1 to %(limit)s are published as empty (“< %(limit)s”).")
                % {"limit": privacy.threshold() - 1}
            ),
        }
        if self.regions:
            metadata["region_codes"] = region_reference(self.regions)
        return metadata


def region_reference(level):
    """The Kemendagri codes of one level, as a reference list in a dataset's metadata."""
    if level == "kecamatan":
        return [
            {"code": code, "name": str(kecamatan_name(slug))}
            for slug, code in KECAMATAN_REGION_CODES.items()
        ]
    return [
        {
            "code": code,
            "name": name,
            "kecamatan_code": KECAMATAN_REGION_CODES[kecamatan_of(name)],
        }
        for name, code in KELURAHAN_REGION_CODES.items()
    ]


def _monthly_complaints(start, end):
    stats = figures.complaints(start, end)
    return [{"month": row["key"], "reports": row["count"]} for row in stats["by_month"]]


def _complaints_by_kecamatan(start, end):
    stats = figures.complaints(start, end)
    return [
        {
            "kecamatan": row["label"],
            "region_code": KECAMATAN_REGION_CODES.get(row["key"], ""),
            "reports": row["count"],
        }
        for row in stats["by_kecamatan"]
    ]


def _complaints_by_kelurahan(start, end):
    stats = figures.complaints(start, end)
    return [
        {
            "kelurahan": row["label"],
            "region_code": KELURAHAN_REGION_CODES.get(row["key"], ""),
            "kecamatan": str(kecamatan_name(kecamatan_of(row["key"])))
            if kecamatan_of(row["key"])
            else "",
            "reports": row["count"],
        }
        for row in stats["by_kelurahan"]
    ]


def _responsiveness(start, end):
    return [
        {
            "unit": row["unit"],
            "unit_name": row["unit_name"],
            "assigned": row["assigned"],
            "answered": row["answered"],
            "on_time_share_percent": row["on_time_share"],
            "average_rating": row["average_rating"],
        }
        for row in figures.responsiveness(start, end)
    ]


def _outreach(start, end):
    return [
        {
            "program": program["label"],
            "month": month["month"],
            **{name: month[name] for name in figures.OUTREACH_FIGURES},
        }
        for program in figures.outreach(start, end)
        for month in program["months"]
    ]


DATASETS = {
    dataset.slug: dataset
    for dataset in (
        Dataset(
            "pengaduan-bulanan",
            _("Complaints received per month"),
            _("Reports received by LAPOR! Banjarbaru (all kinds and channels) per month."),
            "monthly",
            ("month", "reports"),
            _monthly_complaints,
        ),
        Dataset(
            "pengaduan-per-kecamatan",
            _("Complaints per kecamatan"),
            _("Reports received per kecamatan of Banjarbaru, with Kemendagri region codes."),
            "monthly",
            ("kecamatan", "region_code", "reports"),
            _complaints_by_kecamatan,
            regions="kecamatan",
        ),
        Dataset(
            "pengaduan-per-kelurahan",
            _("Complaints per kelurahan"),
            _(
                "Reports received per kelurahan of Banjarbaru (where the reporter named one), "
                "with Kemendagri region codes of the kelurahan."
            ),
            "monthly",
            ("kelurahan", "region_code", "kecamatan", "reports"),
            _complaints_by_kelurahan,
            regions="kelurahan",
        ),
        Dataset(
            "responsivitas-unit-kerja",
            _("Work unit responsiveness"),
            _(
                "Per work unit: reports assigned and answered, share answered within the "
                "deadline, average citizen rating."
            ),
            "monthly",
            (
                "unit",
                "unit_name",
                "assigned",
                "answered",
                "on_time_share_percent",
                "average_rating",
            ),
            _responsiveness,
        ),
        Dataset(
            "jangkauan-sosialisasi",
            _("Outreach reach"),
            _(
                "Per program and month: events held, registrants, school sessions, schools, "
                "students and ambassadors' activities."
            ),
            "monthly",
            ("program", "month", *figures.OUTREACH_FIGURES),
            _outreach,
        ),
    )
}
