import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.search.backends import reset_backend


@pytest.fixture(autouse=True)
def search_in_tmp(settings, tmp_path):
    """Index writes (after commit) go to a throwaway directory, never var/."""
    settings.GONGKAI_SEARCH_BACKEND = "tantivy"
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.GONGKAI_PUBLIC_URL = "https://gongkai.example.cn"
    reset_backend()
    yield
    reset_backend()


@pytest.fixture
def body():
    return OrganisationFactory(name="湛江市公安局")


@pytest.fixture
def unit(body):
    return UnitFactory(parent=body, name="户政科")


@pytest.fixture
def handler(body, unit):
    return make_staff(body, roles=[Role.HANDLER], units=[unit], username="handler")


@pytest.fixture
def reviewer(body):
    return make_staff(body, roles=[Role.REVIEWER], username="reviewer")


@pytest.fixture
def leader(body):
    return make_staff(body, roles=[Role.LEADER], username="leader")


@pytest.fixture
def office(body):
    return make_staff(body, roles=[Role.OFFICE], username="office")


@pytest.fixture
def publish(handler, reviewer, leader, office):
    from gongkai.proactive.tests.factories import published

    def make(**overrides):
        return published(handler, reviewer, leader, office, **overrides)

    return make
