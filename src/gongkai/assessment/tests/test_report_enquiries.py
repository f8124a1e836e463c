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
    # The topics, most frequent first (户口迁移 twice; then 身份证补领 heard before 车辆落户);
    # the 2024 enquiry and the county's own are not among them.
    assert report.tables["topics"]["enquiries"] == [
        ["户口迁移", 2],
        ["身份证补领", 1],
        ["车辆落户", 1],
    ]
    sentence = (
        "2025年，共接受群众咨询4次（其中，96128政府信息查询专线3次，窗口现场咨询1次），"
        "咨询内容主要涉及户口迁移、身份证补领、车辆落户等方面。"
    )
    assert sentence in report.overview.splitlines()


def test_the_topics_provider_ranks_by_count_then_by_first_heard(body, office, enquiries):
    assert selectors.enquiry_topics(body, 2025) == [
        ("户口迁移", 2), ("身份证补领", 1), ("车辆落户", 1)
    ]  # fmt: skip
    assert selectors.enquiry_topics(body, 2024) == [("户口迁移", 1)]


def test_the_sentence_names_at_most_four_topics(body, office):
    for n, topic in enumerate(["出入境", "居住证", "户口迁移", "驾驶证", "身份证补领"], start=1):
        for day in range(n):  # 出入境 once … 身份证补领 five times
            _record(office, body, "online", topic, f"2025-02-{day + 1:02d}")
    report = report_generate(organisation=body, year=2025, actor=office)
    line = next(x for x in report.overview.splitlines() if "共接受群众咨询" in x)
    assert line == (
        "2025年，共接受群众咨询15次（其中，网上在线咨询15次），"
        "咨询内容主要涉及身份证补领、驾驶证、户口迁移、居住证等方面。"
    )


def test_a_report_computed_before_topics_were_kept_still_says_the_counts(body, office, enquiries):
    from gongkai.reports.prose import prefill

    report = report_generate(organisation=body, year=2025, actor=office)
    tables = {key: value for key, value in report.tables.items() if key != "topics"}
    sentence = "2025年，共接受群众咨询4次（其中，96128政府信息查询专线3次，窗口现场咨询1次）。"
    assert sentence in prefill(body, 2025, tables)["overview"].splitlines()


def test_a_year_without_enquiries_names_them_among_the_zeros(body, office):
    report = report_generate(organisation=body, year=2025, actor=office)
    assert "共接受群众咨询" not in report.overview
    zeros = [
        line for line in report.overview.splitlines() if line.startswith("本年度以下事项为零：")
    ]
    assert len(zeros) == 1 and "群众咨询" in zeros[0]
