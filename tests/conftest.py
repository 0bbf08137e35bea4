"""Fixtures shared by every app's tests: locales, a bilingual site root, the demo built
once per test module."""

import contextlib
import shutil

from django.conf import settings
from django.db import transaction

from wagtail.models import Locale, Page, Site

import pytest

from tests.factories import HomePageFactory

DEMO_FIXTURE = "demo_site"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """In each module, the tests on the demo run after the others: the demo is built once
    per module, at the first of them, and stays (in an open transaction) until the module
    ends. pytest-django then moves transactional tests after all of these (a stable sort),
    so none of them runs while a demo transaction is open."""
    modules = {}
    for item in items:
        modules.setdefault(item.module, []).append(item)

    def uses_demo(item):
        return DEMO_FIXTURE in getattr(item, "fixturenames", ())

    items[:] = [
        item for module_items in modules.values() for item in sorted(module_items, key=uses_demo)
    ]


@contextlib.contextmanager
def _rolled_back(django_db_blocker):
    """Data written in the block stays for the tests that follow (each of them runs in a
    savepoint of its own) and is rolled back when the fixture ends."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
    try:
        yield
    finally:
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo (`load_demo`: every app's content, the 240 sample answers, the
    accounts on tests.demo_slice.DEMO_PASSWORD), built once per test module.

    Tests that use it run last in their module (see pytest_collection_modifyitems) and
    must not be transactional: they see the demo in their own savepoint, rolled back after
    each."""
    from tests.demo_slice import load_demo_into

    with _rolled_back(django_db_blocker):
        with django_db_blocker.unblock():
            load_demo_into(tmp_path_factory.mktemp("demo"))
        yield


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"
    yield
    shutil.rmtree(tmp_path, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def locales(db):
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


@pytest.fixture
def home(locales):
    """The Indonesian home page as the default site's root (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    page = HomePageFactory(parent=root, slug="beranda", locale=locales["id"])
    site = Site.objects.get(is_default_site=True)
    old_root = site.root_page
    site.root_page = page
    site.hostname = "testserver"
    site.port = 80
    site.save()
    old_root.delete()
    return page


@pytest.fixture
def home_en(home, locales):
    page = home.copy_for_translation(locales["en"]).specific
    page.title = "Home"
    page.hero_heading = "Report to the city"
    page.save_revision().publish()
    return page


def free_port():
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd API)
        import email

        self.messages.append(email.message_from_bytes(envelope.content))
        return "250 OK"


@pytest.fixture
def smtp_server(settings):
    """A real SMTP server on 127.0.0.1 that Django's SMTP backend talks to."""
    from aiosmtpd.controller import Controller

    inbox = _Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    yield inbox
    controller.stop()
