"""Drafting and publishing the yearly report (条例 arts. 49–50; 国办公开办函〔2021〕30号)."""

import datetime as dt

import pytest

from gongkai.core.errors import NotFoundError, PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Notification, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.reports import providers
from gongkai.reports.models import Status, YearlyReport
from gongkai.reports.periodic import remind_yearly_reports
from gongkai.reports.services import (
    report_generate,
    report_publish,
    report_request_sign_off,
    report_sign_off,
    report_update_prose,
    report_update_tables,
)

from .conftest import snapshot
from .factories import RepliedRequestFactory, publish_signed

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat


def test_generate_computes_tables_prefills_prose_and_starts_the_clock(body, office):
    RepliedRequestFactory(
        organisation=body, received_on=D("2025-03-03"), replied_on=D("2025-03-20")
    )
    report = report_generate(organisation=body, year=2025, actor=office)
    assert report.status == Status.DRAFT
    assert report.tables["section3"]["received"]["total"] == 1
    assert report.tables["section3"]["granted"]["natural_person"] == 1
    assert "2025" in report.overview and "1" in report.overview
    assert "数据来源尚未接入" in report.overview  # no participation provider registered
    # 条例 art. 49: published by 31 January of the next year.
    assert report.due_on == dt.date(2026, 1, 31)
    assert LedgerEntry.objects.filter(action="reports.generate").count() == 1


def test_regenerate_keeps_prose_and_makes_no_duplicate(body, office):
    report = report_generate(organisation=body, year=2025, actor=office)
    report_update_prose(
        report=report, actor=office, overview="自写总体情况", problems="", other_matters=""
    )
    RepliedRequestFactory(
        organisation=body, received_on=D("2025-05-06"), replied_on=D("2025-05-08")
    )
    again = report_generate(organisation=body, year=2025, actor=office)
    assert again.pk == report.pk
    assert YearlyReport.objects.count() == 1
    assert again.overview == "自写总体情况"
    assert again.problems != ""  # emptied prose is pre-filled again
    assert again.tables["section3"]["received"]["total"] == 1


def test_publish_runs_the_checker_and_stops_the_clock(body, office):
    RepliedRequestFactory(
        organisation=body, received_on=D("2025-03-03"), replied_on=D("2025-03-20")
    )
    report = publish_signed(report_generate(organisation=body, year=2025, actor=office), office)
    assert report.status == Status.PUBLISHED
    assert report.published_at is not None
    assert not report.is_overdue(D("2026-11-22"))
    with pytest.raises(ServiceError) as error:
        report_generate(organisation=body, year=2025, actor=office)
    assert error.value.code == "report_published"


def test_publish_refuses_inconsistent_tables_and_changes_nothing(body, office):
    report = report_generate(organisation=body, year=2025, actor=office)
    tables = report.tables
    tables["section3"]["granted"]["natural_person"] = 5  # as if tampered with
    YearlyReport.objects.filter(pk=report.pk).update(tables=tables)
    report.refresh_from_db()
    before = snapshot()
    with pytest.raises(ServiceError) as error:
        report_publish(report=report, actor=office)
    assert error.value.code == "report_inconsistent"
    assert "（一）予以公开" in error.value.message
    assert snapshot() == before


@pytest.mark.parametrize(
    ("year", "code"),
    [(2007, "invalid_year"), (2026, "invalid_year"), (2030, "invalid_year")],
)
def test_generate_refuses_unfinished_or_early_years(body, office, year, code):
    before = snapshot()
    with pytest.raises(ServiceError) as error:
        report_generate(organisation=body, year=year, actor=office, today=D("2026-11-22"))
    assert error.value.code == code
    assert snapshot() == before


@pytest.mark.parametrize("role", [Role.HANDLER, Role.REVIEWER, Role.LEADER])
def test_only_the_office_prepares_the_report(body, role):
    user = make_staff(body, roles=[role])
    before = snapshot()
    with pytest.raises(ServiceError) as error:
        report_generate(organisation=body, year=2025, actor=user)
    assert error.value.code == "office_only"
    assert snapshot() == before


def test_office_of_another_body_gets_not_found(body):
    stranger = make_staff(OrganisationFactory(), roles=[Role.OFFICE])
    before = snapshot()
    with pytest.raises(ServiceError) as error:
        report_generate(organisation=body, year=2025, actor=stranger)
    assert error.value.code == "organisation_not_found"
    assert snapshot() == before


def test_manual_tables_are_validated_as_a_whole(body, office):
    report = report_generate(organisation=body, year=2025, actor=office)
    report_update_tables(
        report=report,
        actor=office,
        values={
            "article20_5": {"licence": {"decisions": "12"}},
            "article20_6": {"penalty": {"decisions": "340"}, "coercion": {"decisions": ""}},
            "article20_8": {"fees": {"amount": "1.2500"}},
        },
    )
    report.refresh_from_db()
    assert report.manual_tables == {
        "article20_5": {"licence": {"decisions": 12}},
        "article20_6": {"penalty": {"decisions": 340}, "coercion": {"decisions": 0}},
        "article20_8": {"fees": {"amount": "1.25"}},
    }
    before = snapshot()
    for bad in (
        {"article20_5": {"licence": {"decisions": "-1"}}},
        {"article20_8": {"fees": {"amount": "1.23456"}}},
        {"article20_6": {"penalty": {"decisions": "十"}}},
    ):
        with pytest.raises(ServiceError):
            report_update_tables(report=report, actor=office, values=bad)
        assert snapshot() == before


