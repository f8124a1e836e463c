"""The public subscription pages and the office's list (addresses masked, office only)."""

import pytest

from gongkai.core.models import Role
from gongkai.core.tests.factories import make_staff
from gongkai.foi.models import Status
from gongkai.foi.services.intake import hash_secret
from gongkai.foi.tests.factories import RequestFactory
from gongkai.subscriptions.models import Kind, State, Subscription
from gongkai.subscriptions.tests.helpers import messages_to, tokens

pytestmark = pytest.mark.django_db


def form(**overrides):
    data = {"kind": "section", "section": "policy", "topic": "", "keyword": "",
            "channel": "email", "address": "reader@example.com", "frequency": "daily"}  # fmt: skip
    data.update(overrides)
    return data


def test_subscribe_confirm_and_unsubscribe_through_the_pages(client, body):
    page = client.get("/dingyue/")
    assert page.status_code == 200 and "订阅推送" in page.content.decode()
    sent = client.post("/dingyue/", form())
    assert "请查收确认消息" in sent.content.decode()
    links = tokens(messages_to("reader@example.com")[0])
    # Opening the link confirms nothing (mail scanners open links); the button does.
    assert "确认" in client.get(f"/dingyue/confirm/{links['confirm']}/").content.decode()
    assert Subscription.objects.get().state == State.PENDING
    done = client.post(f"/dingyue/confirm/{links['confirm']}/")
    assert "您的订阅已生效" in done.content.decode()
    assert Subscription.objects.get().state == State.ACTIVE
    ended = client.post(f"/dingyue/end/{links['end']}/")
    assert "您已退订" in ended.content.decode()
    assert Subscription.objects.get().address == ""


def test_bad_input_is_explained_in_chinese_and_nothing_written(client, body):
    page = client.post("/dingyue/", form(channel="sms", address="12345")).content.decode()
    assert "请输入11位大陆手机号码" in page
    page = client.post("/dingyue/", form(kind="keyword", keyword="")).content.decode()
    assert "关键词为 2 至 30 个字。" in page
    bad = client.post("/dingyue/confirm/forged/").content.decode()
    assert "该链接无效或已过期" in bad
    assert Subscription.objects.count() == 0


def test_a_refusal_shows_once_in_the_alert_above_its_form(client, body):
    # The page draws the refusal in its own alert; the form must not draw it again.
    page = client.post("/dingyue/", form(kind="keyword", keyword="")).content.decode()
    assert page.count("关键词为 2 至 30 个字。") == 1
    assert 'role="alert"><ul class="errorlist nonfield"><li>关键词为 2 至 30 个字。' in page
    request = RequestFactory(organisation=body, status=Status.RECEIVED,
                             secret_hash=hash_secret("right-secret"))  # fmt: skip
    data = {"code": request.code, "secret": "wrong", "channel": "email", "address": "a@example.com"}
    page = client.post("/dingyue/application/", data).content.decode()
    assert page.count("查询码与查询密码不匹配") == 1


def test_following_an_application_needs_its_code_and_secret(client, body):
    request = RequestFactory(organisation=body, status=Status.RECEIVED,
                             secret_hash=hash_secret("right-secret"))  # fmt: skip
    data = {"code": request.code, "secret": "wrong", "channel": "email", "address": "a@example.com"}
    page = client.post("/dingyue/application/", data).content.decode()
    assert "查询码与查询密码不匹配" in page
    assert Subscription.objects.count() == 0
    data["secret"] = "right-secret"
    assert "请查收确认消息" in client.post("/dingyue/application/", data).content.decode()
    subscription = Subscription.objects.get()
    assert subscription.kind == Kind.REQUEST and subscription.request == request


@pytest.mark.parametrize(
    ("who", "status"), [("anonymous", 302), ("public", 404), ("handler", 404), ("office", 200)]
)
def test_the_office_list_is_for_the_office_and_masks_addresses(client, body, who, status):
    from django.contrib.auth import get_user_model

    client.post("/dingyue/", form(address="zhangsan@example.com"))
    client.post("/dingyue/", form(channel="sms", address="13812345678"))
    if who == "public":
        client.force_login(get_user_model().objects.create_user("citizen", password="x" * 12))
    elif who != "anonymous":
        role = Role.OFFICE if who == "office" else Role.HANDLER
        client.force_login(make_staff(body, roles=[role], username=who))
    response = client.get("/workbench/subscriptions/")
    assert response.status_code == status
    ended = client.post(f"/workbench/subscriptions/{Subscription.objects.first().pk}/end/")
    if who != "office":
        assert ended.status_code in (302, 404)
        assert Subscription.objects.filter(state=State.ENDED).count() == 0
        return
    page = response.content.decode()
    assert "z***@example.com" in page and "138****5678" in page
    assert "zhangsan@example.com" not in page and "13812345678" not in page
    assert Subscription.objects.filter(state=State.ENDED).count() == 1
