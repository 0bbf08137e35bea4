"""Fixtures shared by every app's tests: locales, a bilingual site root, the demo built
once per test session in a database of its own."""

import contextlib
import os
import shutil

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import override_settings

from wagtail.models import Locale, Page, Site

import pytest

from tests.factories import HomePageFactory

DEMO_FIXTURE = "demo_site"


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """In each module, the tests on the demo run after the others: from the first of them
    to the module's end the default connection points at the demo's database, in an open
    transaction. pytest-django then moves transactional tests after all of these (a stable
    sort), so none of them runs while a demo transaction is open.

    Under pytest-xdist (`make test`) the tests are sent to the workers one by one, each
    worker taking them in the order above, so transactional tests (which empty the tables)
    run on a worker only after its other tests (pytest_runtest_setup checks it). The tests
    on the demo are marked as one xdist group so that one worker alone builds the demo; with
    pytest 9.2 and xdist 3.8 the group is not honoured (xdist can no longer rename the
    test ids it groups by), so each worker that runs a test on the demo builds its own."""
    modules = {}
    for item in items:
        modules.setdefault(item.module, []).append(item)

    def uses_demo(item):
        return DEMO_FIXTURE in getattr(item, "fixturenames", ())

    items[:] = [
        item for module_items in modules.values() for item in sorted(module_items, key=uses_demo)
    ]
    for item in items:
        if uses_demo(item):
            item.add_marker(pytest.mark.xdist_group(DEMO_FIXTURE))


def _database_use(item):
    """ "transactional", "savepoint" (pytest-django's TestCase-like tests) or None."""
    marker = item.get_closest_marker("django_db")
    fixtures = set(getattr(item, "fixturenames", ()))
    if (marker and marker.kwargs.get("transaction")) or fixtures & {
        "transactional_db",
        "live_server",
    }:
        return "transactional"
    if marker or "db" in fixtures:
        return "savepoint"
    return None


_transactional_test_ran = []


def pytest_runtest_setup(item):
    """A transactional test empties the tables when it ends; a test in a savepoint after it
    would find no migrations' data. The order above prevents it; this says so if it fails."""
    use = _database_use(item)
    if use == "transactional":
        _transactional_test_ran.append(item.nodeid)
    elif use == "savepoint" and _transactional_test_ran:
        pytest.fail(
            f"{item.nodeid} runs after the transactional {_transactional_test_ran[-1]}: "
            "the tests' order (pytest_collection_modifyitems) was not kept"
        )


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


@contextlib.contextmanager
def _connected_to(database):
    """The default connection is `database` (a connection of its own) in the block."""
    original = connections[DEFAULT_DB_ALIAS]
    connections[DEFAULT_DB_ALIAS] = database
    try:
        yield
    finally:
        connections[DEFAULT_DB_ALIAS] = original


def _copy_of_the_test_database():
    """A connection to a new database holding what the migrated test database holds (the
    migrations' data, content types with their ids): an SQLite copy in memory, or a
    PostgreSQL database made from the test database as template."""
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "sqlite":
        worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
        settings_dict = {
            **connection.settings_dict,
            "NAME": f"file:memorydb_demo_{worker}?mode=memory&cache=shared",
        }
        copy = connection.__class__(settings_dict, alias=DEFAULT_DB_ALIAS)
        connection.ensure_connection()
        copy.ensure_connection()
        connection.connection.backup(copy.connection)
        return copy
    connection.creation.clone_test_db(suffix="demo", verbosity=0)
    settings_dict = connection.creation.get_test_db_clone_settings("demo")
    return connection.__class__(settings_dict, alias=DEFAULT_DB_ALIAS)


def _drop(database):
    database.close()
    if database.vendor != "sqlite":
        connections[DEFAULT_DB_ALIAS].creation._destroy_test_db(
            database.settings_dict["NAME"], verbosity=0
        )
    elif database.connection is not None:
        database.connection.close()  # an in-memory database goes with its last connection


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo, built once per test session (per xdist worker) into a database of
    its own, a copy of the migrated test database, so content types and the migrations'
    data are the same as in the test database. Nothing writes to it after the build: each
    module that uses it does so in a transaction rolled back at its end (demo_site)."""
    from tests.demo_slice import load_demo_into

    folder = tmp_path_factory.mktemp("demo")
    with django_db_blocker.unblock():
        database = _copy_of_the_test_database()
        try:
            with (
                _connected_to(database),
                override_settings(
                    MEDIA_ROOT=folder / "media", PRIVATE_MEDIA_ROOT=folder / "private"
                ),
            ):
                load_demo_into(folder)
        except BaseException:
            _drop(database)
            raise
    yield database
    with django_db_blocker.unblock():
        _drop(database)


@pytest.fixture(scope="module")
def demo_site(_demo_database, django_db_blocker):
    """The whole demo (`load_demo`: every app's content, the 240 sample answers, the
    accounts on tests.demo_slice.DEMO_PASSWORD), built once per session in a database of
    its own (_demo_database) that the default connection points at for the module's
    tests on the demo.

    Tests that use it run last in their module (see pytest_collection_modifyitems) and
    must not be transactional: they see the demo in their own savepoint, rolled back after
    each; what a module-scoped fixture adds on top is rolled back at the module's end."""
    with _connected_to(_demo_database), _rolled_back(django_db_blocker):
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
    settings.EMAIL_BACKEND = "site_core.mail.KeepingBackend"
    settings.MAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = port
    settings.EMAIL_USE_TLS = False
    settings.EMAIL_HOST_USER = ""
    settings.EMAIL_HOST_PASSWORD = ""
    settings.EMAIL_TIMEOUT = 5
    yield inbox
    controller.stop()
