import pytest

from gongkai.core.models import LedgerEntry, Notification, Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.reports import providers
from gongkai.reports.models import YearlyReport


@pytest.fixture(autouse=True)
def no_providers(monkeypatch):
    """Each test starts with no provider: neither registered nor discovered (the other apps'
    selectors are tested through discovery in test_providers only)."""
    providers.unregister_all()
    monkeypatch.setattr(providers, "KNOWN_PROVIDERS", ())
    yield
    providers.unregister_all()


@pytest.fixture
def body():
    return OrganisationFactory(name="湛江市公安局", code="zjga")


@pytest.fixture
def unit(body):
    return UnitFactory(parent=body, name="法制支队")


@pytest.fixture
def office(body):
    return make_staff(body, roles=[Role.OFFICE], username="office")


@pytest.fixture
def leader(body):
    return make_staff(body, roles=[Role.LEADER], username="leader")


@pytest.fixture
def handler(body, unit):
    return make_staff(body, roles=[Role.HANDLER], units=[unit], username="handler")


def snapshot():
    """What a refused call must leave untouched."""
    return (
        LedgerEntry.objects.count(),
        Notification.objects.count(),
        list(YearlyReport.objects.order_by("pk").values()),
    )
