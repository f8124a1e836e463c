import datetime as dt

import pytest

from gongkai.core.models import Clock, ClockEvent, LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.foi.models import RequestEvent


@pytest.fixture
def body():
    return OrganisationFactory()


@pytest.fixture
def unit(body):
    return UnitFactory(parent=body)


@pytest.fixture
def office(body):
    return make_staff(body, roles=[Role.OFFICE])


@pytest.fixture
def handler(body, unit):
    return make_staff(body, roles=[Role.HANDLER], units=[unit])


def snapshot(*objects):
    """Rows that a refused service call must leave untouched."""
    for obj in objects:
        obj.refresh_from_db()
    return (
        LedgerEntry.objects.count(),
        RequestEvent.objects.count(),
        Clock.objects.count(),
        ClockEvent.objects.count(),
        [
            (o._meta.label, o.pk, *(getattr(o, f.attname) for f in o._meta.concrete_fields))
            for o in objects
        ],
    )


def D(text: str) -> dt.date:
    return dt.date.fromisoformat(text)
