"""Applicants' attachments: stored as RequestAttachment rows, served only to staff who may
see the request, refused (and nothing kept) when the type or size is wrong."""

from __future__ import annotations

import hashlib
import importlib

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from gongkai.core.errors import ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.services import ledger_append
from gongkai.core.tests.factories import UnitFactory, make_staff
from gongkai.foi.models import Request, RequestAttachment
from gongkai.foi.services import request_assign, request_confirm_receipt
from gongkai.foi.services.web import ATTACHMENT_MAX_BYTES, request_submit_online
from gongkai.foi.tests.factories import make_applicant

pytestmark = pytest.mark.django_db
PNG = b"\x89PNG\r\n\x1a\n" + b"\x01" * 40
PDF = b"%PDF-1.4\n% scan\n"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def submitted(body, *files, key="k1"):
    return request_submit_online(
        organisation=body,
        applicant=make_applicant(),
        idempotency_key=key,
        attachments=tuple(SimpleUploadedFile(name, data) for name, data in files),
    ).request


@pytest.fixture
def foi(body, unit, office, handler):
    request = submitted(body, ("身份证.png", PNG), ("授权书.pdf", PDF))
    request_confirm_receipt(request=request, actor=office, confirmed_on=timezone.localdate())
    return request_assign(request=request, actor=office, unit=unit, handler=handler)


def test_each_file_is_a_row_with_its_digest_and_a_ledger_entry(foi):
    rows = list(foi.attachments.values_list("original_name", "size", "sha256", "content_type"))
    assert rows == [
        ("身份证.png", len(PNG), hashlib.sha256(PNG).hexdigest(), "image/png"),
        ("授权书.pdf", len(PDF), hashlib.sha256(PDF).hexdigest(), "application/pdf"),
    ]
    entries = LedgerEntry.objects.filter(action="foi.attachment_stored").order_by("seq")
    assert [e.summary["attachment"] for e in entries] == list(
        foi.attachments.values_list("pk", flat=True)
    )


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("scan.exe", b"MZ" + b"0" * 20, "attachment_type"),
        ("scan", PNG, "attachment_type"),  # no extension
        ("scan.png", PDF, "attachment_mismatch"),  # type by the first bytes, not the name
        ("scan.pdf", PDF + b"0" * ATTACHMENT_MAX_BYTES, "attachment_too_large"),
    ],
)
def test_a_bad_file_leaves_nothing_behind(body, name, data, code):
    with pytest.raises(ServiceError) as error:
        submitted(body, ("ok.png", PNG), (name, data))
    assert error.value.code == code
    assert (Request.objects.count(), RequestAttachment.objects.count()) == (0, 0)
    assert LedgerEntry.objects.count() == 0
    assert not default_storage.exists("foi")


def test_a_repeated_submission_stores_no_second_file(body):
    first = submitted(body, ("id.png", PNG))
    again = submitted(body, ("id.png", PNG))
    assert first.pk == again.pk
    assert RequestAttachment.objects.count() == 1


@pytest.fixture
def users(body, handler, office):
    return {
        "anonymous": None,
        "public_user": get_user_model().objects.create_user("citizen", password="pw-test-1"),
        "other_handler": make_staff(body, roles=[Role.HANDLER], units=[UnitFactory(parent=body)]),
        "handler": handler,
        "office": office,
    }


def test_files_are_served_only_through_the_requests_access_check(client, foi, users):
    attachment = foi.attachments.get(content_type="image/png")
    url = reverse("foi:attachment", args=[foi.pk, attachment.pk])
    codes = []
    for user in users.values():
        client.logout()
        if user is not None:
            client.force_login(user)
        codes.append(client.get(url).status_code)
    assert codes == [302, 404, 404, 200, 200]
    response = client.get(url)  # as the office
    assert b"".join(response.streaming_content) == PNG
    assert response["Content-Type"] == "image/png"
    assert "attachment" in response["Content-Disposition"]
    page = client.get(reverse("foi:detail", args=[foi.pk])).content.decode()
    assert url in page and "身份证.png" in page and "/media/" not in page


def test_a_file_of_another_request_is_not_served_under_this_one(client, body, foi, office):
    other = submitted(body, ("other.png", PNG), key="k2")
    client.force_login(office)
    url = reverse("foi:attachment", args=[foi.pk, other.attachments.get().pk])
    assert client.get(url).status_code == 404


def test_files_described_only_in_the_ledger_get_their_rows(body):
    """Migration 0003 turns the stop-gap ledger descriptions into RequestAttachment rows."""
    migration = importlib.import_module("gongkai.foi.migrations.0003_attachments_secret_hash")
    request = submitted(body, key="old")
    path = default_storage.save(f"foi/{request.code}/old.png", ContentFile(PNG))
    ledger_append(
        actor=None,
        action="foi.attachment_stored",
        obj=request,
        organisation=body,
        summary={"code": request.code, "name": "旧.png", "size": len(PNG), "sha256": "ab",
                 "path": path},
    )  # fmt: skip
    migration.attachments_from_ledger(apps, None)
    migration.attachments_from_ledger(apps, None)  # idempotent
    rows = list(request.attachments.values_list("file", "original_name", "content_type"))
    assert rows == [(path, "旧.png", "image/png")]
