"""Ambassador activity photos get the complaint attachments' treatment: checked by their
header before decoding, re-encoded without EXIF/GPS, stored under a random name."""

import datetime
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

import pytest
from PIL import Image

from outreach import links
from outreach.models import AmbassadorActivity, ApplicationStatus, ProgramKind
from tests.bombs import jpeg_claiming, png_bomb, small_jpeg
from tests.complaint_forms.text import t
from tests.outreach.factories import AmbassadorApplicationFactory, ProgramPageFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def activity_url(program_index):
    duta = ProgramPageFactory(parent=program_index, slug="duta", kind=ProgramKind.AMBASSADOR)
    application = AmbassadorApplicationFactory(program=duta, status=ApplicationStatus.ACCEPTED)
    return reverse("outreach:log_activity", args=[links.AMBASSADOR_LINK.token(application)])


def activity(**overrides):
    return {
        "date": (timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
        "title": "Sosialisasi di SMAN 1",
        "kecamatan": "cempaka",
        "sessions_held": "1",
        "people_reached": "40",
        "schools_reached": "1",
        **overrides,
    }


def gps_jpeg():
    exif = Image.Exif()
    exif[0x0110] = "PhoneModel X"
    gps = exif.get_ifd(0x8825)
    gps[1], gps[2] = "S", (3.0, 26.0, 33.0)
    data = small_jpeg(40, 30, exif=exif)
    assert b"PhoneModel X" in data
    return data


def test_photo_is_stored_without_metadata_under_a_random_name(client, activity_url, settings):
    photo = SimpleUploadedFile("rumah-budi.jpg", gps_jpeg(), "image/jpeg")
    response = client.post(activity_url, activity(photo=photo))
    assert response.status_code == 200
    stored = Path(AmbassadorActivity.objects.get().photo.path)
    assert str(stored).startswith(str(settings.MEDIA_ROOT))
    assert "rumah" not in stored.name and stored.suffix == ".jpg"
    data = stored.read_bytes()
    assert b"PhoneModel X" not in data
    with Image.open(stored) as image:
        assert not image.getexif().get_ifd(0x8825)


@pytest.mark.parametrize(
    "bomb",
    [lambda: jpeg_claiming(12_000, 12_000), lambda: png_bomb(8_000, 8_000)],
    ids=["jpeg-12000x12000-header", "png-64mpx-zeros"],
)
def test_huge_photos_are_refused_and_nothing_is_stored(client, activity_url, bomb):
    photo = SimpleUploadedFile("besar.jpg", bomb(), "image/jpeg")
    response = client.post(activity_url, activity(photo=photo))
    assert response.status_code == 400
    assert (
        t("The image is too large: at most %(limit)s megapixels. Send a smaller photo.")
        % {"limit": "40"}
        in response.content.decode()
    )
    assert not AmbassadorActivity.objects.exists()
    assert not any(Path(AmbassadorActivity._meta.get_field("photo").storage.location).rglob("*.*"))


def test_field_errors_come_before_the_photo_is_decoded(client, activity_url):
    photo = SimpleUploadedFile("besar.jpg", jpeg_claiming(12_000, 12_000), "image/jpeg")
    response = client.post(activity_url, activity(title="", photo=photo))
    html = response.content.decode()
    assert response.status_code == 400
    assert "id_title_error" in html and "id_photo_error" not in html
