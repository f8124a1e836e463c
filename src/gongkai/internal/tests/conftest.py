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


@pytest.fixture
def stranger():
    """Staff of another body."""
    return make_staff(
        OrganisationFactory(name="遂溪县公安局"), roles=[Role.OFFICE], username="other"
    )
