"""A lost database answers 503 with a Chinese page; other errors stay 500
(``gongkai.core.outage``; the smoke test drops the real database under load)."""

import pytest
from django.db import OperationalError
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.fixture
def client_without_raise():
    return Client(raise_request_exception=False)


def _home_raises(monkeypatch, error: Exception) -> None:
    def broken(*args, **kwargs):
        raise error

    # The home page's first database read: the shared cache's generation.
    monkeypatch.setattr("gongkai.core.cache.generation", broken)


def test_the_database_away_gives_a_chinese_503_page_with_retry_after(
    monkeypatch, client_without_raise
):
    _home_raises(monkeypatch, OperationalError("connection refused"))
    response = client_without_raise.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert "服务暂时不可用" in response.content.decode()


def test_another_error_is_still_a_500(monkeypatch, client_without_raise):
    _home_raises(monkeypatch, ValueError("a defect"))
    response = client_without_raise.get("/")
    assert response.status_code == 500
    assert "服务器错误" in response.content.decode()


def test_the_page_works_again_once_the_database_is_back(monkeypatch, client_without_raise):
    _home_raises(monkeypatch, OperationalError("connection refused"))
    assert client_without_raise.get("/").status_code == 503
    monkeypatch.undo()
    assert client_without_raise.get("/").status_code == 200
