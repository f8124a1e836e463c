"""Drafting: create and edit items, attach files, submit for review, revise."""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import tempfile
from pathlib import Path

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.clockmath import local_date
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.filebounds import UnsafeUploadError
from gongkai.core.models import Organisation
from gongkai.core.services import clock_start, clock_stop
from gongkai.core.types import Actor
from gongkai.privacy import extract_text
from gongkai.privacy.extract import SUPPORTED, UnsupportedFormat
from gongkai.proactive.law import (
    ARTICLE_PATTERN,
    LABELS_NEEDING_REASON,
    PUBLISH_CLOCK_RULE,
    PUBLISHABLE_LABELS,
    DisclosureLabel,
    Section,
)
from gongkai.proactive.models import Attachment, Item, ItemRevision, Status
from gongkai.proactive.services.common import (
    DRAFTING_ROLES,
    check_transition,
    document_number_clean,
    index_number_issue,
    item_lock,
    now,
    record,
    require_role,
    sanitise_body,
    transition,
)
from gongkai.proactive.timeliness import formation_of

MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024


@dataclasses.dataclass
class ItemFields:
    """What a drafter fills in; views and the API build it from their input."""

    title: str
    section: str
    body: str = ""
    summary: str = ""
    document_number: str = ""
    written_on: dt.date | None = None
    topic: object = None
    genre: object = None
    keywords: str = ""
    validity: str = "valid"
    carriers: str = "政府网站"
    label: str = DisclosureLabel.PROACTIVE
    label_reason: str = ""
    label_basis: str = ""
    negative_entry: object = None
    interprets: Item | None = None
    interpretation_form: str = ""
    catalog_item: object = None


CONTENT_FIELDS = [f.name for f in dataclasses.fields(ItemFields)]


def _check_label(item: Item) -> None:
    """国办发〔2016〕80号: anything but 主动公开 states its reason and legal basis; a 不予公开
    label cites a negative-list entry of this body or an article (负面清单, seed 002)."""
    if item.label not in DisclosureLabel.values:
        raise ServiceError("invalid_label", _("Choose a disclosure label."))
    if item.label not in LABELS_NEEDING_REASON:
        item.label_reason, item.label_basis, item.negative_entry = "", "", None
        return
    if not item.label_reason.strip():
        raise ServiceError("reason_required", _("State the reason for this disclosure label."))
    entry = item.negative_entry
    if entry is not None and (entry.organisation_id != item.organisation_id or not entry.is_active):
        raise ServiceError("foreign_entry", _("Cite an active entry of this body's negative list."))
    if item.label == DisclosureLabel.WITHHELD:
        if entry is None and not ARTICLE_PATTERN.search(item.label_basis):
            raise ServiceError(
                "withheld_basis_required",
                _("Withholding must cite a negative-list entry or an article (e.g. 条例第十四条)."),
            )
    elif not item.label_basis.strip():
        raise ServiceError("basis_required", _("State the legal basis of this disclosure label."))


def _check_links(item: Item) -> None:
    policy = item.interprets
    if policy is not None:
        if policy.pk == item.pk or policy.section != Section.POLICY:
            raise ServiceError(
                "not_a_policy", _("An interpretation must point at a policy document.")
            )
        if policy.organisation_id != item.organisation_id:
            raise ServiceError(
                "foreign_policy", _("The policy document belongs to another public body.")
            )
        item.section = Section.INTERPRETATION
    if item.section == Section.INTERPRETATION and not item.interpretation_form:
        raise ServiceError(
            "form_required", _("Choose the form of the interpretation (text, graphic, …).")
        )
    if item.section != Section.INTERPRETATION:
        item.interpretation_form = ""


def _apply(item: Item, fields: ItemFields) -> None:
    for name in CONTENT_FIELDS:
        setattr(item, name, getattr(fields, name))
    item.title = item.title.strip()
    if not item.title:
        raise ServiceError("title_required", _("An item needs a title."))
    if item.section not in Section.values:
        raise ServiceError("invalid_section", _("Choose a catalog section."))
    item.document_number = document_number_clean(item.document_number)
    item.body = sanitise_body(item.body)
    _check_label(item)
    _check_links(item)


def _snapshot(item: Item, *, actor: Actor, note: str) -> ItemRevision:
    last = item.revisions.order_by("-number").first()
    metadata = {
        "document_number": item.document_number,
        "written_on": item.written_on.isoformat() if item.written_on else "",
        "topic": str(item.topic or ""),
        "genre": str(item.genre or ""),
        "keywords": item.keywords,
        "validity": item.validity,
        "section": item.section,
        "label": item.label,
        "label_reason": item.label_reason,
        "label_basis": item.label_basis,
        "summary": item.summary,
    }
    if last and (last.title, last.body, last.metadata) == (item.title, item.body, metadata):
        return last
    return ItemRevision.objects.create(
        item=item,
        number=(last.number + 1) if last else 1,
        title=item.title,
        body=item.body,
        metadata=metadata,
        author=actor,
        note=note[:200],
    )


