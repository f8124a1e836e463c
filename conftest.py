"""Project-wide pytest setup: screenshots go to test-artifacts/."""

import os
import shutil
from pathlib import Path

import pytest

from gongkai import home

home.prepare()  # var/ for the test databases and the search index (settings make no folder)


@pytest.fixture
def artifacts_dir() -> Path:
    path = Path(__file__).parent / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.fixture(autouse=True)
def fast_password_hashing(request, settings):
    """Argon2 is deliberately slow; tests that do not check hashing use a fast hasher."""
    if "argon2" not in request.node.name:
        settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def fresh_process_memos():
    """Each test sees the calendar and site body its own database holds (both are
    remembered per process)."""
    from gongkai.core import holidays
    from gongkai.core.selectors.organisation import forget_site_organisation

    holidays.invalidate()
    forget_site_organisation()
    yield
    holidays.invalidate()
    forget_site_organisation()


@pytest.fixture(autouse=True)
def process_local_cache(request, settings):
    """Tests use a fresh in-process cache: no cache-table queries in pinned query counts,
    and nothing cached leaks from one test to the next."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": request.node.nodeid,
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "pages:" + request.node.nodeid,
        },
    }


@pytest.fixture(autouse=True)
def site_table_loaded(request, process_local_cache):
    """A database test starts with the table of sites (gongkai.sites) read from its own
    database, as a running worker holds it: that read never counts in a pinned query count."""
    uses_db = {"db", "transactional_db"} & set(request.fixturenames)
    if not (uses_db or request.node.get_closest_marker("django_db")):
        yield
        return
    request.getfixturevalue("db")
    from gongkai.sites.selectors import forget_sites, site_table

    forget_sites()
    site_table()
    yield
    forget_sites()


@pytest.fixture(autouse=True)
def force_login_both_factors(monkeypatch):
    """``client.force_login`` stands for a finished sign-in, second factor included (tests of
    the sign-in itself use the login pages)."""
    from django.test import Client

    original = Client.force_login

    def force_login(self, user, backend=None):
        from gongkai.core.tests.twofactor import force_login_both_factors

        force_login_both_factors(self, user, original, backend)

    monkeypatch.setattr(Client, "force_login", force_login)


@pytest.fixture(autouse=True)
def tasks_run_inline(settings):
    """Background tasks run in the test's own process, at once (the immediate backend);
    one integration test starts a real worker (core/tests/test_worker.py)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
# Without the background-networking flags chromium keeps trying hosts this
# closed network refuses; --no-sandbox because CI runs as root.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def page():
    """A headless Debian chromium page driven by Playwright; skips with the reason."""
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    if CHROMIUM is None:
        pytest.skip("Debian's chromium is not installed (apt-get install chromium)")
    # Playwright's sync API runs an event loop; Django must allow ORM calls beside it.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(locale="zh-CN")
        yield context.new_page()
        browser.close()


@pytest.fixture(autouse=True)
def api_responses_match_the_document(monkeypatch):
    """Every /api/v1/ response any test receives is checked against the OpenAPI document."""
    from django.test.client import Client

    from gongkai.core.tests.openapi import check_response

    original = Client.request

    def request(self, **environ):
        response = original(self, **environ)
        if not getattr(response, "streaming", False):
            check_response(environ, response)
        return response

    monkeypatch.setattr(Client, "request", request)
