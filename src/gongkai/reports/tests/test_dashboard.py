"""The statistics dashboard, its CSVs, the 台账 and the API."""

import datetime as dt
import json

import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.foi.models import Channel
from gongkai.reports import providers
from gongkai.reports.models import YearlyReport
from gongkai.reports.selectors.dashboard import by_channel, by_outcome

from .factories import OpenRequestFactory, RepliedRequestFactory, lapsed_request

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat
PERIOD = "?start=2025-01-01&end=2025-03-31"


@pytest.fixture
def data(body):
    OpenRequestFactory(organisation=body, channel="online", received_on=D("2025-01-06"))
    RepliedRequestFactory(
        organisation=body, channel="letter", received_on=D("2025-02-03"), replied_on=D("2025-02-20")
    )
    RepliedRequestFactory(
        organisation=body,
        outcome="withheld.third_party",
        received_on=D("2025-02-05"),
        replied_on=D("2025-03-03"),
    )
    lapsed_request(organisation=body, received_on=D("2025-01-10"), lapsed_on=D("2025-03-10"))


def test_per_month_by_channel_and_outcome(body, data):
    channel = by_channel([body.pk], D("2025-01-01"), D("2025-03-31"))
    assert channel.columns == ["月份", *(str(label) for label in Channel.labels)]
    assert [row[0] for row in channel.rows] == ["2025-01", "2025-02", "2025-03"]
    assert [sum(row[1:]) for row in channel.rows] == [2, 2, 0]
    outcome = by_outcome([body.pk], D("2025-01-01"), D("2025-03-31"))
    assert outcome.columns[1:] == [
        "（一）予以公开",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
        "（三）不予公开",
        "（四）无法提供",
        "（五）不予处理",
        "（六）其他处理",
    ]
    assert outcome.rows == [
        ["2025-01", 0, 0, 0, 0, 0, 0],
        ["2025-02", 1, 0, 0, 0, 0, 0],
        ["2025-03", 0, 0, 1, 0, 0, 1],
    ]


def test_dashboard_page_embeds_json_and_shows_missing_sources(client, office, data):
    client.force_login(office)
    response = client.get("/workbench/reports/dashboard/" + PERIOD)
    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("数据来源尚未接入") == len(providers.DASHBOARD_CHARTS)
    assert '<script id="dashboard-data" type="application/json">' in page
    start = page.index('<script id="dashboard-data" type="application/json">') + len(
        '<script id="dashboard-data" type="application/json">'
    )
    embedded = json.loads(page[start : page.index("</script>", start)])
    assert [c["code"] for c in embedded["charts"]] == [
        "by_channel",
        "by_outcome",
        "on_time",
        "overdue_by_unit",
    ]
    assert "<script>" not in page  # no inline script (CSP)


def test_chart_csv(client, office, data):
    client.force_login(office)
    response = client.get("/workbench/reports/dashboard/" + PERIOD + "&csv=by_outcome")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    lines = response.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("月份,（一）予以公开")
    assert lines[3] == "2025-03,0,0,1,0,0,1"
    assert client.get("/workbench/reports/dashboard/?csv=items_by_month").status_code == 404


def test_bad_period_is_a_message_not_an_error(client, office):
    client.force_login(office)
    response = client.get("/workbench/reports/dashboard/?start=2025-05-01&end=2025-01-01")
    assert response.status_code == 400
    assert "截止日期早于起始日期。" in response.content.decode()


def test_ledger_quarter_lists_the_applications(client, office, data, django_assert_max_num_queries):
    client.force_login(office)
    with django_assert_max_num_queries(14):
        response = client.get("/workbench/reports/ledger/?year=2025&quarter=1")
    page = response.content.decode()
    assert "共收到申请4件。" in page
    assert client.get("/workbench/reports/ledger/?year=2025&quarter=1&month=2").status_code == 400


def test_supervisor_sees_subordinate_bodies(client, body):
    county = OrganisationFactory(parent=body)
    OpenRequestFactory(organisation=county, received_on=D("2025-02-03"))
    client.force_login(make_staff(body, roles=[Role.LEADER]))
    response = client.get("/workbench/reports/dashboard/" + PERIOD + "&csv=by_channel")
    assert (
        sum(int(v) for v in response.content.decode("utf-8-sig").splitlines()[2].split(",")[1:])
        == 1
    )


def test_discovery_finds_the_other_apps_selectors(monkeypatch):
    from gongkai.reports import providers as module

    monkeypatch.setattr(
        module,
        "KNOWN_PROVIDERS",
        (
            ("section2", "article20_1", "gongkai.proactive.selectors", "normative_document_counts"),
            ("figures", "participation", "gongkai.participation.selectors", "participation_counts"),
            ("figures", "missing", "gongkai.nonexistent.selectors", "counts"),
        ),
    )
    registry = module.discover()
    assert sorted(registry.section2) == ["article20_1"]
    assert sorted(registry.figures) == ["participation"]


# --- API ------------------------------------------------------------------------------------


def test_api_generate_and_publish(client, body, office, leader):
    client.force_login(office)
    response = client.post(
        "/api/v1/reports/generate",
        {"organisation": "zjga", "year": 2025},
        content_type="application/json",
    )
    assert response.status_code == 200
    report_id = response.json()["id"]
    assert response.json()["findings"] == []
    refused = client.post(f"/api/v1/reports/{report_id}/publish")
    assert refused.status_code == 400 and refused.json()["code"] == "sign_off_required"
    client.post(f"/api/v1/reports/{report_id}/request-sign-off")
    client.force_login(leader)
    signed = client.post(
        f"/api/v1/reports/{report_id}/sign-off", {"approve": True}, content_type="application/json"
    )
    assert signed.json()["signed_off_at"] is not None
    client.force_login(office)
    response = client.post(f"/api/v1/reports/{report_id}/publish")
    assert response.json()["status"] == "published"
    again = client.post(f"/api/v1/reports/{report_id}/publish")
    assert again.status_code == 400
    assert again.json()["code"] == "report_published"
    assert (
        client.get("/api/v1/reports/published/zjga/2025").json()["section3"]["received"]["total"]
        == 0
    )


@pytest.mark.parametrize(
    ("user", "status"), [("anonymous", 401), ("handler", 403), ("office", 200)]
)
def test_api_generate_permissions(client, request, body, user, status):
    if user != "anonymous":
        client.force_login(request.getfixturevalue(user))
    response = client.post(
        "/api/v1/reports/generate",
        {"organisation": "zjga", "year": 2025},
        content_type="application/json",
    )
    assert response.status_code == status
    assert YearlyReport.objects.count() == (1 if status == 200 else 0)
    if status == 403:
        assert response.json()["code"] == "office_only"


def test_api_draft_is_404_for_other_bodies_and_in_public(client, body, office):
    client.force_login(office)
    report_id = client.post(
        "/api/v1/reports/generate",
        {"organisation": "zjga", "year": 2025},
        content_type="application/json",
    ).json()["id"]
    client.force_login(make_staff(OrganisationFactory(), roles=[Role.OFFICE]))
    assert client.get(f"/api/v1/reports/{report_id}").json()["code"] == "report_not_found"
    assert client.get("/api/v1/reports/published/zjga/2025").status_code == 404
