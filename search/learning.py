"""Learning citizens' words: from the query log and from answered consultations.

Searches: the results page pings `search_click` when a citizen opens an answer (`<a
ping>`, no JavaScript), and a "helpful" vote after a search counts the same. Each (answer,
redacted query) pair is counted; once SEARCH_LEARN_MIN_CLICKS searches agree, the query's
words are indexed with the answer in the `learned` field (weights in `search.fields`), so
"sekolah minta didatangi tim" meets "Lapor Goes To School" next time. A minimum of several
clicks keeps one person from teaching search alone.

Consultations: when staff answer a citizen's consultation question they record which
answers it got (`search.consultation`). The question's content words (redacted, without
numbers, names or stop words) are kept with the answer; a word is learned once
SEARCH_LEARN_MIN_CONSULTATIONS consultations given that answer used it. A word only one
citizen wrote (a name, a street, a detail of their case) never reaches the index.
"""

from django.conf import settings

from . import counters
from .privacy import EMAIL_MARK, NIK_MARK, PHONE_MARK, redact
from .query import looks_like_a_name
from .text import is_stopword, language_of, standardise, words

MAX_QUERY_CHARS = 255
MAX_QUESTION_WORDS = 200
REDACTION_MARKS = (NIK_MARK, PHONE_MARK, EMAIL_MARK)


def min_clicks():
    return getattr(settings, "SEARCH_LEARN_MIN_CLICKS", 3)


def min_consultations():
    return getattr(settings, "SEARCH_LEARN_MIN_CONSULTATIONS", 3)


def normalised_query(query):
    return " ".join(words(redact(query)))[:MAX_QUERY_CHARS]


def question_words(text, language_code="id"):
    """The content words of a consultation question that may teach search: personal
    numbers and e-mail addresses removed, then numbers, stop words and words no
    dictionary knows (names) dropped; each word once, in order."""
    language = language_of(language_code)
    text = redact(text)
    for mark in REDACTION_MARKS:
        text = text.replace(mark, " ")
    kept = []
    for word in standardise(words(text), language):
        if (
            len(word) < 3
            or any(c.isdigit() for c in word)
            or is_stopword(word, language)
            or looks_like_a_name(word, language)
            or word in kept
        ):
            continue
        kept.append(word)
    return " ".join(kept[:MAX_QUESTION_WORDS])


def record_click(page_id, query):
    """Count one search for `query` that led to answer `page_id`; True when the pair has
    just reached the threshold (the index must learn it)."""
    from .models import LearnedQuery

    text = normalised_query(query)
    if not text:
        return False
    counters.count(LearnedQuery, "clicks", page_id=page_id, query_text=text)
    clicks = (
        LearnedQuery.objects.filter(page_id=page_id, query_text=text)
        .values_list("clicks", flat=True)
        .first()
    )
    return clicks == min_clicks()


def learned_texts(page_ids=None):
    """{page id: the learned words} from searches and consultations at their thresholds."""
    from .models import LearnedQuery

    rows = LearnedQuery.objects.filter(clicks__gte=min_clicks())
    if page_ids is not None:
        rows = rows.filter(page_id__in=page_ids)
    found = {}
    for page_id, text in rows.values_list("page_id", "query_text"):
        found.setdefault(page_id, []).append(text)
    for page_id, text in consultation_texts(page_ids).items():
        found.setdefault(page_id, []).append(text)
    return {page_id: " ".join(texts) for page_id, texts in found.items()}


def consultation_texts(page_ids=None):
    """{page id: words that at least SEARCH_LEARN_MIN_CONSULTATIONS of the consultations
    given that answer used}."""
    from .models import ConsultationAnswer

    rows = ConsultationAnswer.objects.all()
    if page_ids is not None:
        rows = rows.filter(page_id__in=page_ids)
    counts = {}
    for page_id, text in rows.values_list("page_id", "question_words"):
        per_page = counts.setdefault(page_id, {})
        for word in set(text.split()):
            per_page[word] = per_page.get(word, 0) + 1
    needed = min_consultations()
    found = {}
    for page_id, per_page in counts.items():
        learned = sorted(word for word, n in per_page.items() if n >= needed)
        if learned:
            found[page_id] = " ".join(learned)
    return found
