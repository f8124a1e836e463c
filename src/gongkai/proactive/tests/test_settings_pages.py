"""Settings pages (topics, genres, review steps), deleting drafts and removing files."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.core.errors import PermissionDeniedError
from gongkai.core.models import Clock, LedgerEntry, Role
from gongkai.core.tests.factories import OrganisationFactory, make_staff
from gongkai.proactive import services
from gongkai.proactive.law import ReviewKind
from gongkai.proactive.models import Attachment, Genre, Item, ReviewStep, Topic
from gongkai.proactive.tests.factories import TopicFactory, draft

pytestmark = pytest.mark.django_db


def _public_user():
    return get_user_model().objects.create_user(username="citizen", password="pw-for-tests-1")


def _vocab_state():
    return (
        list(Topic.objects.order_by("pk").values_list("name", flat=True)),
        list(Genre.objects.order_by("pk").values_list("name", flat=True)),
        list(ReviewStep.objects.order_by("pk").values_list("kind", "role")),
        LedgerEntry.objects.count(),
    )


def _writes(topic):
    return [
        ("proactive:settings_vocabulary", ["topic"], {"action": "add", "name": "治安管理"}),
        (
            "proactive:settings_vocabulary",
            ["topic"],
            {"action": "rename", "pk": topic.pk, "name": "户籍"},
        ),
        (
            "proactive:settings_review_steps",
            [],
            {"kind_1": "secrecy", "role_1": "reviewer"},
        ),
    ]


def test_settings_refusals_change_nothing(client, handler):
    topic = TopicFactory(name="户政")
    citizen = _public_user()
    before = _vocab_state()
    for name, args, form in _writes(topic):
        url = reverse(name, args=args)
        response = client.post(url, form)  # anonymous → login
        assert response.status_code == 302 and "/login/" in response["Location"]
        client.force_login(citizen)
        assert client.post(url, form).status_code == 404
        client.force_login(handler)  # staff without the right
        assert client.post(url, form).status_code == 404
        assert client.get(url).status_code == 404
        client.logout()
    assert _vocab_state() == before


def test_office_adds_and_renames_topics_with_the_ledger(client, office):
    client.force_login(office)
    url = reverse("proactive:settings_vocabulary", args=["topic"])
    assert client.post(url, {"action": "add", "name": "治安管理"}).status_code == 302
    assert client.post(url, {"action": "add", "name": "治安管理"}).status_code == 302  # repeat
    topic = Topic.objects.get()
    assert topic.name == "治安管理"
    client.post(url, {"action": "rename", "pk": topic.pk, "name": "公安、司法"})
    client.post(url, {"action": "rename", "pk": topic.pk, "name": "公安、司法"})  # repeat
    assert Topic.objects.get().name == "公安、司法"
    actions = list(
        LedgerEntry.objects.filter(action__startswith="proactive.topic").values_list(
            "action", flat=True
        )
    )
    assert actions == ["proactive.topic.add", "proactive.topic.rename"]


def test_office_manages_genres(client, office):
    client.force_login(office)
    url = reverse("proactive:settings_vocabulary", args=["genre"])
    client.post(url, {"action": "add", "name": "通知"})
    genre = Genre.objects.get()
    client.post(url, {"action": "rename", "pk": genre.pk, "name": "公告"})
    assert list(Genre.objects.values_list("name", flat=True)) == ["公告"]
    assert client.get(reverse("proactive:settings_vocabulary", args=["unknown"])).status_code == 404


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"action": "add", "name": ""}, "这个字段是必填项"),
        ({"action": "add", "name": "长" * 61}, "请填写1至60个字的名称"),
        ({"action": "rename", "name": "户籍"}, "“户籍”已在列表中"),
        ({"action": "rename", "name": "  "}, "这个字段是必填项"),
    ],
)
def test_bad_vocabulary_input_shows_a_chinese_message(client, office, form, message):
    TopicFactory(name="户籍")
    other = TopicFactory(name="户政")
    if form["action"] == "rename":
        form = {**form, "pk": other.pk}
    client.force_login(office)
    before = _vocab_state()
    response = client.post(reverse("proactive:settings_vocabulary", args=["topic"]), form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _vocab_state() == before


def test_vocabulary_page_query_count_is_pinned(client, office, django_assert_max_num_queries):
    TopicFactory.create_batch(30)
    client.force_login(office)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("proactive:settings_vocabulary", args=["topic"]))
    assert response.content.decode().count('name="action" value="rename"') == 30


def test_review_steps_are_configured_with_a_ledger_entry(client, office, body):
    client.force_login(office)
    url = reverse("proactive:settings_review_steps")
    page = client.get(url).content.decode()
    assert 'value="secrecy" selected' in page  # the defaults are shown
    form = {
        "kind_1": "secrecy", "role_1": "reviewer",
        "kind_2": "approval", "role_2": "office",
        "kind_3": "approval", "role_3": "leader",
    }  # fmt: skip
    assert client.post(url, form).status_code == 302
    assert client.post(url, form).status_code == 302  # repeated: unchanged, no new entry
    assert list(ReviewStep.objects.filter(organisation=body).values_list("kind", "role")) == [
        ("secrecy", "reviewer"),
        ("approval", "office"),
        ("approval", "leader"),
    ]
    assert LedgerEntry.objects.filter(action="proactive.review_steps.configure").count() == 1


@pytest.mark.parametrize(
    ("form", "message"),
    [
        # 条例 art. 17: information is reviewed for secrecy before disclosure.
        ({"kind_1": "approval", "role_1": "leader"}, "审查流程须由有效环节组成，并包含保密审查"),
        ({}, "审查流程须由有效环节组成，并包含保密审查"),
        ({"kind_1": "secrecy", "role_1": ""}, "第1步须同时选择环节类型和角色"),
        ({"kind_1": "nonsense", "role_1": "leader"}, "选择一个有效的选项"),
    ],
)
def test_bad_review_steps_show_a_chinese_message(client, office, body, form, message):
    ReviewStep.objects.create(organisation=body, order=0, kind=ReviewKind.SECRECY, role="reviewer")
    client.force_login(office)
    before = _vocab_state()
    response = client.post(reverse("proactive:settings_review_steps"), form)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert _vocab_state() == before


def test_settings_index_lists_the_steps(client, office):
    client.force_login(office)
    page = client.get(reverse("proactive:settings")).content.decode()
    assert "保密审查" in page and "主题分类" in page and "体裁分类" in page


def test_drafter_deletes_a_never_submitted_draft(client, handler):
    item = draft(handler)
    clock = item.publish_clock
    client.force_login(handler)
    url = reverse("proactive:item_delete", args=[item.pk])
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == reverse("proactive:workbench")
    assert client.post(url).status_code == 404  # repeated POST: already gone
    assert Item.objects.count() == 0
    assert Clock.objects.get(pk=clock.pk).state == Clock.State.STOPPED
    assert LedgerEntry.objects.filter(action="proactive.delete").count() == 1


def test_delete_refusals_change_nothing(client, handler, office, body, unit):
    item = draft(handler)
    submitted = services.item_submit(item=draft(handler, title="已送审"), actor=handler)
    colleague = make_staff(body, roles=[Role.HANDLER], units=[unit], username="colleague")
    before = (Item.objects.count(), LedgerEntry.objects.count())
    url = reverse("proactive:item_delete", args=[item.pk])
    assert client.post(url).status_code == 302  # anonymous → login
    client.force_login(_public_user())
    assert client.post(url).status_code == 404
    client.force_login(colleague)  # a handler of the unit, not the drafter: not visible
    assert client.post(url).status_code == 404
    with pytest.raises(PermissionDeniedError) as error:  # the service refuses too
        services.item_delete(item=item, actor=colleague)
    assert error.value.message == "只有起草人或政务公开办公室可以删除草稿。"
    client.force_login(handler)  # the drafter, but the item went to review
    page = client.post(
        reverse("proactive:item_delete", args=[submitted.pk]), follow=True
    ).content.decode()
    assert "只有从未送审的草稿才能删除" in page
    assert (Item.objects.count(), LedgerEntry.objects.count()) == before
    client.force_login(office)  # the office may delete a colleague's draft
    client.post(url)
    assert list(Item.objects.values_list("pk", flat=True)) == [submitted.pk]


def test_remove_an_attachment_from_a_draft(client, handler, office):
    item = draft(handler)
    attachment = services.item_attach(
        item=item, actor=handler, name="名单.txt", content="附件正文".encode()
    )
    client.force_login(handler)
    page = client.get(reverse("proactive:item_detail", args=[item.pk])).content.decode()
    assert reverse("proactive:attachment_remove", args=[attachment.pk]) in page
    assert reverse("proactive:item_delete", args=[item.pk]) in page
    url = reverse("proactive:attachment_remove", args=[attachment.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 404  # repeated POST
    assert Attachment.objects.count() == 0
    assert LedgerEntry.objects.filter(action="proactive.detach").count() == 1


def test_attachment_removal_refusals_change_nothing(client, handler, reviewer, body):
    item = draft(handler)
    attachment = services.item_attach(
        item=item, actor=handler, name="名单.txt", content="附件正文".encode()
    )
    stranger = _public_user()
    other_body_staff = make_staff(
        OrganisationFactory(name="外单位"), roles=[Role.HANDLER], username="outsider"
    )
    url = reverse("proactive:attachment_remove", args=[attachment.pk])
    before = (Attachment.objects.count(), LedgerEntry.objects.count())
    assert client.post(url).status_code == 302
    for user in (stranger, reviewer, other_body_staff):
        client.force_login(user)
        assert client.post(url).status_code == 404
    services.item_submit(item=item, actor=handler)
    client.force_login(handler)  # no longer a draft
    page = client.post(url, follow=True).content.decode()
    assert "只能从草稿中删除附件" in page
    assert Attachment.objects.count() == before[0]
