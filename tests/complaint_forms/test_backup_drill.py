"""The backup drill: back up, wipe everything, restore; the citizen's tracking code and a
confidential attachment work again, for the right people only."""

import json
import shutil
import tarfile
from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.management.base import CommandError

from wagtail.models import Page

import pytest

from complaint_forms.models import Attachment, Report, UnitMembership

from .factories import coordinator, officer

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def confidential_report(client, report_page, unit, valid_post):
    upload = SimpleUploadedFile("surat.pdf", PDF, content_type="application/pdf")
    post = valid_post(privacy="confidential", reporter_name="Siti Rahasia")
    response = client.post("/id/laporan/kirim/", {**post, "attachments": [upload]})
    assert response.status_code == 302
    return Report.objects.get()


# Transactional (pg_dump must see the data) and serialized (the flush and the restore must
# leave the migrations' rows for the tests that follow).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_wipe_restore_keeps_tracking_and_private_attachment(
    client, confidential_report, unit, other_unit, settings, tmp_path
):
    boss = coordinator(username="koordinator-drill")
    outsider = officer(other_unit, username="petugas-lain-drill")
    code = confidential_report.tracking_code
    attachment = Attachment.objects.get()
    stored_bytes = Path(attachment.file.path).read_bytes()
    archive = tmp_path / "drill.tar.gz"

    call_command("backup", output=str(archive))
    assert archive.stat().st_size > 0

    # Wipe what a restore must bring back: the reports, their files and both media folders
    # (a full `flush` would also recreate content types and upset the tests that follow).
    Report.objects.all().delete()
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)
    shutil.rmtree(settings.PRIVATE_MEDIA_ROOT, ignore_errors=True)
    assert not Report.objects.exists()
    assert not Path(attachment.file.path).exists()

    call_command("restore", str(archive), yes=True)

    report = Report.objects.get(tracking_code=code)
    assert report.reporter_name == "Siti Rahasia"
    tracking = client.get("/id/lapor/lacak/", {"kode": code})
    assert tracking.status_code == 200
    assert code in tracking.content.decode()
    assert "Siti Rahasia" not in tracking.content.decode()

    download = f"/admin/complaint_reports/attachment/{attachment.pk}/"
    client.force_login(boss)
    response = client.get(download)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == stored_bytes
    client.force_login(outsider)
    assert UnitMembership.objects.filter(user=outsider, unit=other_unit).exists()
    assert client.get(download).status_code != 200  # another unit's officer gets nothing
    client.logout()
    assert client.get(download).status_code != 200


def test_restore_refuses_a_backup_of_another_engine(tmp_path, db):
    manifest = {
        "format": 1,
        "created": "2026-12-01T00:00:00",
        "engine": "mysql",
        "database_file": "database.sql",
        "media": [],
    }
    (tmp_path / "manifest.json").write_text(json.dumps(manifest))
    forged = tmp_path / "forged.tar.gz"
    with tarfile.open(forged, "w:gz") as target:
        target.add(tmp_path / "manifest.json", "manifest.json")
    with pytest.raises(CommandError, match="mysql"):
        call_command("restore", str(forged), yes=True)
    assert Page.objects.exists()  # nothing was touched
