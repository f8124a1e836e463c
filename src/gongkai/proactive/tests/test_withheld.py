"""What is withheld, kept under review (issue 11, point 11).

* 负面清单 (seed 002: 细化明确不予公开范围): entries are edited and retired with their history;
  an entry past its review date is flagged to the openness office.
* 条例 art. 18: "行政机关应当建立健全政府信息管理动态调整机制，对本行政机关不予公开的政府信息进行定期
  评估审查，对因情势变化可以公开的政府信息应当公开。" Seed 002 makes the review yearly (每年…全面自查):
  the self-check has a summary, an export, a sign-off, and earlier years stay readable.
"""

import csv
import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry, Notification
from gongkai.proactive import selectors, services
from gongkai.proactive.models import NegativeListEntry, SelfCheck, SelfCheckDecision
from gongkai.proactive.tests.factories import approve_all, draft

pytestmark = pytest.mark.django_db

D = dt.date
THIS_YEAR = timezone.localdate().year


LATER = D(2030, 12, 31)


def _entry(office, body, review_on=LATER, description="内部讨论记录"):
    return services.negative_entry_create(
        actor=office, organisation=body, category="process", description=description,
        legal_basis="条例第十六条第二款", review_on=review_on,
    )  # fmt: skip


def _fields(entry, **changes):
    values = {
        "category": entry.category,
        "description": entry.description,
        "legal_basis": entry.legal_basis,
        "review_on": entry.review_on,
    }
    values.update(changes)
    return services.NegativeFields(**values)


def _ledger(entry):
    return list(
        LedgerEntry.objects.filter(
            object_type="proactive.negativelistentry", object_id=str(entry.pk)
        )
        .order_by("seq")
        .values_list("action", flat=True)
    )


def test_an_entry_is_edited_and_retired_with_its_history(office, body):
    entry = _entry(office, body)
    with pytest.raises(ServiceError) as error:
        services.negative_entry_update(entry=entry, actor=office, fields=_fields(entry), reason="x")
    assert error.value.code == "nothing_changed"
    with pytest.raises(ServiceError) as error:
        services.negative_entry_update(
            entry=entry, actor=office, fields=_fields(entry, legal_basis="条例第十六条"), reason=" "
        )
    assert error.value.code == "reason_required"
    entry = services.negative_entry_update(
        entry=entry, actor=office, reason="依据写明款项",
        fields=_fields(entry, legal_basis="《政府信息公开条例》第十六条第二款"),
    )  # fmt: skip
    entry = services.negative_entry_retire(entry=entry, actor=office, reason="已纳入主动公开目录")
    assert (entry.is_active, entry.retired_on, entry.retired_reason) == (
        False, timezone.localdate(), "已纳入主动公开目录",
    )  # fmt: skip
    history = list(selectors.negative_entry_history(entry))
    assert [(v.number, v.change, v.legal_basis, v.reason, v.actor) for v in history] == [
        (1, "created", "条例第十六条第二款", "", office),
        (2, "edited", "《政府信息公开条例》第十六条第二款", "依据写明款项", office),
        (3, "retired", "《政府信息公开条例》第十六条第二款", "已纳入主动公开目录", office),
    ]
    assert _ledger(entry) == [
        "proactive.negative.create", "proactive.negative.update", "proactive.negative.retire",
    ]  # fmt: skip
    # Retired: no more edits, off the public list, and no new label may cite it.
    with pytest.raises(ServiceError) as error:
        services.negative_entry_update(
            entry=entry, actor=office, fields=_fields(entry, legal_basis="x"), reason="y"
        )
    assert error.value.code == "entry_retired"
    assert list(selectors.negative_list(body.pk)) == []


def test_a_retired_entry_cannot_be_cited(office, body, handler):
    entry = services.negative_entry_retire(entry=_entry(office, body), actor=office, reason="废止")
    with pytest.raises(ServiceError) as error:
        draft(handler, label="withheld", label_reason="内部讨论", negative_entry=entry)
    assert error.value.code == "foreign_entry"


def test_editing_into_a_duplicate_is_refused(office, body):
    _entry(office, body, description="内部讨论记录")
    other = _entry(office, body, description="请示报告")
    with pytest.raises(ServiceError) as error:
        services.negative_entry_update(
            entry=other, actor=office, fields=_fields(other, description="内部讨论记录"),
            reason="合并",
        )  # fmt: skip
    assert error.value.code == "duplicate_entry"
    assert selectors.negative_entry_history(other).count() == 1


