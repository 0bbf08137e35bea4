"""Demo accounts: every role on one password, so a person trying the demo logs in as anyone
with what `make run` printed.

The password is DEMO_ADMIN_PASSWORD, or the one kept in `.demo-admin-password`, or a new
one written there. Every run sets it on every demo account, so they never drift apart.
Apps add their roles' accounts with `ensure_account` from their own demo loaders.
"""

import os
import secrets
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

PASSWORD_FILE_NAME = ".demo-admin-password"  # noqa: S105 - a file name
DEMO_EMAIL_DOMAIN = "banjarbaru.test"
# Usernames made ready in this process (load_demo runs the apps' loaders in-process).
_ensured = []


def password_file():
    return Path(settings.BASE_DIR) / PASSWORD_FILE_NAME


def demo_password():
    """The one password of the demo accounts (created and kept on the first call)."""
    from_env = os.environ.get("DEMO_ADMIN_PASSWORD", "")
    if from_env:
        return from_env
    path = password_file()
    if path.exists():
        stored = path.read_text().strip()
        if stored:
            return stored
    password = secrets.token_urlsafe(12)
    path.write_text(password + "\n")
    path.chmod(0o600)
    return password


def ensure_account(username, *, groups=(), superuser=False):
    """The account exists, is active staff in these groups and has the demo password."""
    user, _created = get_user_model().objects.get_or_create(
        username=username, defaults={"email": f"{username}@{DEMO_EMAIL_DOMAIN}"}
    )
    user.is_active = True
    user.is_staff = True
    user.is_superuser = superuser or user.is_superuser
    user.set_password(demo_password())
    user.save()
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    if username not in _ensured:
        _ensured.append(username)
    return user


def start_account_list():
    """Begin a new list for `demo_accounts` (one per `load_demo` run)."""
    _ensured.clear()


def demo_accounts():
    """(username, role) of every account `ensure_account` made ready in this process, in
    that order: what `load_demo` prints after the apps' loaders ran."""
    users = (
        get_user_model().objects.prefetch_related("groups").in_bulk(_ensured, field_name="username")
    )
    rows = []
    for username in _ensured:
        user = users[username]
        role = "superuser" if user.is_superuser else ", ".join(g.name for g in user.groups.all())
        rows.append((username, role))
    return rows
