"""Traditional → simplified conversion on import (opencc-python-reimplemented), on the
traditional text of seed 004 (a scraped copy of 《開展政務公開的意義》)."""

from pathlib import Path

import pytest
from django.urls import reverse

from gongkai.core.errors import ServiceError
from gongkai.proactive import services
from gongkai.proactive.models import Item
from gongkai.proactive.services import importing

pytestmark = pytest.mark.django_db
SEED_004 = next((Path(__file__).parent / "data").glob("004_*.txt"))

needs_opencc = pytest.mark.skipif(
    not importing.opencc_available(), reason="opencc-python-reimplemented is not installed"
)


@needs_opencc
@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [
        ("開展政務(wù)公開的意義", "开展政务公开的意义"),  # seed 004, line 3 (gloss removed too)
        ("公開是監(jiān)督的前提和基礎(chǔ)。", "公开是监督的前提和基础。"),  # seed 004, line 10
        ("實行政務公開", "实行政务公开"),
    ],
)
def test_traditional_snippets_of_seed_004_are_simplified(traditional, simplified):
    cleaned = importing.clean_text(traditional, simplify=True)
    assert (cleaned.text, cleaned.converted) == (simplified, True)


def test_without_the_option_the_text_stays_traditional():
    cleaned = importing.clean_text("開展政務公開", simplify=False)
    assert (cleaned.text, cleaned.converted) == ("開展政務公開", False)


@needs_opencc
def test_seed_004_imports_as_a_simplified_draft(handler):
    content = SEED_004.read_bytes()
    result = services.document_import(
        actor=handler,
        organisation=handler.staff_profile.organisation,
        name=SEED_004.name,
        content=content,
        section="business",
        simplify=True,
    )
    item = Item.objects.get(pk=result.item.pk)
    assert item.title == "开展政务公开的意义"
    assert "政务公开" in item.body and "政務公開" not in item.body
    assert len(result.quarantined) == 2


@needs_opencc
def test_import_page_offers_and_applies_the_option(client, handler):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(handler)
    url = reverse("proactive:import")
    page = client.get(url).content.decode()
    assert 'name="simplify"' in page and "未安装 opencc" not in page
    upload = SimpleUploadedFile("旧文.txt", "關於戶籍業務辦理的通知\n政務公開".encode())
    client.post(url, {"files": upload, "section": "business", "simplify": "on"})
    assert list(Item.objects.values_list("title", flat=True)) == ["关于户籍业务办理的通知"]


def test_without_opencc_the_option_is_refused(monkeypatch, client, handler):
    monkeypatch.setattr(importing, "opencc_available", lambda: False)
    with pytest.raises(ServiceError) as error:
        importing.clean_text("開展", simplify=True)
    assert error.value.code == "opencc_unavailable"