def _sync_publish_clock(item: Item, *, actor: Actor, restart_note: str = "") -> None:
    """条例 art. 26: a publishable item runs the 20-working-day clock from the day its
    information was formed or changed (``timeliness.formation_of``: an item entered late is
    overdue at once); other labels stop it. ``restart_note``: the formation day was corrected,
    so the running clock is stopped with that note and a new one starts from the new day."""
    clock = item.publish_clock
    running = clock is not None and clock.state != clock.State.STOPPED
    formation = formation_of(item)
    starts_on = min(formation.on, timezone.localdate())
    if clock is not None and running and restart_note and local_date(clock.started_at) != starts_on:
        clock_stop(clock=clock, actor=actor, note=restart_note)
        running = False
    if item.label in PUBLISHABLE_LABELS and not running:
        item.publish_clock = clock_start(
            actor=actor,
            rule=PUBLISH_CLOCK_RULE,
            label=_("Publish “%(title)s”") % {"title": item.title[:150]},
            organisation=item.organisation,
            unit=item.unit,
            handler=item.drafter,
            started_at=min(formation.moment, now()),
            subject=item,
        )
        item.save(update_fields=["publish_clock"])
    elif clock is not None and item.label not in PUBLISHABLE_LABELS and running:
        clock_stop(clock=clock, actor=actor, note=_("Not for proactive disclosure."))


def _check_drafter(actor: Actor, organisation: Organisation, unit: Organisation | None) -> None:
    actor = require_role(actor, DRAFTING_ROLES)
    if unit is not None and (unit.kind != unit.Kind.UNIT or unit.parent_id != organisation.pk):
        raise ServiceError("foreign_unit", _("The drafting unit does not belong to this body."))
    profile = getattr(actor, "staff_profile", None)
    if not actor.is_superuser and (profile is None or profile.organisation_id != organisation.pk):
        raise PermissionDeniedError("foreign_body", _("You can only draft for your own body."))


def item_create(
    *,
    actor: Actor,
    organisation: Organisation,
    fields: ItemFields,
    unit: Organisation | None = None,
    idempotency_key: str | None = None,
    start_clock: bool = True,
) -> Item:
    """A new draft with its index number; a repeated call with the same key returns it."""
    if idempotency_key:
        existing = Item.objects.filter(idempotency_key=idempotency_key).first()
        if existing is not None:
            return existing
    _check_drafter(actor, organisation, unit)
    item = Item(
        organisation=organisation, unit=unit, drafter=actor, idempotency_key=idempotency_key
    )
    _apply(item, fields)
    with transaction.atomic():
        year = (item.written_on or now().date()).year
        item.index_number = index_number_issue(organisation, year)
        item.save()
        _snapshot(item, actor=actor, note=_("Created"))
        if start_clock:
            _sync_publish_clock(item, actor=actor)
        record(
            item,
            actor=actor,
            action="create",
            summary={"title": item.title, "label": item.label, **_spam_summary(item)},
        )
    return item


def item_update(*, item: Item, actor: Actor, fields: ItemFields, note: str = "") -> Item:
    """Edit a draft; each change keeps a revision."""
    actor = require_role(actor, DRAFTING_ROLES)
    with transaction.atomic():
        item = item_lock(item)
        if item.status != Status.DRAFT:
            raise ServiceError("not_a_draft", _("Only a draft can be edited."))
        _apply(item, fields)
        _check_changed_on(item, item.changed_on)
        item.save()
        revision = _snapshot(item, actor=actor, note=note)
        if item.publish_clock_id or item.label not in PUBLISHABLE_LABELS:
            _sync_publish_clock(
                item, actor=actor, restart_note=_("The date of formation was corrected.")
            )
        record(
            item,
            actor=actor,
            action="update",
            summary={"revision": revision.number, **_spam_summary(item)},
        )
    return item


def _spam_summary(item: Item) -> dict[str, int]:
    """Injected spam (蜘蛛池) is checked at every save and submission: the count goes to the
    ledger, the lines are shown to the drafter and the reviewer (selectors.item_spam)."""
    from gongkai.proactive.selectors import item_spam

    count = len(item_spam(item))
    return {"spam_lines": count} if count else {}


