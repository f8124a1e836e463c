"""The workbench pages as each role sees them: import preview, progress, the home page's
"what waits for me", notices, the ranking, the self-assessment .docx and the registers."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from gongkai.assessment import services
from gongkai.assessment.models import Enquiry, Progress, Task
from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(office, body, seed_000):
    services.unit_alias_set(actor=office, organisation=body, name="警校", target=None)
    upload = services.plan_import_upload(
        actor=office, organisation=body, title="湛江市公安局2017年实施方案", year=2017,
        file_name="000.txt", content=seed_000,
    )  # fmt: skip
    return services.plan_import_apply(actor=office, upload=upload)


def test_upload_preview_map_and_apply_through_the_pages(client, office, body, tree, seed_000):
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(office)
    response = client.post(
        reverse("assessment:home"),
        {"title": "实施方案", "year": 2017, "file": SimpleUploadedFile("000.txt", seed_000)},
    )
    assert response.status_code == 302
    preview_url = response["Location"]
    page = client.get(preview_url).content.decode()
    assert (
        "警校" in page and "2017-06-30" in page and "行政审批标准录入提交率和审查通过率100%" in page
    )
    assert "保存方案及任务" not in page  # not ready until 警校 is mapped
    client.post(preview_url, {"action": "map", "name": "警校", "target": tree["政治处"].pk})
    page = client.get(preview_url).content.decode()
    assert "公开办已对应为政治处。" in page
    response = client.post(preview_url, {"action": "apply"})
    assert response.status_code == 302
    assert Task.objects.count() == 23


def test_a_handler_reports_progress_and_sees_the_task_on_the_home_page(client, handler, plan):
    client.force_login(handler)
    home = client.get(reverse("core:workbench")).content.decode()
    task = plan.tasks.get(number=2)
    assert reverse("assessment:task", args=[task.pk]) in home  # overdue since 2017-06-30
    page = client.get(reverse("assessment:task", args=[task.pk]))
    assert page.status_code == 200
    fazhi = task.assignments.get(organisation__name="法制支队").organisation
    response = client.post(
        reverse("assessment:task", args=[task.pk]),
        {"organisation": fazhi.pk, "text": "已印发政策解读工作规定", "evidence_url": "/xxgk/",
         "completes": "on"},
    )  # fmt: skip
    assert response.status_code == 302
    task.refresh_from_db()
    assert task.status == Task.Status.DONE
    assert Progress.objects.get().evidence_url == "/xxgk/"
    assert (
        reverse("assessment:task", args=[task.pk])
        not in client.get(reverse("core:workbench")).content.decode()
    )


def test_a_unit_not_responsible_cannot_report(client, body, tree, plan):
    other = make_staff(body, roles=[Role.HANDLER], units=[tree["户政科"]], username="huzheng")
    task = plan.tasks.get(number=2)
    client.force_login(other)
    assert client.get(reverse("assessment:task", args=[task.pk])).status_code == 404
    response = client.post(
        reverse("assessment:task", args=[task.pk]),
        {"organisation": tree["法制支队"].pk, "text": "x"},
    )
    assert response.status_code == 404
    assert Progress.objects.count() == 0


def test_office_pages_refuse_others(client, handler, plan):
    pages = ["home", "overdue", "ledgers", "trainings"]
    assert all(
        client.get(reverse(f"assessment:{name}")).status_code == 302 for name in pages
    )  # anonymous: to the sign-in page
    client.force_login(handler)
    assert [client.get(reverse(f"assessment:{n}")).status_code for n in pages] == [404] * 4
    assert client.get(reverse("assessment:scores")).status_code == 404


def test_overdue_tasks_become_a_published_notice(client, office, plan):
    client.force_login(office)
    page = client.get(reverse("assessment:overdue"))
    rows = page.context["rows"]
    assert len(rows) > 0
    chosen = [a for a in rows if a.task.number == 2]
    response = client.post(
        reverse("assessment:overdue"),
        {"row": [a.pk for a in chosen], "title": "关于重点任务逾期情况的通报", "text": ""},
    )
    notice_url = response["Location"]
    client.post(notice_url)
    notice = page.context["notices"].model.objects.get()
    assert notice.published_at is not None
    assert sorted(e["name"] for e in notice.entries) == sorted(a.organisation.name for a in chosen)
    listing = client.get(reverse("assessment:notices")).content.decode()
    assert "关于重点任务逾期情况的通报" in listing


def test_ranking_page_and_the_self_assessment_docx(client, office, body, tree, plan):
    client.force_login(office)
    client.post(reverse("assessment:scores") + "?year=2017", {"template": "yunnan2017"})
    page = client.get(reverse("assessment:scores"), {"year": 2017})
    assert [s.organisation.name for s in page.context["units"]][0] in {
        "政务公开办公室", "户政科", "网警支队"
    }  # fmt: skip
    assert len(page.context["bodies"]) == 7
    rubric = page.context["rubric"]
    fazhi = tree["法制支队"]
    response = client.get(reverse("assessment:score_docx", args=[rubric.pk, fazhi.pk]))
    assert response["Content-Type"].endswith("wordprocessingml.document")
    document = Document(io.BytesIO(response.content))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    text = "\n".join(p.text for p in document.paragraphs)
    assert "法制支队2017年度政务公开工作自评报告" in text
    assert "第2项任务：应于2017-06-30前完成，尚未完成。" in text
    table = document.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["考核指标", "分值", "扣分", "得分"]
    assert len(table.rows) == 8


def test_enquiries_two_fields_counted_by_channel_and_topic(client, handler, body):
    client.force_login(handler)
    for topic in ("户口迁移", "户口迁移", "身份证补领"):
        response = client.post(
            reverse("assessment:enquiries"), {"channel": "96128", "topic": topic}
        )
        assert response.status_code == 302
    client.post(reverse("assessment:enquiries"), {"channel": "counter", "topic": "户口迁移"})
    page = client.get(reverse("assessment:enquiries"))
    counts = page.context["counts"]
    assert counts.total == 4
    assert dict(counts.by_channel)["96128政府信息查询专线"] == 3
    assert dict(counts.by_channel)["窗口现场咨询"] == 1
    assert counts.by_topic == [("户口迁移", 3), ("身份证补领", 1)]
    year = timezone.localdate().year
    assert page.context["sentence"] == (
        f"{year}年，共接受群众咨询4次（其中，96128政府信息查询专线3次，窗口现场咨询1次），"
        "咨询内容主要涉及户口迁移、身份证补领等方面。"
    )
    assert Enquiry.objects.filter(received_on=timezone.localdate()).count() == 4


def test_overview_says_something_first(client, office, body, plan):
    client.force_login(office)
    page = client.get(reverse("assessment:overview"))
    assert page.status_code == 200
    html = page.content.decode()
    assert html.index("本年收到申请") < html.index("chart-card")
    assert "考核得分" in html and "超期" in html
