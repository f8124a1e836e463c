"""The 404 and 500 pages are in Chinese and say what to do next (DEBUG is off in tests)."""

import pytest


@pytest.mark.django_db
def test_a_missing_page_says_so_in_chinese(client):
    response = client.get("/xxgk/999999/")
    assert response.status_code == 404
    page = response.content.decode()
    assert "页面不存在" in page and "返回首页" in page


def test_the_server_error_page_needs_no_context():
    # Django renders 500.html without a context: it must stand alone.
    from django.template.loader import render_to_string

    page = render_to_string("500.html")
    assert "服务器错误" in page and "{%" not in page
