import datetime as dt

import pytest

from gongkai.core.clockmath import CHINA
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.participation.models import Comment, Consultation, Letter, LetterEvent


@pytest.fixture
def body():
    return OrganisationFactory(name="湛江市公安局")


@pytest.fixture
def unit(body):
    return UnitFactory(parent=body, name="户政科")


@pytest.fixture
def other_unit(body):
    return UnitFactory(parent=body, name="交警支队")


@pytest.fixture
def office(body):
    return make_staff(body, roles=[Role.OFFICE])


@pytest.fixture
def handler(body, unit):
    return make_staff(body, roles=[Role.HANDLER], units=[unit])


@pytest.fixture
def reviewer(body):
    """Staff without the right: a secrecy reviewer has no participation work."""
    return make_staff(body, roles=[Role.REVIEWER])


@pytest.fixture
def public_user(django_user_model):
    return django_user_model.objects.create_user("citizen", password="pw-for-tests-1")


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA)


def counts() -> tuple:
    """Rows that a refused call must leave untouched."""
    return (
        LedgerEntry.objects.count(),
        Comment.objects.count(),
        Consultation.objects.count(),
        Letter.objects.count(),
        LetterEvent.objects.count(),
    )
