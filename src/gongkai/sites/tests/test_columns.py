"""Each site has its own column tree: copied from the template site when the site is made;
the menu, home page and column pages of a site use its own columns."""

import pytest

from gongkai.core.models import LedgerEntry
from gongkai.portal.models import Column, ColumnKind
from gongkai.portal.services import ColumnFields, column_create, column_update
from gongkai.sites.selectors import forget_sites
from gongkai.sites.services import site_create
from gongkai.sites.tests.conftest import get

pytestmark = pytest.mark.django_db


def _page_column(actor, slug: str, title: str, site_id=None, on_home=True) -> Column:
    fields = ColumnFields(
        title=title, slug=slug, kind=ColumnKind.PAGE, body=f"{title}的说明。", show_on_home=on_home
    )
    return column_create(actor=actor, fields=fields, site_id=site_id)


@pytest.fixture
def template_and_two(police, town):
    """A template site with two columns (one nested), then two body sites made from it."""
    template = site_create(
        actor=None,
        organisation=police.org,
        name="模板站点",
        host="tpl.example.cn",
        is_template=True,
    )
    top = _page_column(police.office, "jgzn", "走进本局", site_id=template.pk)
    child = _page_column(police.office, "ldxx", "领导信息", site_id=template.pk, on_home=False)
    column_update(
        column=child,
        actor=police.office,
        fields=ColumnFields(
            title="领导信息", slug="ldxx", kind=ColumnKind.PAGE, body="领导信息的说明。", parent=top
        ),
    )
    a = site_create(
        actor=None,
        organisation=police.org,
        name="湛江市公安局网站",
        host="gaj.example.cn",
        template=template,
    )
    b = site_create(
        actor=None,
        organisation=town.org,
        name="西市区人民政府网站",
        host="www.example.cn",
        path_prefix="xsq",
        template=template,
    )
    forget_sites()
    return template, a, b


def test_a_new_site_copies_the_template_columns(template_and_two):
    template, a, b = template_and_two
    for site in (a, b):
        own = {c.slug: c for c in Column.objects.filter(site_id=site.pk)}
        assert sorted(own) == ["jgzn", "ldxx"]
        assert own["ldxx"].parent == own["jgzn"]  # the tree, not a flat copy
    assert Column.objects.filter(site_id=template.pk).count() == 2
    ledger = LedgerEntry.objects.filter(action="sites.site_create", object_id=str(b.pk)).get()
    assert "columns" in ledger.summary["copied"]


def test_each_site_menu_and_home_use_its_own_columns(client, template_and_two, town):
    _template, _a, b = template_and_two
    _page_column(town.office, "xczx", "乡村振兴", site_id=b.pk)
    a_home = get(client, "gaj.example.cn", "/").content.decode()
    b_home = get(client, "www.example.cn", "/xsq/").content.decode()
    assert "走进本局" in a_home and "乡村振兴" not in a_home
    assert "走进本局" in b_home and "乡村振兴" in b_home
    assert 'href="/xsq/column/xczx/"' in b_home  # the prefix again
    assert get(client, "www.example.cn", "/xsq/column/xczx/").status_code == 200
    assert get(client, "gaj.example.cn", "/column/xczx/").status_code == 404


def test_one_site_edits_never_reach_another(client, template_and_two, police, town):
    _template, a, b = template_and_two
    b_column = Column.objects.get(site_id=b.pk, slug="jgzn")
    column_update(
        column=b_column,
        actor=town.office,
        fields=ColumnFields(title="西市区概况", slug="jgzn", kind=ColumnKind.PAGE, body="概况。"),
    )
    assert "西市区概况" in get(client, "www.example.cn", "/xsq/").content.decode()
    assert "西市区概况" not in get(client, "gaj.example.cn", "/").content.decode()
    # The workbench on a site lists that site's own columns, and only for its body's office.
    client.force_login(town.office)
    listed = get(client, "www.example.cn", "/xsq/workbench/portal/columns/").content.decode()
    assert "西市区概况" in listed
    client.force_login(police.office)
    listed = get(client, "www.example.cn", "/xsq/workbench/portal/columns/").content.decode()
    assert "西市区概况" not in listed and "走进本局" not in listed
    response = get(client, "www.example.cn", f"/xsq/workbench/portal/columns/{b_column.pk}/")
    assert response.status_code == 404


def test_a_site_without_columns_shows_the_installations_and_can_take_a_copy(
    client, two_sites, police
):
    a, _b = two_sites
    _page_column(police.office, "gywm", "关于我们")  # the installation's own tree
    assert "关于我们" in get(client, "gaj.example.cn", "/").content.decode()
    client.force_login(police.office)
    assert (
        "关于我们"
        not in get(client, "gaj.example.cn", "/workbench/portal/columns/").content.decode()
    )
    response = client.post("/workbench/portal/columns/own/", headers={"host": "gaj.example.cn"})
    assert response.status_code == 302
    assert list(Column.objects.filter(site_id=a.pk).values_list("slug", flat=True)) == ["gywm"]
    assert Column.objects.filter(site_id__isnull=True).count() == 1  # the original stays


def test_qr_codes_on_a_prefixed_site_carry_the_host_and_prefix(client, two_sites, town):
    """No QR decoder is installed (no zbar, no OpenCV): the image is compared, byte for byte,
    with the qrcode library's image of the expected address, which it makes deterministically."""
    from gongkai.portal.qr import qr_bytes

    _a, b = two_sites
    _page_column(town.office, "xczx", "乡村振兴", site_id=b.pk)
    column = get(client, "www.example.cn", "/xsq/qr/column/xczx.png")
    assert column.status_code == 200
    assert column.content == qr_bytes("http://www.example.cn/xsq/column/xczx/", "png")
    assert column.content != qr_bytes("http://www.example.cn/column/xczx/", "png")
    page = get(client, "www.example.cn", "/xsq/qr/page.svg", data={"path": "/xsq/hdjl/"})
    assert page.content == qr_bytes("http://www.example.cn/xsq/hdjl/", "svg")
