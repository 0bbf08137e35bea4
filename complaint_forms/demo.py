"""Demo reports: a year of the city's complaint handling, replayed through the real intake
and workflow so that every deadline is computed by the rules from the day a report was
received (working days, holidays).

Each category routes to the unit that handles it. Units differ the way real ones do: some
answer within a day or two, some are slow and leave reports past their deadline, so the
ranking and the overdue filter have something to show. A fixed seed keeps the demo the
same on every machine (relative to the day it is loaded).
"""

import datetime
import random
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils import timezone

from wagtail.models import ModelLogEntry

from site_core.models import WorkUnit

from . import workflow
from .choices import Channel, Kind, Privacy, RejectionReason
from .deadlines import add_working_days, working_days_between
from .intake import create_report
from .records import ComplaintSettings, Report

# (name id, name en, default unit short name, gender-based, reports per year,
#  [(title, what happened), ...]) -- the reports are about what the category is about.
CATEGORIES = [
    (
        "Jalan dan drainase",
        "Roads and drainage",
        "Dinas PUPR",
        False,
        30,
        [
            ("Jalan berlubang di Jl. Trikora", "Lubang besar di depan sekolah, membahayakan."),
            ("Drainase tersumbat", "Saluran air tersumbat sehingga banjir saat hujan."),
            ("Trotoar rusak di Jl. Panglima Batur", "Paving lepas, pejalan kaki tersandung."),
        ],
    ),
    (
        "Administrasi kependudukan",
        "Civil registration",
        "Disdukcapil",
        False,
        26,
        [
            ("KTP elektronik belum jadi", "Sudah tiga bulan sejak perekaman, KTP belum dicetak."),
            ("Akta kelahiran belum terbit", "Berkas lengkap sejak sebulan lalu, akta belum ada."),
            ("Antrean kartu keluarga", "Antrean pembaruan KK dibatasi 20 orang per hari."),
        ],
    ),
    (
        "Kesehatan",
        "Health",
        "Dinkes",
        False,
        18,
        [
            ("Antrean puskesmas terlalu lama", "Pasien lansia menunggu lebih dari tiga jam."),
            ("Obat di puskesmas kosong", "Obat hipertensi kosong dua minggu."),
        ],
    ),
    (
        "Pendidikan",
        "Education",
        "Disdik",
        False,
        12,
        [
            ("Pungutan di sekolah negeri", "Orang tua diminta membayar uang seragam tambahan."),
            ("Informasi zonasi sekolah", "Peta zonasi penerimaan murid baru tidak jelas."),
        ],
    ),
    (
        "Kebersihan dan lingkungan",
        "Waste and environment",
        "DLH",
        False,
        30,
        [
            ("Sampah menumpuk di TPS", "TPS di dekat pasar tidak diangkut selama seminggu."),
            ("Pembakaran sampah di lahan kosong", "Asap pembakaran sampah setiap sore."),
            ("Sampah perumahan tidak diangkut", "Truk sampah tidak datang dua minggu."),
        ],
    ),
    (
        "Air bersih",
        "Clean water",
        "PDAM",
        False,
        22,
        [
            ("Air PDAM keruh", "Air keruh dan berbau sejak dua hari lalu."),
            ("Air PDAM mati", "Air tidak mengalir tiga hari tanpa pemberitahuan."),
        ],
    ),
    (
        "Transportasi dan parkir",
        "Transport and parking",
        "Dishub",
        False,
        22,
        [
            ("Parkir liar di trotoar", "Trotoar dipakai parkir sehingga pejalan kaki turun."),
            ("Lampu lalu lintas mati", "Lampu lalu lintas di simpang empat mati sejak pagi."),
        ],
    ),
    (
        "Kekerasan berbasis gender",
        "Gender-based violence",
        "DP3APMP2KB",
        True,
        4,
        [("Mohon pendampingan", "Mohon pendampingan untuk korban kekerasan di rumah tangga.")],
    ),
    (
        "Layanan informasi publik",
        "Public information",
        "Diskominfo",
        False,
        10,
        [
            ("Permintaan data anggaran", "Mohon informasi realisasi anggaran kelurahan."),
            ("Situs kelurahan tidak bisa dibuka", "Situs kelurahan menampilkan galat."),
        ],
    ),
]