def item_attach(*, item: Item, actor: Actor, name: str, content: bytes) -> Attachment:
    """Attach a file whose text can be scanned (.txt, .docx, .pdf); the same file once."""
    actor = require_role(actor, DRAFTING_ROLES)
    _require_draft(item, _("Files can only be attached to a draft."))
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED:
        raise ServiceError(
            "unsupported_file",
            _("Attach .txt, .docx or .pdf files: their text must be checked for personal data."),
        )
    if not content or len(content) > MAX_ATTACHMENT_BYTES:
        raise ServiceError("file_size", _("The file is empty or larger than 20 MB."))
    digest = hashlib.sha256(content).hexdigest()
    existing = item.attachments.filter(sha256=digest).first()
    if existing is not None:
        return existing
    text = file_text(suffix, content)
    safe_name = Path(name).name[:200]
    with transaction.atomic():
        item = item_lock(item)
        _require_draft(item, _("Files can only be attached to a draft."))
        attachment = Attachment(item=item, name=safe_name, text=text, sha256=digest)
        attachment.file.save(f"{digest[:16]}{suffix}", ContentFile(content), save=False)
        attachment.save()
        record(item, actor=actor, action="attach", summary={"file": safe_name, "sha256": digest})
    return attachment


def _require_draft(item: Item, message: str) -> None:
    if item.status != Status.DRAFT:
        raise ServiceError("not_a_draft", message)


def file_text(suffix: str, content: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"upload{suffix}"
        path.write_bytes(content)
        try:
            return extract_text(path)
        except UnsafeUploadError:
            raise  # a decompression bomb: its own message
        except (OSError, ValueError, UnsupportedFormat):
            raise ServiceError(
                "unreadable_file", _("The file could not be read; is it damaged?")
            ) from None


def item_detach(*, attachment: Attachment, actor: Actor) -> None:
    actor = require_role(actor, DRAFTING_ROLES)
    with transaction.atomic():
        item = item_lock(attachment.item)
        _require_draft(item, _("Files can only be removed from a draft."))
        name = attachment.name
        attachment.file.delete(save=False)
        attachment.delete()
        record(item, actor=actor, action="detach", summary={"file": name})


def item_submit(*, item: Item, actor: Actor) -> Item:
    """Send a draft to review; the privacy scan runs on the text as submitted."""
    from gongkai.proactive.services.privacy import item_scan

    actor = require_role(actor, DRAFTING_ROLES)
    with transaction.atomic():
        item = item_lock(item)
        check_transition(item, Status.IN_REVIEW)
        empty = not item.body.strip() and not item.attachments.exists()
        if item.label in PUBLISHABLE_LABELS and empty:
            raise ServiceError("empty_item", _("An item to publish needs a body or an attachment."))
        _check_label(item)
        item.review_round += 1
        item.review_step = 0
        item.label_confirmed_by, item.label_confirmed_at = None, None
        transition(
            item,
            Status.IN_REVIEW,
            fields=("review_round", "review_step", "label_confirmed_by", "label_confirmed_at"),
        )
        found = item_scan(item=item, actor=actor)
        record(
            item,
            actor=actor,
            action="submit",
            summary={"round": item.review_round, "findings": found, **_spam_summary(item)},
        )
    return item


def item_revise(
    *, item: Item, actor: Actor, reason: str, changed_on: dt.date | None = None
) -> Item:
    """Reopen a published (or approved) item as a draft; the public keeps the published
    version until the change is published. A changed published item runs art. 26's clock
    again from ``changed_on``, the day its information changed (default: today)."""
    actor = require_role(actor, DRAFTING_ROLES)
    if not reason.strip():
        raise ServiceError("reason_required", _("Say what is to be changed."))
    with transaction.atomic():
        item = item_lock(item)
        was_published = item.status == Status.PUBLISHED
        check_transition(item, Status.DRAFT)
        item.publish_at = None
        fields: tuple[str, ...] = ("publish_at",)
        if was_published:
            item.changed_on = changed_on or timezone.localdate()
            _check_changed_on(item, item.changed_on)
            fields = ("publish_at", "changed_on")
        transition(item, Status.DRAFT, fields=fields)
        if was_published and item.label in PUBLISHABLE_LABELS:
            item.publish_clock = None
            _sync_publish_clock(item, actor=actor)
        summary = {"reason": reason, "changed_on": item.changed_on if was_published else None}
        record(item, actor=actor, action="revise", summary=summary)
    return item


def _check_changed_on(item: Item, changed_on: dt.date | None) -> None:
    if changed_on is None:
        return
    if changed_on > timezone.localdate():
        raise ServiceError("changed_in_future", _("The date changed cannot be in the future."))
    if item.written_on and changed_on < item.written_on:
        raise ServiceError(
            "changed_before_written", _("The date changed cannot precede the date written.")
        )
