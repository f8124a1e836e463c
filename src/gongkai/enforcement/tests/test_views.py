"""The public pages, exports and feed; the workbench pages and who may open them."""

import csv
import datetime as dt
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from openpyxl import load_workbook

from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff
from gongkai.enforcement import services
from gongkai.enforcement.models import Decision
from gongkai.enforcement.tests.factories import legal_fields, make_decision, make_targets

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(office, body, agency):
    return make_decision(office, body, agency)


def test_before_enforcement_page(client, office, agency):
    services.matter_create(actor=office, body=agency, name="户口迁移审批", kind="licensing",
                           basis="《中华人民共和国户口登记条例》第十条",
                           steps=["申请", "受理", "审查", "决定"])  # fmt: skip
    response = client.get("/xxgk/zfgs/")
    text = response.content.decode()
    assert response.status_code == 200
    for shown in ("梁志明", "44080010231", "户口迁移审批", "六十日内申请行政复议", "行政执法公示"):
        assert shown in text


def test_matter_page_draws_the_flowchart_on_the_server(client, office, agency):
    matter = services.matter_create(actor=office, body=agency, name="户口迁移审批",
                                    kind="licensing", basis="《户口登记条例》第十条",
                                    steps=["申请", "受理<script>", "决定"])  # fmt: skip
    page = client.get(f"/xxgk/zfgs/matters/{matter.pk}/").content.decode()
    assert page.count("<rect ") == 3 and "<svg" in page
    assert "受理&lt;script&gt;" in page and "受理<script>" not in page
    svg = client.get(f"/xxgk/zfgs/matters/{matter.pk}/flowchart.svg")
    assert svg["Content-Type"].startswith("image/svg+xml")
    assert svg.content.decode().count("<rect ") == 3


def test_decision_page_shows_only_the_masked_copy(client, published):
    page = client.get(f"/xxgk/zfgs/decisions/{published.pk}/").content.decode()
    assert "王某" in page and "139****1234" in page
    assert "王小明" not in page and "13902601234" not in page


def test_a_draft_is_not_public(client, office, body, agency):
    draft = make_decision(office, body, agency, publish=False)
    assert client.get(f"/xxgk/zfgs/decisions/{draft.pk}/").status_code == 404
    assert "王" not in client.get("/xxgk/zfgs/decisions/").content.decode().split("<main")[-1]


def test_a_withdrawn_decision_shows_its_withdrawal_not_its_content(client, office, published):
    services.decision_withdraw(actor=office, decision=published, withdrawal="revoked",
                               withdrawn_on=dt.date(2026, 7, 20), reason="经行政复议决定撤销")  # fmt: skip
    page = client.get(f"/xxgk/zfgs/decisions/{published.pk}/").content.decode()
    assert "经行政复议决定撤销" in page and "2026-07-20" in page
    assert "行政拘留五日" not in page


def test_list_filters_and_search(client, office, body, agency, published):
    services.decision_publish(actor=office, decision=services.decision_create(
        actor=office, organisation=body,
        fields=legal_fields(agency, kind="licensing", title="旅馆业特种行业许可证核发",
                            number="湛公特许字〔2026〕0012号", content="准予核发。"),
    ))  # fmt: skip
    assert (
        "旅馆业特种行业许可证核发"
        not in client.get("/xxgk/zfgs/decisions/?kind=penalty").content.decode()
    )
    found = client.get("/xxgk/zfgs/decisions/?q=海悦").content.decode()
    assert "旅馆业特种行业许可证核发" in found and "违反治安管理行为的处罚" not in found


def test_list_page_query_count_does_not_grow(client, office, body, agency):
    for n in range(3):
        make_decision(office, body, agency, number=f"湛公行罚决字〔2026〕{n}号")
    client.get("/xxgk/zfgs/decisions/")  # the site's column tree and settings are cached
    with CaptureQueriesContext(connection) as few:
        client.get("/xxgk/zfgs/decisions/")
    for n in range(3, 20):
        make_decision(office, body, agency, number=f"湛公行罚决字〔2026〕{n}号")
    with CaptureQueriesContext(connection) as many:
        assert client.get("/xxgk/zfgs/decisions/").status_code == 200
    # the count, the page, the kind counts, the openness tree
    assert len(many) == len(few) == 4


def test_exports(client, published):
    rows = list(csv.reader(io.StringIO(
        client.get("/xxgk/zfgs/decisions/?format=csv").content.decode("utf-8-sig"))))  # fmt: skip
    assert rows[0][:4] == ["决定书文号", "类别", "事项", "当事人"]
    assert rows[1][:4] == [
        "湛公（赤）行罚决字〔2026〕1023号",
        "行政处罚",
        "违反治安管理行为的处罚",
        "王某",
    ]
    data = json.loads(client.get("/xxgk/zfgs/decisions/?format=json").content)
    assert [d["party"] for d in data] == ["王某"]
    assert "王小明" not in json.dumps(data, ensure_ascii=False)
    sheet = load_workbook(
        io.BytesIO(client.get("/xxgk/zfgs/decisions/?format=xlsx").content)
    ).active
    assert [c.value for c in sheet[2]][:4] == rows[1][:4]


