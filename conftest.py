"""Project-wide pytest setup: screenshots go to test-artifacts/."""

from pathlib import Path

import pytest


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
def fresh_calendar_cache():
    """Each test sees the calendar its own database holds (the cache is per process)."""
    from gongkai.core import holidays

    holidays.invalidate()
    yield
    holidays.invalidate()


@pytest.fixture(autouse=True)
def process_local_cache(request, settings):
    """Tests use a fresh in-process cache: no cache-table queries in pinned query counts,
    and nothing cached leaks from one test to the next."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": request.node.nodeid,
        }
    }
