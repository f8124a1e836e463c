"""The built-in datasets: registered by the apps, well described, and never holding more
than the public pages show."""

import datetime as dt

import pytest

from gongkai.core.datasets import FIELD_TYPES, registered_dataset, registered_datasets
from gongkai.enforcement.tests.factories import make_agency, make_decision
from gongkai.listings.services import power_set_active
from gongkai.listings.tests.factories import make_power
from gongkai.opendata.vocabulary import Frequency, Theme
from gongkai.reports.services import report_generate
from gongkai.reports.tests.factories import (
    OpenRequestFactory,
    RemedyFactory,
    publish_signed,
)

pytestmark = pytest.mark.django_db


def _rows(key: str) -> list[dict]:
    return list(registered_dataset(key).rows())


def test_every_built_in_dataset_is_well_described():
    for dataset in registered_datasets():
        assert dataset.theme in Theme.values and dataset.frequency in Frequency.values
        names = [f.name for f in dataset.fields]
        assert len(set(names)) == len(names), dataset.key
        assert all(f.type in FIELD_TYPES and f.title and f.meaning for f in dataset.fields)


def test_a_removed_power_leaves_the_dataset(office, body):
    kept = make_power(office, body, "GA-XK-001", name="户口迁移审批")
    removed = make_power(office, body, "GA-XK-002", name="居民身份证核发")
    power_set_active(actor=office, power=removed, active=False,
                     changed_on=dt.date(2026, 9, 1), reason="事项取消")  # fmt: skip
    rows = _rows("powers")
    assert [r["code"] for r in rows] == [kept.code]
    assert rows[0]["bases"].startswith("《") and rows[0]["kind"] == "行政许可"


def test_only_published_decisions_with_the_party_as_published(office, body):
    agency = make_agency(office, body)
    shown = make_decision(office, body, agency)
    make_decision(office, body, agency, publish=False, number="湛公（赤）行罚决字〔2026〕2001号")
    rows = _rows("enforcement-decisions")
    assert [r["number"] for r in rows] == [shown.number]
    assert rows[0]["party"] == shown.party_public


def test_statistics_only_from_published_reports(office, body):
    OpenRequestFactory(organisation=body, received_on=dt.date(2025, 3, 2))
    RemedyFactory(request__organisation=body, result="upheld", decided_on=dt.date(2025, 8, 1))
    report = report_generate(organisation=body, year=2025, actor=office)
    assert _rows("foi-statistics") == [] and _rows("yearly-report-tables") == []
    publish_signed(report, office)
    rows = _rows("foi-statistics")
    # Two applications received in 2025: the open one and the one the review was about.
    received = [r for r in rows if r["row"].startswith("一、") and r["column"] == "总计"]
    assert received == [{"organisation": body.name, "year": 2025,
                         "row": "一、本年新收政府信息公开申请数量", "column": "总计", "value": 2}]  # fmt: skip
    tables = _rows("yearly-report-tables")
    review = [r for r in tables if r["row"] == "行政复议" and r["column"] == "结果维持"]
    assert review[0]["value"] == "1"
    assert {r["table"] for r in tables} == {
        "二、第二十条第（一）项", "二、第二十条第（五）项", "二、第二十条第（六）项",
        "二、第二十条第（八）项", "四、政府信息公开行政复议、行政诉讼情况",
    }  # fmt: skip
