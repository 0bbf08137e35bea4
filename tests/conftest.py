"""Fixtures shared by every app's tests: locales, a bilingual site root, the demo built
once per test session in a database of its own."""

import contextlib
import fcntl
import hashlib
import json
import os
import shutil
import sqlite3
from pathlib import Path

from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test import override_settings

from wagtail.models import Locale, Page, Site

import pytest
from pytest_django.plugin import blocking_manager_key

from tests.factories import HomePageFactory

DEMO_RECORD = "demo.json"
_WORKER = os.environ.get("PYTEST_XDIST_WORKER", "main")
_DEMO_WANTED = pytest.StashKey[bool]()


def _uses_demo(item):
    # The fixture the demo's tests depend on; a browser test's own `demo_site` does not.
    return "_demo_database" in getattr(item, "fixturenames", ())


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(config, items):
    """The tests on the demo run after all the others (in module order): from the first of
    a module's tests on the demo to the module's end the default connection points at the
    demo's database, in an open transaction, and the demo is built while the other tests
    run (_demo_built_ahead). pytest-django then moves transactional tests after all of
    these (a stable sort), so none of them runs while a demo transaction is open.

    Under pytest-xdist (`make test`) the workers take the tests one by one in this order,
    so transactional tests (which empty the tables) run on a worker only after its other
    tests (pytest_runtest_setup checks it)."""
    items.sort(key=_uses_demo)


def pytest_collection_finish(session):
    session.config.stash[_DEMO_WANTED] = any(_uses_demo(item) for item in session.items)


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
        connection.ensure_connection()
        return _sqlite_in_memory(connection.connection)
    connection.creation.clone_test_db(suffix="demo", verbosity=0)
    settings_dict = connection.creation.get_test_db_clone_settings("demo")
    return connection.__class__(settings_dict, alias=DEFAULT_DB_ALIAS)


def _sqlite_in_memory(source):
    """A connection to a new in-memory SQLite database, a copy of `source` (an sqlite3
    connection) made with sqlite3's backup API."""
    connection = connections[DEFAULT_DB_ALIAS]
    settings_dict = {
        **connection.settings_dict,
        "NAME": f"file:memorydb_demo_{_WORKER}?mode=memory&cache=shared",
    }
    copy = connection.__class__(settings_dict, alias=DEFAULT_DB_ALIAS)
    copy.ensure_connection()
    source.backup(copy.connection)
    return copy


def _drop(database):
    database.close()
    if database.vendor != "sqlite":
        connections[DEFAULT_DB_ALIAS].creation._destroy_test_db(
            database.settings_dict["NAME"], verbosity=0
        )
    elif database.connection is not None:
        database.connection.close()  # an in-memory database goes with its last connection


def _fingerprint():
    """What a copy of another worker's demo must share with this worker's test database:
    the migrations applied and the content types' ids (Django caches content types in the
    process by id, across the test database and the demo's)."""
    with connections[DEFAULT_DB_ALIAS].cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY app, name")
        migrations = cursor.fetchall()
        cursor.execute("SELECT id, app_label, model FROM django_content_type ORDER BY id")
        content_types = cursor.fetchall()
    return hashlib.sha256(repr((migrations, content_types)).encode()).hexdigest()


def _save(database, shared):
    """Keep the built demo where the session's other workers find it: an SQLite file, or
    the PostgreSQL database itself (closed: a template must have no connection)."""
    if database.vendor == "sqlite":
        path = shared / "demo.sqlite3"
        with contextlib.closing(sqlite3.connect(path)) as file:
            database.connection.backup(file)
        _drop(database)
        return str(path)
    database.close()
    return database.settings_dict["NAME"]


