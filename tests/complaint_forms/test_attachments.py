"""Attachments: type by content, size limits, metadata stripped, private storage."""

import io
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

import pytest
from PIL import Image

from complaint_forms.models import Attachment, Report
from site_core.uploads import sanitise_name

from .text import t

pytestmark = pytest.mark.django_db
SUBMIT = "/id/laporan/kirim/"
BAD_TYPE = (
    "This type of file is not accepted. Attach a photo (JPEG, PNG, WebP), "
    "a PDF, a short video or a voice note."
)


def jpeg_with_gps():
    image = Image.new("RGB", (40, 30), "red")
    exif = Image.Exif()
    exif[0x010F] = "CameraMaker"  # Make
    exif[0x0110] = "PhoneModel X"  # Model
    gps = exif.get_ifd(0x8825)
    gps[1] = "S"
    gps[2] = (3.0, 26.0, 33.0)
    gps[3] = "E"
    gps[4] = (114.0, 49.0, 12.0)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    data = buffer.getvalue()
    assert b"PhoneModel X" in data  # the fixture really carries metadata
    return data


def test_gps_and_camera_exif_are_gone_after_upload(client, report_page, valid_post, settings):
    upload = SimpleUploadedFile("foto.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(SUBMIT, {**valid_post(), "attachments": [upload]})
    assert response.status_code == 302
    attachment = Attachment.objects.get()
    stored = Path(attachment.file.path)
    data = stored.read_bytes()
    assert b"PhoneModel X" not in data and b"CameraMaker" not in data
    with Image.open(stored) as image:
        exif = image.getexif()
        assert not exif.get_ifd(0x8825)
        assert 0x010F not in exif
    assert attachment.content_type == "image/jpeg"
    # Stored in the private folder, never under MEDIA_ROOT, under a random name.
    assert str(stored).startswith(str(settings.PRIVATE_MEDIA_ROOT))
    assert not str(stored).startswith(str(settings.MEDIA_ROOT))
    assert "foto" not in stored.name


def test_renamed_html_file_is_refused(client, report_page, valid_post):
    html = b"<!DOCTYPE html><html><script>alert(1)</script></html>"
    upload = SimpleUploadedFile("foto.jpg", html, content_type="image/jpeg")
    response = client.post(SUBMIT, {**valid_post(), "attachments": [upload]})
    assert response.status_code == 400
    assert t(BAD_TYPE) in response.content.decode()
    assert Report.objects.count() == 0


def test_disguised_executable_is_refused(client, report_page, valid_post):
    exe = b"MZ\x90\x00" + b"\x00" * 200
    upload = SimpleUploadedFile("laporan.pdf", exe, content_type="application/pdf")
    assert client.post(SUBMIT, {**valid_post(), "attachments": [upload]}).status_code == 400
    assert Report.objects.count() == 0


def test_oversized_file_is_refused(client, report_page, valid_post, settings):
    settings.COMPLAINT_ATTACHMENT_MAX_BYTES = 1000
    pdf = b"%PDF-1.4\n" + b"0" * 2000
    upload = SimpleUploadedFile("besar.pdf", pdf, content_type="application/pdf")
    response = client.post(SUBMIT, {**valid_post(), "attachments": [upload]})
    assert response.status_code == 400
    assert "id_attachments_error" in response.content.decode()
    assert Report.objects.count() == 0


def test_too_many_files_are_refused(client, report_page, valid_post):
    pdf = b"%PDF-1.4\n%%EOF\n"
    uploads = [SimpleUploadedFile(f"f{i}.pdf", pdf) for i in range(4)]
    assert client.post(SUBMIT, {**valid_post(), "attachments": uploads}).status_code == 400
    assert Report.objects.count() == 0


def test_pdf_is_accepted_and_named_by_its_content(client, report_page, valid_post):
    upload = SimpleUploadedFile("../../etc/passwd.txt", b"%PDF-1.4\n%%EOF\n")
    assert client.post(SUBMIT, {**valid_post(), "attachments": [upload]}).status_code == 302
    attachment = Attachment.objects.get()
    assert attachment.original_name == "passwd.pdf"
    assert attachment.content_type == "application/pdf"


def test_corrupt_image_is_refused(client, report_page, valid_post):
    broken = b"\xff\xd8\xff\xe0" + b"\x00" * 100  # JPEG magic, no image
    upload = SimpleUploadedFile("rusak.jpg", broken)
    assert client.post(SUBMIT, {**valid_post(), "attachments": [upload]}).status_code == 400
    assert Report.objects.count() == 0


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd", "passwd.pdf"),
        ("C:\\Users\\x\\foto.jpg", "foto.pdf"),
        ("foto\u202egpj.exe", "fotogpj.pdf"),
        ("a\x00b.pdf", "ab.pdf"),
        ("<script>.pdf", "script.pdf"),
        ("", "lampiran.pdf"),
        ("x" * 500 + ".pdf", "x" * 96 + ".pdf"),
    ],
)
def test_original_names_are_sanitised(raw, expected):
    assert sanitise_name(raw, "pdf") == expected


def test_the_captcha_is_checked_before_any_file_is_decoded(
    client, report_page, valid_post, settings
):
    """A bot that fails the captcha costs no decoding: the unreadable image gets no error
    of its own, only the captcha does."""
    from unittest import mock

    from django_recaptcha.client import RecaptchaResponse

    settings.RECAPTCHA_ENABLED = True
    settings.RECAPTCHA_PUBLIC_KEY = "public-key-for-tests"
    settings.RECAPTCHA_PRIVATE_KEY = "private-key-for-tests"
    broken = SimpleUploadedFile("rusak.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    failed = RecaptchaResponse(is_valid=False, extra_data={"score": 0.9}, action="report")
    with mock.patch("django_recaptcha.client.submit", return_value=failed):
        response = client.post(SUBMIT, {**valid_post(captcha="token"), "attachments": [broken]})
    html = response.content.decode()
    assert response.status_code == 400
    assert "id_captcha_error" in html
    assert "id_attachments_error" not in html
    assert Report.objects.count() == 0


def test_field_errors_come_before_file_decoding(client, report_page, valid_post):
    broken = SimpleUploadedFile("rusak.jpg", b"\xff\xd8\xff\xe0" + b"\x00" * 100)
    response = client.post(SUBMIT, {**valid_post(title=""), "attachments": [broken]})
    html = response.content.decode()
    assert response.status_code == 400
    assert "id_title_error" in html and "id_attachments_error" not in html


def test_a_huge_dimension_photo_is_refused_with_the_limit(client, report_page, valid_post):
    from tests.bombs import jpeg_claiming

    bomb = SimpleUploadedFile("besar.jpg", jpeg_claiming(12_000, 12_000))
    response = client.post(SUBMIT, {**valid_post(), "attachments": [bomb]})
    assert response.status_code == 400
    assert (
        t("The image is too large: at most %(limit)s megapixels. Send a smaller photo.")
        % {"limit": "40"}
        in response.content.decode()
    )
    assert Report.objects.count() == 0
