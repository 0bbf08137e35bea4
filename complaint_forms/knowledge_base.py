"""What the complaint app asks of the knowledge base, through the search app's small
functions: answers that may already help a citizen who is typing a report (deflection), a
draft answer made from a consultation question, and the record of which answers a
consultation got (search learns the citizens' wording from it)."""

from search.consultation import (
    AnswersGivenForm,
    draft_answer_from_consultation,
    record_answers_given,
)
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


def _question(report):
    return f"{report.title}\n{report.description}"


def answers_given_form(report, data=None):
    """The staff form that picks the knowledge-base answers a consultation got."""
    return AnswersGivenForm(
        data,
        question=_question(report),
        language_code=report.language or "id",
        consultation_id=report.pk,
    )


def save_answers_given(report, form):
    """Record the answers picked in `answers_given_form`; their titles."""
    return record_answers_given(
        report.pk, _question(report), form.chosen_pages(), language_code=report.language or "id"
    )
