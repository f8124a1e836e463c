"""A consultation's attachments are published for anyone to open: bombs of each kind are
refused with a Chinese message and nothing is stored."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.core.models import LedgerEntry
from gongkai.core.tests import bombs
from gongkai.participation.models import ConsultationAttachment
from gongkai.participation.tests.factories import ConsultationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("说明.docx", bombs.docx_bomb),
        ("数据.xlsx", bombs.xlsx_bomb),
        ("公文.ofd", bombs.docx_bomb),
        ("草案.pdf", bombs.pdf_bomb),
    ],
)
def test_consultation_attachment(client, body, office, media, name, content):
    consultation = ConsultationFactory(organisation=body)
    entries = LedgerEntry.objects.count()
    client.force_login(office)
    url = reverse("participation:wb_consultation_action", args=[consultation.pk, "attach"])
    upload = SimpleUploadedFile(name, content())
    response = client.post(url, {"title": "附件", "file": upload}, follow=True)
    assert "文件未被接受" in response.content.decode()
    assert (ConsultationAttachment.objects.count(), LedgerEntry.objects.count()) == (0, entries)
    files = [p for p in media.rglob("*") if p.is_file()] if media.exists() else []
    assert files == []
