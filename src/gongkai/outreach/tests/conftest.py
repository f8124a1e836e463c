import pytest

# The bureau, its unit and staff of each role, and the search index in a temporary
# directory: the same fixtures as proactive's tests (items are published through them).
from gongkai.proactive.tests.conftest import (  # noqa: F401
    body,
    handler,
    leader,
    office,
    reviewer,
    search_in_tmp,
    unit,
)


@pytest.fixture(autouse=True)
def public_url(settings):
    """Links in messages and pushes are absolute."""
    settings.GONGKAI_PUBLIC_URL = "https://gongkai.example.cn"


@pytest.fixture
def publish(handler, reviewer, leader, office):  # noqa: F811
    from gongkai.proactive.tests.factories import published

    def make(**overrides):
        return published(handler, reviewer, leader, office, **overrides)

    return make
