"""Factories for the reports tests: requests in every state the report counts.

Requests are written directly (foi's RequestFactory, no clocks) where only dates and outcomes
matter; ``conftest`` also drives foi's services end to end for the integration tests.
"""

from __future__ import annotations

import datetime as dt

import factory

from gongkai.core.tests.factories import OrganisationFactory
from gongkai.foi.models import FeeNotice, Remedy, Status, Supplement
from gongkai.foi.tests.factories import RequestFactory
from gongkai.reports.models import YearlyReport


class OpenRequestFactory(RequestFactory):
    """Received and not decided."""

    code = factory.Sequence(lambda n: f"GK-R-{n:07d}")
    status = Status.RECEIVED
    received_on = dt.date(2025, 3, 3)


class RepliedRequestFactory(OpenRequestFactory):
    status = Status.REPLIED
    outcome = "granted"
    replied_on = factory.LazyAttribute(lambda o: o.received_on + dt.timedelta(days=14))


def lapsed_request(*, organisation, received_on, lapsed_on, fee=False, **fields):
    """Closed by a lapse (条例 art. 30; 国办函〔2020〕109号): no reply date, an outcome of （六）."""
    request = OpenRequestFactory(
        organisation=organisation,
        received_on=received_on,
        status=Status.CLOSED,
        outcome="other.no_fee" if fee else "other.no_supplement",
        **fields,
    )
    if fee:
        FeeNotice.objects.create(
            request=request,
            basis=FeeNotice.Basis.PER_PAGE,
            quantity=40,
            amount=100,
            sent_on=received_on + dt.timedelta(days=5),
            payment_due=lapsed_on - dt.timedelta(days=1),
            lapsed_on=lapsed_on,
        )
    else:
        Supplement.objects.create(
            request=request,
            notified_on=received_on + dt.timedelta(days=3),
            items="身份证明",
            deadline=lapsed_on - dt.timedelta(days=1),
            lapsed_on=lapsed_on,
        )
    return request


class RemedyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Remedy

    request = factory.SubFactory(RepliedRequestFactory)
    kind = Remedy.Kind.REVIEW
    filed_on = dt.date(2025, 6, 1)
    result = Remedy.Result.PENDING


class YearlyReportFactory(factory.django.DjangoModelFactory):
    """A bare row; real reports come from ``report_generate``."""

    class Meta:
        model = YearlyReport

    organisation = factory.SubFactory(OrganisationFactory)
    year = 2025


def publish_signed(report, actor=None):
    """Submit, have a leader of the body sign off (领导审签), then publish: the only way a
    report reaches the portal."""
    from gongkai.core.models import Role
    from gongkai.core.tests.factories import make_staff
    from gongkai.reports.services import (
        report_publish,
        report_request_sign_off,
        report_sign_off,
    )

    leader = make_staff(report.organisation, roles=[Role.LEADER])
    report = report_request_sign_off(report=report, actor=actor)
    report = report_sign_off(report=report, actor=leader, approve=True)
    return report_publish(report=report, actor=actor)
