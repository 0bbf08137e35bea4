import pytest

from outreach.models import ProgramKind
from tests.outreach.factories import (
    EventPageFactory,
    ProgramIndexPageFactory,
    ProgramPageFactory,
)


@pytest.fixture
def program_index(home):
    return ProgramIndexPageFactory(parent=home)


@pytest.fixture
def school_program(program_index):
    return ProgramPageFactory(
        parent=program_index,
        slug="goes-to-school",
        title="Lapor Goes To School",
        kind=ProgramKind.SCHOOL,
    )


@pytest.fixture
def event(school_program):
    return EventPageFactory(parent=school_program, slug="sosialisasi", capacity=2)


@pytest.fixture
def person():
    """Registration fields for an adult with an email address."""
    return {"name": "Budi", "email": "budi@example.org", "affiliation": "SMAN 1"}


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """`with commit():` runs the on-commit hooks (mail tasks) that a test transaction holds."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
