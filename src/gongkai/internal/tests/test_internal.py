"""对内公开: only the signed-in staff of the body see a notice; only its office publishes or
withdraws; nothing reaches the portal, the API or the site search."""

import datetime as dt

import pytest
from django.urls import reverse

from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import LedgerEntry
from gongkai.internal.models import InternalNotice
from gongkai.internal.services import notice_publish, notice_withdraw, table_parse

pytestmark = pytest.mark.django_db

LIST = "姓名\t现任职务\t拟任职务\n林志强\t户政科副科长\t户政科科长"


@pytest.fixture
def notice(office, body):
    return notice_publish(
        actor=office, organisation=body, category="appointments",
        title="关于林志强同志任职前公示的通知", body="现予公示。", table_text=LIST,
    )  # fmt: skip


def test_publish_keeps_the_list_and_writes_the_ledger(notice):
    assert notice.table == [
        ["姓名", "现任职务", "拟任职务"],
        ["林志强", "户政科副科长", "户政科科长"],
    ]
    entry = LedgerEntry.objects.get(action="internal.publish")
    assert entry.summary == {"category": "appointments", "title": "关于林志强同志任职前公示的通知"}


@pytest.mark.parametrize(
    ("text", "code"),
    [("姓名,职务\n林志强", "ragged_list"), ("\n".join(["a"] * 501), "too_many_rows")],
)
def test_bad_lists_are_refused(text, code):
    with pytest.raises(ServiceError) as error:
        table_parse(text)
    assert error.value.code == code


def test_ragged_list_message_names_the_line():
    with pytest.raises(ServiceError) as error:
        table_parse("姓名,职务\n林志强,科长\n陈海燕")
    assert error.value.message == "名单第3行有1格，表头有2格。"


def test_only_the_office_of_the_body_publishes(handler, stranger, body):
    for actor in (handler, stranger):
        with pytest.raises(PermissionDeniedError):
            notice_publish(actor=actor, organisation=body, category="finance", title="t", body="b")
    assert not InternalNotice.objects.exists()


def test_a_past_comment_period_is_refused(office, body):
    with pytest.raises(ServiceError) as error:
        notice_publish(
            actor=office, organisation=body, category="finance", title="t", body="b",
            ends_on=dt.date(2020, 1, 1),
        )  # fmt: skip
    assert error.value.code == "ends_in_past"


@pytest.mark.parametrize(
    ("who", "list_status", "page_status"),
    [("anonymous", 302, 302), ("stranger", 200, 404), ("handler", 200, 200), ("office", 200, 200)],
)
def test_who_sees_a_notice(
    client, notice, handler, stranger, office, who, list_status, page_status
):
    user = {"handler": handler, "stranger": stranger, "office": office}.get(who)
    if user:
        client.force_login(user)
    listed = client.get(reverse("internal:notices"))
    page = client.get(reverse("internal:notice", args=[notice.pk]))
    assert (listed.status_code, page.status_code) == (list_status, page_status)
    if list_status == 200:
        shown = [n.pk for n in listed.context["notices"]]
        assert shown == ([] if who == "stranger" else [notice.pk])
    if page_status == 200:
        assert "林志强" in page.content.decode()


def test_handler_cannot_publish_or_withdraw(client, notice, handler):
    client.force_login(handler)
    assert client.get(reverse("internal:notice_new")).status_code == 404
    client.post(reverse("internal:notice", args=[notice.pk]), {"reason": "撤回"})
    notice.refresh_from_db()
    assert notice.withdrawn_at is None


def test_office_publishes_and_withdraws_through_the_pages(client, office):
    client.force_login(office)
    response = client.post(
        reverse("internal:notice_new"),
        {"category": "finance", "title": "2025年度财务收支情况", "body": "现予公开。",
         "table_text": "项目,金额\n基本支出,100"},
    )  # fmt: skip
    notice = InternalNotice.objects.get()
    assert response.url == reverse("internal:notice", args=[notice.pk])
    client.post(
        reverse("internal:notice", args=[notice.pk]), {"reason": "数据有误，更正后重新公开"}
    )
    notice.refresh_from_db()
    assert notice.withdrawn_reason == "数据有误，更正后重新公开"
    assert list(client.get(reverse("internal:notices")).context["notices"]) == []
    with pytest.raises(ServiceError):
        notice_withdraw(actor=office, notice=notice, reason="again")


def test_never_public(client, notice):
    """No public page, API or search entry carries an internal notice."""
    from gongkai.search.documents import all_documents

    assert all("林志强" not in d.title + d.body for d in all_documents())
    assert "关于林志强" not in client.get("/search/?q=林志强").content.decode()
    assert "/workbench/internal/" not in client.get("/api/v1/openapi.json").content.decode()
