"""The subscriptions API: the same answer for any address, confirm and unsubscribe by token."""

import pytest

from gongkai.subscriptions.models import State, Subscription
from gongkai.subscriptions.tests.helpers import messages_to, tokens

pytestmark = pytest.mark.django_db


def test_subscribe_confirm_unsubscribe(client, body):
    targets = client.get("/api/v1/subscriptions/targets").json()
    assert {"code": "policy", "label": "政策文件"} in targets["sections"]
    data = {"kind": "keyword", "keyword": "户籍", "channel": "email", "address": "a@example.com"}
    first = client.post("/api/v1/subscriptions/", data, content_type="application/json")
    again = client.post("/api/v1/subscriptions/", data, content_type="application/json")
    assert first.status_code == again.status_code == 200
    assert first.json() == again.json() == {"message": "确认链接已发送至该地址。"}
    links = tokens(messages_to("a@example.com")[-1])
    confirmed = client.post("/api/v1/subscriptions/confirm", {"token": links["confirm"]},
                            content_type="application/json")  # fmt: skip
    assert confirmed.json() == {"state": "active", "state_label": "生效中"}
    ended = client.post("/api/v1/subscriptions/unsubscribe", {"token": links["end"]},
                        content_type="application/json")  # fmt: skip
    assert ended.json()["state"] == State.ENDED
    assert Subscription.objects.get().address == ""


def test_errors_have_a_code_and_a_chinese_message(client, body):
    # A column the catalog does not have: refused by the document's enum, in Chinese.
    data = {"kind": "section", "section": "nope", "channel": "email", "address": "a@example.com"}
    response = client.post("/api/v1/subscriptions/", data, content_type="application/json")
    assert response.status_code == 400
    answer = response.json()
    assert answer["code"] == "invalid_input"
    assert answer["details"][0]["loc"][-1] == "section"
    assert answer["details"][0]["msg"].startswith("请从以下取值中选择")
    # No column chosen for a column subscription: the service's own refusal.
    data["section"] = ""
    response = client.post("/api/v1/subscriptions/", data, content_type="application/json")
    assert response.status_code == 400
    assert response.json() == {"code": "invalid_section", "message": "请选择要订阅的栏目。"}
    bad = client.post(
        "/api/v1/subscriptions/confirm", {"token": "x"}, content_type="application/json"
    )
    assert bad.json()["code"] == "invalid_link"
    assert client.get("/api/v1/subscriptions/staff/counts").status_code == 401