def test_providers_fill_section2_and_figures(body, office):
    providers.register_section2_provider(
        "article20_1",
        lambda org, year: {
            "regulation": {"made": 1},
            "normative": {"made": 5, "repealed": 1, "in_force": 25},
        },
    )
    providers.register_figures_provider("participation", lambda org, year: {"letters_received": 42})
    report = report_generate(organisation=body, year=2025, actor=office)
    assert report.tables["section2"]["article20_1"] == {
        "regulation": {"made": 1, "repealed": 0, "in_force": 0},
        "normative": {"made": 5, "repealed": 1, "in_force": 25},
    }
    assert report.tables["section2_sources"]["article20_1"] == "provider"
    assert report.tables["figures"] == {"letters_received": 42}
    assert "领导信箱来信" in report.overview or "42" in report.overview


def test_absent_provider_shows_zero_and_the_note(body, office, monkeypatch):
    monkeypatch.setattr(providers, "KNOWN_PROVIDERS", ())
    report = report_generate(organisation=body, year=2025, actor=office)
    assert report.tables["section2_sources"]["article20_1"] == "absent"
    assert report.tables["section2"]["article20_1"]["normative"] == {
        "made": 0,
        "repealed": 0,
        "in_force": 0,
    }
    assert report.tables["absent_providers"] == [
        "assessment",
        "outreach",
        "participation",
        "proactive",
    ]


def test_reminder_job_is_idempotent(body, office):
    other_office = make_staff(body, roles=[Role.OFFICE])
    make_staff(body, roles=[Role.HANDLER])
    assert remind_yearly_reports(today=D("2026-01-01")) == "2025: 1"
    report = YearlyReport.objects.get(organisation=body, year=2025)
    assert report.reminded_at is not None
    assert set(Notification.objects.values_list("recipient_id", flat=True)) == {
        office.pk,
        other_office.pk,
    }
    assert remind_yearly_reports(today=D("2026-01-02")) == "2025: 0"
    assert Notification.objects.count() == 2
    assert YearlyReport.objects.count() == 1


@pytest.mark.parametrize(
    ("today", "published", "overdue"),
    [
        ("2026-01-31", False, False),  # 条例 art. 49: 每年1月31日前 … 向社会公布
        ("2026-02-01", False, True),
        ("2026-02-01", True, False),
    ],
)
def test_unpublished_report_is_overdue_after_31_january(body, office, today, published, overdue):
    report = report_generate(organisation=body, year=2025, actor=office)
    if published:
        report = publish_signed(report, office)
    assert report.is_overdue(D(today)) is overdue


# --- 领导审签: a leader signs the report off before the office publishes it ------------------


def test_publish_needs_a_leaders_sign_off_and_each_step_is_ledgered(body, office, leader):
    report = report_generate(organisation=body, year=2025, actor=office)
    before = snapshot()
    with pytest.raises(ServiceError) as error:
        report_publish(report=report, actor=office)
    assert error.value.code == "sign_off_required"
    assert snapshot() == before
    # The office cannot sign its own report off; nor can a leader before it is submitted.
    with pytest.raises(PermissionDeniedError):
        report_sign_off(report=report, actor=office, approve=True)
    with pytest.raises(ServiceError) as error:
        report_sign_off(report=report, actor=leader, approve=True)
    assert error.value.code == "sign_off_not_requested"
    report = report_request_sign_off(report=report, actor=office)
    assert Notification.objects.filter(recipient=leader).count() == 1
    report = report_sign_off(report=report, actor=leader, approve=True, comment="同意发布")
    assert report.signed_off_by == leader
    report = report_publish(report=report, actor=office)
    assert report.status == Status.PUBLISHED
    actions = list(
        LedgerEntry.objects.filter(action__startswith="reports.")
        .order_by("pk")
        .values_list("action", flat=True)
    )
    assert actions[-3:] == ["reports.request_sign_off", "reports.sign_off", "reports.publish"]


def test_a_change_after_sign_off_withdraws_it(body, office, leader):
    report = report_generate(organisation=body, year=2025, actor=office)
    report = report_request_sign_off(report=report, actor=office)
    report = report_sign_off(report=report, actor=leader, approve=True)
    report = report_update_prose(
        report=report, actor=office, overview="改过的总体情况", problems="", other_matters=""
    )
    report.refresh_from_db()
    assert report.signed_off_at is None and report.sign_off_requested_at is None
    with pytest.raises(ServiceError) as error:
        report_publish(report=report, actor=office)
    assert error.value.code == "sign_off_required"


def test_leader_sends_back_with_a_reason(body, office, leader):
    report = report_request_sign_off(
        report=report_generate(organisation=body, year=2025, actor=office), actor=office
    )
    with pytest.raises(ServiceError) as error:
        report_sign_off(report=report, actor=leader, approve=False, comment=" ")
    assert error.value.code == "reason_required"
    report = report_sign_off(report=report, actor=leader, approve=False, comment="补充解读情况")
    assert not report.awaiting_sign_off and report.signed_off_at is None
    entry = LedgerEntry.objects.get(action="reports.sign_off_refused")
    assert entry.summary["comment"] == "补充解读情况"


def test_leader_of_another_body_cannot_sign_off(body, office):
    report = report_request_sign_off(
        report=report_generate(organisation=body, year=2025, actor=office), actor=office
    )
    stranger = make_staff(OrganisationFactory(), roles=[Role.LEADER])
    with pytest.raises(NotFoundError):
        report_sign_off(report=report, actor=stranger, approve=True)
