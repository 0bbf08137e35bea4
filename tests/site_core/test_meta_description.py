"""Every page has a meta description: the editor's, else its listing summary, else the
page's own opening text (shortened), so search engines do not pick a random line."""

import pytest

from tests.factories import InformationPageFactory

pytestmark = pytest.mark.django_db


def description(client, page):
    html = client.get(page.url).content.decode()
    start = html.index('<meta name="description" content="') + len(
        '<meta name="description" content="'
    )
    return html[start : html.index('"', start)]


def test_the_editors_search_description_wins(client, home):
    page = InformationPageFactory(
        parent=home, search_description="Cara melapor dalam tiga langkah.", listing_summary="X"
    )
    assert description(client, page) == "Cara melapor dalam tiga langkah."


def test_without_one_the_introduction_stands_in_shortened(client, home):
    intro = "Laporkan layanan publik yang bermasalah. " * 10
    page = InformationPageFactory(parent=home, search_description="", introduction=intro)
    text = description(client, page)
    assert text.startswith("Laporkan layanan publik yang bermasalah. Laporkan")
    assert len(text) <= 200 and text.endswith("…")