def test_only_the_office_keeps_the_list(office, body, handler):
    entry = _entry(office, body)
    with pytest.raises(PermissionDeniedError):
        services.negative_entry_retire(entry=entry, actor=handler, reason="x")
    entry.refresh_from_db()
    assert entry.is_active and selectors.negative_entry_history(entry).count() == 1


def test_an_entry_past_its_review_date_is_flagged_to_the_office_once(office, body, client):
    entry = _entry(office, body, review_on=D(2026, 3, 31))
    _entry(office, body, review_on=D(2030, 1, 1), description="人事管理")
    # On its review date it is not yet past it; the day after it is.
    assert services.negative_entries_flag_due(today=D(2026, 3, 31)) == 0
    assert services.negative_entries_flag_due(today=D(2026, 4, 1)) == 1
    note = Notification.objects.get(recipient=office)
    assert "内部讨论记录" in note.message and "2026-03-31" in note.message
    assert note.url == reverse("proactive:negative_entry", args=[entry.pk])
    assert services.negative_entries_flag_due(today=D(2026, 4, 2)) == 0  # once per date
    assert list(selectors.negative_entries_due([body.pk], today=D(2026, 4, 1))) == [entry]
    # On the office's workbench.
    client.force_login(office)
    page = client.get(reverse("proactive:workbench")).content.decode()
    assert 'id="negative-due"' in page and "内部讨论记录" in page
    # Reviewed: kept, with the next review date; no longer due.
    services.negative_entry_update(
        entry=entry, actor=office, fields=_fields(entry, review_on=D(2030, 3, 31)),
        reason="复核：仍属过程性信息",
    )  # fmt: skip
    assert list(selectors.negative_entries_due([body.pk], today=D(2026, 4, 2))) == []
    page = client.get(reverse("proactive:workbench")).content.decode()
    assert 'id="negative-due"' not in page


def test_the_entry_page_shows_history_and_edits(office, body, client):
    entry = _entry(office, body)
    client.force_login(office)
    url = reverse("proactive:negative_entry", args=[entry.pk])
    response = client.post(url, {"do": "edit", "category": "process", "description": "内部讨论记录",
                                 "legal_basis": "条例第十六条", "review_on": "2031-01-01",
                                 "reason": "复核"})  # fmt: skip
    assert response.status_code == 302
    page = client.get(url).content.decode()
    for text in ("历史", "创建", "修改", "复核", "2031-01-01"):
        assert text in page, text
    response = client.post(url, {"do": "retire", "reason": "已公开"})
    entry.refresh_from_db()
    assert not entry.is_active


def _withheld(handler, reviewer, leader, title):
    item = draft(handler, title=title, label="withheld", label_reason="内部事务",
                 label_basis="条例第十六条")  # fmt: skip
    return approve_all(services.item_submit(item=item, actor=handler), reviewer, leader)


@pytest.fixture
def withheld(handler, reviewer, leader):
    return [_withheld(handler, reviewer, leader, t) for t in ("人事任免讨论记录", "内部请示")]


def test_the_year_is_summarised_decided_and_signed_off(office, body, withheld):
    kept, opened = withheld
    summary = selectors.self_check_summary(body, THIS_YEAR)
    assert (summary.decided, summary.undecided) == (0, 2)
    with pytest.raises(ServiceError) as error:
        services.self_check_sign_off(actor=office, organisation=body, year=THIS_YEAR)
    assert error.value.code == "undecided_items"
    services.self_check_decide(item=kept, actor=office, year=THIS_YEAR, label="withheld",
                               comment="仍属内部事务")  # fmt: skip
    services.self_check_decide(item=opened, actor=office, year=THIS_YEAR, label="proactive",
                               comment="情势变化，可以公开")  # fmt: skip
    check = services.self_check_sign_off(
        actor=office, organisation=body, year=THIS_YEAR, note="已全面自查"
    )
    assert check.summary == {
        "year": THIS_YEAR, "decided": 2, "kept_withheld": 1, "made_public": 1, "on_request": 0,
        "undecided": 0, "negative_active": 0, "negative_edited": 0, "negative_retired": 0,
        "negative_due": 0,
    }  # fmt: skip
    assert LedgerEntry.objects.filter(action="proactive.self_check.sign_off").count() == 1
    with pytest.raises(ServiceError) as error:
        services.self_check_sign_off(actor=office, organisation=body, year=THIS_YEAR)
    assert error.value.code == "self_check_signed_off"
    assert SelfCheck.objects.count() == 1


