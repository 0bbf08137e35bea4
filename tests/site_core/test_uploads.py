"""The shared upload gate: header-first pixel limits, bombs, metadata, names."""

import io
import subprocess
import sys
import textwrap
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation

import pytest
from PIL import Image

from site_core.uploads import clean_upload
from tests.bombs import animated_webp, gif_image, heic_header, jpeg_claiming, png_bomb, small_jpeg

ROOT = Path(__file__).resolve().parents[2]


def upload(data, name="foto.jpg"):
    return SimpleUploadedFile(name, data)


def refusal(data, kind="attachment"):
    with pytest.raises(ValidationError) as caught:
        clean_upload(upload(data), kind)
    return caught.value


def test_a_huge_dimension_header_is_refused_as_too_large_not_decoded():
    """12000 x 12000 claimed by a 1 KB file: refused by the header, with the limit named
    (decoding first would fail as "unreadable" after allocating 432 MB)."""
    with translation.override("en"):
        error = refusal(jpeg_claiming(12_000, 12_000))
        assert error.code == "image_too_large"
        assert "at most 40 megapixels" in error.messages[0]


def test_a_png_decompression_bomb_is_refused():
    error = refusal(png_bomb(8_000, 8_000))  # 64 Mpx of zeros, ~70 KB on the wire
    assert error.code == "image_too_large"


def test_the_pixel_limit_is_a_setting(settings):
    settings.UPLOAD_MAX_IMAGE_PIXELS = 100
    assert refusal(small_jpeg(11, 10)).code == "image_too_large"
    assert clean_upload(upload(small_jpeg(10, 10))).content_type == "image/jpeg"


def test_too_many_animation_frames_are_refused(settings):
    settings.UPLOAD_MAX_IMAGE_FRAMES = 2
    assert refusal(animated_webp(frames=3), "photo").code == "image_too_large"


def test_an_animation_within_the_limit_keeps_only_its_first_frame():
    cleaned = clean_upload(upload(animated_webp(frames=3), "a.webp"), "photo")
    with Image.open(io.BytesIO(cleaned.content.read())) as image:
        assert getattr(image, "n_frames", 1) == 1


@pytest.mark.parametrize(
    ("data", "kind"),
    [(heic_header(), "photo"), (gif_image(), "photo"), (b"%PDF-1.4\n%%EOF\n", "photo")],
    ids=["heic", "gif", "pdf-as-photo"],
)
def test_types_a_kind_does_not_accept_are_refused(data, kind):
    assert refusal(data, kind).code == "bad_type"


def test_oversized_photo_is_refused_by_its_byte_count(settings):
    settings.UPLOAD_PHOTO_MAX_BYTES = 100
    assert refusal(small_jpeg(64, 64), "photo").code == "too_large"


def test_large_photos_are_stored_at_most_the_configured_side(settings):
    settings.UPLOAD_IMAGE_MAX_SIDE = 32
    cleaned = clean_upload(upload(small_jpeg(200, 100)), "photo")
    with Image.open(io.BytesIO(cleaned.content.read())) as image:
        assert image.size == (32, 16)


def test_cleaned_files_get_a_random_name_and_a_safe_display_name():
    first = clean_upload(upload(small_jpeg(), "../rumah saya.png"), "photo")
    second = clean_upload(upload(small_jpeg(), "../rumah saya.png"), "photo")
    assert first.content.name != second.content.name
    assert first.content.name.endswith(".jpg") and "rumah" not in first.content.name
    assert first.original_name == "rumah saya.jpg"


def test_pillow_refuses_bombs_everywhere_in_the_process(settings):
    """Admin uploads and renditions decode with Pillow too: its own guard is set."""
    assert Image.MAX_IMAGE_PIXELS == max(
        settings.UPLOAD_MAX_IMAGE_PIXELS, settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    )


MEMORY_PROBE = textwrap.dedent(
    """
    import resource, sys
    import django
    django.setup()
    from django.core.exceptions import ValidationError
    from django.core.files.uploadedfile import SimpleUploadedFile
    from site_core.uploads import clean_upload
    from tests.bombs import png_bomb
    data = png_bomb(10_000, 10_000)
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    try:
        clean_upload(SimpleUploadedFile("b.png", data))
    except ValidationError as error:
        print(error.code)
    print((resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before) // 1024)
    """
)


def test_refusing_a_100_megapixel_bomb_costs_almost_no_memory():
    """Measured in a fresh process: decoding would add 100 MB; the header check adds none."""
    result = subprocess.run(  # noqa: S603 - our own interpreter and script
        [sys.executable, "-c", MEMORY_PROBE],
        cwd=ROOT,
        env={"DJANGO_SETTINGS_MODULE": "site_core.settings.test", "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    code, grown_mb = result.stdout.split()
    assert code == "image_too_large"
    assert int(grown_mb) < 20
