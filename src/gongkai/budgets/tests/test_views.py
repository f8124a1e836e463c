"""The public pages under xxgk/budgets/, their exports and the workbench, through the client."""

import csv
import datetime as dt
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.budgets.models import BudgetDocument
from gongkai.budgets.tests.factories import THREE, make_document
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(office, body):
    make_document(
        office, body, year=2024, approved_on=dt.date(2025, 8, 20), publish_on=dt.date(2025, 9, 1)
    )
    return make_document(
        office, body, three={**THREE, "reception": "8.00"}, publish_on=dt.date(2026, 9, 4),
        three_explanation="严格执行接待标准，公务接待费减少2万元。",
    )  # fmt: skip


def test_list_shows_published_documents_only(client, office, body, published):
    make_document(office, body, year=2026, kind="budget", approved_on=dt.date(2026, 2, 10))  # draft
    response = client.get("/xxgk/budgets/")
    assert [d.year for d in response.context["documents"]] == [2025, 2024]
    text = response.content.decode()
    assert "湛江市公安局2025年部门决算" in text
    assert "预算法》第十四条第二款" in text
    assert client.get("/xxgk/budgets/?year=2024").context["documents"][0].year == 2024
    assert list(client.get("/xxgk/budgets/?kind=budget").context["documents"]) == []


def test_list_query_count_does_not_grow_with_the_documents(client, office, body, published):
    client.get("/xxgk/budgets/")
    make_document(
        office, body, year=2023, approved_on=dt.date(2024, 8, 20), publish_on=dt.date(2024, 9, 1)
    )
    with CaptureQueriesContext(connection) as three_documents:
        client.get("/xxgk/budgets/")
    make_document(
        office, body, year=2022, approved_on=dt.date(2023, 8, 20), publish_on=dt.date(2023, 9, 1)
    )
    with CaptureQueriesContext(connection) as four_documents:
        client.get("/xxgk/budgets/")
    assert len(four_documents) == len(three_documents)


def test_document_page_renders_every_table_and_the_year_on_year_change(client, published):
    response = client.get(reverse("budgets:document", args=[published.pk]))
    text = response.content.decode()
    assert response.status_code == 200
    for title in [
        "部门收支总表",
        "部门支出总表",
        "一般公共预算基本支出表",
        "政府性基金预算支出表",
        "国有资本经营预算支出表",
    ]:
        assert title in text
    assert text.count('<p class="notice">本单位无此项收支，故本表为空表。</p>') == 6
    assert "-2.00" in text and "-20.0%" in text
    assert "严格执行接待标准" in text
    assert "在公开时限内（2026-09-07）" in text


def test_a_draft_has_no_public_page(client, office, body):
    draft = make_document(office, body)
    assert client.get(reverse("budgets:document", args=[draft.pk])).status_code == 404
    assert client.get(f"/api/v1/budgets/documents/{draft.pk}").status_code == 404


def test_document_exports(client, published):
    url = reverse("budgets:document", args=[published.pk])
    book = load_workbook(io.BytesIO(client.get(url + "?format=xlsx").content))
    assert len(book.sheetnames) == 9  # eight tables and the 三公
    three = [[c.value for c in row] for row in book.worksheets[-1].iter_rows()]
    assert three[2] == ["合计", "148.00", "150.00", "-2.00", "-1.3"]
    rows = list(
        csv.reader(io.StringIO(client.get(url + "?format=csv").content.decode("utf-8-sig")))
    )
    assert ["2040201", "行政运行", "800.00", "800.00", "0.00"] in rows
    data = json.loads(client.get(url + "?format=json").content)
    assert data["title"] == "湛江市公安局2025年部门决算"
    assert data["due_on"] == "2026-09-07"
    assert data["three_public_expenses"]["lines"][4]["change_percent"] == "-20.0"


def test_series_exports(client, published):
    rows = list(
        csv.reader(io.StringIO(client.get("/xxgk/budgets/?format=csv").content.decode("utf-8-sig")))
    )
    assert rows[0][:3] == ["机构", "年份", "文件"]
    assert [r[1] for r in rows[1:]] == ["2025", "2024"]
    data = json.loads(client.get("/xxgk/budgets/?format=json").content)
    assert [(d["year"], d["total"]) for d in data] == [(2025, "148.00"), (2024, "150.00")]


