"""With proactive and participation connected, the dashboard and the yearly report show their
figures (exact numbers from the data below) and no "数据来源尚未接入" note.

Figures (proactive.statistics, participation.statistics / counts): items count in the period of
their first publication, Beijing time (条例 art. 49: the report covers the calendar year);
interpretations are due 3 working days after their policy (local practice, core.law
CLOCK_RULES["interpretation"]); letters by their due date on the official calendar.
"""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.core.clockmath import CHINA
from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff
from gongkai.participation.models import Consultation
from gongkai.participation.services import letter_answer, letter_categories_ensure, letter_submit
from gongkai.participation.tests.factories import ConsultationFactory
from gongkai.proactive.law import Section
from gongkai.proactive.tests.factories import published
from gongkai.reports import providers
from gongkai.reports.services import report_generate
from gongkai.search.backends import reset_backend

pytestmark = pytest.mark.django_db
# The real list, taken before the autouse fixture of conftest empties it for each test.
KNOWN_PROVIDERS = providers.KNOWN_PROVIDERS
PERIOD = "?start=2025-01-01&end=2025-03-31"
NOT_CONNECTED = "数据来源尚未接入"


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=CHINA)


@pytest.fixture(autouse=True)
def connected(monkeypatch, settings, tmp_path):
    providers.unregister_all()
    monkeypatch.setattr(providers, "KNOWN_PROVIDERS", KNOWN_PROVIDERS)
    settings.GONGKAI_SEARCH_BACKEND = "tantivy"
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")
    settings.MEDIA_ROOT = str(tmp_path / "media")
    reset_backend()
    yield
    reset_backend()


@pytest.fixture
def data(monkeypatch, body, unit, office, leader, handler):
    reviewer = make_staff(body, roles=[Role.REVIEWER], username="reviewer")
    real_now = timezone.now

    def publish(moment: str, **fields):
        monkeypatch.setattr(timezone, "now", lambda: at(moment))
        fields.setdefault("written_on", at(moment).date())
        return published(handler, reviewer, leader, office, **fields)

    # 两微一端 counts come from what is pushed to the body's channels (outreach), not from the
    # carriers typed on each item: one WeChat account receives every published item.
    from gongkai.outreach.services import channel_create

    channel_create(actor=office, organisation=body, kind="wechat", name="平安湛江")
    publish("2025-01-06 10:00", title="户籍业务办理通知")
    policy = publish(
        "2025-01-08 10:00",
        title="户籍迁移规定",
        section=Section.POLICY,
        carriers="政府网站、两微一端",
    )
    publish(
        "2025-01-10 10:00",
        title="《户籍迁移规定》解读",
        interprets=policy,
        interpretation_form="qa",
        carriers="政府网站、微信公众号",
    )
    monkeypatch.setattr(timezone, "now", real_now)
    consult = next(c for c in letter_categories_ensure(organisation=body) if c.code == "consult")
    letters = [
        letter_submit(
            category=consult,
            subject=f"户籍咨询{n}",
            body="请问迁移户口需要哪些材料？",
            writer_name="李四",
            writer_phone="13812345678",
            received_at=at(received),
        ).letter
        for n, received in enumerate(("2025-01-06 09:00", "2025-02-03 09:00"))
    ]
    letter_answer(
        actor=office, letter=letters[0], reply="请携带户口簿。", at=at("2025-01-08 10:00")
    )
    ConsultationFactory(
        organisation=body,
        opens_on=dt.date(2025, 1, 1),
        closes_on=dt.date(2025, 1, 31),
        status=Consultation.Status.REPORTED,
        report_published_at=at("2025-02-20 10:00"),
    )


def csv_lines(client, code: str) -> list[str]:
    response = client.get("/workbench/reports/dashboard/" + PERIOD + "&csv=" + code)
    assert response.status_code == 200
    return response.content.decode("utf-8-sig").splitlines()


def test_dashboard_shows_the_provided_charts(client, office, data, django_assert_max_num_queries):
    client.force_login(office)
    with django_assert_max_num_queries(29):
        response = client.get("/workbench/reports/dashboard/" + PERIOD)
    page = response.content.decode()
    assert response.status_code == 200
    assert NOT_CONNECTED not in page
    for title, _key in providers.DASHBOARD_CHARTS.values():
        assert str(title) in page
    assert csv_lines(client, "items_by_month") == [
        "月份,发布条数,政府网站发布,政务微博、微信及客户端发布",
        "2025-01,3,3,2",
        "2025-02,0,0,0",
        "2025-03,0,0,0",
    ]
    assert "业务信息,1" in csv_lines(client, "items_by_section")
    assert csv_lines(client, "interpretations_on_time") == [
        "月份,应解读政策文件,按时解读,逾期解读,尚未解读",
        "2025-01,1,1,0,0",
        "2025-02,0,0,0,0",
        "2025-03,0,0,0,0",
    ]
    assert csv_lines(client, "consultations_on_time") == [
        "月份,开展意见征集,已公布采纳情况,待公布采纳情况",
        "2025-01,1,1,0",
        "2025-02,0,0,0",
        "2025-03,0,0,0",
    ]
    assert csv_lines(client, "letters_on_time") == [
        "月份,收到有效来信,已答复来信,按期答复,逾期未答复",
        "2025-01,1,1,1,0",
        "2025-02,1,0,0,1",
        "2025-03,0,0,0,0",
    ]


def test_generated_report_quotes_the_figures(body, office, data):
    report = report_generate(organisation=body, year=2025, actor=office)
    assert report.tables["absent_providers"] == []
    assert report.tables["figures"] == {
        "items_published": 3,
        "items_website": 3,
        "items_new_media": 3,
        "interpretations": 1,
        "consultations_held": 1,
        "comments_received": 0,
        "comments_adopted": 0,
        "letters_received": 2,
        "letters_answered": 1,
        "letters_on_time": 1,
        "press_conferences": 0,
        "incidents": 0,
        "incidents_responded_on_time": 0,
        # The assessment app's enquiry register (none recorded here).
        **{code: 0 for code in providers.FIGURE_LABELS if code.startswith("enquiries")},
        # The outreach app's records: one account, three posts; no supervisors or open days.
        "new_media_accounts": 1,
        "new_media_posts": 3,
        "supervisors": 0,
        "supervisor_observations": 0,
        "supervisor_observations_answered": 0,
        "open_days": 0,
        "open_day_visitors": 0,
    }
    assert NOT_CONNECTED not in report.overview
    for line in (
        "主动公开政府信息：3。",
        "通过政府网站公开信息：3。",
        "通过政务微博、微信及客户端公开信息：3。",
        "发布政策解读：1。",
        "按期办结领导信箱来信：1。",
    ):
        assert line in report.overview.splitlines()
