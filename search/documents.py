"""The Elasticsearch index documents for answers: one index (behind an alias) per language.

Analyzers follow `search.text`: lowercase, ASCII folding, the Snowball stemmer of the
language, and at query time the staff synonym list as a `synonym_graph` filter.
Index names are prefixed per environment (ELASTICSEARCH_INDEX_PREFIX).
"""

from django.conf import settings

from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Keyword,
    Text,
    analyzer,
    token_filter,
)

from .text import STOPWORDS, language_of

STEMMER = {"id": "indonesian", "en": "english"}


def alias_name(language):
    prefix = getattr(settings, "ELASTICSEARCH_INDEX_PREFIX", "lapor")
    return f"{prefix}-answers-{language_of(language)}"


def synonym_lines(language):
    """The synonym snippet as Solr-format lines for the synonym_graph filter."""
    from .synonyms import groups_for

    return [", ".join(" ".join(term) for term in group) for group in groups_for(language)]


def analyzers(language, synonyms=()):
    language = language_of(language)
    stop = token_filter(f"kb_stop_{language}", "stop", stopwords=sorted(STOPWORDS[language]))
    stem = token_filter(f"kb_stem_{language}", "stemmer", language=STEMMER[language])
    index_analyzer = analyzer(
        f"kb_index_{language}",
        tokenizer="standard",
        filter=["lowercase", "asciifolding", stop, stem],
    )
    filters = ["lowercase", "asciifolding"]
    if synonyms:
        filters.append(
            token_filter(f"kb_synonyms_{language}", "synonym_graph", synonyms=list(synonyms))
        )
    query_analyzer = analyzer(
        f"kb_query_{language}", tokenizer="standard", filter=[*filters, stop, stem]
    )
    return index_analyzer, query_analyzer


def answer_document(language, index_name=None, synonyms=()):
    """The Document class for answers of one language, bound to `index_name`."""
    index_analyzer, query_analyzer = analyzers(language, synonyms)
    spelling_analyzer = analyzer(
        f"kb_spelling_{language_of(language)}",
        tokenizer="standard",
        filter=["lowercase", "asciifolding"],
    )

    def text(**kwargs):
        return Text(analyzer=index_analyzer, search_analyzer=query_analyzer, **kwargs)

    class AnswerDocument(Document):
        page_id = Keyword()
        title = text()
        short_answer = text()
        body = text()
        tags = text()
        category = Keyword()
        category_name = text()
        source_id = Keyword()
        language = Keyword()
        url = Keyword(index=False)
        last_reviewed = Date()
        suggest = Completion(analyzer="simple")
        # Unstemmed words for the term suggester (spelling): title, tags and text.
        spelling = Text(analyzer=spelling_analyzer)
        learned_queries = text()

        class Index:
            name = index_name or alias_name(language)
            settings = {"number_of_shards": 1, "number_of_replicas": 0}

    return AnswerDocument


def document_fields(page, text_of_body, learned_text=""):
    """The indexed fields of an AnswerPage (shared by signals and the rebuild command)."""
    tags = [tag.name for tag in page.tags.all()]
    return {
        "page_id": str(page.pk),
        "title": page.title,
        "short_answer": page.short_answer,
        "body": text_of_body,
        "tags": " ".join(tags),
        "category": page.category.slug if page.category_id else None,
        "category_name": page.category.name if page.category_id else "",
        "source_id": page.source_id,
        "language": page.locale.language_code,
        "url": page.get_url() or "",
        "last_reviewed": page.last_reviewed,
        "suggest": {"input": [page.title]},
        "spelling": " ".join([page.title, " ".join(tags), page.short_answer, text_of_body]),
        "learned_queries": learned_text,
    }
