"""Pages and permissions: anonymous, a public user, staff without the right, staff with it;
nothing changes after a refusal. List pages pin their query count."""

import datetime as dt

import pytest
from django.contrib.auth import get_user_model

from gongkai.core.models import Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.reports.models import Status, YearlyReport
from gongkai.reports.services import report_generate

from .conftest import snapshot
from .factories import OpenRequestFactory, RepliedRequestFactory, publish_signed

pytestmark = pytest.mark.django_db
D = dt.date.fromisoformat


@pytest.fixture
def public_user():
    return get_user_model().objects.create_user("citizen", password="pw-for-tests-1")


@pytest.fixture
def draft(body):
    RepliedRequestFactory(
        organisation=body, received_on=D("2025-03-03"), replied_on=D("2025-03-20")
    )
    return report_generate(organisation=body, year=2025, actor=None)


def who(request, name):
    return None if name == "anonymous" else request.getfixturevalue(name)


STAFF_PAGES = [
    "/workbench/reports/",
    "/workbench/reports/dashboard/",
    "/workbench/reports/ledger/?year=2025&month=3",
]


@pytest.mark.parametrize("url", STAFF_PAGES)
@pytest.mark.parametrize(
    ("user", "expected"),
    [("anonymous", 302), ("public_user", 404), ("handler", 404), ("office", 200), ("leader", 200)],
)
def test_staff_pages_permissions(client, request, draft, url, user, expected):
    if (account := who(request, user)) is not None:
        client.force_login(account)
    assert client.get(url).status_code == expected


@pytest.mark.parametrize(
    ("user", "expected"),
    [("anonymous", 302), ("public_user", 404), ("handler", 404), ("leader", 404), ("office", 302)],
)
@pytest.mark.parametrize("action", ["publish", "regenerate", "prose", "tables"])
def test_writes_need_the_office(client, request, draft, user, expected, action):
    if (account := who(request, user)) is not None:
        client.force_login(account)
    before = snapshot()
    data = {
        "overview": "新的总体情况",
        "problems": "",
        "other_matters": "",
        "article20_5.licence.decisions": "3",
    }
    response = client.post(f"/workbench/reports/{draft.pk}/{action}/", data)
    assert response.status_code == expected
    if expected != 302 or user == "anonymous":
        assert snapshot() == before


def test_office_of_another_body_sees_404_and_changes_nothing(client, draft):
    client.force_login(make_staff(OrganisationFactory(), roles=[Role.OFFICE]))
    before = snapshot()
    assert client.get(f"/workbench/reports/{draft.pk}/").status_code == 404
    assert client.post(f"/workbench/reports/{draft.pk}/publish/").status_code == 404
    assert client.get("/workbench/reports/99999/").status_code == 404
    assert snapshot() == before


def test_office_generates_edits_and_publishes(client, body, office, leader):
    RepliedRequestFactory(
        organisation=body, received_on=D("2025-03-03"), replied_on=D("2025-03-20")
    )
    client.force_login(office)
    response = client.post("/workbench/reports/generate/", {"organisation": body.pk, "year": 2025})
    report = YearlyReport.objects.get()
    assert response.url == f"/workbench/reports/{report.pk}/"
    # A repeated POST makes no duplicate.
    client.post("/workbench/reports/generate/", {"organisation": body.pk, "year": 2025})
    assert YearlyReport.objects.count() == 1
    page = client.get(f"/workbench/reports/{report.pk}/").content.decode()
    assert "经检查，统计表勾稽关系一致。" in page
    assert "第二十条第（五）项：由政务公开办填报" in page
    client.post(
        f"/workbench/reports/{report.pk}/prose/",
        {"overview": "本局2025年政务公开工作总体情况。", "problems": "问题", "other_matters": "无"},
    )
    # Publishing needs a leader's sign-off (领导审签): refused before it, nothing changes.
    response = client.post(f"/workbench/reports/{report.pk}/publish/", follow=True)
    assert "须经本机关领导审签后方可发布" in response.content.decode()
    assert YearlyReport.objects.get().status == Status.DRAFT
    client.post(f"/workbench/reports/{report.pk}/request-sign-off/")
    # The leader finds it on the home page ("what waits for me") and signs it off there.
    client.force_login(leader)
    home = client.get("/workbench/").content.decode()
    assert "审签年度报告" in home and f"/workbench/reports/{report.pk}/" in home
    detail = client.get(f"/workbench/reports/{report.pk}/").content.decode()
    assert "签发同意发布" in detail
    client.post(f"/workbench/reports/{report.pk}/sign-off/", {"decision": "approve"})
    assert "审签年度报告" not in client.get("/workbench/").content.decode()
    client.force_login(office)
    client.post(f"/workbench/reports/{report.pk}/publish/")
    client.post(f"/workbench/reports/{report.pk}/publish/")  # repeated: refused, no change
    report.refresh_from_db()
    assert report.status == Status.PUBLISHED
    assert report.overview == "本局2025年政务公开工作总体情况。"
    public = client.get("/xxgk/ndbg/zjga/2025/").content.decode()
    assert "本局2025年政务公开工作总体情况。" in public


def test_bad_figure_shows_a_chinese_message_and_keeps_the_input(client, draft, office):
    client.force_login(office)
    before = snapshot()
    response = client.post(
        f"/workbench/reports/{draft.pk}/tables/", {"article20_5.licence.decisions": "十二"}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "行政许可 / 本年处理决定数量：“十二”不是有效的数值。" in page
    assert 'value="十二"' in page
    assert snapshot() == before


def test_generate_rejects_an_unfinished_year_with_a_message(client, body, office):
    client.force_login(office)
    before = snapshot()
    response = client.post(
        "/workbench/reports/generate/", {"organisation": body.pk, "year": 2030}, follow=True
    )
    assert "年度报告只能针对已结束的年度编制（2008年至2025年）。" in response.content.decode()
    assert snapshot() == before


def test_drafts_are_not_public(client, draft):
    assert client.get("/xxgk/ndbg/zjga/2025/").status_code == 404
    assert client.get("/xxgk/ndbg/zjga/2025/report.pdf").status_code == 404
    assert "尚未发布年度报告" in client.get("/xxgk/ndbg/").content.decode()


def test_public_list_query_count(client, django_assert_max_num_queries):
    for _ in range(6):
        body = OrganisationFactory()
        OpenRequestFactory(organisation=body, received_on=D("2025-02-02"))
        publish_signed(report_generate(organisation=body, year=2025, actor=None))
    with django_assert_max_num_queries(4):
        response = client.get("/xxgk/ndbg/")
    assert response.content.decode().count("2025年度报告") == 6


def test_workbench_list_query_count(client, office, body, django_assert_max_num_queries):
    for year in (2021, 2022, 2023, 2024, 2025):
        report_generate(organisation=body, year=year, actor=None)
    client.force_login(office)
    with django_assert_max_num_queries(12):
        response = client.get("/workbench/reports/")
    page = response.content.decode()
    # Every draft is past its 31 January (条例 art. 49): the tests run after 2026-01-31.
    assert page.count('<tr class="red">') == 5
