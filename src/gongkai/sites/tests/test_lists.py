"""Every public list is per site: two sites side by side, each shows only its own records;
an item's own page answers only on the sites that show it."""

import datetime as dt

import pytest
from django.utils import timezone

from gongkai.listings.tests.factories import make_power
from gongkai.participation.models import Letter, LetterCategory
from gongkai.participation.tests.factories import ConsultationFactory
from gongkai.proactive.services.review import item_withdraw
from gongkai.sites.selectors import forget_sites
from gongkai.sites.services import reprint_add, site_create
from gongkai.sites.tests.conftest import get

pytestmark = pytest.mark.django_db

A, B = ("gaj.example.cn", ""), ("www.example.cn", "/xsq")


def page(client, site: tuple[str, str], path: str) -> str:
    host, prefix = site
    response = get(client, host, prefix + path)
    assert response.status_code == 200, path
    return response.content.decode()


def _letter(body, subject: str) -> Letter:
    category, _created = LetterCategory.objects.get_or_create(
        organisation=body,
        code="consult",
        defaults={"name": "咨询", "reply_working_days": 5, "source": "本机关规定"},
    )
    now = timezone.now()
    return Letter.objects.create(
        code=f"L{body.pk:04d}{Letter.objects.count():04d}",
        secret_hash="x",
        organisation=body,
        category=category,
        subject=subject,
        body=subject,
        writer_name="张三",
        consent_to_publish=True,
        fingerprint=f"{body.pk:032d}{Letter.objects.count():032d}",
        status=Letter.Status.ANSWERED,
        received_at=now - dt.timedelta(days=3),
        due_on=timezone.localdate(),
        reply="已答复",
        answered_at=now,
        is_public=True,
        public_question=subject,
        public_answer="已答复",
        published_at=now,
    )


def test_consultations_letters_and_powers_are_per_site(client, two_sites, police, town):
    ConsultationFactory(organisation=police.org, title="《户籍管理规定（征求意见稿）》")
    ConsultationFactory(organisation=town.org, title="《农村道路管理办法（征求意见稿）》")
    _letter(police.org, "户口迁移要带什么材料")
    _letter(town.org, "村道什么时候修")
    make_power(police.office, police.org, code="GA-0001", name="户口迁移审批")
    make_power(town.office, town.org, code="XS-0001", name="乡村道路占用审批")
    lists = {
        "/hdjl/yjzj/": ("户籍管理规定", "农村道路管理办法"),
        "/hdjl/xx/public/": ("户口迁移要带什么材料", "村道什么时候修"),
        "/xxgk/powers/": ("户口迁移审批", "乡村道路占用审批"),
        "/hdjl/": ("户籍管理规定", "农村道路管理办法"),
    }
    for path, (own_a, own_b) in lists.items():
        a_page, b_page = page(client, A, path), page(client, B, path)
        assert own_a in a_page and own_b not in a_page, path
        assert own_b in b_page and own_a not in b_page, path


def test_another_bodys_record_is_not_found_on_a_site(client, two_sites, police, town):
    theirs = ConsultationFactory(organisation=town.org)
    power = make_power(town.office, town.org, code="XS-0001", name="乡村道路占用审批")
    for path in (f"/hdjl/yjzj/{theirs.pk}/", f"/xxgk/powers/{power.pk}/"):
        assert get(client, "gaj.example.cn", path).status_code == 404
        assert get(client, "www.example.cn", "/xsq" + path).status_code == 200


@pytest.fixture
def platform(police):
    site = site_create(
        actor=None,
        organisation=police.org,
        name="湛江市政务公开平台",
        host="zw.example.cn",
        is_platform=True,
    )
    forget_sites()
    return site


def test_an_item_answers_only_where_it_is_shown(
    client, two_sites, platform, police, town, django_capture_on_commit_callbacks
):
    _a, b = two_sites
    item = police.publish("关于户籍业务办理的通知")
    path = f"/xxgk/{item.pk}/"
    assert get(client, "gaj.example.cn", path).status_code == 200  # its body's site
    assert get(client, "zw.example.cn", path).status_code == 200  # the region's platform
    assert get(client, "www.example.cn", "/xsq" + path).status_code == 404  # another body's
    assert get(client, "unknown.example.cn", path).status_code == 200  # no site: as before
    reprint_add(actor=town.office, site=b, item=item)
    forget_sites()
    assert get(client, "www.example.cn", "/xsq" + path).status_code == 200  # reprinted there
    # Withdrawn by its own body: every site that shows it shows the withdrawal notice and
    # drops it from its lists, at once.
    with django_capture_on_commit_callbacks(execute=True):
        item_withdraw(item=item, actor=police.office, reason="内容已过时")
    for host, prefix in (("gaj.example.cn", ""), ("www.example.cn", "/xsq"), ("zw.example.cn", "")):
        notice = get(client, host, prefix + path).content.decode()
        assert "内容已过时" in notice, host
        listed = get(client, host, prefix + "/catalog.json").json()["entries"]
        assert [e["title"] for e in listed] == [], host
