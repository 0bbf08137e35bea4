"""Easy-read lines carry an inline pictogram whose label is its text alternative."""

from django.utils import translation

from outreach.blocks import EasyReadBlock
from site_core.demo.easy_read import GETTING_HELP, HOW_TO_REPORT


def render(value):
    block = EasyReadBlock()
    with translation.override("id"):
        return block.render(block.to_python(value))


def test_pictogram_is_inline_svg_named_by_its_label_or_the_editors_text():
    html = render(
        {
            "heading": "Cara melapor",
            "items": [
                {"pictogram": "phone", "image": None, "alt_text": "", "text": "Telepon kami."},
                {"pictogram": "code", "image": None, "alt_text": "Kode laporan", "text": "Simpan."},
                {"pictogram": "", "image": None, "alt_text": "", "text": "Tanpa gambar."},
            ],
        }
    )
    assert html.count('<svg class="pictogram"') == 2
    assert 'role="img" aria-label="Telepon"' in html
    assert 'aria-label="Kode laporan"' in html
    assert "<p>Tanpa gambar.</p>" in html


def test_demo_easy_read_is_short_sentences_with_a_pictogram_each_in_both_languages():
    for content in (HOW_TO_REPORT, GETTING_HELP):
        assert set(content) == {"id", "en"}
        lengths = {lang: len(content[lang]["value"]["items"]) for lang in content}
        assert lengths["id"] == lengths["en"] >= 8
        for lang in content:
            for item in content[lang]["value"]["items"]:
                assert item["pictogram"]
                assert len(item["text"].split()) <= 14 and item["text"].count(".") == 1
