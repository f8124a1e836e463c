"""The lifecycle of an information item, in one place.

* ``Status``: the item's statuses (the model field's ``TextChoices``, re-exported here).
* ``RULES``: every action on an item — the status it starts from, the statuses it may lead
  to and who may take it. ``TRANSITIONS``, the table of allowed status changes that
  ``check_transition`` enforces for every write (``services.common.transition``), is derived
  from it, so the two cannot disagree.
* Who may act: the drafting unit and the office (``DRAFTING_ROLES``), the review steps of the
  body (``review_steps``: 保密审查 by the secrecy reviewer, then 领导审批 by the leader, unless
  the office configured others), the openness office (``PUBLISHING_ROLES``).
* ``available_actions(item, user)``: what a person may do with an item now. Views and
  templates ask it which buttons to show instead of re-encoding the rules. Services still
  check everything again on the locked row: this module says what to offer, the service
  decides what happens.

Two other cases of the app keep their statuses here too: a normative document of the
register (``NORMATIVE_TRANSITIONS``: 现行有效 → 已修改 / 已废止 / 已失效) and a background
import (``IMPORT_TRANSITIONS``: queued → done or refused).

How to add a transition: docs/proactive.md ("Adding a transition").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from django.contrib.auth.models import User
from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_stubs_ext import StrOrPromise

from gongkai.core.access import has_role
from gongkai.core.errors import ServiceError
from gongkai.core.locking import changed_meanwhile
from gongkai.core.models import Organisation, Role
from gongkai.core.types import AnyUser
from gongkai.proactive.law import (
    DEFAULT_REVIEW_STEPS,
    NORMATIVE_IN_FORCE,
    DisclosureLabel,
    NormativeStatus,
    ReviewKind,
)
from gongkai.proactive.models.importjob import ImportJob
from gongkai.proactive.models.item import Item, Status
from gongkai.proactive.models.review import ReviewStep

__all__ = [
    "DRAFTING_ROLES",
    "IMPORT_TRANSITIONS",
    "NORMATIVE_CHANGEABLE",
    "NORMATIVE_TRANSITIONS",
    "ORIGINAL_ROLES",
    "PUBLISHING_ROLES",
    "REDACTING_ROLES",
    "RULES",
    "TRANSITIONS",
    "Action",
    "Rule",
    "Status",
    "Step",
    "available_actions",
    "check_transition",
    "current_step",
    "import_pending",
    "may_see_original",
    "review_steps",
]

# Who may do what, by role (a person's roles: ``core.access.user_roles``).
DRAFTING_ROLES = (Role.HANDLER, Role.OFFICE, Role.ADMIN)
PUBLISHING_ROLES = (Role.OFFICE, Role.ADMIN)
REDACTING_ROLES = (Role.REVIEWER, Role.OFFICE, Role.ADMIN)
ORIGINAL_ROLES = (Role.REVIEWER, Role.LEADER, Role.OFFICE, Role.ADMIN)


class Action(models.TextChoices):
    """What a person can do with an item (not stored: the buttons of the item's page)."""

    EDIT = "edit", gettext_lazy("Edit")
    ATTACH = "attach", gettext_lazy("Attach")
    SUBMIT = "submit", gettext_lazy("Send to review")
    DELETE = "delete", gettext_lazy("Delete this draft")
    # Decide personal-information findings (mask / keep / add), before publication.
    MASK = "mask", gettext_lazy("Mask")
    REVIEW = "review", gettext_lazy("Review")
    PUBLISH = "publish", gettext_lazy("Publish")
    REVISE = "revise", gettext_lazy("Revise")
    WITHDRAW = "withdraw", gettext_lazy("Withdraw")
    SELF_CHECK = "self_check", gettext_lazy("Self-check decision")


# The role of the review step the item waits for (``Rule.roles``): the body's steps decide.
REVIEW_STEP = None


@dataclasses.dataclass(frozen=True)
class Rule:
    """One action from one status: where it may lead (empty: the status stays), who may take
    it (``REVIEW_STEP``: whoever holds the current step's role, never the drafter) and any
    further condition on the item."""

    action: Action
    status: Status
    to: tuple[Status, ...]
    roles: tuple[Role, ...] | None
    when: Callable[[Item], bool] | None = None


def _never_reviewed(item: Item) -> bool:
    # A draft that went through review or was ever published is kept (the ledger points at it).
    return not item.review_round and item.published_revision_id is None


def _withheld(item: Item) -> bool:
    return item.label == DisclosureLabel.WITHHELD


RULES: tuple[Rule, ...] = (
    Rule(Action.EDIT, Status.DRAFT, (), DRAFTING_ROLES),
    Rule(Action.ATTACH, Status.DRAFT, (), DRAFTING_ROLES),
    Rule(Action.SUBMIT, Status.DRAFT, (Status.IN_REVIEW,), DRAFTING_ROLES),
    Rule(Action.DELETE, Status.DRAFT, (), DRAFTING_ROLES, when=_never_reviewed),
    Rule(Action.MASK, Status.DRAFT, (), REDACTING_ROLES),
    Rule(Action.MASK, Status.IN_REVIEW, (), REDACTING_ROLES),
    Rule(Action.MASK, Status.APPROVED, (), REDACTING_ROLES),
    # Approved at a step: the next step (status stays); sent back: draft; the last step
    # approved: approved (publishable labels) or filed (on-request, withheld).
    Rule(
        Action.REVIEW,
        Status.IN_REVIEW,
        (Status.DRAFT, Status.APPROVED, Status.FILED),
        REVIEW_STEP,
    ),
    # Publishing now or at a time; the sweep ``items_publish_due`` publishes when due.
    Rule(Action.PUBLISH, Status.APPROVED, (Status.PUBLISHED,), PUBLISHING_ROLES),
    Rule(Action.REVISE, Status.APPROVED, (Status.DRAFT,), DRAFTING_ROLES),
    # A published item is revised (changed: 条例 art. 26 counts again) or withdrawn.
    Rule(Action.REVISE, Status.PUBLISHED, (Status.DRAFT,), DRAFTING_ROLES),
    Rule(Action.WITHDRAW, Status.PUBLISHED, (Status.WITHDRAWN,), PUBLISHING_ROLES),
    # The yearly self-check may turn a filed, withheld item into a draft (seed 002).
    Rule(Action.SELF_CHECK, Status.FILED, (Status.DRAFT,), PUBLISHING_ROLES, when=_withheld),
)

# The one table of allowed status changes; ``check_transition`` guards every change.
TRANSITIONS: dict[str, frozenset[str]] = {
    status: frozenset(to for rule in RULES if rule.status == status for to in rule.to)
    for status in Status
}

# The statuses in which findings may still be decided (the text is not yet public).
DECIDABLE: tuple[Status, ...] = tuple(r.status for r in RULES if r.action == Action.MASK)


def check_transition(item: Item, to: str) -> None:
    """Refuse a status change the table does not allow. Called on the row the service locked
    (``services.common.item_lock``): when the item moved since the caller read it, the
    refusal says so (``changed_meanwhile``) instead of "not allowed"."""
    if to not in TRANSITIONS[item.status]:
        if getattr(item, "seen_status", item.status) != item.status:
            raise changed_meanwhile(item)
        raise ServiceError(
            "invalid_transition",
            _("“%(title)s” cannot go from “%(from)s” to “%(to)s”.")
            % {"title": item.title, "from": item.get_status_display(), "to": Status(to).label},
        )


@dataclasses.dataclass(frozen=True)
class Step:
    """One review step of a body: its order, kind (保密审查, 领导审批) and the role taking it."""

    order: int
    kind: str
    role: str

    @property
    def kind_label(self) -> StrOrPromise:
        return ReviewKind(self.kind).label

    @property
    def role_label(self) -> StrOrPromise:
        return Role(self.role).label


def review_steps(organisation: Organisation) -> list[Step]:
    """The body's configured steps, or the defaults (secrecy review, then leader approval)."""
    configured = [
        Step(s.order, s.kind, s.role)
        for s in ReviewStep.objects.filter(organisation=organisation.body).order_by("order")
    ]
    if configured:
        return configured
    return [Step(i, rule.kind, rule.role.value) for i, rule in enumerate(DEFAULT_REVIEW_STEPS)]


def current_step(item: Item) -> Step | None:
    """The step an item in review waits for; None for any other status."""
    if item.status != Status.IN_REVIEW:
        return None
    steps = review_steps(item.organisation)
    return steps[item.review_step] if item.review_step < len(steps) else None


def takes_step(user: AnyUser, item: Item, step: Step) -> bool:
    """Whether ``user`` decides ``step`` of ``item``: the step's role in the item's body, and
    never the item's own drafter (谁起草谁提出, 谁审查谁认定)."""
    if not isinstance(user, User) or not has_role(user, Role(step.role)):
        return False
    profile = getattr(user, "staff_profile", None)
    same_body = user.is_superuser or (
        profile is not None and profile.organisation_id == item.organisation.body.pk
    )
    return same_body and item.drafter_id != user.pk


def _allowed(rule: Rule, item: Item, user: AnyUser) -> bool:
    if rule.when is not None and not rule.when(item):
        return False
    if rule.roles is None:  # REVIEW_STEP
        step = current_step(item)
        return step is not None and takes_step(user, item, step)
    if rule.action == Action.MASK and item.drafter_id == user.pk:
        return False  # the drafter never decides what of their own text is masked
    return has_role(user, *rule.roles)


def available_actions(item: Item, user: AnyUser) -> frozenset[Action]:
    """The actions ``user`` may take on ``item`` in its current status (for a person who may
    see the item at all: ``selectors.access_item``)."""
    return frozenset(
        rule.action for rule in RULES if rule.status == item.status and _allowed(rule, item, user)
    )


def may_see_original(user: AnyUser) -> bool:
    """The text before masking and the original attachments: reviewers, leaders, the office."""
    return has_role(user, *ORIGINAL_ROLES)


# --- normative documents (规范性文件 register) ----------------------------------------------

# Allowed status changes of a normative document (已修改 stays in force; 废止/失效 are final).
# Changes are made by the office (``PUBLISHING_ROLES``) or the expiry sweep.
NORMATIVE_TRANSITIONS: dict[str, frozenset[str]] = {
    status: (
        frozenset({NormativeStatus.AMENDED, NormativeStatus.REPEALED, NormativeStatus.EXPIRED})
        if status in NORMATIVE_IN_FORCE
        else frozenset()
    )
    for status in NormativeStatus
}

# The statuses a document can still change from (the register page offers a change form).
NORMATIVE_CHANGEABLE: frozenset[str] = frozenset(
    status for status, targets in NORMATIVE_TRANSITIONS.items() if targets
)


# --- background imports ------------------------------------------------------------------

# The worker finishes a queued import (done) or refuses it (a catalog is imported whole or not
# at all); a finished import is left as it is.
IMPORT_TRANSITIONS: dict[str, frozenset[str]] = {
    ImportJob.Status.QUEUED: frozenset({ImportJob.Status.DONE, ImportJob.Status.REFUSED}),
    ImportJob.Status.DONE: frozenset(),
    ImportJob.Status.REFUSED: frozenset(),
}


def import_pending(job: ImportJob) -> bool:
    """Whether the import still has work to do (the worker takes it; its page refreshes)."""
    return bool(IMPORT_TRANSITIONS[job.status])
