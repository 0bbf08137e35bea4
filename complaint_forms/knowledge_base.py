"""What the complaint app asks of the knowledge base, through the search app's two small
functions: answers that may already help a citizen who is typing a report (deflection), and
a draft answer made from a consultation question."""

from search.consultation import draft_answer_from_consultation
from search.deflection import matching_answers

MAX_ANSWERS = 3


def answers_for_draft(title, description, language_code):
    """Up to three answers for what the citizen has typed, as plain text (escaped where
    they render: the template, or textContent in the browser)."""
    text = " ".join(part for part in (title, description) if part)
    return matching_answers(text, language_code, limit=MAX_ANSWERS)


def draft_answer_for(report, user):
    """A new unpublished knowledge-base answer from a konsultasi report's question."""
    return draft_answer_from_consultation(
        report.title, report.description, language_code=report.language or "id", user=user
    )
