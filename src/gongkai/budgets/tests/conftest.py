import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff


@pytest.fixture
def body():
    return OrganisationFactory(name="湛江市公安局")


@pytest.fixture
def office(body):
    return make_staff(body, roles=[Role.OFFICE], username="office")


@pytest.fixture
def handler(body):
    unit = UnitFactory(parent=body, name="户政科")
    return make_staff(body, roles=[Role.HANDLER], units=[unit], username="handler")


@pytest.fixture(autouse=True)
def search_in_tmp(settings, tmp_path):
    """Index writes (after commit) go to a throwaway directory, never var/."""
    from gongkai.search.backends import reset_backend

    settings.GONGKAI_SEARCH_BACKEND = "tantivy"
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")
    reset_backend()
    yield
    reset_backend()
