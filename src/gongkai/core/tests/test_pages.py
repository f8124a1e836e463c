"""Workbench and portal pages render in Chinese, and bad input changes nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.core.models import CalendarYear, LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.core.tests.test_notice import HYPOTHETICAL_2027
from gongkai.core.views import calendar_warnings

pytestmark = pytest.mark.django_db


@pytest.fixture
def office(client):
    body = OrganisationFactory(name="湛江市公安局", address="湛江市赤坎区", phone="0759-3183110")
    user = make_staff(body, roles=[Role.OFFICE])
    client.force_login(user)
    return user


def test_portal_home_shows_the_body(client, office):
    page = client.get(reverse("portal:home")).content.decode()
    assert "湛江市公安局" in page
    assert "0759-3183110" in page
    assert 'lang="zh-hans"' in page


def test_workbench_home_says_when_nothing_waits(client, office):
    page = client.get(reverse("core:workbench")).content.decode()
    assert "我的待办" in page
    assert "目前没有等待您办理的事项。" in page
    assert "已超期" not in page  # empty sections are left out


@pytest.mark.parametrize(
    ("today", "years"), [("2026-11-22", [2027]), ("2026-06-01", []), ("2027-01-05", [2027])]
)
def test_the_office_is_warned_about_unloaded_years(today, years):
    warnings = calendar_warnings(dt.date.fromisoformat(today))
    assert [y for y in (2026, 2027) if any(str(y) in w for w in warnings)] == years


def test_notice_preview_then_confirm(client, office):
    preview = client.post(reverse("core:calendar"), {"text": HYPOTHETICAL_2027})
    page = preview.content.decode()
    assert preview.status_code == 200
    assert "2027" in page and "春节" in page
    assert CalendarYear.objects.count() == 0  # a preview stores nothing
    confirmed = client.post(reverse("core:calendar"), {"text": HYPOTHETICAL_2027, "confirm": "1"})
    assert confirmed.status_code == 302
    assert CalendarYear.objects.get().year == 2027


def test_a_bad_notice_names_the_line_and_stores_nothing(client, office):
    text = "国务院办公厅关于2027年部分节假日安排的通知\n一、元旦：1月1日放假1天。\n二、春节：2月5日至12日放假调休，共9天。"
    entries = LedgerEntry.objects.count()
    response = client.post(reverse("core:calendar"), {"text": text, "confirm": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "第3行" in page
    assert CalendarYear.objects.count() == 0
    assert LedgerEntry.objects.count() == entries


def test_workday_calculator_explains(client, office):
    page = client.get(reverse("core:workdays"), {"date": "2026-09-30", "n": "3"}).content.decode()
    assert "2026-10-10" in page
    assert "国庆节" in page


def test_workday_calculator_rejects_bad_input(client, office):
    response = client.get(reverse("core:workdays"), {"date": "2026-02-30", "n": "-1"})
    assert response.status_code == 200
    assert "errorlist" in response.content.decode()


def test_ledger_xlsx_export(client, office, tmp_path):
    response = client.get(reverse("core:ledger_export", args=["xlsx"]))
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(response.content)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][0] == "序号"
    assert len(rows) == 1 + LedgerEntry.objects.filter(organisation__isnull=False).count()


def test_admin_is_in_chinese(client, office):
    office.is_superuser = True
    office.save()
    page = client.get("/admin/").content.decode()
    assert "站点管理" in page or "管理" in page


def test_ledger_filters_by_organisation_within_scope(client, office):
    from gongkai.core.services import organisation_create

    body = office.staff_profile.organisation
    unit = organisation_create(actor=None, name="户政科", code="hz", kind="unit", parent=body)
    outsider = organisation_create(actor=None, name="茂名市公安局", code="mm")
    page = client.get(reverse("core:ledger"), {"organisation": body.pk}).content.decode()
    assert "户政科" in page
    refused = client.get(reverse("core:ledger"), {"organisation": outsider.pk})
    assert "茂名市公安局" not in refused.content.decode().split("<table>")[1]
    assert unit.pk


def test_sweep_anchors_the_ledger():
    from django.core.management import call_command

    from gongkai.core.models import LedgerAnchor
    from gongkai.core.services import ledger_append

    ledger_append(actor=None, action="test.step")
    call_command("sweep", verbosity=0)
    assert LedgerAnchor.objects.get().seq == 1