def test_no_decision_after_sign_off(office, body, handler, reviewer, leader):
    services.self_check_sign_off(actor=office, organisation=body, year=THIS_YEAR)
    late = _withheld(handler, reviewer, leader, "后来定密的文件")
    with pytest.raises(ServiceError) as error:
        services.self_check_decide(item=late, actor=office, year=THIS_YEAR, label="proactive",
                                   comment="x")  # fmt: skip
    assert error.value.code == "self_check_signed_off"
    assert SelfCheckDecision.objects.count() == 0
    late.refresh_from_db()
    assert (late.status, late.label) == ("filed", "withheld")


def test_export_in_chinese_as_csv_and_xlsx(office, body, client, withheld):
    kept, _opened = withheld
    services.self_check_decide(item=kept, actor=office, year=THIS_YEAR, label="withheld",
                               comment="仍属内部事务")  # fmt: skip
    client.force_login(office)
    url = reverse("proactive:self_check_export")
    response = client.get(url, {"year": THIS_YEAR, "format": "csv"})
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert rows[0] == ["索引号", "标题", "起草单位", "不予公开理由", "法律依据", "自查结论", "说明",
                       "决定人", "决定时间"]  # fmt: skip
    assert [(r[1], r[5], r[6]) for r in rows[1:]] == [
        ("人事任免讨论记录", "不予公开", "仍属内部事务"), ("内部请示", "尚未决定", ""),
    ]  # fmt: skip
    response = client.get(url, {"year": THIS_YEAR, "format": "xlsx"})
    workbook = load_workbook(io.BytesIO(response.content))
    assert workbook.sheetnames == [f"{THIS_YEAR}年自查", "汇总"]
    totals = {row[0]: row[1] for row in workbook["汇总"].iter_rows(min_row=2, values_only=True)}
    assert (totals["已决定的不予公开信息"], totals["尚未决定"]) == (1, 1)


def test_earlier_years_stay_readable(office, body, client, withheld):
    kept, _opened = withheld
    services.self_check_decide(item=kept, actor=office, year=THIS_YEAR - 1, label="withheld",
                               comment="去年自查：仍属内部事务")  # fmt: skip
    client.force_login(office)
    url = reverse("proactive:self_check")
    page = client.get(url, {"year": THIS_YEAR - 1}).content.decode()
    assert "去年自查：仍属内部事务" in page
    assert f'href="?year={THIS_YEAR}"' in page  # the year list links back
    this_year = client.get(url).content.decode()
    assert "去年自查：仍属内部事务" not in this_year


@pytest.mark.parametrize("who", ["anonymous", "handler"])
def test_self_check_pages_are_for_the_office(who, client, handler):
    if who == "handler":
        client.force_login(handler)
    for name in ("proactive:self_check", "proactive:self_check_export"):
        response = client.get(reverse(name))
        # Anonymous: to the login page; staff without the role: the same 404 as a missing page.
        assert response.status_code == (302 if who == "anonymous" else 404), name
    response = client.post(reverse("proactive:self_check_sign_off"))
    assert response.status_code == (302 if who == "anonymous" else 404)
    assert SelfCheck.objects.count() == 0
    assert NegativeListEntry.objects.count() == 0


def test_the_admin_cannot_edit_past_the_history(office, body, client, django_user_model):
    """The negative list is read-only in the admin: a change there would skip the history."""
    entry = _entry(office, body)
    admin = django_user_model.objects.create_superuser("root", password="pw-for-tests-1")
    client.force_login(admin)
    change = reverse("admin:proactive_negativelistentry_change", args=[entry.pk])
    page = client.get(change).content.decode()
    assert 'name="_save"' not in page and "条例第十六条第二款" in page
    assert client.post(change, {"description": "改过"}).status_code == 403
    entry.refresh_from_db()
    assert entry.description == "内部讨论记录"
