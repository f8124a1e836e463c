"""One scoping rule for every kind of case: ``Model.objects.visible_to(user)``.

For each model that inherits ``core.models.Case`` (or names its scope columns, as proactive's
items and the yearly reports do): the openness office and leaders see their whole body and its
subordinate bodies, a handler sees the cases of their own units and the ones assigned to them,
a member of another body sees none of them, and the anonymous visitor sees nothing.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import models
from django.utils import timezone

from gongkai.core.models import Case, Clock, Organisation, Role, Scoped, UnitOwned
from gongkai.core.tests.factories import OrganisationFactory, UnitFactory, make_staff
from gongkai.foi.models import Request
from gongkai.foi.tests.factories import RequestFactory
from gongkai.participation.models import Consultation, Incident, Letter, LetterCategory, Proposal
from gongkai.participation.tests.factories import ConsultationFactory
from gongkai.proactive.law import Section
from gongkai.proactive.models import Item
from gongkai.reports.models import YearlyReport

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 2, 10, tzinfo=dt.UTC)
Maker = Callable[[Organisation, Organisation | None, Any, int], models.Model]


def _request(organisation, unit, handler, n):
    return RequestFactory(organisation=organisation, unit=unit, handler=handler)


def _clock(organisation, unit, handler, n):
    return Clock.objects.create(
        organisation=organisation,
        unit=unit,
        handler=handler,
        rule="foi_reply",
        label=f"期限{n}",
        started_at=NOW,
    )


def _consultation(organisation, unit, handler, n):
    return ConsultationFactory(organisation=organisation, unit=unit, handler=handler)


def _letter(organisation, unit, handler, n):
    category, _new = LetterCategory.objects.get_or_create(
        organisation=organisation,
        code="advice",
        defaults={"name": "建议", "reply_working_days": 15, "source": "本机关规定"},
    )
    return Letter.objects.create(
        organisation=organisation,
        unit=unit,
        handler=handler,
        code=f"XJ-{n:04d}",
        secret_hash="x",
        category=category,
        subject="道路维修",
        body="请尽快维修。",
        writer_name="李四",
        fingerprint=f"fp{n}",
        received_at=NOW,
        due_on=NOW.date() + dt.timedelta(days=20),
    )


def _proposal(organisation, unit, handler, n):
    return Proposal.objects.create(
        organisation=organisation,
        unit=unit,
        handler=handler,
        kind=Proposal.Kind.NPC_SUGGESTION,
        session="十五届人大五次会议",
        number=f"{n}",
        title=f"建议{n}",
        proposers="王五",
        body="建议文本",
        received_on=NOW.date(),
        due_on=NOW.date() + dt.timedelta(days=90),
    )


def _incident(organisation, unit, handler, n):
    return Incident.objects.create(
        organisation=organisation,
        unit=unit,
        handler=handler,
        title=f"舆情{n}",
        source=Incident.Source.WEIBO,
        first_seen_at=timezone.now(),
        severity=Incident.Severity.GENERAL,
    )


def _item(organisation, unit, handler, n):
    return Item.objects.create(
        organisation=organisation,
        unit=unit,
        drafter=handler,
        index_number=f"TEST-{n:04d}",
        title=f"信息{n}",
        section=Section.FUNCTIONS,
    )


def _report(organisation, unit, handler, n):
    # A report has no unit: it belongs to the unit's organisation row itself.
    return YearlyReport.objects.create(
        organisation=unit or organisation, year=2000 + n, prepared_by=handler
    )


MAKERS: dict[type[models.Model], Maker] = {
    Request: _request,
    Clock: _clock,
    Consultation: _consultation,
    Letter: _letter,
    Proposal: _proposal,
    Incident: _incident,
    Item: _item,
    YearlyReport: _report,
}


def test_every_case_model_is_in_the_table():
    """A new model inheriting Case joins this test."""
    concrete = {
        model
        for base in (Case, UnitOwned, Scoped)
        for model in _subclasses(base)
        if not model._meta.abstract
    }
    assert concrete == set(MAKERS)


def _subclasses(cls: type) -> set[type]:
    found = set(cls.__subclasses__())
    for sub in list(found):
        found |= _subclasses(sub)
    return found


@pytest.fixture
def world():
    body = OrganisationFactory(name="湛江市公安局")
    county = OrganisationFactory(name="廉江市公安局", parent=body)
    other_body = OrganisationFactory(name="茂名市公安局")
    legal = UnitFactory(parent=body, name="法制支队")
    household = UnitFactory(parent=body, name="户政科")
    people = {
        "office": make_staff(body, roles=[Role.OFFICE]),
        "leader": make_staff(body, roles=[Role.LEADER]),
        "legal": make_staff(body, units=[legal]),
        "household": make_staff(body, units=[household]),
        "stranger": make_staff(other_body, roles=[Role.OFFICE]),
        "anonymous": AnonymousUser(),
    }
    # (name, organisation, unit, handler)
    cases = [
        ("legal", body, legal, None),
        ("assigned", body, legal, people["household"]),
        ("county", county, None, None),
        ("other", other_body, None, None),
    ]
    return people, cases


EXPECTED = {
    "office": {"legal", "assigned", "county"},
    "leader": {"legal", "assigned", "county"},
    "legal": {"legal", "assigned"},
    "household": {"assigned"},
    "stranger": {"other"},
    "anonymous": set(),
}


@pytest.mark.parametrize("model", list(MAKERS), ids=lambda m: m._meta.label)
def test_visible_to(world, model):
    people, cases = world
    make = MAKERS[model]
    names = {
        make(organisation, unit, handler, n).pk: name
        for n, (name, organisation, unit, handler) in enumerate(cases, start=1)
    }
    manager: Any = model._default_manager
    for who, expected in EXPECTED.items():
        seen = {names[pk] for pk in manager.visible_to(people[who]).values_list("pk", flat=True)}
        assert seen == expected, (model._meta.label, who)


def test_labels_stay_those_of_each_kind_of_case():
    """One declaration, each kind's own word (the column and the relation are the same)."""

    def label(model: type[models.Model], name: str) -> str:
        return str(model._meta.get_field(name).verbose_name)

    assert label(Request, "organisation") == "行政机关"
    assert label(Request, "unit") == "承办单位"
    assert label(Consultation, "unit") == "起草单位"
    assert label(Incident, "unit") == "责任单位"
    assert label(Item, "organisation") == "发布机构"
    assert label(Item, "unit") == "起草单位"
    assert label(Letter, "handler") == "承办人"
    assert [f.column for f in Request._meta.concrete_fields if f.name in ("unit", "handler")] == [
        "unit_id",
        "handler_id",
    ]
