"""An answer page shows its short answer once: not again when the full answer opens with
the same words (imported answers do), but still when the full answer says something else."""

import pytest

from tests.search.factories import AnswerPageFactory

pytestmark = pytest.mark.django_db

SUMMARY = "Bawa surat keterangan hilang dari kepolisian & fotokopi kartu keluarga."


def render(client, kb_index, body):
    page = AnswerPageFactory(parent=kb_index, short_answer=SUMMARY, body=None)
    page.body = body
    page.save_revision().publish()
    return client.get(page.url).content.decode()


def test_summary_repeated_by_the_full_answer_is_shown_once(client, kb_index):
    html = render(
        client,
        kb_index,
        [
            (
                "paragraph",
                "<p>Bawa surat keterangan hilang dari kepolisian &amp; fotokopi kartu "
                "keluarga.</p><ol><li>Datang ke Disdukcapil.</li></ol>",
            )
        ],
    )
    assert html.count("fotokopi kartu") == 1
    assert "Datang ke Disdukcapil." in html


def test_summary_different_from_the_full_answer_stays_as_the_lead(client, kb_index):
    html = render(client, kb_index, [("paragraph", "<p>Datang ke Disdukcapil pagi hari.</p>")])
    assert '<p class="lead">Bawa surat keterangan hilang' in html
