"""The application form's attachment and the letter template refuse decompression bombs,
say why in Chinese, and store nothing."""

from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.core.models import LedgerEntry
from gongkai.core.tests import bombs
from gongkai.foi.models import Request
from gongkai.foi.tests.test_views_public import form_data

pytestmark = pytest.mark.django_db
REFUSED = "文件未被接受"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.GONGKAI_FOI_FORM_MIN_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    return Path(settings.MEDIA_ROOT)


def _stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("身份证.pdf", bombs.pdf_bomb),
        ("身份证.png", bombs.png_bomb),
        ("身份证.jpg", lambda: bombs.jpeg_header(30_000, 30_000)),
    ],
)
def test_application_attachment(client, body, media, name, content):
    upload = SimpleUploadedFile(name, content())
    response = client.post(reverse("foi:apply"), {**form_data(), "attachment": upload})
    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert Request.objects.count() == 0
    assert _stored_files(media) == []


def test_a_real_scan_is_still_accepted(client, body, media):
    upload = SimpleUploadedFile("身份证.png", bombs.png_bomb(1200, 800))
    response = client.post(reverse("foi:apply"), {**form_data(), "attachment": upload})
    assert response.status_code == 302
    assert Request.objects.get().attachments.count() == 1


def test_letter_template(client, body, office, media):
    entries = LedgerEntry.objects.count()
    client.force_login(office)
    upload = SimpleUploadedFile("答复书.docx", bombs.docx_bomb())
    response = client.post(
        reverse("foi:template_upload"), {"template-kind": "reply", "template-file": upload}
    )
    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert (body.foi_letter_templates.count(), LedgerEntry.objects.count()) == (0, entries)
    assert _stored_files(media) == []
