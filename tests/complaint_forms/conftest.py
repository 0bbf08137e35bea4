import pytest

from tests.search.conftest import kb, kb_index  # noqa: F401 (knowledge-base fixtures)

from .factories import CategoryFactory, ReportPageFactory, WorkUnitFactory, report_post_data


@pytest.fixture
def report_page(home):
    page = ReportPageFactory(parent=home)
    page.save_revision().publish()
    return page


@pytest.fixture
def unit(db):
    return WorkUnitFactory()


@pytest.fixture
def other_unit(db):
    return WorkUnitFactory()


@pytest.fixture
def category(locales, unit):
    return CategoryFactory(default_unit=unit)


@pytest.fixture
def valid_post(category):
    """A complete, valid public submission."""

    def build(**overrides):
        return report_post_data(category, **overrides)

    return build
