"""What is withheld, kept under review: the negative list (负面清单), edited and retired with
its history and reviewed by its date, and the yearly self-check of withheld items (条例
art. 18: "对本行政机关不予公开的政府信息进行定期评估审查，对因情势变化可以公开的政府信息应当公开"),
decided item by item and signed off once per body and year."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.locking import lock_current
from gongkai.core.models import Organisation, Role
from gongkai.core.services import ledger_append, notification_send
from gongkai.core.types import Actor
from gongkai.proactive.law import PUBLISHABLE_LABELS, DisclosureLabel, NegativeCategory
from gongkai.proactive.models import (
    Item,
    NegativeListEntry,
    NegativeListVersion,
    SelfCheck,
    SelfCheckDecision,
    Status,
)
from gongkai.proactive.services.common import (
    PUBLISHING_ROLES,
    check_transition,
    item_lock,
    record,
    require_role,
    transition,
)


@dataclasses.dataclass
class NegativeFields:
    category: str
    description: str
    legal_basis: str
    review_on: dt.date


def _clean(fields: NegativeFields) -> NegativeFields:
    cleaned = NegativeFields(
        fields.category, fields.description.strip(), fields.legal_basis.strip(), fields.review_on
    )
    if cleaned.category not in NegativeCategory.values or not cleaned.description:
        raise ServiceError(
            "incomplete_entry", _("An entry needs its category, description and legal basis.")
        )
    if not cleaned.legal_basis or cleaned.review_on is None:
        raise ServiceError(
            "incomplete_entry", _("An entry needs its category, description and legal basis.")
        )
    return cleaned


def _version(entry: NegativeListEntry, *, change: str, actor: Actor, reason: str = "") -> None:
    last = entry.versions.order_by("-number").values_list("number", flat=True).first() or 0
    NegativeListVersion.objects.create(
        entry=entry, number=last + 1, change=change, category=entry.category,
        description=entry.description, legal_basis=entry.legal_basis,
        review_on=entry.review_on, reason=reason, actor=actor,
    )  # fmt: skip


def _ledger(actor: Actor, action: str, entry: NegativeListEntry, summary: dict[str, Any]) -> None:
    ledger_append(
        actor=actor if actor is not None and actor.is_authenticated else None,
        action=f"proactive.negative.{action}",
        obj=entry,
        organisation=entry.organisation,
        summary={"category": entry.category, **summary},
    )


def negative_entry_create(
    *,
    actor: Actor,
    organisation: Organisation,
    category: str,
    description: str,
    legal_basis: str,
    review_on: dt.date,
) -> NegativeListEntry:
    """A new entry (version 1); the same category and description again returns it."""
    actor = require_role(actor, PUBLISHING_ROLES)
    fields = _clean(NegativeFields(category, description, legal_basis, review_on))
    existing = NegativeListEntry.objects.filter(
        organisation=organisation, category=fields.category, description=fields.description
    ).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        entry = NegativeListEntry.objects.create(
            organisation=organisation, **dataclasses.asdict(fields)
        )
        _version(entry, change=NegativeListVersion.Change.CREATED, actor=actor)
        _ledger(actor, "create", entry, {"review_on": entry.review_on})
    return entry


def negative_entry_update(
    *, entry: NegativeListEntry, actor: Actor, fields: NegativeFields, reason: str
) -> NegativeListEntry:
    """Edit an active entry with the reason (a review that keeps it sets the next review
    date); each edit is a version in its history."""
    actor = require_role(actor, PUBLISHING_ROLES)
    fields, reason = _clean(fields), reason.strip()
    if not reason:
        raise ServiceError("reason_required", _("Say why the entry changes."))
    with transaction.atomic():
        entry = lock_current(entry, guard=("is_active",))
        if not entry.is_active:
            raise ServiceError("entry_retired", _("A retired entry cannot be edited."))
        before = {name: getattr(entry, name) for name in dataclasses.asdict(fields)}
        if before == dataclasses.asdict(fields):
            raise ServiceError("nothing_changed", _("Nothing was changed."))
        for name, value in dataclasses.asdict(fields).items():
            setattr(entry, name, value)
        try:
            with transaction.atomic():
                entry.save()
        except IntegrityError:
            raise ServiceError(
                "duplicate_entry", _("The negative list already has this entry.")
            ) from None
        _version(entry, change=NegativeListVersion.Change.EDITED, actor=actor, reason=reason)
        _ledger(actor, "update", entry, {"reason": reason, "review_on": entry.review_on})
    return entry


def negative_entry_retire(
    *, entry: NegativeListEntry, actor: Actor, reason: str, on: dt.date | None = None
) -> NegativeListEntry:
    """Retire an entry: no longer a ground to withhold. Items that cited it keep the
    citation; new labels cannot cite it."""
    actor = require_role(actor, PUBLISHING_ROLES)
    reason = reason.strip()
    if not reason:
        raise ServiceError("reason_required", _("Say why the entry is retired."))
    with transaction.atomic():
        entry = lock_current(entry, guard=("is_active",))
        if not entry.is_active:
            raise ServiceError("entry_retired", _("This entry is already retired."))
        entry.is_active = False
        entry.retired_on, entry.retired_reason = on or timezone.localdate(), reason
        entry.save(update_fields=["is_active", "retired_on", "retired_reason", "updated_at"])
        _version(entry, change=NegativeListVersion.Change.RETIRED, actor=actor, reason=reason)
        _ledger(actor, "retire", entry, {"on": entry.retired_on, "reason": reason})
    return entry


def negative_entries_flag_due(*, today: dt.date | None = None) -> int:
    """The periodic job: an active entry past its review date is flagged to its body's
    openness office (a notification to each office member), once per review date."""
    today = today or timezone.localdate()
    due = NegativeListEntry.objects.filter(is_active=True, review_on__lt=today).select_related(
        "organisation"
    )
    flagged = 0
    for entry in due.exclude(review_flagged_for=F("review_on")):
        with transaction.atomic():
            updated = NegativeListEntry.objects.filter(
                pk=entry.pk, is_active=True, review_on=entry.review_on
            ).exclude(review_flagged_for=entry.review_on)
            if not updated.update(review_flagged_for=entry.review_on):
                continue  # reviewed or flagged meanwhile
            url = reverse("proactive:negative_entry", args=[entry.pk])
            message = _("The negative-list entry “%(entry)s” was due for review on %(date)s.") % {
                "entry": entry.description[:60],
                "date": entry.review_on.isoformat(),
            }
            for user in _office_of(entry.organisation):
                notification_send(recipient=user, message=message, url=url)
            _ledger(None, "review_due", entry, {"review_on": entry.review_on})
        flagged += 1
    return flagged


def _office_of(organisation: Organisation) -> QuerySet[User]:
    from django.contrib.auth import get_user_model

    return get_user_model().objects.filter(
        is_active=True, groups__name=Role.OFFICE, staff_profile__organisation=organisation
    )


def self_check_decide(
    *, item: Item, actor: Actor, year: int, label: str, comment: str
) -> SelfCheckDecision:
    """Seed 002 (每年对本单位不予公开的信息…进行全面自查) and 条例 art. 18: re-decide one
    withheld item; one decision per item and year, none after the year is signed off.
    Turning it public reopens it as a draft."""
    actor = require_role(actor, PUBLISHING_ROLES)
    existing = SelfCheckDecision.objects.filter(item=item, year=year).first()
    if existing is not None:
        return existing
    if not comment.strip() or label not in DisclosureLabel.values:
        raise ServiceError("comment_required", _("Choose the label and give the reasons."))
    with transaction.atomic():
        item = item_lock(item)
        if item.label != DisclosureLabel.WITHHELD or item.status != Status.FILED:
            raise ServiceError("not_withheld", _("Only filed, withheld items are re-decided here."))
        _check_open(item.organisation.body, year)
        decision = SelfCheckDecision.objects.create(
            item=item, year=year, label=label, comment=comment.strip(), actor=actor
        )
        if label in PUBLISHABLE_LABELS:
            check_transition(item, Status.DRAFT)
            item.label, item.label_reason, item.label_basis, item.negative_entry = (
                label,
                comment.strip() if label != DisclosureLabel.PROACTIVE else "",
                "",
                None,
            )
            if label == DisclosureLabel.REDACTED:
                item.label_basis = _("Yearly self-check %(year)d") % {"year": year}
            transition(
                item,
                Status.DRAFT,
                fields=("label", "label_reason", "label_basis", "negative_entry"),
            )
        record(item, actor=actor, action="self_check", summary={"year": year, "label": label})
    return decision


def _check_open(body: Organisation, year: int) -> None:
    if SelfCheck.objects.filter(organisation=body, year=year).exists():
        raise ServiceError(
            "self_check_signed_off",
            _("The self-check of %(year)d is signed off; no further decisions for that year.")
            % {"year": year},
        )


def self_check_sign_off(
    *, actor: Actor, organisation: Organisation, year: int, note: str = ""
) -> SelfCheck:
    """The office signs the year's self-check off once every withheld item is decided; the
    summary is frozen with it (``selectors.self_check_summary``)."""
    from gongkai.proactive.selectors import self_check_summary

    actor = require_role(actor, PUBLISHING_ROLES)
    body = organisation.body
    with transaction.atomic():
        # The body's row orders sign-off against a decision in progress.
        lock_current(body, guard=())
        _check_open(body, year)
        summary = self_check_summary(body, year)
        if summary.undecided:
            raise ServiceError(
                "undecided_items",
                _("%(n)d withheld items are not yet decided for %(year)d.")
                % {"n": summary.undecided, "year": year},
            )
        check = SelfCheck.objects.create(
            organisation=body, year=year, summary=summary.as_dict(), note=note.strip(),
            signed_off_by=actor,
        )  # fmt: skip
        ledger_append(
            actor=actor, action="proactive.self_check.sign_off", obj=check, organisation=body,
            summary={"year": year, **summary.as_dict()},
        )  # fmt: skip
    return check
