"""The demo's accounts: the README lists exactly what `make run` (load_demo) prints, and
every account logs in with the one password it prints."""

import io
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import call_command

import pytest

from site_core.management.commands.load_demo import ACCOUNT_LINE_PREFIX
from tests.demo_slice import write_answer_slice

pytestmark = pytest.mark.django_db

README = Path(settings.BASE_DIR) / "README.md"


def readme_accounts():
    text = README.read_text()
    table = text.split("<!-- demo-accounts")[1].split("<!-- /demo-accounts -->")[0]
    return [
        (match.group(1), match.group(2).strip())
        for match in re.finditer(r"^\| `([^`]+)` \| ([^|]+)\|$", table, re.MULTILINE)
    ]


def printed(output):
    password = re.search(r"Password of every account below: (\S+)", output).group(1)
    accounts = []
    for line in output.splitlines():
        line = line.strip()
        if line.startswith(ACCOUNT_LINE_PREFIX):
            username, role = line[len(ACCOUNT_LINE_PREFIX) :].split(maxsplit=1)
            accounts.append((username, role))
    return password, accounts


def test_readme_lists_exactly_the_accounts_make_run_prints_and_they_log_in(
    monkeypatch, tmp_path, settings
):
    # The accounts are the same with any number of answers; importing all 240 twice is
    # most of the time the loader takes.
    settings.KNOWLEDGE_BASE_DATA = str(write_answer_slice(tmp_path / "kb", answers=3))
    settings.BASE_DIR = tmp_path  # the generated password file goes here, not in the clone
    monkeypatch.delenv("DEMO_ADMIN_PASSWORD", raising=False)
    output = io.StringIO()
    call_command("load_demo", stdout=output)
    password, accounts = printed(output.getvalue())
    documented = readme_accounts()
    assert [name for name, _role in accounts] == [name for name, _role in documented]
    for (_name, role), (_same, documented_role) in zip(accounts, documented, strict=True):
        assert documented_role.startswith(role.split(",")[0])
    assert (tmp_path / ".demo-admin-password").read_text().strip() == password
    users = get_user_model().objects.in_bulk(
        [name for name, _role in accounts], field_name="username"
    )
    for username, _role in accounts:
        user = users[username]
        assert user.is_active and user.is_staff and user.check_password(password), username
    again = io.StringIO()
    call_command("load_demo", stdout=again)
    assert printed(again.getvalue()) == (password, accounts)
