"""Every proactive upload form refuses a decompression bomb of each kind it takes, says
why in Chinese, and stores nothing."""

from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from gongkai.core.models import LedgerEntry
from gongkai.core.tests import bombs
from gongkai.proactive.models import Attachment, Item, StandardCatalogItem
from gongkai.proactive.tests.factories import draft

pytestmark = pytest.mark.django_db
REFUSED = "文件未被接受"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def _stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


@pytest.mark.parametrize(
    ("name", "content"),
    [("名单.docx", bombs.docx_bomb), ("报告.pdf", bombs.pdf_bomb), ("长文.txt", bombs.long_text)],
)
def test_item_attachment_form(client, handler, media, name, content):
    item = draft(handler)
    entries = LedgerEntry.objects.count()
    client.force_login(handler)
    upload = SimpleUploadedFile(name, content())
    response = client.post(
        reverse("proactive:item_attach", args=[item.pk]), {"file": upload}, follow=True
    )
    assert REFUSED in response.content.decode()
    assert (Attachment.objects.count(), LedgerEntry.objects.count()) == (0, entries)
    assert _stored_files(media) == []


@pytest.mark.parametrize(
    ("name", "content"), [("通知.docx", bombs.docx_bomb), ("通知.txt", bombs.long_text)]
)
def test_import_form(client, handler, media, name, content):
    items = Item.objects.count()
    client.force_login(handler)
    upload = SimpleUploadedFile(name, content())
    response = client.post(
        reverse("proactive:import"), {"files": [upload], "section": "policy"}, follow=True
    )
    assert response.status_code == 200  # the import's page, after the worker refused it
    assert REFUSED in response.content.decode()
    assert Item.objects.count() == items
    assert _stored_files(media) == []


def test_standard_catalog_form(client, office, media):
    client.force_login(office)
    upload = SimpleUploadedFile("目录.xlsx", bombs.xlsx_bomb())
    response = client.post(reverse("proactive:standard_catalog"), {"file": upload}, follow=True)
    assert REFUSED in response.content.decode()
    assert StandardCatalogItem.objects.count() == 0
    assert _stored_files(media) == []
