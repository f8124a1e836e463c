"""The yearly report's section 二, 第二十条第（五）（六）项 (国办公开办函〔2021〕30号): counted from
the register for a body that recorded the year's decisions there, typed by hand otherwise."""

import datetime as dt

import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.enforcement import services
from gongkai.enforcement.selectors import decision_counts
from gongkai.enforcement.tests.factories import legal_fields, make_agency, make_decision
from gongkai.reports.render.document import build
from gongkai.reports.selectors import section2_tables
from gongkai.reports.services import report_generate, report_update_tables

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def register_2025(office, body, agency):
    """2025: 2 licences, 3 penalties (one later revoked), 1 coercion, published; a draft penalty
    (not counted); a 2024 penalty and another body's 2025 penalty (not this body's year)."""
    n = iter(range(100))

    def decide(kind, day, publish=True):
        return make_decision(office, body, agency, kind=kind, decided_on=day, publish=publish,
                             number=f"湛公决字〔{day.year}〕{next(n)}号")  # fmt: skip

    decide("licensing", D(2025, 1, 24))
    decide("licensing", D(2025, 12, 31))
    decide("penalty", D(2025, 3, 3))
    decide("penalty", D(2025, 9, 26))
    revoked = decide("penalty", D(2025, 6, 2))
    services.decision_withdraw(actor=office, decision=revoked, withdrawal="revoked",
                               withdrawn_on=D(2025, 8, 1), reason="经行政复议决定撤销")  # fmt: skip
    decide("coercion", D(2025, 5, 6))
    decide("penalty", D(2025, 11, 3), publish=False)
    decide("penalty", D(2024, 12, 31))
    other = OrganisationFactory(name="廉江市公安局")
    other_office = make_staff(other, roles=[Role.OFFICE], username="other")
    services.decision_create(
        actor=other_office, organisation=other,
        fields=legal_fields(make_agency(other_office, other, "廉江市公安局", "440881"),
                            decided_on=D(2025, 4, 1)),
    )  # fmt: skip


def test_register_counts_by_kind_and_year(body, register_2025):
    assert decision_counts(body, 2025) == {
        "licensing": 2, "penalty": 3, "coercion": 1, "inspection": 0,
    }  # fmt: skip
    assert decision_counts(body, 2024) == {
        "licensing": 0, "penalty": 1, "coercion": 0, "inspection": 0,
    }  # fmt: skip
    assert decision_counts(body, 2023) is None  # the register was not used that year


def test_section2_equals_the_register(body, office, register_2025):
    report = report_generate(organisation=body, year=2025, actor=office)
    tables = {t["spec"].code: t for t in section2_tables(report)}
    assert tables["article20_5"]["values"] == {"licence": {"decisions": 2}}
    assert tables["article20_6"]["values"] == {
        "penalty": {"decisions": 3},
        "coercion": {"decisions": 1},
    }
    assert (tables["article20_5"]["source"], tables["article20_6"]["source"]) == (
        "register",
        "register",
    )
    assert tables["article20_8"]["source"] == "manual"
    notes = [n for p in build(report, staff=True).parts for n in p.notes]
    assert "第二十条第（五）项：根据行政执法公示登记的本年决定统计。" in notes
    assert "第二十条第（六）项：根据行政执法公示登记的本年决定统计。" in notes
    # Typed figures do not override the register's for this report.
    report_update_tables(report=report, actor=office, values={
        "article20_5": {"licence": {"decisions": "99"}},
        "article20_8": {"fees": {"amount": "1.5"}},
    })  # fmt: skip
    tables = {t["spec"].code: t for t in section2_tables(report)}
    assert tables["article20_5"]["values"] == {"licence": {"decisions": 2}}
    assert tables["article20_8"]["values"] == {"fees": {"amount": "1.5"}}


def test_a_body_without_the_register_types_the_figures(body, office, agency):
    report = report_generate(organisation=body, year=2025, actor=office)
    report_update_tables(report=report, actor=office, values={
        "article20_5": {"licence": {"decisions": "12"}},
        "article20_6": {"penalty": {"decisions": "30"}, "coercion": {"decisions": "4"}},
    })  # fmt: skip
    tables = {t["spec"].code: t for t in section2_tables(report)}
    assert tables["article20_5"] == {
        "spec": tables["article20_5"]["spec"],
        "values": {"licence": {"decisions": 12}},
        "source": "manual",
    }
    assert tables["article20_6"]["values"] == {
        "penalty": {"decisions": 30},
        "coercion": {"decisions": 4},
    }
    notes = [n for p in build(report, staff=True).parts for n in p.notes]
    assert "第二十条第（五）项：由政务公开办填报（本年决定未在行政执法公示中登记）。" in notes


def test_the_workbench_shows_register_figures_read_only(client, body, office, register_2025):
    report = report_generate(organisation=body, year=2025, actor=office)
    client.force_login(office)
    page = client.get(f"/workbench/reports/{report.pk}/").content.decode()
    assert "根据行政执法公示统计" in page
    assert 'name="article20_5.licence.decisions" value="2" readonly' in page
    assert 'name="article20_8.fees.amount" value="0">' in page


def test_the_report_api_gives_the_register_figures(client, body, office, register_2025):
    from gongkai.reports.tests.factories import publish_signed

    report = report_generate(organisation=body, year=2025, actor=office)
    publish_signed(report, actor=office)
    data = client.get(f"/api/v1/reports/published/{body.code}/2025").json()
    assert data["section2"]["article20_6"] == {
        "penalty": {"decisions": 3},
        "coercion": {"decisions": 1},
    }
