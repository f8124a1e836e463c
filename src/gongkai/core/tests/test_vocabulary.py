"""Every ledger code a person reads has a Chinese label (the ledger page and its exports)."""

import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from gongkai.core import vocabulary
from gongkai.core.models import LedgerEntry

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo_ledger():
    call_command("demo", verbosity=0)
    return list(LedgerEntry.objects.values_list("action", "summary"))


def test_every_action_key_and_coded_value_of_the_demo_has_a_label(demo_ledger):
    assert len({action for action, _summary in demo_ledger}) > 40  # the demo touches every app
    assert vocabulary.unlabelled(demo_ledger) == []


def test_unlabelled_names_what_is_missing():
    entries = [("nowhere.done", {"mystery": "some_code", "status": "replied"})]
    assert vocabulary.unlabelled(entries) == [
        "action nowhere.done",
        "key mystery (in nowhere.done)",
        "value mystery=some_code (in nowhere.done)",
        "value status=replied (in nowhere.done)",
    ]


@pytest.mark.parametrize(
    ("action", "summary", "text"),
    [
        ("foi.replied", {"status": "replied", "on_time": True}, "状态：已答复；期限内：是"),
        (
            "foi.fee_notified",
            {"basis": "per_page", "amount": 200},
            "收费方式：按量计收；金额（元）：200",
        ),
        ("proactive.publish", {"status": "published"}, "状态：已发布"),
        ("clock.start", {"rule": "foi_reply"}, "时限规则：依申请公开答复"),
        ("staff.create", {"roles": ["office", "leader"]}, "角色：政务公开办公室、审批领导"),
        ("clock.pause", {"note": "third_party"}, "备注：第三方"),
        ("reports.update_tables", {"tables": {"a": 1, "b": 2}}, "表格：2 项"),
    ],
)
def test_summary_reads_in_chinese(action, summary, text):
    assert vocabulary.summary_text(action, summary) == text


def test_ledger_page_and_export_show_no_code_words(client, demo_ledger):
    from django.contrib.auth import get_user_model

    client.force_login(get_user_model().objects.get(username="gongkaiban"))
    page = client.get(reverse("core:ledger"), {"page": 2}).content.decode()
    assert "已答复" in page or "时限" in page
    assert not re.search(r">\s*(foi|proactive|clock|participation)\.[a-z_]+\s*<", page)
    csv = b"".join(client.get(reverse("core:ledger_export", args=["csv"])).streaming_content)
    text = csv.decode("utf-8-sig")
    assert "依申请公开答复" in text
    assert not re.search(r",(foi|proactive|clock|participation)\.[a-z_]+,", text)
