"""The body's image block is Wagtail's ImageBlock with a caption and a credit: alt text or
"decorative", and content stored in the old shape (alt text beside the image) still renders
with its alt text, before and after the data migration."""

import json
import re

from django.apps import apps
from django.db import connection

from wagtail.blocks import StructBlockValidationError
from wagtail.blocks.migrations.migrate_operation import MigrateStreamData
from wagtail.images.blocks import ImageBlock
from wagtail.models import Revision

import pytest
import wagtail_factories

from site_core.blocks import BaseStreamBlock, CaptionedImageBlock
from site_core.models import InformationPage
from site_core.stream_migrations import NestImageAltTextOperation
from tests.factories import InformationPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def image():
    return wagtail_factories.ImageFactory(title="foto-loket.jpg")


def img_tags(html):
    return re.findall(r"<img [^>]*>", html)


def old_shape(image, alt_text):
    return [
        {
            "type": "image",
            "id": "6a3c1d2e-0000-4000-8000-000000000001",
            "value": {
                "image": image.pk,
                "alt_text": alt_text,
                "caption": "Loket pengaduan",
                "attribution": "Diskominfo",
            },
        }
    ]


def store_raw_body(page, raw):
    """Write the body exactly as an older release stored it (no block code in between)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {InformationPage._meta.db_table} SET body = %s WHERE page_ptr_id = %s",  # noqa: S608
            [json.dumps(raw), page.pk],
        )


def raw_body(page):
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT body FROM {InformationPage._meta.db_table} WHERE page_ptr_id = %s",  # noqa: S608
            [page.pk],
        )
        value = cursor.fetchone()[0]
    return json.loads(value) if isinstance(value, str) else value


def test_the_body_uses_wagtails_image_block():
    block = BaseStreamBlock().child_blocks["image"]
    assert isinstance(block, CaptionedImageBlock)
    assert isinstance(block.child_blocks["image"], ImageBlock)
    assert list(block.child_blocks) == ["image", "caption", "attribution"]


def test_an_image_needs_alt_text_unless_marked_decorative(image):
    block = CaptionedImageBlock()
    with pytest.raises(StructBlockValidationError):
        block.clean(
            block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": False}})
        )
    decorative = block.clean(
        block.to_python({"image": {"image": image.pk, "alt_text": "", "decorative": True}})
    )
    [tag] = img_tags(block.render(decorative))
    assert 'alt=""' in tag


def test_alt_text_caption_and_credit_render(image):
    block = CaptionedImageBlock()
    value = block.to_python(
        {
            "image": {"image": image.pk, "alt_text": "Warga antre di loket", "decorative": False},
            "caption": "Loket pengaduan",
            "attribution": "Diskominfo",
        }
    )
    html = block.render(value)
    [tag] = img_tags(html)
    assert 'alt="Warga antre di loket"' in tag
    assert "<figcaption>Loket pengaduan <span" in html
    assert "(Diskominfo)" in html


def test_old_content_renders_with_its_alt_text_before_and_after_the_data_migration(
    home, image, client
):
    page = InformationPageFactory(parent=home, slug="loket", title="Loket")
    page.save_revision().publish()
    store_raw_body(page, old_shape(image, "Warga antre di loket"))
    revision = Revision.objects.filter(object_id=str(page.pk)).latest("created_at")
    revision.content["body"] = json.dumps(old_shape(image, "Warga antre di loket"))
    revision.save(update_fields=["content"])

    def rendered_alt():
        html = client.get("/id/loket/").content.decode()
        figures = re.findall(r'<figure class="image-block">.*?</figure>', html, re.S)
        return [re.search(r'alt="([^"]*)"', img_tags(figure)[0]).group(1) for figure in figures]

    assert rendered_alt() == ["Warga antre di loket"]  # read through the block's old-shape path

    from site_core.migrations import __name__ as _  # noqa: F401 (the app's migrations exist)

    MigrateStreamData(
        app_name="site_core",
        model_name="informationpage",
        field_name="body",
        operations_and_block_paths=[(NestImageAltTextOperation(), "image")],
    ).migrate_stream_data_forward(apps, None)

    [stored] = raw_body(page)
    assert stored["value"] == {
        "image": {"image": image.pk, "alt_text": "Warga antre di loket", "decorative": False},
        "caption": "Loket pengaduan",
        "attribution": "Diskominfo",
    }
    revision.refresh_from_db()
    [in_revision] = json.loads(revision.content["body"])
    assert in_revision["value"]["image"]["alt_text"] == "Warga antre di loket"
    assert rendered_alt() == ["Warga antre di loket"]

    # The editor opens the migrated revision with the alt text in Wagtail's field.
    value = revision.as_object().body[0].value
    assert value["image"].contextual_alt_text == "Warga antre di loket"
    assert value["image"].decorative is False