# Reports without a category reach the coordinators, who verify and forward them.
# (title, what happened, the unit coordinators forward it to, kind)
UNCATEGORISED = [
    (
        "Izin bangunan untuk warung",
        "Bagaimana cara mengurus izin bangunan?",
        "Dinas PUPR",
        Kind.CONSULTATION,
    ),
    (
        "Usul taman bermain di RT 05",
        "Warga mengusulkan taman bermain anak.",
        "DLH",
        Kind.ASPIRATION,
    ),
    (
        "Bantuan sosial tidak diterima",
        "Nama kami terdaftar tetapi bantuan tidak datang.",
        "Dinsos",
        Kind.COMPLAINT,
    ),
]
UNCATEGORISED_PER_YEAR = 14


@dataclass(frozen=True)
class UnitHabit:
    """How a unit handles its reports: hours to its first response, working days to an
    answer, and the share of reports it leaves unanswered."""

    response_hours: tuple
    answer_days: tuple
    stuck_share: float
    ratings: tuple


QUICK = UnitHabit((1, 10), (1, 4), 0.0, (4, 5))
STEADY = UnitHabit((4, 40), (2, 6), 0.05, (3, 5))
SLOW = UnitHabit((24, 120), (3, 12), 0.25, (2, 4))
HABITS = {"DLH": QUICK, "Dinkes": QUICK, "Diskominfo": QUICK, "Disdukcapil": SLOW, "Dishub": SLOW}

REJECTED_SHARE = 0.06
NEEDS_INFO_SHARE = 0.05
UNFORWARDED_SHARE = 0.3  # of the coordinators' own (uncategorised) older reports
RATED_SHARE = 0.7
CHANNELS = [Channel.WEB] * 6 + [Channel.PHONE, Channel.WALK_IN, Channel.LETTER, Channel.SMS]
DAYS_OF_HISTORY = 365


