"""/api/v1/docs renders in a browser under the project's own CSP, from local assets only."""

from urllib.parse import urlsplit

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_api_docs_page_renders_under_the_csp(page, live_server, artifacts_dir):
    requested, console = [], []
    page.on("request", lambda request: requested.append(request.url))
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.goto(f"{live_server.url}/api/v1/docs")
    # Swagger UI builds the page from /api/v1/openapi.json: its title and an operation.
    page.locator(".swagger-ui .info .title").filter(has_text="gongkai API").wait_for()
    page.locator(".opblock-summary-path", has_text="/api/v1/proactive/items").first.wait_for()
    page.screenshot(path=str(artifacts_dir / "api-docs.png"), full_page=False)
    origin = urlsplit(live_server.url).netloc
    outside = [url for url in requested if urlsplit(url).netloc not in (origin, "")]
    assert outside == []
    assert [line for line in console if "Content Security Policy" in line] == []
    assert any(url.endswith("/static/ninja/swagger-ui-bundle.js") for url in requested)
