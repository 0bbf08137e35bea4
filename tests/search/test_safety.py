"""A query about violence, abuse, bullying, suicide or danger is never empty: the help
answer (SAPA 129, UPTD PPA, 110/112) comes first, in Indonesian and in English."""

from django.urls import reverse
from django.utils import translation

import pytest

from search.backends import get_backend
from search.safety import is_distress_query
from tests.search.factories import AnswerPageFactory

pytestmark = pytest.mark.django_db

DISTRESS_ID = [
    "suami mukul istri",
    "suami saya sering mukulin saya",
    "istri dipukuli suami tiap malam",
    "anak dibully di sekolah",
    "anak saya dibuli temen sekelas",
    "korban perundungan di smp",
    "pengen bunuh diri",
    "rasanya mau mati aja",
    "ingin mengakhiri hidup",
    "KDRT",
    "dilecehkan di angkot",
    "pelecehan seksual di kantor",
    "adik saya diperkosa tetangga",
    "anak dicabuli guru ngaji",
    "diancam sebar foto bugil sama mantan",
    "ibu dianiaya ayah tiri",
    "nenek disiksa anaknya sendiri",
    "pacar nampar saya",
    "saya disekap majikan",
    "tetangga dalam bahaya tolong",
]
DISTRESS_EN = [
    "my husband beats me",
    "my husband hit me last night",
    "my kid is being bullied at school",
    "bullying at school",
    "i want to kill myself",
    "i want to die",
    "thinking about suicide",
    "domestic violence help",
    "i was sexually harassed at work",
    "someone is threatening to leak my nudes",
    "my neighbour abuses her child",
    "i was raped",
    "i am not safe at home",
]
ORDINARY = [
    ("jam buka poli puskesmas pukul berapa", "id"),
    ("suara keras dari bengkel sebelah", "id"),
    ("jalan rusak parah", "id"),
    ("air pdam mati", "id"),
    ("cara bikin ktp", "id"),
    ("how do i track my report", "en"),
    ("street light broken", "en"),
]


@pytest.mark.parametrize("query", DISTRESS_ID)
def test_indonesian_phrasings_are_recognised(query):
    assert is_distress_query(query, "id")


@pytest.mark.parametrize("query", DISTRESS_EN)
def test_english_phrasings_are_recognised(query):
    assert is_distress_query(query, "en")


@pytest.mark.parametrize(("query", "language"), ORDINARY)
def test_ordinary_queries_are_not_taken_for_distress(query, language):
    assert not is_distress_query(query, language)


@pytest.fixture
def help_answer(kb, kb_index, locales):
    page = AnswerPageFactory(
        parent=kb_index,
        title="Bagaimana korban kekerasan dalam rumah tangga dapat meminta pertolongan?",
        short_answer="Hubungi SAPA 129, UPTD PPA, atau 110/112 dalam keadaan darurat.",
        source_id="kb-218",
    )
    page.save_revision().publish()
    english_index = kb_index.get_translation(locales["en"])
    translated = page.copy_for_translation(locales["en"]).specific
    translated.title = "How can victims of domestic violence get help?"
    translated.short_answer = "Call SAPA 129, the UPTD PPA, or 110/112 in an emergency."
    translated.save()
    translated.save_revision().publish()
    assert translated.get_parent().pk == english_index.pk
    return {"id": page, "en": translated}


@pytest.mark.parametrize(("language", "queries"), [("id", DISTRESS_ID), ("en", DISTRESS_EN)])
def test_distress_query_shows_the_help_answer_first_in_its_language(help_answer, language, queries):
    """Every phrasing of the test set (one knowledge base built for all of them)."""
    backend = get_backend()
    for query in queries:
        results = backend.search(query, language)
        assert results.needs_help, query
        assert results.hits, f"{query!r} must never come back empty"
        first = results.hits[0]
        assert first.page_id == help_answer[language].pk, query
        assert first.source_id == "kb-218"
        assert f"/{language}/" in first.url


def test_help_answer_is_not_listed_twice(help_answer):
    results = get_backend().search("korban kekerasan dalam rumah tangga", "id")
    ids = [hit.page_id for hit in results.hits]
    assert ids[0] == help_answer["id"].pk
    assert ids.count(help_answer["id"].pk) == 1


def test_ordinary_query_gets_no_help_answer(help_answer):
    results = get_backend().search("lampu jalan padam", "id")
    assert not results.needs_help
    assert "kb-218" not in [hit.source_id for hit in results.hits]


@pytest.mark.parametrize(
    ("query", "language"), [("suami mukul istri", "id"), ("my husband beats me", "en")]
)
def test_results_page_shows_emergency_numbers_above_the_help_answer(
    client, help_answer, query, language
):
    with translation.override(language):
        url = reverse("search")
    html = client.get(url, {"q": query}).content.decode()
    assert 'class="search-help"' in html
    assert "SAPA 129" in html and "112" in html
    # One tap calls for help on a phone.
    for target in ('href="tel:112"', 'href="tel:110"', 'href="tel:129"'):
        assert target in html
    assert html.index('class="search-help"') < html.index(help_answer[language].title)
    # Before the filters too: on a phone they would push the numbers below the first screen.
    if 'class="search-facets"' in html:
        assert html.index('class="search-help"') < html.index('class="search-facets"')


def test_exit_button_on_help_results_and_answers_about_violence(client, kb, help_answer, settings):
    """A reader whose phone someone else may see can leave at once: on results for a query
    about violence, on the help answer, and on answers the editors marked; not elsewhere."""
    settings.EXIT_THIS_PAGE_URL = "https://example.org/cuaca"
    exit_link = 'id="exit-this-page"'

    html = client.get(reverse("search"), {"q": "suami mukul istri"}).content.decode()
    assert exit_link in html and 'href="https://example.org/cuaca"' in html
    assert exit_link not in client.get(reverse("search"), {"q": "ktp hilang"}).content.decode()

    assert exit_link in client.get(help_answer["id"].url).content.decode()
    assert exit_link in client.get(help_answer["en"].url).content.decode()
    other = kb["kb-001"]
    assert exit_link not in client.get(other.url).content.decode()
    other.show_exit_button = True
    other.save_revision().publish()
    assert exit_link in client.get(other.url).content.decode()


def test_api_says_help_is_needed(client, help_answer):
    data = client.get("/api/search/", {"q": "anak dibully di sekolah", "lang": "id"}).json()
    assert data["needs_help"] is True
    assert data["results"][0]["source_id"] == "kb-218"
