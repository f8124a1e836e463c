"""The enquiry register feeds the yearly report's first prose (issue 18 point 5): the report
of a year with enquiries says them as seed 003 八 does, “共接受群众咨询N次（其中，…）”."""

import datetime as dt

import pytest

from gongkai.assessment import selectors, services
from gongkai.core.tests.factories import make_staff
from gongkai.reports.services import report_generate

pytestmark = pytest.mark.django_db


def _record(actor, organisation, channel: str, topic: str, on: str) -> None:
    services.enquiry_record(
        actor=actor, organisation=organisation, channel=channel, topic=topic,
        received_on=dt.date.fromisoformat(on),
    )  # fmt: skip


@pytest.fixture
def enquiries(office, handler, body, tree):
    _record(office, body, "96128", "户口迁移", "2025-01-06")
    _record(handler, body, "96128", "身份证补领", "2025-03-02")
    _record(handler, body, "96128", "户口迁移", "2025-12-31")
    _record(office, body, "counter", "车辆落户", "2025-07-15")
    _record(office, body, "12345", "户口迁移", "2024-12-31")  # the year before: not counted
    county = tree["廉江市公安局"]  # a subordinate body reports for itself
    _record(make_staff(county, username="lianjiang"), county, "8890", "出入境", "2025-05-05")


def test_the_provider_counts_the_body_s_own_enquiries_by_channel(body, enquiries):
    figures = selectors.enquiry_figures(body, 2025)
    assert figures == {
        "enquiries": 4,
        "enquiries_96128": 3,
        "enquiries_12345": 0,
        "enquiries_8890": 0,
        "enquiries_counter": 1,
        "enquiries_phone": 0,
        "enquiries_online": 0,
    }


def test_the_yearly_report_says_the_enquiries_as_seed_003_does(body, office, enquiries):
    report = report_generate(organisation=body, year=2025, actor=office)
    assert report.tables["figures"]["enquiries"] == 4
    assert "assessment" not in report.tables["absent_providers"]
    sentence = "2025年，共接受群众咨询4次（其中，96128政府信息查询专线3次，窗口现场咨询1次）。"
    assert sentence in report.overview.splitlines()


def test_a_year_without_enquiries_names_them_among_the_zeros(body, office):
    report = report_generate(organisation=body, year=2025, actor=office)
    assert "共接受群众咨询" not in report.overview
    zeros = [
        line for line in report.overview.splitlines() if line.startswith("本年度以下事项为零：")
    ]
    assert len(zeros) == 1 and "群众咨询" in zeros[0]