class Replay:
    """Replays one report's life at the times it happened: each step runs through the
    workflow, then the step's clock fields, its timeline event and audit entry are set to
    when it happened. Deadline dates come from the workflow itself (from the received day)
    or from the same working-day rule."""

    def __init__(self, rng, now, config, coordinator, officers):
        self.rng = rng
        self.now = now
        self.today = timezone.localdate(now)
        self.config = config
        self.coordinator = coordinator
        self.officers = officers
        self.content_type = ContentType.objects.get_for_model(Report)

    def received_times(self, count):
        times = []
        for _number in range(count):
            day = self.today - datetime.timedelta(days=self.rng.randint(0, DAYS_OF_HISTORY))
            local = datetime.datetime.combine(day, datetime.time(self.rng.randint(7, 20)))
            times.append(min(timezone.make_aware(local), self.now))
        return sorted(times)

    def stamp(self, report, when, **fields):
        """Date the step just taken (and the fields it set) at `when`."""
        event = report.events.order_by("-pk").first()
        event.__class__.objects.filter(pk=event.pk).update(created_at=when)
        entry = (
            ModelLogEntry.objects.filter(content_type=self.content_type, object_id=str(report.pk))
            .order_by("-pk")
            .first()
        )
        if entry is not None:
            ModelLogEntry.objects.filter(pk=entry.pk).update(timestamp=when)
        if fields:
            Report.objects.filter(pk=report.pk).update(**fields)
            report.refresh_from_db()

    def later(self, start, hours):
        return min(start + datetime.timedelta(hours=hours), self.now)

    def on_working_day(self, start, days):
        day = add_working_days(timezone.localdate(start), days)
        local = datetime.datetime.combine(day, datetime.time(self.rng.randint(8, 15)))
        return timezone.make_aware(local)

    def report(self, number, received, category, item):
        title, description, unit_for_coordinators, kind = item
        gender = bool(category and category.is_gender_based)
        anonymous = not gender and number % 11 == 0
        privacy = Privacy.CONFIDENTIAL if gender else Privacy.PUBLIC
        if anonymous:
            privacy = Privacy.ANONYMOUS
        data = {
            "kind": kind,
            "category": category,
            "title": title,
            "description": description,
            "kecamatan": self.rng.choice(["banjarbaru-utara", "banjarbaru-selatan", "cempaka"]),
            "privacy": privacy,
            "reporter_name": "" if anonymous else f"Warga {number + 1}",
            "reporter_phone": "" if anonymous else f"0812000{number:05d}",
            "contact_channel": "none" if anonymous else "phone",
        }
        channel = self.rng.choice(CHANNELS)
        report, _created = create_report(
            data,
            channel=channel,
            user=None if channel == Channel.WEB else self.coordinator,
            received_at=received,
        )
        self.stamp(report, received)  # the intake's routing step, if any
        age = working_days_between(timezone.localdate(received), self.today)
        if self.rng.random() < REJECTED_SHARE and age >= 1:
            when = self.on_working_day(received, 1)
            workflow.reject(report, self.coordinator, RejectionReason.DUPLICATE)
            self.stamp(report, when, closed_at=when)
            return report
        if report.assigned_unit is None:
            late = self.rng.random() < UNFORWARDED_SHARE
            if age < self.config.forward_days or late or unit_for_coordinators is None:
                return report  # waiting for the coordinators (overdue once forward_due passes)
            self.forward(report, received, unit_for_coordinators)
        self.handle(report, age)
        return report

    def forward(self, report, received, unit):
        verified = self.on_working_day(received, 1)
        workflow.verify(report, self.coordinator)
        self.stamp(report, verified)
        assigned = self.later(verified, 2)
        workflow.assign(report, self.coordinator, unit, at=assigned)
        self.stamp(report, assigned)

    def handle(self, report, age):
        unit = report.assigned_unit
        habit = HABITS.get(unit.short_name, STEADY)
        officer = self.officers.get(unit.pk, self.coordinator)
        started = self.later(report.assigned_at, self.rng.randint(*habit.response_hours))
        if started >= self.now:
            return  # too recent: still waiting for the unit
        workflow.start_progress(report, officer)
        self.stamp(report, started, first_response_at=started)
        if self.rng.random() < NEEDS_INFO_SHARE:
            workflow.request_info(report, officer, "Mohon kirim foto lokasi yang lebih jelas.")
            self.stamp(report, self.later(started, 1))
            return
        answered = max(
            self.on_working_day(report.assigned_at, self.rng.randint(*habit.answer_days)),
            self.later(started, 1),
        )
        if answered >= self.now or self.rng.random() < habit.stuck_share:
            return  # in progress; overdue once its answer deadline has passed
        workflow.answer(report, officer, "Laporan sudah ditindaklanjuti oleh petugas.")
        close_due = add_working_days(timezone.localdate(answered), self.config.auto_close_days)
        self.stamp(
            report,
            answered,
            answered_at=answered,
            answered_within_deadline=timezone.localdate(answered) <= report.response_due,
            close_due=close_due,
        )
        if close_due >= self.today:
            return  # answered; the citizen may still reply
        if self.rng.random() < RATED_SHARE:
            workflow.rate(report, self.rng.randint(*habit.ratings))
            self.stamp(report, self.later(answered, 30))
        closed = timezone.make_aware(datetime.datetime.combine(close_due, datetime.time(1)))
        workflow.close(report, system=True)
        self.stamp(report, closed, closed_at=closed)


def replay_history(categories, coordinator, officers, seed=20260101):
    """About a year of reports (see the module docstring). `categories` are the Indonesian
    Category objects in CATEGORIES order; `officers` maps unit pk -> officer."""
    rng = random.Random(seed)  # noqa: S311 - demo data, not security
    now = timezone.now()
    units = {unit.short_name: unit for unit in WorkUnit.objects.all()}
    replay = Replay(rng, now, ComplaintSettings.current(), coordinator, officers)
    plan = []
    for category, (name, _en, _unit, _gender, per_year, texts) in zip(
        categories, CATEGORIES, strict=True
    ):
        kind = Kind.INFORMATION_REQUEST if name == "Layanan informasi publik" else Kind.COMPLAINT
        for _ in range(per_year):
            title, description = rng.choice(texts)
            plan.append((category, (title, description, None, kind)))
    for _ in range(UNCATEGORISED_PER_YEAR):
        title, description, unit_name, kind = rng.choice(UNCATEGORISED)
        plan.append((None, (title, description, units.get(unit_name), kind)))
    rng.shuffle(plan)
    received_times = replay.received_times(len(plan))
    return [
        replay.report(number, received, category, item)
        for number, (received, (category, item)) in enumerate(
            zip(received_times, plan, strict=True)
        )
    ]
