"""The one definition of what an answer is searched by, and how much each part says.

The in-process index (`answer_index`), the Elasticsearch query (`query`) and Wagtail's
`AnswerPage.search_fields` all read these weights: the question says most, the tags next,
the body least per word. `learned` holds the words of queries that citizens followed to
the answer (a click or a "helpful" vote): their own words for it.
"""

ANSWER_FIELD_WEIGHTS = {
    "title": 3.0,
    "tags": 2.0,
    "learned": 1.5,
    "category": 1.0,
    "short_answer": 1.0,
    "body": 1.0,
}
# The Elasticsearch document names some fields differently.
ELASTICSEARCH_FIELD_NAMES = {"category": "category_name", "learned": "learned_queries"}


def elasticsearch_fields():
    """["title^3", "tags^2", ...] for a multi_match query."""
    return [
        f"{ELASTICSEARCH_FIELD_NAMES.get(name, name)}^{weight:g}"
        for name, weight in ANSWER_FIELD_WEIGHTS.items()
    ]
