"""One archive holds everything a restore needs: the database, public media and the private
media (complaint attachments). PostgreSQL is dumped with pg_dump (custom format, restored with
pg_restore); SQLite is copied with SQLite's own online backup. Media are plain files."""

import json
import os
import shutil
import sqlite3
import subprocess  # noqa: S404 - runs pg_dump/pg_restore with fixed arguments, no shell
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

FORMAT_VERSION = 1
MEDIA_FOLDERS = {"media": "MEDIA_ROOT", "private_media": "PRIVATE_MEDIA_ROOT"}


class BackupError(Exception):
    pass


def _engine():
    vendor = connection.vendor
    if vendor not in ("postgresql", "sqlite"):
        raise BackupError(f"Backups support PostgreSQL and SQLite, not {vendor}.")
    return vendor


def _pg_env_and_args():
    db = connection.settings_dict
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    args = ["--dbname", db["NAME"], "--no-password"]
    if db.get("HOST"):
        args += ["--host", db["HOST"]]
    if db.get("PORT"):
        args += ["--port", str(db["PORT"])]
    if db.get("USER"):
        args += ["--username", db["USER"]]
    return env, args


def _run(command, env):
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{command[0]} failed: {result.stderr.strip()[:2000]}")


def _dump_database(engine, target):
    if engine == "postgresql":
        env, args = _pg_env_and_args()
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(target), *args], env)
    else:
        connection.ensure_connection()
        with sqlite3.connect(target) as copy:
            connection.connection.backup(copy)
        copy.close()


def _restore_database(engine, source):
    if engine == "postgresql":
        env, args = _pg_env_and_args()
        connection.close()
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                *args,
                str(source),
            ],
            env,
        )
    else:
        connection.ensure_connection()
        with sqlite3.connect(source) as copy:
            copy.backup(connection.connection)
        copy.close()


def create(output):
    """Write a .tar.gz backup to `output` and return its manifest."""
    engine = _engine()
    output = Path(output)
    with tempfile.TemporaryDirectory() as work:
        dump = Path(work) / f"database.{'pgdump' if engine == 'postgresql' else 'sqlite3'}"
        _dump_database(engine, dump)
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "engine": engine,
            "database_file": dump.name,
            "media": sorted(MEDIA_FOLDERS),
        }
        (Path(work) / "manifest.json").write_text(json.dumps(manifest, indent=2))
        partial = output.with_name(output.name + ".partial")
        with tarfile.open(partial, "w:gz") as archive:
            archive.add(Path(work) / "manifest.json", "manifest.json")
            archive.add(dump, dump.name)
            for folder, setting in MEDIA_FOLDERS.items():
                root = Path(getattr(settings, setting))
                if root.exists():
                    archive.add(root, folder)
        partial.replace(output)  # a crash mid-write never leaves a truncated backup behind
    return manifest


def restore(source):
    """Replace the database and both media folders with the contents of a backup, and empty
    the cache (it may be shared: restore is an operator's deliberate act)."""
    engine = _engine()
    with tempfile.TemporaryDirectory() as work, tarfile.open(source, "r:gz") as archive:
        archive.extractall(work, filter="data")
        manifest = json.loads((Path(work) / "manifest.json").read_text())
        if manifest.get("format") != FORMAT_VERSION:
            raise BackupError("This backup was written by another version of the backup tool.")
        if manifest["engine"] != engine:
            raise BackupError(
                f"This backup is of a {manifest['engine']} database; this site uses {engine}."
            )
        _restore_database(engine, Path(work) / manifest["database_file"])
        for folder, setting in MEDIA_FOLDERS.items():
            root = Path(getattr(settings, setting))
            if root.exists():
                shutil.rmtree(root)
            if (Path(work) / folder).exists():
                shutil.copytree(Path(work) / folder, root)
            else:
                root.mkdir(parents=True, exist_ok=True)
    cache.clear()  # cached frames, rankings and search data describe the data just replaced
    return manifest
