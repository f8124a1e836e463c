"""Admin: vocabularies editable through their services (so the ledger records them); review
steps, items, findings, decisions, registers and the negative list (edited on their workbench
pages, which keep the history) read-only."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from gongkai.core.models import LedgerEntry
from gongkai.proactive import services
from gongkai.proactive.models import (
    Genre,
    Item,
    PrivacyFinding,
    ReviewDecision,
    ReviewStep,
    Topic,
)
from gongkai.proactive.tests.factories import PLANTED_ID, TopicFactory, draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser():
    return get_user_model().objects.create_superuser(
        username="root", password="pw-for-tests-1", email="root@example.org"
    )


def test_topic_added_and_renamed_in_the_admin_writes_the_ledger(client, superuser):
    client.force_login(superuser)
    response = client.post(reverse("admin:proactive_topic_add"), {"name": "治安管理", "order": 3})
    assert response.status_code == 302
    topic = Topic.objects.get()
    assert (topic.name, topic.order) == ("治安管理", 3)
    change = reverse("admin:proactive_topic_change", args=[topic.pk])
    assert client.post(change, {"name": "公安、司法", "order": 4}).status_code == 302
    topic.refresh_from_db()
    assert (topic.name, topic.order) == ("公安、司法", 4)
    assert list(
        LedgerEntry.objects.filter(action__startswith="proactive.topic")
        .order_by("seq")
        .values_list("action", flat=True)
    ) == ["proactive.topic.add", "proactive.topic.rename"]


def test_genre_admin_add(client, superuser):
    client.force_login(superuser)
    client.post(reverse("admin:proactive_genre_add"), {"name": "通知", "order": 0})
    assert list(Genre.objects.values_list("name", flat=True)) == ["通知"]
    assert LedgerEntry.objects.filter(action="proactive.genre.add").count() == 1


@pytest.mark.parametrize(
    "name",
    [
        "proactive_topic",
        "proactive_genre",
        "proactive_negativelistentry",
        "proactive_reviewstep",
        "proactive_item",
        "proactive_privacyfinding",
        "proactive_reviewdecision",
        "proactive_normativedocument",
    ],
)
def test_changelists_open_in_chinese(client, superuser, handler, name):
    draft(handler)
    TopicFactory(name="户籍管理")
    client.force_login(superuser)
    response = client.get(reverse(f"admin:{name}_changelist"))
    assert response.status_code == 200
    assert "选择" in response.content.decode()


def test_items_findings_and_decisions_are_read_only(client, superuser, handler, reviewer):
    item = services.item_submit(item=draft(handler, body=f"<p>{PLANTED_ID}</p>"), actor=handler)
    finding = item.findings.get()
    services.finding_mask(finding=finding, actor=reviewer)
    services.item_review(item=item, actor=reviewer, approve=True, confirm_label=True)
    decision = ReviewDecision.objects.get()
    client.force_login(superuser)
    for model, obj in (("item", item), ("privacyfinding", finding), ("reviewdecision", decision)):
        assert client.get(reverse(f"admin:proactive_{model}_add")).status_code == 403
        change = reverse(f"admin:proactive_{model}_change", args=[obj.pk])
        page = client.get(change).content.decode()
        assert 'name="_save"' not in page
        assert client.post(change, {"title": "改过", "state": "open"}).status_code == 403
        delete = reverse(f"admin:proactive_{model}_delete", args=[obj.pk])
        assert client.post(delete, {"post": "yes"}).status_code == 403
    item.refresh_from_db()
    assert item.title == "关于户籍业务办理的通知"
    assert PrivacyFinding.objects.get(pk=finding.pk).state == "masked"
    assert (Item.objects.count(), ReviewDecision.objects.count()) == (1, 1)


def test_review_steps_are_read_only_in_the_admin(client, superuser, body):
    services.review_steps_configure(
        actor=superuser, organisation=body, steps=[("secrecy", "reviewer")]
    )
    step = ReviewStep.objects.get()
    client.force_login(superuser)
    assert client.get(reverse("admin:proactive_reviewstep_add")).status_code == 403
    change = reverse("admin:proactive_reviewstep_change", args=[step.pk])
    assert (
        client.post(change, {"order": 5, "kind": "approval", "role": "leader"}).status_code == 403
    )
    step.refresh_from_db()
    assert (step.order, step.kind, step.role) == (0, "secrecy", "reviewer")
