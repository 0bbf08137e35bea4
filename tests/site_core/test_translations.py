"""Every string in code and templates has a compiled Indonesian translation."""

import shutil
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import polib
import pytest

CATALOGUE = Path(settings.BASE_DIR) / "site_core" / "locale" / "id" / "LC_MESSAGES"
SOURCES = [
    "manage.py",
    "site_core",
    "complaint_forms",
    "outreach",
    "search",
    "open_data",
    "templates",
]


def test_catalogue_is_complete_and_compiled():
    po = polib.pofile(str(CATALOGUE / "django.po"))
    assert po.percent_translated() == 100, [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries()
    mo = {entry.msgid: entry.msgstr for entry in polib.mofile(str(CATALOGUE / "django.mo"))}
    stale = [e.msgid for e in po.translated_entries() if mo.get(e.msgid) != e.msgstr]
    assert not stale, f"django.mo is older than django.po (make messages): {stale[:5]}"


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="gettext is not installed")
def test_every_source_string_is_in_the_catalogue(tmp_path):
    """Extract strings from a copy of the sources and compare with the committed catalogue."""
    for name in SOURCES:
        source = Path(settings.BASE_DIR) / name
        target = tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("migrations", "*.mo"))
        else:
            shutil.copy(source, target)
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "id", "-v", "0"],
        cwd=tmp_path,
        check=True,
        env={"DJANGO_SETTINGS_MODULE": "site_core.settings.test", "PATH": "/usr/bin:/bin"},
        timeout=120,
    )
    extracted = polib.pofile(str(tmp_path / "site_core/locale/id/LC_MESSAGES/django.po"))
    committed = {e.msgid for e in polib.pofile(str(CATALOGUE / "django.po")).translated_entries()}
    missing = sorted(e.msgid for e in extracted if not e.obsolete and e.msgid not in committed)
    assert not missing, f"untranslated strings (run make messages): {missing[:10]}"


ADMIN_CATALOGUE = Path(settings.BASE_DIR) / "site_core" / "admin_locale" / "id" / "LC_MESSAGES"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_admin_catalogue_is_complete_and_compiled(domain):
    """Indonesian for Wagtail's and wagtail-localize's own strings (not extracted; see
    docs/decisions.md) is complete, keeps every placeholder and is compiled."""
    import re

    po = polib.pofile(str(ADMIN_CATALOGUE / f"{domain}.po"))
    assert len(po) > 0
    assert po.percent_translated() == 100, [e.msgid for e in po.untranslated_entries()]
    assert not po.fuzzy_entries()

    def placeholders(text):
        return sorted(re.findall(r"%\(\w+\)[sd]|%[sd]", text))

    broken = [
        e.msgid
        for e in po
        if placeholders(e.msgstr or e.msgstr_plural[0])
        not in (placeholders(e.msgid), placeholders(e.msgid_plural))
    ]
    assert not broken, broken
    mo = {(e.msgctxt, e.msgid): e for e in polib.mofile(str(ADMIN_CATALOGUE / f"{domain}.mo"))}
    stale = [
        e.msgid
        for e in po
        if (e.msgctxt, e.msgid) not in mo
        or (mo[(e.msgctxt, e.msgid)].msgstr or mo[(e.msgctxt, e.msgid)].msgstr_plural)
        != (e.msgstr or e.msgstr_plural)
    ]
    assert not stale, f"{domain}.mo is older than {domain}.po (make messages): {stale[:5]}"
