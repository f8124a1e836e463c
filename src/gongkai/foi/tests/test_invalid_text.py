"""Bytes that are not UTF-8 in a form or a query string are refused (400), never stored
as replacement characters (core.middleware)."""

from urllib.parse import urlencode

import pytest
from django.core.cache import cache
from django.urls import reverse

from gongkai.foi.models import Request
from gongkai.foi.tests.test_views_public import form_data

pytestmark = pytest.mark.django_db
REFUSED = "不是有效的 UTF-8 文本"
GBK_NAME = "李四".encode("gbk")  # b"\xc0\xee\xcb\xc4": not UTF-8


@pytest.fixture(autouse=True)
def _forms(settings, tmp_path):
    settings.GONGKAI_FOI_FORM_MIN_SECONDS = 0
    settings.MEDIA_ROOT = tmp_path
    cache.clear()


def _urlencoded(name: bytes) -> bytes:
    data = form_data()
    del data["name"]
    return urlencode(data).encode() + b"&name=" + b"".join(b"%%%02X" % byte for byte in name)


def _multipart(name: bytes) -> tuple[bytes, str]:
    boundary = "gongkai-boundary"
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{key}"\r\n\r\n'.encode()
        + str(value).encode()
        + b"\r\n"
        for key, value in form_data().items()
        if key != "name"
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="name"\r\n\r\n'.encode()
        + name
        + b"\r\n"
    )
    return b"".join(parts) + f"--{boundary}--\r\n".encode(), boundary


def test_a_urlencoded_form_with_bytes_that_are_not_utf8_is_refused(client, body):
    response = client.generic(
        "POST",
        reverse("foi:apply"),
        _urlencoded(GBK_NAME),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert Request.objects.count() == 0


def test_a_multipart_form_with_bytes_that_are_not_utf8_is_refused(client, body):
    payload, boundary = _multipart(GBK_NAME)
    response = client.generic(
        "POST",
        reverse("foi:apply"),
        payload,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert Request.objects.count() == 0


def test_the_same_forms_in_utf8_are_accepted(client, body):
    response = client.generic(
        "POST",
        reverse("foi:apply"),
        _urlencoded("李四".encode()),
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 302
    payload, boundary = _multipart("王五".encode())
    response = client.generic(
        "POST",
        reverse("foi:apply"),
        payload,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 302
    assert sorted(Request.objects.values_list("applicant_name", flat=True)) == ["李四", "王五"]


def test_a_query_string_that_is_not_utf8_is_refused(client, body):
    response = client.get("/search/?q=%C0%EE%CB%C4")
    assert response.status_code == 400
    assert REFUSED in response.content.decode()
    assert client.get("/search/?q=%E6%9D%8E%E5%9B%9B").status_code == 200
    api = client.get("/api/v1/foi/requests?q=%C0%EE")
    assert api.status_code == 400
    assert api.json()["code"] == "invalid_text"


def test_a_json_body_that_is_not_utf8_is_refused(client, body):
    payload = b'{"code": "GK-2026-000001", "secret": "' + GBK_NAME + b'"}'
    response = client.post("/api/v1/foi/status", payload, content_type="application/json")
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_text"
