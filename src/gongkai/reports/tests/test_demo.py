"""The demo: the demo bureau's 2025 report generated, consistent and on the portal."""

import importlib.util

import pytest
from django.utils.translation import gettext

from gongkai.core import demo as core_demo
from gongkai.reports.checker import check_tables
from gongkai.reports.checker.extract import tables_from_html
from gongkai.reports.demo import DEMO_YEAR, load_yearly_report
from gongkai.reports.models import Status, YearlyReport

pytestmark = pytest.mark.django_db


def _load(log):
    context = core_demo.DemoContext(log=log.append)
    core_demo.load_organisations(context)
    if importlib.util.find_spec("gongkai.foi.demo") is not None:  # 2025 applications, if any
        importlib.import_module("gongkai.foi.demo")
        for order, _name, loader in core_demo.loaders():
            if order < 60 and loader.__module__ == "gongkai.foi.demo":
                loader(context)
    load_yearly_report(context)
    return context


def test_demo_report_is_published_and_consistent(client):
    log: list[str] = []
    _load(log)
    report = YearlyReport.objects.get(organisation__code="zjga", year=DEMO_YEAR)
    assert report.status == Status.PUBLISHED
    page = client.get(f"/xxgk/ndbg/zjga/{DEMO_YEAR}/").content.decode()
    checked = check_tables(tables_from_html(page))
    assert checked.errors == []
    assert checked.section3.values == report.tables["section3"]
    # Idempotent: a second run changes nothing.
    load_yearly_report(core_demo.DemoContext(log=log.append))
    assert YearlyReport.objects.count() == 1
    assert log[-1] == gettext("Already loaded.")