def test_api(client, published):
    listed = client.get("/api/v1/budgets/documents?year=2025").json()
    assert [(d["year"], d["kind"], d["due_on"]) for d in listed] == [(2025, "final", "2026-09-07")]
    detail = client.get(f"/api/v1/budgets/documents/{published.pk}").json()
    assert [t["code"] for t in detail["tables"]][:3] == ["summary", "revenue", "expenditure"]
    assert detail["three_public_expenses"]["counts"]["vehicles_held"] == 80
    missing = client.get("/api/v1/budgets/documents/999999")
    assert (missing.status_code, missing.json()["code"]) == (404, "not_found")
    assert client.get("/api/v1/budgets/documents?year=1900").status_code == 400


def test_feed(client, published):
    text = client.get("/xxgk/budgets/feed.rss").content.decode()
    assert "湛江市公安局2025年部门决算" in text


# --- workbench -----------------------------------------------------------------------------


def test_workbench_is_for_the_office(client, body, handler):
    assert client.get(reverse("budgets:manage")).status_code == 302  # to sign in
    client.force_login(handler)
    assert client.get(reverse("budgets:manage")).status_code == 404


def test_office_records_fills_and_publishes(client, office, body):
    client.force_login(office)
    response = client.post(
        reverse("budgets:manage"),
        {"organisation": body.pk, "year": 2025, "kind": "final", "approved_on": "2026-11-30",
         "approved_by": "湛江市财政局", "explanation": "一、部门职责"},
    )  # fmt: skip
    document = BudgetDocument.objects.get()
    assert response.url == reverse("budgets:edit", args=[document.pk])
    edit = reverse("budgets:edit", args=[document.pk])
    page = client.get(edit)
    assert "2026-12-20" in page.content.decode()  # the due date shown to staff
    assert 'value="2026-11-30"' in page.content.decode()
    bad = client.post(edit, {"action": "table:expenditure", "expenditure-rows": "\t合计\t10\t5\t4"})
    assert "第1行：合计10.00不等于各列之和9.00。" in bad.content.decode()
    for code in [
        "summary",
        "revenue",
        "appropriation",
        "general",
        "general_basic",
        "fund",
        "state_capital",
    ]:
        client.post(
            edit,
            {"action": f"table:{code}", f"{code}-rows": "", f"{code}-empty_note": "无此项收支"},
        )
    client.post(edit, {"action": "table:expenditure", "expenditure-rows": "\t合计\t10\t5\t5"})
    client.post(
        edit, {"action": "three", "three-vehicle_operation": "12.5", "three-vehicles_held": "3"}
    )
    client.post(edit, {"action": "publish"})
    document.refresh_from_db()
    assert document.status == "published"
    assert str(document.vehicle_operation) == "12.50"
    assert LedgerEntry.objects.filter(action="budgets.publish").count() == 1


def test_office_of_another_body_sees_nothing(client, office, body):
    document = make_document(office, body)
    other = make_staff(OrganisationFactory(name="遂溪县公安局"), roles=[Role.OFFICE])
    client.force_login(other)
    assert client.get(reverse("budgets:edit", args=[document.pk])).status_code == 404
    response = client.post(reverse("budgets:edit", args=[document.pk]), {"action": "publish"})
    assert response.status_code == 404
    document.refresh_from_db()
    assert document.status == "draft"


def test_the_running_clock_is_on_the_office_deadlines_board(office, body):
    from gongkai.core.selectors.duties import duties_for

    document = make_document(office, body, approved_on=dt.date(2026, 11, 30))
    board = duties_for(office)
    rows = [d for d in board.overdue + board.today + board.soon + board.later if "预决算" in d.kind]
    assert [(d.title, d.url, d.due_on) for d in rows] == [
        (
            "公开湛江市公安局2025年部门决算",
            reverse("budgets:edit", args=[document.pk]),
            dt.date(2026, 12, 20),
        )
    ]
