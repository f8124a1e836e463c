"""Review (先审查、后公开, 一事一审), publication, scheduling and withdrawal."""

from __future__ import annotations

import datetime as dt
import logging

from django.contrib.auth.models import User
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.cache import public_content_changed
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.hooks import announce
from gongkai.core.locking import changed_meanwhile, save_if_unchanged
from gongkai.core.models import Clock, Role
from gongkai.core.services import clock_start, clock_stop
from gongkai.core.types import Actor
from gongkai.proactive.law import (
    INTERPRETATION_CLOCK_RULE,
    PUBLISHABLE_LABELS,
    ReviewKind,
    Section,
)
from gongkai.proactive.models import Item, ReviewDecision, Status
from gongkai.proactive.services.common import (
    PUBLISHING_ROLES,
    check_transition,
    item_lock,
    now,
    record,
    require_role,
    transition,
)
from gongkai.proactive.services.privacy import (
    current_findings,
    open_findings,
    redact,
    scan_is_current,
)
from gongkai.proactive.transitions import Step, current_step, review_steps

log = logging.getLogger(__name__)


def _check_reviewer(item: Item, actor: Actor, step: Step) -> User:
    """The reviewer, refused unless the step is theirs (the system never reviews)."""
    profile = getattr(actor, "staff_profile", None)
    same_body = actor is not None and (
        actor.is_superuser
        or (profile is not None and profile.organisation_id == item.organisation.body.pk)
    )
    if actor is None or not has_role(actor, Role(step.role)) or not same_body:
        raise PermissionDeniedError(
            "not_your_step",
            _("This step is for the role “%(role)s” of this body.") % {"role": step.role_label},
        )
    # 谁起草谁提出, 谁审查谁认定: the drafter never reviews their own item.
    if item.drafter_id == actor.pk:
        raise PermissionDeniedError("own_item", _("The reviewer cannot be the item's drafter."))
    return actor


def item_review(
    *,
    item: Item,
    actor: Actor,
    approve: bool,
    comment: str = "",
    confirm_label: bool = False,
    step: int | None = None,
) -> Item:
    """Approve the current step or send the item back with comments (every step ledgered).

    ``step`` is the step the reviewer saw (the page and the API send it; ``None``: whatever
    step is current). Two reviewers deciding the same step at once: the second waits for the
    first's row lock, then finds the step decided and is refused."""
    with transaction.atomic():
        item = item_lock(item)
        current = current_step(item)
        if current is None or (step is not None and step != item.review_step):
            raise ServiceError("stale_review", _("This review step has already been decided."))
        actor = _check_review(item, actor, current, approve=approve, comment=comment,
                              confirm_label=confirm_label)  # fmt: skip
        ReviewDecision.objects.create(
            item=item,
            round=item.review_round,
            step=item.review_step,
            kind=current.kind,
            decision=ReviewDecision.Decision.APPROVE
            if approve
            else ReviewDecision.Decision.SEND_BACK,
            comment=comment.strip(),
            actor=actor,
        )
        if approve and current.kind == ReviewKind.SECRECY:
            item.label_confirmed_by, item.label_confirmed_at = actor, now()
        _advance(item, approve=approve)
        record(
            item,
            actor=actor,
            action="approve" if approve else "send_back",
            summary={"step": current.kind, "round": item.review_round, "comment": comment.strip()},
        )
    return item


def _check_review(
    item: Item, actor: Actor, current: Step, *, approve: bool, comment: str, confirm_label: bool
) -> User:
    """The reviewer, once the decision they give is one they may give."""
    reviewer = _check_reviewer(item, actor, current)
    if not approve and not comment.strip():
        raise ServiceError("comment_required", _("Say what must change before sending it back."))
    if approve and current.kind == ReviewKind.SECRECY:
        if not confirm_label:
            raise ServiceError(
                "label_unconfirmed", _("Confirm the disclosure label to approve the review.")
            )
        if open_findings(item) or not scan_is_current(item):
            raise ServiceError(
                "open_findings", _("Decide every personal-information finding first.")
            )
    return reviewer


def _advance(item: Item, *, approve: bool) -> None:
    fields = ("review_step", "label_confirmed_by", "label_confirmed_at")
    if not approve:
        item.review_step = 0
        transition(item, Status.DRAFT, fields=fields)
        return
    item.review_step += 1
    if item.review_step < len(review_steps(item.organisation)):
        guard = {"status": Status.IN_REVIEW, "review_step": item.review_step - 1}
        save_if_unchanged(item, guard=guard, fields=(*fields, "updated_at"))
    elif item.label in PUBLISHABLE_LABELS:
        transition(item, Status.APPROVED, fields=fields)
    else:
        transition(item, Status.FILED, fields=fields)
        if item.publish_clock and item.publish_clock.state != Clock.State.STOPPED:
            clock_stop(clock=item.publish_clock, actor=None, note=_("Filed, not published."))


