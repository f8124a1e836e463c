"""Pages: public xxgk/ pages, the workbench, permissions, query counts, exports."""

import csv
import html
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.proactive import selectors, services
from gongkai.proactive.exports import catalog_xlsx
from gongkai.proactive.law import SECTION_GROUPS, Section, SectionGroup
from gongkai.proactive.models import Item, PrivacyFinding, ReviewDecision, Status
from gongkai.proactive.selectors import CatalogRow
from gongkai.proactive.tests.factories import (
    PLANTED_ID,
    TopicFactory,
    approve_all,
    draft,
    published,
)
from gongkai.proactive.views.public import DIRECTORY_PAGE_SIZE

pytestmark = pytest.mark.django_db


def _public_user():
    return get_user_model().objects.create_user(username="citizen", password="pw-for-tests-1")


def test_item_page_shows_the_metadata_table_and_only_the_redacted_text(
    client, handler, reviewer, leader, office
):
    item = published(
        handler, reviewer, leader, office, body=f"<p>身份证号{PLANTED_ID}</p>",
        document_number="湛公通〔2017〕12号",
    )  # fmt: skip
    page = client.get(reverse("proactive:item", args=[item.pk])).content.decode()
    for text in ("索引号", item.index_number, "发布机构", "成文日期", "2026-03-02", "文号",
                 "湛公通〔2017〕12号", "有效性", "主题分类"):  # fmt: skip
        assert text in page
    assert PLANTED_ID not in page
    assert "440803********123X" in page


def test_item_page_lists_attachments_and_offers_a_qr_code_and_a_print_view(
    client, handler, reviewer, leader, office, django_assert_max_num_queries
):
    item = draft(handler)
    services.item_attach(item=item, actor=handler, name="办事指南.txt", content="材料清单".encode())
    item = services.item_submit(item=item, actor=handler)
    item = services.item_publish(item=approve_all(item, reviewer, leader), actor=office)
    path = reverse("proactive:item", args=[item.pk])
    # The item (with existence flags), its files; the site body and its filings (footer).
    with django_assert_max_num_queries(4):
        page = client.get(path).content.decode()
    file = item.attachments.get()
    assert reverse("proactive:attachment", args=[file.pk]) in page and "办事指南.txt" in page
    assert f"/qr/page.png?path={path.replace('/', '%2F')}" in page
    print_path = reverse("proactive:item-print", args=[item.pk])
    assert print_path in page
    printed = client.get(print_path).content.decode()
    assert "print-button" in printed and item.public_title in printed
    assert "主动公开目录" not in printed  # no menus on paper
    assert f"/qr/page.png?path={path.replace('/', '%2F')}" in printed  # opens the page


def test_item_page_without_files_or_interpretations_is_one_query(
    client, handler, reviewer, leader, office, django_assert_num_queries
):
    from gongkai.portal.selectors import site_identity_for_pages

    item = published(handler, reviewer, leader, office)
    site_identity_for_pages()  # the header's body and the footer's filings, kept per process
    with django_assert_num_queries(1):
        assert client.get(reverse("proactive:item", args=[item.pk])).status_code == 200


def test_withdrawn_item_shows_the_notice(client, handler, reviewer, leader, office):
    item = published(handler, reviewer, leader, office)
    services.item_withdraw(item=item, actor=office, reason="已被新文件替代")
    page = client.get(reverse("proactive:item", args=[item.pk])).content.decode()
    assert "撤回公告" in page and "已被新文件替代" in page
    assert "户籍业务可在网上办理" not in page


