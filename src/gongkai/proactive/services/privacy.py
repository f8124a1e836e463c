"""De-identification (去标识化): scan, then the reviewer masks or keeps each finding.

Findings are offsets into the exact text scanned (the body's HTML, an attachment's
extracted text), tied to it by checksum; a changed text is scanned again and earlier
decisions on the same words carry over. The public only ever sees ``redact``'s output.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.privacy import detect, mask_finding
from gongkai.proactive.models import Attachment, Item, PrivacyFinding, Status
from gongkai.proactive.services.common import REDACTING_ROLES, now, record, require_role, sha256

# Decisions are taken while the text is frozen for review (or still a draft).
DECIDABLE = (Status.DRAFT, Status.IN_REVIEW, Status.APPROVED)


def inside_tag(text: str, start: int) -> bool:
    """Whether ``start`` falls inside an HTML tag (an attribute value) of ``text``."""
    return text.rfind("<", 0, start) > text.rfind(">", 0, start)


def _scan_text(item: Item, attachment: Attachment | None, text: str) -> int:
    digest = sha256(text)
    previous = {
        (f.type, f.text): f
        for f in PrivacyFinding.objects.filter(item=item, attachment=attachment).exclude(
            state=PrivacyFinding.State.OPEN
        )
    }
    PrivacyFinding.objects.filter(item=item, attachment=attachment).exclude(
        source_hash=digest
    ).delete()
    existing = set(
        PrivacyFinding.objects.filter(item=item, attachment=attachment).values_list(
            "start", flat=True
        )
    )
    rows = []
    for finding in detect(text):
        if finding.start in existing:
            continue
        carried = previous.get((finding.type, finding.text))
        rows.append(
            PrivacyFinding(
                item=item,
                attachment=attachment,
                source_hash=digest,
                type=finding.type,
                start=finding.start,
                end=finding.end,
                text=finding.text[:300],
                replacement=mask_finding(finding)[:300],
                state=carried.state if carried else PrivacyFinding.State.OPEN,
                reason=carried.reason if carried else "",
                decided_by=carried.decided_by if carried else None,
                decided_at=carried.decided_at if carried else None,
            )
        )
    PrivacyFinding.objects.bulk_create(rows)
    return len(rows)


def item_scan(*, item: Item, actor) -> int:
    """Run the detector on the body and every attachment; returns new findings."""
    with transaction.atomic():
        found = _scan_text(item, None, item.body)
        for attachment in item.attachments.all():
            found += _scan_text(item, attachment, attachment.text)
        record(item, actor=actor, action="scan", summary={"new_findings": found})
    return found


def current_findings(item: Item):
    """Findings on the texts as they are now (stale ones are never shown)."""
    hashes = {None: sha256(item.body)}
    hashes.update({a.pk: sha256(a.text) for a in item.attachments.all()})
    return [
        f
        for f in item.findings.select_related("attachment", "decided_by__staff_profile")
        if hashes.get(f.attachment_id) == f.source_hash
    ]


def scan_is_current(item: Item) -> bool:
    scanned = set(item.findings.values_list("attachment_id", "source_hash"))
    texts = [(None, item.body)] + [(a.pk, a.text) for a in item.attachments.all()]
    # A text without findings has no row: rescan when it changed since the last scan.
    return all((pk, sha256(text)) in scanned or not detect(text) for pk, text in texts)


def open_findings(item: Item) -> list[PrivacyFinding]:
    return [f for f in current_findings(item) if f.state == PrivacyFinding.State.OPEN]


def _decide(finding: PrivacyFinding, *, actor, state: str, reason: str) -> PrivacyFinding:
    require_role(actor, REDACTING_ROLES)
    item = finding.item
    if item.status not in DECIDABLE:
        raise ServiceError("item_frozen", _("This item is no longer under review."))
    if item.drafter_id == getattr(actor, "pk", None):
        raise ServiceError("own_item", _("The reviewer cannot be the item's drafter."))
    with transaction.atomic():
        finding.state, finding.reason = state, reason.strip()[:300]
        finding.decided_by, finding.decided_at = actor, now()
        finding.save(update_fields=["state", "reason", "decided_by", "decided_at"])
        record(
            item,
            actor=actor,
            action=f"finding.{state}",
            summary={
                "finding": finding.pk,
                "type": finding.type,
                "attachment": finding.attachment_id,
                "reason": finding.reason,
            },
        )
    return finding


def finding_mask(*, finding: PrivacyFinding, actor, reason: str = "") -> PrivacyFinding:
    """Mask in the published version; the original stays on file for staff."""
    reason = reason.strip() or _("Personal information (条例 art. 15)")
    return _decide(finding, actor=actor, state=PrivacyFinding.State.MASKED, reason=reason)


def finding_keep(*, finding: PrivacyFinding, actor, reason: str) -> PrivacyFinding:
    """Keep as is, e.g. an office phone number meant to be public; the reason is required."""
    if not reason.strip():
        raise ServiceError("reason_required", _("Say why this information may stay."))
    return _decide(finding, actor=actor, state=PrivacyFinding.State.KEPT, reason=reason)


def redact(text: str, findings) -> str:
    """``text`` with the masked findings replaced (offsets into exactly this text)."""
    masked = sorted(
        (f for f in findings if f.state == PrivacyFinding.State.MASKED),
        key=lambda f: f.start,
        reverse=True,
    )
    for f in masked:
        text = text[: f.start] + f.replacement + text[f.end :]
    return text


def attachment_public_text(attachment: Attachment) -> str | None:
    """The redacted text of an attachment, or None when the original may be served."""
    digest = sha256(attachment.text)
    findings = [
        f
        for f in attachment.findings.all()
        if f.source_hash == digest and f.state == PrivacyFinding.State.MASKED
    ]
    return redact(attachment.text, findings) if findings else None