def test_feed_and_change_history(client, office, published):
    services.decision_withdraw(actor=office, decision=published, withdrawal="revoked",
                               withdrawn_on=dt.date(2026, 7, 20), reason="经行政复议决定撤销")  # fmt: skip
    feed = client.get("/xxgk/zfgs/changes.rss").content.decode()
    assert feed.count("<item>") == 6  # a body, three officers, published, withdrawn
    assert "经行政复议决定撤销" in feed
    changes = client.get("/xxgk/zfgs/changes/").content.decode()
    assert "经行政复议决定撤销" in changes and "44080010231" in changes


def test_standard_file_download(client, office, body):
    standard = services.standard_create(
        actor=office, organisation=body, title="治安管理处罚裁量基准", summary="",
        adopted_on=dt.date(2026, 3, 1), file_name="裁量基准.txt", content="一、殴打他人".encode(),
        content_type="text/plain; charset=utf-8",
    )  # fmt: skip
    response = client.get(f"/xxgk/zfgs/standards/{standard.pk}/file")
    assert response.content.decode() == "一、殴打他人"
    assert "attachment" in response["Content-Disposition"]


def test_draw_pages(client, office, body, agency):
    make_targets(office, body)
    draw = services.draw_run(actor=office, organisation=body, title="旅馆业抽查",
                             category="hotel", target_count=2, seed=99)  # fmt: skip
    listing = client.get("/xxgk/zfgs/draws/").content.decode()
    assert "旅馆业抽查" in listing and "湛江市赤坎区诚信印章刻制店" in listing
    page = client.get(f"/xxgk/zfgs/draws/{draw.pk}/").content.decode()
    assert "99" in page and draw.targets_sha256 in page and "random.Random(seed)" in page
    assert 'id="draw-data"' in page


def test_openness_tree_links_the_register(client):
    assert 'href="/xxgk/zfgs/"' in client.get("/xxgk/zfgs/decisions/").content.decode()


# --- workbench ---------------------------------------------------------------------------


def test_workbench_needs_a_recording_role(client, body, office):
    reviewer = make_staff(body, roles=[Role.REVIEWER], username="reviewer")
    assert client.get("/workbench/enforcement/").status_code in (302, 404)
    client.force_login(reviewer)
    assert client.get("/workbench/enforcement/").status_code == 404
    client.force_login(office)
    assert client.get("/workbench/enforcement/").status_code == 200


def test_office_records_reviews_findings_and_publishes(client, office, body, agency):
    client.force_login(office)
    response = client.post("/workbench/enforcement/new/", {
        "body": agency.pk, "kind": "penalty", "number": "湛公行罚决字〔2026〕7号",
        "title": "违反治安管理行为的处罚", "party_kind": "natural", "party_name": "张伟",
        "facts": "张伟（身份证号码440802199003151234）故意损毁财物。",
        "basis": "《中华人民共和国治安管理处罚法》第四十九条", "content": "对张伟处罚款五百元。",
        "decided_on": "2026-11-30",
    })  # fmt: skip
    decision = Decision.objects.get()
    assert response.status_code == 302
    page = client.get(f"/workbench/enforcement/{decision.pk}/").content.decode()
    assert "440802199003151234" in page and 'name="keep"' in page
    client.post(f"/workbench/enforcement/{decision.pk}/", {"action": "publish"})
    decision.refresh_from_db()
    assert decision.status == "published"
    assert decision.published_facts == "张某（身份证号码440802********1234）故意损毁财物。"


def test_handler_records_but_cannot_publish(client, handler, body, agency):
    draft = make_decision(handler, body, agency, publish=False)
    client.force_login(handler)
    page = client.get(f"/workbench/enforcement/{draft.pk}/").content.decode()
    assert (
        'value="publish"' in page and "政务公开办公室审核" in page and ">发布</button>" not in page
    )
    client.post(f"/workbench/enforcement/{draft.pk}/", {"action": "publish"})
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_draw_in_the_workbench(client, office, body, agency):
    make_targets(office, body)
    client.force_login(office)
    response = client.post("/workbench/enforcement/draws/", {
        "title": "印章刻制业抽查", "category": "seal", "target_count": 1,
        "inspectors_per_target": 2,
    })  # fmt: skip
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "印章刻制业抽查" in page and 'name="target_code"' in page