def test_a_withdrawn_item_is_not_served_from_the_page_cache(
    client, handler, reviewer, leader, office, django_capture_on_commit_callbacks
):
    item = published(handler, reviewer, leader, office)
    path = reverse("proactive:item", args=[item.pk])
    assert client.get(path)["X-Portal-Cache"] == "miss"
    assert client.get(path)["X-Portal-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        services.item_withdraw(item=item, actor=office, reason="已被新文件替代")
    page = client.get(path)
    assert page["X-Portal-Cache"] == "miss"
    assert "撤回公告" in page.content.decode()


@pytest.mark.parametrize("status", ["draft", "filed"])
def test_unpublished_items_are_404_to_the_public(status, client, handler, reviewer, leader):
    item = draft(handler)
    if status == "filed":
        item = draft(handler, label="withheld", label_reason="x", label_basis="条例第十六条")
        services.item_submit(item=item, actor=handler)
        services.item_review(item=item, actor=reviewer, approve=True, confirm_label=True)
        services.item_review(item=item, actor=leader, approve=True)
    assert client.get(reverse("proactive:item", args=[item.pk])).status_code == 404
    assert client.get(reverse("proactive:item-print", args=[item.pk])).status_code == 404


def test_policy_and_interpretation_link_both_ways(client, handler, reviewer, leader, office):
    policy = published(handler, reviewer, leader, office, title="实施方案", section=Section.POLICY)
    reading = published(
        handler,
        reviewer,
        leader,
        office,
        title="实施方案解读",
        interprets=policy,
        interpretation_form="graphic",
    )
    policy_page = client.get(reverse("proactive:item", args=[policy.pk])).content.decode()
    reading_page = client.get(reverse("proactive:item", args=[reading.pk])).content.decode()
    assert reverse("proactive:item", args=[reading.pk]) in policy_page and "图解" in policy_page
    assert reverse("proactive:item", args=[policy.pk]) in reading_page


def test_catalog_page_filters_and_pins_its_queries(
    client, handler, reviewer, leader, office, django_assert_max_num_queries
):
    topic = TopicFactory(name="户籍管理")
    for n in range(3):
        published(handler, reviewer, leader, office, title=f"户籍信息{n}", topic=topic)
    published(handler, reviewer, leader, office, title="其他信息")
    from gongkai.portal.selectors import site_identity_for_pages

    site_identity_for_pages()  # the header's body and the footer's filings, kept per process
    # Up to 8 for the page, and one for the 政府信息公开 tree beside it.
    with django_assert_max_num_queries(9):
        response = client.get(reverse("proactive:catalog"), {"topic": topic.pk})
    page = response.content.decode()
    assert "共 3 条" in page and "户籍信息2" in page and "其他信息" not in page
    with django_assert_max_num_queries(9):
        assert "共 4 条" in client.get(reverse("proactive:catalog")).content.decode()


def test_directory_exports(
    client, handler, reviewer, leader, office, django_assert_max_num_queries
):
    published(handler, reviewer, leader, office, title="=HYPERLINK(1)", summary="概述")
    published(handler, reviewer, leader, office, title="政策文件", section=Section.POLICY)
    # The count, the page's rows, and the 政府信息公开 tree beside it (3).
    with django_assert_max_num_queries(5):
        page = client.get(reverse("proactive:directory")).content.decode()
    assert "共性信息" in page and "个性信息" in page
    response = client.get(reverse("proactive:directory"), {"format": "csv"})
    assert response.streaming and response["Content-Type"] == "text/csv; charset=utf-8"
    content = b"".join(response.streaming_content)
    assert content.startswith("\ufeff".encode())  # Excel reads UTF-8 with the BOM
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert rows[0][:7] == [
        "类别",
        "目录栏目",
        "名称",
        "内容概述",
        "责任部门",
        "发布载体",
        "网站链接",
    ]
    assert [r[2] for r in rows[1:]] == ["政策文件", "'=HYPERLINK(1)"]
    response = client.get(reverse("proactive:directory"), {"format": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    assert [c.value for c in sheet["C"]][1:] == ["政策文件", "'=HYPERLINK(1)"]


def _old_catalog(base_url: str) -> list[CatalogRow]:
    """The catalog as the page built it before it was paged: every row, sorted in Python
    (a stable sort of the newest-first items by group, then section)."""
    order = {section: i for i, section in enumerate(Section.values)}
    group_order = {SectionGroup.COMMON: 0, SectionGroup.SPECIFIC: 1}
    rows = [selectors.catalog_row(i, base_url) for i in selectors.items_published()]
    section_of = {str(Section(s).label): s for s in Section.values}
    return sorted(
        rows,
        key=lambda r: (
            group_order[SECTION_GROUPS[section_of[r.section]]],
            order[section_of[r.section]],
        ),
    )


@pytest.fixture
def demo_catalog(db):
    # The demo's items and 300 generated ones: every section, dates spread over years.
    call_command("demo", verbosity=0, items=300)
    return _old_catalog("http://testserver")


def _names(page: str) -> list[str]:
    return re.findall(r'<td><a href="http://testserver/xxgk/\d+/">([^<]*)</a></td>', page)


def test_directory_pages_in_the_old_order(client, demo_catalog, django_assert_max_num_queries):
    assert len(demo_catalog) > 300
    url = reverse("proactive:directory")
    client.get(url, {"page": 3})  # the demo's sites are read once, then kept
    # The count, the page's rows in one query (departments read with them) and the frame.
    with django_assert_max_num_queries(5) as queries:
        page = client.get(url).content.decode()
    items = [q["sql"] for q in queries.captured_queries if '"proactive_item"' in q["sql"]]
    assert len(items) == 2 and "COUNT(*)" in items[0] and "LIMIT 50" in items[1]
    first = [html.escape(r.name, quote=False) for r in demo_catalog[:DIRECTORY_PAGE_SIZE]]
    assert _names(page) == first
    assert f"共 {len(demo_catalog)} 条" in page and 'class="table-scroll"' in page
    assert 'page=2">下一页' in page
    second = _names(client.get(url, {"page": 2}).content.decode())
    expected = demo_catalog[DIRECTORY_PAGE_SIZE : 2 * DIRECTORY_PAGE_SIZE]
    assert second == [html.escape(r.name, quote=False) for r in expected]
    last = -(-len(demo_catalog) // DIRECTORY_PAGE_SIZE)
    for bad in ("0", "x", "99999"):  # a page out of range shows the nearest one, never an error
        assert client.get(url, {"page": bad}).status_code == 200
    tail = _names(client.get(url, {"page": last}).content.decode())
    assert tail == [html.escape(r.name, quote=False) for r in demo_catalog[(last - 1) * 50 :]]


def test_directory_section_filter(client, demo_catalog):
    url = reverse("proactive:directory")
    page = client.get(url, {"section": Section.BUSINESS}).content.decode()
    business = [r for r in demo_catalog if r.section == Section.BUSINESS.label]
    assert f"共 {len(business)} 条" in page and "共性信息</h2>" not in page
    assert _names(page) == [html.escape(r.name, quote=False) for r in business[:50]]
    assert 'value="business" selected' in page
    if len(business) > DIRECTORY_PAGE_SIZE:
        assert "section=business&amp;page=2" in page
    csv_rows = _csv(client.get(url, {"section": Section.BUSINESS, "format": "csv"}))
    assert [r[2] for r in csv_rows[1:]] == [r.name for r in business]
    for bad in ("nonsense", "'; drop table x", ""):  # ignored: the whole catalog
        response = client.get(url, {"section": bad})
        assert response.status_code == 200
        assert f"共 {len(demo_catalog)} 条" in response.content.decode()


def _csv(response) -> list[list[str]]:
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return list(csv.reader(io.StringIO(content)))


def test_directory_csv_has_every_row_in_order(client, demo_catalog):
    rows = _csv(client.get(reverse("proactive:directory"), {"format": "csv"}))
    assert len(rows) == len(demo_catalog) + 1
    assert [r[6] for r in rows[1:]] == [r.url for r in demo_catalog]
    assert [r[7] for r in rows[1:]] == [r.index_number for r in demo_catalog]


def test_directory_xlsx_past_the_sheet_limit_says_so(demo_catalog):
    full = load_workbook(io.BytesIO(b"".join(catalog_xlsx(iter(demo_catalog)).streaming_content)))
    assert full.active.max_row == len(demo_catalog) + 1  # the header and every row
    exact = catalog_xlsx(iter(demo_catalog[:10]), limit=10)
    sheet = load_workbook(io.BytesIO(b"".join(exact.streaming_content))).active
    assert sheet.max_row == 11 and sheet["C11"].value == demo_catalog[9].name
    cut = catalog_xlsx(iter(demo_catalog[:11]), limit=10)
    sheet = load_workbook(io.BytesIO(b"".join(cut.streaming_content))).active
    assert sheet.max_row == 11 and sheet["C10"].value == demo_catalog[8].name
    assert sheet["A11"].value == (
        "目录条目多于一张电子表格所能容纳的行数：此处只列出前 9 条，完整目录请下载 CSV 文件。"
    )


def test_public_registers(client, office, body):
    services.negative_entry_create(
        actor=office, organisation=body, category="process", description="内部讨论记录",
        legal_basis="条例第十六条第二款", review_on="2026-12-31",
    )  # fmt: skip
    assert "内部讨论记录" in client.get(reverse("proactive:negative_list")).content.decode()
    assert client.get(reverse("proactive:normative")).status_code == 200


WORKBENCH_PAGES = ["proactive:workbench", "proactive:item_new", "proactive:import"]
OFFICE_PAGES = ["proactive:negative_manage", "proactive:normative_manage", "proactive:self_check",
                "proactive:standard_catalog"]  # fmt: skip


@pytest.mark.parametrize("name", WORKBENCH_PAGES + OFFICE_PAGES)
def test_anonymous_and_public_users_never_reach_the_workbench(name, client):
    response = client.get(reverse(name))
    assert response.status_code == 302 and "/login/" in response["Location"]
    client.force_login(_public_user())
    assert client.get(reverse(name)).status_code == 404


@pytest.mark.parametrize("name", OFFICE_PAGES)
def test_office_pages_need_the_office(name, client, handler, office):
    client.force_login(handler)
    assert client.get(reverse(name)).status_code == 404
    client.force_login(office)
    assert client.get(reverse(name)).status_code == 200


def test_item_pages_are_scoped(client, handler, body):
    item = draft(handler)
    stranger = make_staff(OrganisationFactory(), roles=[Role.OFFICE])
    client.force_login(stranger)
    assert client.get(reverse("proactive:item_detail", args=[item.pk])).status_code == 404
    assert client.get(reverse("proactive:item_detail", args=[999999])).status_code == 404
    client.force_login(handler)
    assert client.get(reverse("proactive:item_detail", args=[item.pk])).status_code == 200


def _snapshot(item):
    item.refresh_from_db()
    return (
        item.status,
        item.review_step,
        LedgerEntry.objects.count(),
        ReviewDecision.objects.count(),
    )


def test_review_refusals_change_nothing(client, handler, reviewer, body):
    item = services.item_submit(item=draft(handler, body=f"<p>{PLANTED_ID}</p>"), actor=handler)
    before = _snapshot(item)
    url = reverse("proactive:item_review", args=[item.pk])
    form = {"step": 0, "decision": "approve", "confirm_label": "on"}
    assert client.post(url, form).status_code == 302  # anonymous → login
    client.force_login(_public_user())
    assert client.post(url, form).status_code == 404
    client.force_login(handler)  # staff without the right
    page = client.post(url, form).content.decode()
    assert "此环节由本机关的" in page
    client.force_login(reviewer)  # the right role, but a finding is open
    page = client.post(url, form).content.decode()
    assert "请先处理每一项个人信息检出项" in page
    assert _snapshot(item) == before


def test_reviewer_masks_and_approves_through_the_pages(client, handler, reviewer):
    item = services.item_submit(
        item=draft(handler, body=f"<p>身份证号{PLANTED_ID}</p>"), actor=handler
    )
    finding = item.findings.get()
    client.force_login(reviewer)
    page = client.get(reverse("proactive:item_review", args=[item.pk])).content.decode()
    assert f'<mark id="mark-{finding.pk}"' in page
    client.post(
        reverse("proactive:finding_decide", args=[finding.pk]),
        {"action": "mask", "reason": "个人隐私"},
    )
    assert PrivacyFinding.objects.get(pk=finding.pk).state == "masked"
    url = reverse("proactive:item_review", args=[item.pk])
    client.post(url, {"step": 0, "decision": "approve", "confirm_label": "on"})
    client.post(url, {"step": 0, "decision": "approve", "confirm_label": "on"})  # repeated POST
    item.refresh_from_db()
    assert (item.review_step, ReviewDecision.objects.count()) == (1, 1)


def test_creating_twice_with_the_same_form_makes_one_draft(client, handler):
    client.force_login(handler)
    form = {"title": "关于户籍的通知", "section": "business", "validity": "valid", "carriers": "政府网站",
            "label": "proactive", "body": "<p>正文</p>", "idempotency_key": "abc123"}  # fmt: skip
    first = client.post(reverse("proactive:item_new"), form)
    second = client.post(reverse("proactive:item_new"), form)
    assert first.status_code == second.status_code == 302
    assert Item.objects.count() == 1


def test_bad_input_shows_a_chinese_message_and_saves_nothing(client, handler):
    client.force_login(handler)
    form = {"title": "通知", "section": "business", "validity": "valid", "carriers": "政府网站",
            "label": "withheld", "label_reason": "内部", "document_number": "湛公通2017年12号"}  # fmt: skip
    page = client.post(reverse("proactive:item_new"), form).content.decode()
    assert "格式不正确" in page
    assert Item.objects.count() == 0


def test_original_is_for_reviewers_not_handlers(client, handler, reviewer, body, unit):
    item = draft(handler, unit=unit, body=f"<p>{PLANTED_ID}</p>")
    client.force_login(handler)
    assert client.get(reverse("proactive:item_original", args=[item.pk])).status_code == 404
    client.force_login(reviewer)
    assert (
        PLANTED_ID
        in client.get(reverse("proactive:item_original", args=[item.pk])).content.decode()
    )


def test_diff_view(client, handler):
    item = draft(handler)
    services.item_update(
        item=item, actor=handler,
        fields=services.ItemFields(title=item.title, section=item.section, body="<p>新的正文。</p>",
                                   written_on=item.written_on),
    )  # fmt: skip
    client.force_login(handler)
    page = client.get(reverse("proactive:item_diff", args=[item.pk])).content.decode()
    assert '<li class="added"><ins>' in page and "新的正文。" in page
    assert '<li class="removed"><del>' in page


def test_workbench_queue_pins_its_queries(client, handler, reviewer, django_assert_max_num_queries):
    for n in range(4):
        services.item_submit(item=draft(handler, title=f"待审{n}"), actor=handler)
    client.force_login(reviewer)
    with django_assert_max_num_queries(14):
        page = client.get(reverse("proactive:workbench")).content.decode()
    assert page.count("保密审查") == 4


def test_import_page_reports_quarantine(client, handler):
    from pathlib import Path

    from django.core.files.uploadedfile import SimpleUploadedFile

    seed = next((Path(__file__).parent / "data").glob("004_*.txt"))
    client.force_login(handler)
    page = client.post(
        reverse("proactive:import"),
        {"files": [SimpleUploadedFile(seed.name, seed.read_bytes())], "section": "business"},
        follow=True,
    ).content.decode()
    assert "已隔离 2 行被植入的垃圾信息" in page and "已删除 3815 处拼音注音" in page
    assert Item.objects.get().status == Status.DRAFT
    # OpenCC is a declared dependency: the traditional→simplified option is offered.
    assert "disabled" not in client.get(reverse("proactive:import")).content.decode()
