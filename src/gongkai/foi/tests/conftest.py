import datetime as dt

import pytest

from gongkai.core.models import Clock, ClockEvent, LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.foi.models import BodySettings, RequestEvent


def with_remedy_settings(body):
    """A body whose replies name its 复议机关 and court (required before the first reply)."""
    BodySettings.objects.create(
        organisation=body, review_authority="某某县人民政府", court="某某县人民法院"
    )
    return body


@pytest.fixture
def body():
    return with_remedy_settings(OrganisationFactory())


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
