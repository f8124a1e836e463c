"""The 政府信息公开 tree (国办公开办函〔2019〕61号) and the footer's website identification."""

import pytest
from django.urls import reverse

from gongkai.core.errors import ServiceError
from gongkai.core.models import LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.portal.models import ColumnKind, SiteIdentity
from gongkai.portal.selectors.openness import openness_tree
from gongkai.portal.services import ColumnFields, column_create, site_identity_save

pytestmark = pytest.mark.django_db


@pytest.fixture
def body():
    return OrganisationFactory(name="湛江市公安局")


@pytest.fixture
def office(body):
    return make_staff(body, roles=[Role.OFFICE], username="office")


def test_without_a_column_the_tree_is_the_default_of_61hao():
    title, nodes = openness_tree("/zwgk/gkzn/")
    assert title == "政府信息公开"
    assert [(n.title, n.url, n.is_current) for n in nodes] == [
        ("政府信息公开指南", "/zwgk/gkzn/", True),
        ("法定主动公开内容", "/xxgk/", False),
        ("主动公开目录", "/xxgk/directory/", False),
        ("政府信息公开年度报告", "/xxgk/ndbg/", False),
        ("依申请公开", "/foi/apply/", False),
    ]


def test_the_office_edits_the_tree_as_the_openness_columns_children(office):
    def make(title, slug, kind, parent=None, **extra):
        fields = ColumnFields(title=title, slug=slug, kind=kind, parent=parent, **extra)
        return column_create(actor=office, fields=fields)

    root = make("政府信息公开", "xxgk", ColumnKind.LINK, link="portal:openness")
    make("政府信息公开指南", "gkzn", ColumnKind.LINK, root, link="portal:guide", order=1)
    rules = make("政府信息公开制度", "gkzd", ColumnKind.PAGE, root, body="制度", order=2)
    content = make(
        "法定主动公开内容", "fdzdgk", ColumnKind.LIST, root, order=3, source="proactive_section"
    )
    make(
        "政策文件",
        "zcwj",
        ColumnKind.LIST,
        content,
        source="proactive_section",
        source_param="policy",
    )
    title, nodes = openness_tree("/column/zcwj/")
    assert title == "政府信息公开"
    assert [(n.title, n.url) for n in nodes] == [
        ("政府信息公开指南", "/zwgk/gkzn/"),
        ("政府信息公开制度", f"/column/{rules.slug}/"),
        ("法定主动公开内容", "/column/fdzdgk/"),
    ]
    assert [(c.title, c.is_current) for c in nodes[2].children] == [("政策文件", True)]
    assert nodes[2].holds_current and not nodes[0].holds_current


def test_the_footer_states_the_sites_identification(client, body, office):
    site_identity_save(
        organisation=body,
        actor=office,
        values={
            "site_code": "4408000035",
            "icp_number": "粤ICP备05008888号",
            "police_number": "粤公网安备 44080202000123号",
        },
    )
    page = client.get(reverse("portal:openness")).content.decode()
    assert "主办单位：湛江市公安局" in page
    assert "网站标识码：4408000035" in page
    assert "粤ICP备05008888号" in page
    assert "code=44080202000123" in page
    assert "siteCode=4408000035" in page and "我为政府网站找错" in page
    assert LedgerEntry.objects.filter(action="portal.site_identity_save").count() == 1


@pytest.mark.parametrize(
    ("values", "code"),
    [
        ({"site_code": "44080000"}, "invalid_site_code"),  # ten characters
        ({"site_code": "440800003X5"}, "invalid_site_code"),
        ({"police_number": "粤公网安备"}, "invalid_police_number"),
    ],
)
def test_bad_identification_is_refused_and_nothing_is_stored(body, office, values, code):
    with pytest.raises(ServiceError) as error:
        site_identity_save(organisation=body, actor=office, values=values)
    assert error.value.code == code
    assert SiteIdentity.objects.count() == 0
    assert LedgerEntry.objects.count() == 0


def test_only_the_office_edits_the_identification_page(client, body, office):
    handler = make_staff(body, roles=[Role.HANDLER], username="handler")
    client.force_login(handler)
    assert client.get(reverse("portal:workbench-identity")).status_code == 404
    assert (
        client.post(reverse("portal:workbench-identity"), {"site_code": "4408000035"}).status_code
        == 404
    )
    assert SiteIdentity.objects.count() == 0
    client.force_login(office)
    response = client.post(reverse("portal:workbench-identity"), {"site_code": "4408000035"})
    assert response.status_code == 302
    assert SiteIdentity.objects.get().site_code == "4408000035"


def test_default_tree_lists_the_registers_under_content_disclosed_by_law():
    """Issue 16 point E: 机构职能 and 权责清单 (条例 art. 20 (一)) sit under 法定主动公开内容."""
    _title, nodes = openness_tree("/xxgk/powers/")
    by_law = next(n for n in nodes if n.title == "法定主动公开内容")
    assert [(n.title, n.url, n.is_current) for n in by_law.children] == [
        ("机构职能", "/xxgk/jgzn/", False),
        ("权责清单", "/xxgk/powers/", True),
        ("规范性文件", "/xxgk/normative/", False),
        ("办事指南", reverse("guides:guides"), False),
        ("便民网上地图", reverse("guides:map"), False),
        ("政府公报", reverse("guides:issues"), False),
        ("行政执法公示", reverse("enforcement:index"), False),
        ("财政预决算", reverse("budgets:budgets"), False),  # 预算法 第十四条 (issue 17 point 5)
    ]
    assert by_law.holds_current


@pytest.mark.parametrize("path", ["/xxgk/powers/", "/xxgk/jgzn/"])
def test_powers_and_profile_pages_sit_in_the_openness_frame(client, body, path):
    page = client.get(path).content.decode()
    assert 'class="portal-menu xxgk-tree"' in page  # the left tree, a menu button on a phone
    assert 'class="xxgk-nav"' not in page  # not the old link bar
