"""The lifecycle module: every status × role gives the expected actions, the transition
table is the one the services enforce, and what the page offers the service accepts."""

import pytest

from gongkai.core.errors import PermissionDeniedError
from gongkai.core.tests.factories import UserFactory
from gongkai.proactive import services
from gongkai.proactive.law import DisclosureLabel
from gongkai.proactive.tests.factories import draft
from gongkai.proactive.transitions import (
    RULES,
    TRANSITIONS,
    Action,
    Status,
    available_actions,
    review_steps,
)

pytestmark = pytest.mark.django_db

A = Action
DRAFTING = {A.EDIT, A.ATTACH, A.SUBMIT, A.DELETE}
NONE: set[Action] = set()

# (status, review step, label) → role → actions. The handler drafted the item.
EXPECTED = {
    (Status.DRAFT, 0, DisclosureLabel.PROACTIVE): {
        "handler": DRAFTING,
        "reviewer": {A.MASK},
        "leader": NONE,
        "office": DRAFTING | {A.MASK},
        "public": NONE,
    },
    # 保密审查: the secrecy reviewer decides; the office may still mask.
    (Status.IN_REVIEW, 0, DisclosureLabel.PROACTIVE): {
        "handler": NONE,
        "reviewer": {A.REVIEW, A.MASK},
        "leader": NONE,
        "office": {A.MASK},
        "public": NONE,
    },
    # 领导审批: the leader decides.
    (Status.IN_REVIEW, 1, DisclosureLabel.PROACTIVE): {
        "handler": NONE,
        "reviewer": {A.MASK},
        "leader": {A.REVIEW},
        "office": {A.MASK},
        "public": NONE,
    },
    (Status.APPROVED, 2, DisclosureLabel.PROACTIVE): {
        "handler": {A.REVISE},
        "reviewer": {A.MASK},
        "leader": NONE,
        "office": {A.PUBLISH, A.REVISE, A.MASK},
        "public": NONE,
    },
    (Status.PUBLISHED, 2, DisclosureLabel.PROACTIVE): {
        "handler": {A.REVISE},
        "reviewer": NONE,
        "leader": NONE,
        "office": {A.REVISE, A.WITHDRAW},
        "public": NONE,
    },
    # The yearly self-check re-decides filed, withheld items only.
    (Status.FILED, 2, DisclosureLabel.WITHHELD): {
        "handler": NONE,
        "reviewer": NONE,
        "leader": NONE,
        "office": {A.SELF_CHECK},
        "public": NONE,
    },
    (Status.FILED, 2, DisclosureLabel.ON_REQUEST): {
        "handler": NONE,
        "reviewer": NONE,
        "leader": NONE,
        "office": NONE,
        "public": NONE,
    },
    (Status.WITHDRAWN, 2, DisclosureLabel.PROACTIVE): {
        "handler": NONE,
        "reviewer": NONE,
        "leader": NONE,
        "office": NONE,
        "public": NONE,
    },
}
CASES = [(key, role) for key, by_role in EXPECTED.items() for role in by_role]


@pytest.fixture
def people(handler, reviewer, leader, office):
    return {
        "handler": handler,
        "reviewer": reviewer,
        "leader": leader,
        "office": office,
        "public": UserFactory(username="visitor"),
    }


def _in(status, step, label, item):
    # The actions depend on the item's fields only: set them in memory, nothing is written.
    item.status, item.review_step, item.label = status, step, label
    return item


@pytest.mark.parametrize(
    ("case", "role"), CASES, ids=[f"{k[0]}-{k[1]}-{k[2]}-{r}" for k, r in CASES]
)
def test_every_status_and_role_gives_the_expected_actions(people, handler, unit, case, role):
    item = _in(*case, draft(handler, unit=unit))
    assert available_actions(item, people[role]) == EXPECTED[case][role]


def test_every_status_is_in_the_table():
    assert {key[0] for key in EXPECTED} == set(Status)


def test_the_transition_table_is_the_lifecycle_of_docs_proactive():
    assert TRANSITIONS == {
        Status.DRAFT: {Status.IN_REVIEW},
        Status.IN_REVIEW: {Status.DRAFT, Status.APPROVED, Status.FILED},
        Status.APPROVED: {Status.PUBLISHED, Status.DRAFT},
        Status.PUBLISHED: {Status.DRAFT, Status.WITHDRAWN},
        Status.FILED: {Status.DRAFT},
        Status.WITHDRAWN: set(),
    }


def test_every_rule_leads_only_where_the_table_allows():
    for rule in RULES:
        assert set(rule.to) <= TRANSITIONS[rule.status], rule


def test_a_draft_once_reviewed_is_kept(handler, unit):
    item = draft(handler, unit=unit)
    item.review_round = 1
    assert available_actions(item, handler) == {A.EDIT, A.ATTACH, A.SUBMIT}


def test_the_drafter_never_masks_or_reviews_their_own_item(office, body):
    item = draft(office)
    assert available_actions(item, office) == DRAFTING
    item.status = Status.IN_REVIEW
    assert available_actions(item, office) == NONE


def test_anonymous_visitors_have_no_actions(handler, unit):
    from django.contrib.auth.models import AnonymousUser

    item = draft(handler, unit=unit)
    assert available_actions(item, AnonymousUser()) == NONE


def test_configured_steps_decide_who_reviews(handler, office, leader, body, unit):
    services.review_steps_configure(actor=office, organisation=body, steps=[("secrecy", "leader")])
    assert [s.role for s in review_steps(body)] == ["leader"]
    item = _in(Status.IN_REVIEW, 0, DisclosureLabel.PROACTIVE, draft(handler, unit=unit))
    assert A.REVIEW in available_actions(item, leader)


@pytest.mark.parametrize("role", ["handler", "reviewer", "leader", "office", "public"])
def test_what_the_page_offers_the_service_accepts(people, handler, unit, role):
    """Sending back at the secrecy step: offered exactly to those the service lets do it."""
    item = services.item_submit(item=draft(handler, unit=unit), actor=handler)
    offered = A.REVIEW in available_actions(item, people[role])
    try:
        services.item_review(item=item, actor=people[role], approve=False, comment="请修改")
        accepted = True
    except PermissionDeniedError:
        accepted = False
    assert offered == accepted


@pytest.mark.parametrize(
    ("role", "shown", "hidden"),
    [
        ("handler", ["修订"], ["发布", "撤回", "提交审查"]),
        ("office", ["发布", "修订"], ["撤回", "删除此草稿"]),
        ("leader", [], ["发布", "修订"]),
    ],
)
def test_the_item_page_shows_the_available_actions(
    client, people, handler, reviewer, leader, unit, role, shown, hidden
):
    from django.urls import reverse

    from gongkai.proactive.tests.factories import approve_all

    item = services.item_submit(item=draft(handler, unit=unit), actor=handler)
    item = approve_all(item, reviewer, leader)
    assert item.status == Status.APPROVED
    client.force_login(people[role])
    page = client.get(reverse("proactive:item_detail", args=[item.pk])).content.decode()
    buttons = page.split('class="card actions"')[1].split("</section>")[0]
    assert [w for w in shown if f">{w}</button>" not in buttons] == []
    assert [w for w in hidden if f">{w}</button>" in buttons] == []
