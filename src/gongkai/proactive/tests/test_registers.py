"""Negative list, self-check, normative register and counts, clean-ups, catalogs, art. 44."""

import datetime as dt
import io

import pytest
from openpyxl import Workbook

from gongkai.core.errors import ServiceError
from gongkai.proactive import selectors, services
from gongkai.proactive.exports import standard_catalog_rows
from gongkai.proactive.law import CATALOG_COLUMNS, Section
from gongkai.proactive.models import Item, NormativeDocument, SelfCheckDecision, Status
from gongkai.proactive.tests.factories import approve_all, draft, published

pytestmark = pytest.mark.django_db


def _withheld(handler, reviewer, leader):
    item = draft(handler, label="withheld", label_reason="内部审批材料", label_basis="条例第十六条")
    return approve_all(services.item_submit(item=item, actor=handler), reviewer, leader)


def test_negative_entries_need_basis_and_are_not_duplicated(office, body):
    kwargs = {"actor": office, "organisation": body, "category": "process",
              "description": "内部讨论记录", "review_on": dt.date(2026, 12, 31)}  # fmt: skip
    with pytest.raises(ServiceError):
        services.negative_entry_create(legal_basis="", **kwargs)
    first = services.negative_entry_create(legal_basis="条例第十六条第二款", **kwargs)
    again = services.negative_entry_create(legal_basis="条例第十六条第二款", **kwargs)
    assert first.pk == again.pk
    assert list(selectors.negative_list(body.pk)) == [first]


def test_self_check_lists_every_withheld_item_and_re_decides(
    handler, reviewer, leader, office, body
):
    """Seed 002: 每年对本单位不予公开的信息…进行全面自查…可转为主动公开的应当主动公开."""
    kept = _withheld(handler, reviewer, leader)
    opened = _withheld(handler, reviewer, leader)
    published(handler, reviewer, leader, office)
    assert list(selectors.withheld_items([body.pk])) == [kept, opened]
    services.self_check_decide(
        item=kept, actor=office, year=2026, label="withheld", comment="仍属内部事务"
    )
    services.self_check_decide(
        item=opened, actor=office, year=2026, label="proactive", comment="已无保密必要"
    )
    again = services.self_check_decide(
        item=opened, actor=office, year=2026, label="withheld", comment="x"
    )
    assert again.label == "proactive"  # one decision per item and year
    opened.refresh_from_db()
    kept.refresh_from_db()
    assert (opened.status, opened.label, kept.status) == (Status.DRAFT, "proactive", Status.FILED)
    assert SelfCheckDecision.objects.count() == 2
    assert list(selectors.withheld_items([body.pk])) == [kept]


def test_self_check_is_for_the_office(handler, reviewer, leader):
    item = _withheld(handler, reviewer, leader)
    with pytest.raises(ServiceError):
        services.self_check_decide(
            item=item, actor=leader, year=2026, label="proactive", comment="x"
        )
    assert SelfCheckDecision.objects.count() == 0


def _register(office, body, number, kind="normative", issued=dt.date(2024, 3, 1), until=None):
    return services.normative_document_register(
        actor=office, organisation=body,
        fields=services.NormativeFields(kind, f"文件{number}", number, issued, issued, until),
    )  # fmt: skip


def test_normative_counts_for_the_yearly_report(office, body):
    """国办公开办函〔2021〕30号 section 二, 第二十条第（一）项: 本年制发, 本年废止, 现行有效."""
    old = _register(office, body, "湛公规〔2020〕1号", issued=dt.date(2020, 1, 10))
    _register(office, body, "湛公规〔2024〕1号", issued=dt.date(2024, 2, 1))
    amended = _register(office, body, "湛公规〔2024〕2号", issued=dt.date(2024, 6, 1))
    _register(
        office, body, "湛江市公安局令〔2024〕1号", kind="regulation", issued=dt.date(2024, 5, 1)
    )
    _register(office, body, "湛公规〔2025〕1号", issued=dt.date(2025, 1, 2))  # next year
    services.normative_document_change(
        document=old,
        actor=office,
        status="repealed",
        on=dt.date(2024, 9, 1),
        changed_by="湛公规〔2024〕2号",
    )
    services.normative_document_change(
        document=amended,
        actor=office,
        status="amended",
        on=dt.date(2025, 3, 1),
        changed_by="湛公规〔2025〕1号",
    )
    assert selectors.normative_document_counts(body, 2024) == {
        "regulation": {"made": 1, "repealed": 0, "in_force": 1},
        "normative": {"made": 2, "repealed": 1, "in_force": 2},
    }
    assert selectors.normative_document_counts(body, 2023) == {
        "regulation": {"made": 0, "repealed": 0, "in_force": 0},
        "normative": {"made": 0, "repealed": 0, "in_force": 1},
    }