def _copy_of_saved(saved):
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "sqlite":
        with contextlib.closing(sqlite3.connect(saved)) as file:
            return _sqlite_in_memory(file)
    template = connection.__class__({**connection.settings_dict, "NAME": saved}, DEFAULT_DB_ALIAS)
    template.creation.clone_test_db(suffix=_WORKER, verbosity=0)
    settings_dict = template.creation.get_test_db_clone_settings(_WORKER)
    return connection.__class__(settings_dict, alias=DEFAULT_DB_ALIAS)


def _shared_folder(tmp_path_factory):
    """The session's temporary folder, shared by its pytest-xdist workers (each worker's
    own is a folder inside it)."""
    base = tmp_path_factory.getbasetemp()
    return base.parent if "PYTEST_XDIST_WORKER" in os.environ else base


@contextlib.contextmanager
def _locked(path):
    """One process at a time in the block; the lock goes with the process if it dies."""
    with open(path, "a") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        yield


def _build_demo(folder):
    database = _copy_of_the_test_database()
    try:
        with (
            _connected_to(database),
            override_settings(MEDIA_ROOT=folder / "media", PRIVATE_MEDIA_ROOT=folder / "private"),
        ):
            from tests.demo_slice import load_demo_into

            load_demo_into(folder)
    except BaseException:
        _drop(database)
        raise
    return database


@pytest.fixture(scope="session")
def _demo_database(django_db_setup, django_db_blocker, tmp_path_factory):
    """The whole demo, built once per test session (by the first pytest-xdist worker that
    needs it, while the others wait) into a copy of the migrated test database, and saved;
    each worker then uses a copy of its own. The copy is used only where the worker's test
    database has the same migrations and content types (_fingerprint), as every migrated
    test database of the session does; a worker whose differed would build its own.
    Nothing writes to the copy: each module that uses it does so in a transaction rolled
    back at its end (demo_site)."""
    shared = _shared_folder(tmp_path_factory)
    with django_db_blocker.unblock(), _locked(shared / "demo.lock"):
        record = shared / DEMO_RECORD
        saved = json.loads(record.read_text()) if record.exists() else None
        fingerprint = _fingerprint()
        if saved is None:
            database = _build_demo(shared / "demo")
            saved = {"fingerprint": fingerprint, "name": _save(database, shared)}
            record.write_text(json.dumps(saved))
        if saved["fingerprint"] == fingerprint:
            database = _copy_of_saved(saved["name"])
        else:
            database = _build_demo(tmp_path_factory.mktemp("demo"))
    yield database
    with django_db_blocker.unblock():
        _drop(database)


@pytest.fixture(scope="session", autouse=True)
def _demo_built_ahead(request):
    """The first worker builds the demo before its first test (before any test's
    transaction is open), while the other workers run the tests that do not need it (they
    come first, pytest_collection_modifyitems)."""
    if _WORKER in ("gw0", "main") and request.config.stash.get(_DEMO_WANTED, False):
        request.getfixturevalue("_demo_database")


@pytest.hookimpl(trylast=True)
def pytest_sessionfinish(session):
    """The session's saved demo goes once every worker is done with it (in the pytest-xdist
    controller, or the only process)."""
    if "PYTEST_XDIST_WORKER" in os.environ:
        return
    factory = session.config._tmp_path_factory
    record = factory.getbasetemp() / DEMO_RECORD if factory._basetemp else None
    if record is None or not record.exists():
        return
    name = json.loads(record.read_text())["name"]
    connection = connections[DEFAULT_DB_ALIAS]
    if connection.vendor == "sqlite":
        Path(name).unlink(missing_ok=True)
    else:
        with session.config.stash[blocking_manager_key].unblock():
            connection.creation._destroy_test_db(name, verbosity=0)
    record.unlink()


@pytest.fixture(scope="module")
def demo_site(_demo_database, django_db_blocker):
    """The whole demo (`load_demo`: every app's content, the 240 sample answers, the
    accounts on tests.demo_slice.DEMO_PASSWORD), built once per session, in a database of
    the worker's own (_demo_database) that the default connection points at for the
    module's tests on the demo.

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