def item_publish(*, item: Item, actor: Actor, at: dt.datetime | None = None) -> Item:
    """Publish an approved item now, or schedule it for ``at`` (the sweep publishes it)."""
    actor = require_role(actor, PUBLISHING_ROLES)
    if at is not None and at > now():
        with transaction.atomic():
            item = item_lock(item)
            check_transition(item, Status.PUBLISHED)
            item.publish_at = at
            save_if_unchanged(
                item, guard={"status": Status.APPROVED}, fields=("publish_at", "updated_at")
            )
            record(item, actor=actor, action="schedule", summary={"publish_at": at})
        return item
    return _publish(item, actor=actor)


def items_publish_due(*, moment: dt.datetime | None = None) -> int:
    """The periodic job: publish approved items whose scheduled time has come."""
    moment = moment or now()
    published = 0
    due = Item.objects.filter(status=Status.APPROVED, publish_at__lte=moment)
    for item in due.order_by("publish_at", "pk"):
        try:
            _publish(item, actor=None, due_by=moment)
            published += 1
        except ServiceError as error:
            log.warning("scheduled item %s not published: %s", item.pk, error.message)
    return published


def _publish(item: Item, *, actor: Actor, due_by: dt.datetime | None = None) -> Item:
    """Publish now; the sweep passes ``due_by`` and leaves an item rescheduled meanwhile."""
    from gongkai.proactive.services.search import item_index

    with transaction.atomic():
        item = item_lock(item)
        check_transition(item, Status.PUBLISHED)
        if due_by is not None and (item.publish_at is None or item.publish_at > due_by):
            raise changed_meanwhile(item)
        if open_findings(item) or not scan_is_current(item):
            raise ServiceError(
                "open_findings", _("Decide every personal-information finding first.")
            )
        findings = [f for f in current_findings(item) if f.attachment_id is None]
        revision = item.revisions.order_by("-number").first()
        item.public_title = item.title
        item.public_body = redact(item.body, findings)
        item.published_revision = revision
        item.published_at = item.published_at or now()
        item.publish_at = None
        transition(
            item,
            Status.PUBLISHED,
            fields=(
                "public_title",
                "public_body",
                "published_revision",
                "published_at",
                "publish_at",
            ),
        )
        _stop_clock(item.publish_clock, actor, _("Published."))
        _interpretation_clocks(item, actor)
        item_index(item)
        record(
            item,
            actor=actor,
            action="publish",
            summary={"revision": revision.number if revision else None},
        )
        announce("proactive.item_published", item_id=item.pk)
        transaction.on_commit(public_content_changed)
    return item


def _stop_clock(clock: Clock | None, actor: Actor, note: str) -> None:
    if clock is not None and clock.state != clock.State.STOPPED:
        clock_stop(clock=clock, actor=actor, note=note)


def _interpretation_clocks(item: Item, actor: Actor) -> None:
    """谁起草谁解读: a published policy runs 3 working days for its interpretation, assigned to
    the drafting unit (seeds 000, 001); a published interpretation stops its policy's clock."""
    if item.section == Section.POLICY and item.interpretation_clock_id is None:
        has_one = item.interpretations.filter(status=Status.PUBLISHED).exists()
        if not has_one:
            item.interpretation_clock = clock_start(
                actor=actor,
                rule=INTERPRETATION_CLOCK_RULE,
                label=_("Interpret “%(title)s”") % {"title": item.title[:150]},
                organisation=item.organisation,
                unit=item.unit,
                handler=item.drafter,
                started_at=item.published_at,
                subject=item,
            )
            item.save(update_fields=["interpretation_clock"])
    if item.interprets_id:
        policy = Item.objects.select_related("interpretation_clock").get(pk=item.interprets_id)
        _stop_clock(policy.interpretation_clock, actor, _("Interpretation published."))


def item_withdraw(*, item: Item, actor: Actor, reason: str) -> Item:
    """Withdraw a published item; its page stays as a notice of withdrawal with the reason."""
    from gongkai.proactive.services.search import item_unindex

    actor = require_role(actor, PUBLISHING_ROLES)
    if not reason.strip():
        raise ServiceError("reason_required", _("State the reason for the withdrawal."))
    with transaction.atomic():
        item = item_lock(item)
        check_transition(item, Status.WITHDRAWN)
        item.withdrawn_at, item.withdrawal_reason = now(), reason.strip()
        transition(item, Status.WITHDRAWN, fields=("withdrawn_at", "withdrawal_reason"))
        item_unindex(item)
        record(item, actor=actor, action="withdraw", summary={"reason": item.withdrawal_reason})
        # Cached public pages must not show the withdrawn text for another moment.
        transaction.on_commit(public_content_changed)
    return item