@pytest.mark.parametrize(("status", "changed_by", "code"), [
    ("repealed", "", "changed_by_required"),
    ("amended", "", "changed_by_required"),
    ("in_force", "x", "invalid_transition"),
])  # fmt: skip
def test_normative_changes_are_guarded(status, changed_by, code, office, body):
    document = _register(office, body, "湛公规〔2024〕9号")
    with pytest.raises(ServiceError) as error:
        services.normative_document_change(
            document=document,
            actor=office,
            status=status,
            on=dt.date(2024, 9, 1),
            changed_by=changed_by,
        )
    assert error.value.code == code
    document.refresh_from_db()
    assert document.status == "in_force"


def test_expired_documents_are_marked_by_the_job(office, body):
    document = _register(
        office, body, "湛公规〔2019〕1号", issued=dt.date(2019, 3, 1), until=dt.date(2024, 2, 28)
    )
    assert services.normative_documents_expire_due(today=dt.date(2024, 2, 28)) == 0
    assert services.normative_documents_expire_due(today=dt.date(2024, 2, 29)) == 1
    document.refresh_from_db()
    assert (document.status, document.status_changed_on) == ("expired", dt.date(2024, 2, 28))


def test_cleanup_publishes_and_applies_outcomes(office, body):
    keep = _register(office, body, "湛公规〔2024〕3号")
    repeal = _register(office, body, "湛公规〔2024〕4号")
    cleanup = services.cleanup_publish(
        actor=office, organisation=body, title="2025年规范性文件清理结果", decided_on=dt.date(2025, 6, 30),
        outcomes={keep.pk: "keep", repeal.pk: "repeal"},
    )  # fmt: skip
    assert cleanup.entries.count() == 2
    statuses = dict(NormativeDocument.objects.values_list("pk", "status"))
    assert statuses == {keep.pk: "in_force", repeal.pk: "repealed"}


def _sheet(rows) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["户籍管理政务公开标准目录"])
    sheet.append(list(CATALOG_COLUMNS))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


BIRTH = [1, "户籍管理", "出生登记", "1.受理部门 2.办理条件", "《户口登记条例》《政府信息公开条例》",
         "形成或者变更之日起20个工作日内予以公开", "公安分局", "政府网站、办事窗口", "全社会", "主动", "县级"]  # fmt: skip


def test_standard_catalog_import_and_status(office, handler, reviewer, leader, body):
    """RULES.md "Standard catalogs" (户籍管理 example): 20 working days from formed or changed."""
    count = services.catalog_import(
        actor=office, organisation=body, rows=standard_catalog_rows(_sheet([BIRTH]))
    )
    assert count == 1
    entry = body.standard_catalog.get()
    assert (entry.limit_working_days, entry.channels) == (20, ["政府网站", "办事窗口"])
    assert [s.state for s in selectors.standard_catalog_status(body)] == ["missing"]
    item = published(
        handler, reviewer, leader, office, catalog_item=entry, written_on=dt.date(2026, 1, 5)
    )
    # Published today; written long before → more than 20 working days: late.
    assert item.published_at.date() > dt.date(2026, 2, 2)
    status = selectors.standard_catalog_status(body)[0]
    assert (status.published, status.late, status.state) == (1, 1, "late")


def test_standard_catalog_refuses_bad_rows(office, body):
    bad = list(BIRTH)
    bad[10 - 2] = "部分人"  # 公开对象 outside 全社会 / 特定群体
    with pytest.raises(ServiceError) as error:
        services.catalog_import(
            actor=office, organisation=body, rows=standard_catalog_rows(_sheet([bad]))
        )
    assert error.value.code == "invalid_catalog"
    assert body.standard_catalog.count() == 0


def test_proactive_catalog_groups_common_before_specific(handler, reviewer, leader, office):
    published(handler, reviewer, leader, office, title="业务信息一", section=Section.BUSINESS)
    published(handler, reviewer, leader, office, title="政策文件一", section=Section.POLICY)
    rows = selectors.proactive_catalog()
    assert [(r.group, r.name) for r in rows] == [
        ("共性信息", "政策文件一"),
        ("个性信息", "业务信息一"),
    ]


def test_art_44_draft_from_a_replied_request(body, office, handler):
    from gongkai.foi.models import Status as RequestStatus
    from gongkai.foi.tests.factories import RequestFactory

    request = RequestFactory(organisation=body, status=RequestStatus.REPLIED, outcome="granted",
                             description="2025年本局行政许可事项目录")  # fmt: skip
    item = services.item_draft_from_foi_request(request=request, actor=handler)
    again = services.item_draft_from_foi_request(request=request, actor=handler)
    assert (item.pk, item.status, item.title, item.source_request) == (
        again.pk, Status.DRAFT, "2025年本局行政许可事项目录", request,
    )  # fmt: skip
    assert request.applicant_name not in item.body and request.id_number not in item.body
    refused = RequestFactory(
        organisation=body, status=RequestStatus.REPLIED, outcome="withheld.state_secret"
    )
    with pytest.raises(ServiceError) as error:
        services.item_draft_from_foi_request(request=refused, actor=handler)
    assert error.value.code == "not_disclosed"
    assert Item.objects.count() == 1
