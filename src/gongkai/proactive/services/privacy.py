"""De-identification (去标识化): scan, then the reviewer masks or keeps each finding.

Findings are offsets into the exact text scanned (the body's HTML, an attachment's
extracted text), tied to it by checksum; a changed text is scanned again and earlier
decisions on the same words carry over. Three sources of findings:

* the detector (``gongkai.privacy``), told what the body publishes itself (its own phone,
  fax, addresses and e-mail from its settings and 公开指南, and its published leaders
  from the office's rules) so that it never flags them;
* the office's rules (``PrivacyRule``, after Alaveteli's censor rules): a text or pattern
  masked wherever it appears, in every item and attachment of the body;
* spans a reviewer adds where the detector missed something (masked at once).

The public only ever sees ``redact``'s output.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation
from gongkai.core.types import Actor
from gongkai.privacy import Finding, detect, mask_finding
from gongkai.privacy.detect import TYPES, PublicData
from gongkai.proactive.models import Attachment, Item, PrivacyFinding, PrivacyRule
from gongkai.proactive.services.common import REDACTING_ROLES, now, record, require_role, sha256
from gongkai.proactive.transitions import DECIDABLE

# Decisions are taken while the text is frozen for review (or still a draft).


def inside_tag(text: str, start: int) -> bool:
    """Whether ``start`` falls inside an HTML tag (an attribute value) of ``text``."""
    return text.rfind("<", 0, start) > text.rfind(">", 0, start)


def replacement_for(kind: str, text: str) -> str:
    """How a span of ``kind`` is masked (``other``: every character but punctuation)."""
    if kind in TYPES:
        return mask_finding(Finding(kind, 0, len(text), text))
    return "".join(c if not c.isalnum() else "*" for c in text)


def body_public_data(organisation: Organisation) -> PublicData:
    """What the body publishes itself: its (and its units') phone numbers and addresses,
    the contact details of its 公开指南, and the office's "published" rules (leaders)."""
    body = organisation.body
    nodes = [body, *Organisation.objects.filter(parent=body)]
    phones = [n.phone for n in nodes if n.phone]
    addresses = [n.address for n in nodes if n.address]
    emails: list[str] = []
    guide = getattr(body, "openness_guide", None)  # portal's 公开指南, when there is one
    if guide is not None:
        phones += [guide.phone, guide.fax]
        addresses.append(guide.address)
        emails.append(guide.internet_contact)
    names: list[str] = []
    lists = {"name": names, "mobile": phones, "landline": phones}
    lists |= {"address": addresses, "email": emails}
    for rule in PrivacyRule.objects.filter(
        organisation=body, is_active=True, action=PrivacyRule.Action.PUBLIC
    ):
        if rule.type in lists:  # privacy_rule_create allows no other type
            lists[rule.type].append(rule.text)
    return PublicData.of(names=names, phones=phones, addresses=addresses, emails=emails)


def mask_rules(organisation: Organisation) -> list[PrivacyRule]:
    return list(
        PrivacyRule.objects.filter(
            organisation=organisation.body, is_active=True, action=PrivacyRule.Action.MASK
        )
    )


def rule_spans(rule: PrivacyRule, text: str) -> list[tuple[int, int]]:
    """Where a rule applies in ``text``: every occurrence of its text or pattern."""
    if rule.kind == PrivacyRule.Kind.PATTERN:
        try:
            pattern = re.compile(rule.text)
        except re.error:
            return []
        return [m.span() for m in pattern.finditer(text) if m.end() > m.start()]
    spans, at = [], text.find(rule.text)
    while at != -1 and rule.text:
        spans.append((at, at + len(rule.text)))
        at = text.find(rule.text, at + len(rule.text))
    return spans


def _overlaps(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return any(start < t_end and t_start < end for t_start, t_end in taken)


def _scan_text(
    item: Item,
    attachment: Attachment | None,
    text: str,
    rules: list[PrivacyRule],
    public: PublicData,
) -> int:
    digest = sha256(text)
    findings = PrivacyFinding.objects.filter(item=item, attachment=attachment)
    decided = findings.exclude(state=PrivacyFinding.State.OPEN)
    previous = {(f.type, f.text): f for f in decided.filter(origin=PrivacyFinding.Origin.DETECTOR)}
    manual = {(f.type, f.text): f for f in decided.filter(origin=PrivacyFinding.Origin.MANUAL)}
    findings.exclude(source_hash=digest).delete()
    existing = list(findings.values_list("start", "end"))
    rows: list[PrivacyFinding] = []
    taken = list(existing)

    def add(start: int, end: int, **fields: Any) -> None:
        taken.append((start, end))
        rows.append(
            PrivacyFinding(
                item=item, attachment=attachment, source_hash=digest, start=start, end=end,
                text=text[start:end][:300], **fields,
            )
        )  # fmt: skip

    # Office rules first: what they mask is decided already.
    for rule in rules:
        for start, end in rule_spans(rule, text):
            if not _overlaps(start, end, taken):
                replacement = rule.replacement or replacement_for(rule.type, text[start:end])
                add(
                    start, end, type=rule.type, replacement=replacement[:300],
                    state=PrivacyFinding.State.MASKED, reason=rule.reason,
                    origin=PrivacyFinding.Origin.RULE, rule=rule, decided_at=now(),
                )  # fmt: skip
    # A reviewer's spans follow the words into the changed text.
    for (kind, words), earlier in manual.items():
        for start, end in rule_spans(PrivacyRule(kind=PrivacyRule.Kind.TEXT, text=words), text):
            if not _overlaps(start, end, taken):
                add(
                    start, end, type=kind, replacement=earlier.replacement,
                    state=earlier.state, reason=earlier.reason, origin=earlier.origin,
                    decided_by=earlier.decided_by, decided_at=earlier.decided_at,
                )  # fmt: skip
    for finding in detect(text, public=public):
        if _overlaps(finding.start, finding.end, taken):
            continue
        carried = previous.get((finding.type, finding.text))
        add(
            finding.start, finding.end, type=finding.type,
            replacement=mask_finding(finding)[:300],
            state=carried.state if carried else PrivacyFinding.State.OPEN,
            reason=carried.reason if carried else "",
            decided_by=carried.decided_by if carried else None,
            decided_at=carried.decided_at if carried else None,
        )  # fmt: skip
    PrivacyFinding.objects.bulk_create(rows)
    return len(rows)


def item_scan(*, item: Item, actor: Actor) -> int:
    """Run the detector on the body and every attachment; returns new findings."""
    rules = mask_rules(item.organisation)
    public = body_public_data(item.organisation)
    with transaction.atomic():
        found = _scan_text(item, None, item.body, rules, public)
        for attachment in item.attachments.all():
            found += _scan_text(item, attachment, attachment.text, rules, public)
        record(item, actor=actor, action="scan", summary={"new_findings": found})
    return found


def current_findings(item: Item) -> list[PrivacyFinding]:
    """Findings on the texts as they are now (stale ones are never shown)."""
    hashes: dict[int | None, str] = {None: sha256(item.body)}
    hashes.update({a.pk: sha256(a.text) for a in item.attachments.all()})
    return [
        f
        for f in item.findings.select_related("attachment", "decided_by__staff_profile")
        if hashes.get(f.attachment_id) == f.source_hash
    ]


def scan_is_current(item: Item) -> bool:
    scanned = set(item.findings.values_list("attachment_id", "source_hash"))
    texts = [(None, item.body)] + [(a.pk, a.text) for a in item.attachments.all()]
    public = body_public_data(item.organisation)
    # A text without findings has no row: rescan when it changed since the last scan.
    return all(
        (pk, sha256(text)) in scanned or not detect(text, public=public) for pk, text in texts
    )


def open_findings(item: Item) -> list[PrivacyFinding]:
    return [f for f in current_findings(item) if f.state == PrivacyFinding.State.OPEN]


def _check_redactor(item: Item, actor: Actor) -> None:
    actor = require_role(actor, REDACTING_ROLES)
    if item.status not in DECIDABLE:
        raise ServiceError("item_frozen", _("This item is no longer under review."))
    if item.drafter_id == getattr(actor, "pk", None):
        raise ServiceError("own_item", _("The reviewer cannot be the item's drafter."))


def _decide(finding: PrivacyFinding, *, actor: Actor, state: str, reason: str) -> PrivacyFinding:
    item = finding.item
    _check_redactor(item, actor)
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


def finding_mask(*, finding: PrivacyFinding, actor: Actor, reason: str = "") -> PrivacyFinding:
    """Mask in the published version; the original stays on file for staff."""
    reason = reason.strip() or _("Personal information (条例 art. 15)")
    return _decide(finding, actor=actor, state=PrivacyFinding.State.MASKED, reason=reason)


def finding_keep(*, finding: PrivacyFinding, actor: Actor, reason: str) -> PrivacyFinding:
    """Keep as is, e.g. an office phone number meant to be public; the reason is required."""
    if not reason.strip():
        raise ServiceError("reason_required", _("Say why this information may stay."))
    return _decide(finding, actor=actor, state=PrivacyFinding.State.KEPT, reason=reason)


def finding_add(
    *,
    item: Item,
    actor: Actor,
    text: str,
    type: str,
    reason: str,
    attachment: Attachment | None = None,
) -> list[PrivacyFinding]:
    """A reviewer marks words the detector missed: every occurrence in the body (or in one
    attachment) is masked, and stays masked when the text is scanned again."""
    from gongkai.proactive.law import FindingType

    _check_redactor(item, actor)
    words = text.strip()
    if not words or len(words) > 300:
        raise ServiceError(
            "span_required", _("Give the exact words to mask (up to 300 characters).")
        )
    if type not in FindingType.values:
        raise ServiceError("invalid_type", _("Choose the kind of personal information."))
    if attachment is not None and attachment.item_id != item.pk:
        raise ServiceError("foreign_attachment", _("The file does not belong to this item."))
    source = attachment.text if attachment is not None else item.body
    digest = sha256(source)
    taken = [
        (f.start, f.end)
        for f in item.findings.filter(attachment=attachment, source_hash=digest).exclude(
            state=PrivacyFinding.State.OPEN
        )
    ]
    open_ones = item.findings.filter(
        attachment=attachment, source_hash=digest, state=PrivacyFinding.State.OPEN
    )
    spans = rule_spans(PrivacyRule(kind=PrivacyRule.Kind.TEXT, text=words), source)
    spans = [s for s in spans if not _overlaps(*s, taken)]
    if not spans:
        raise ServiceError(
            "span_not_found",
            _("These words are not in the text, or are already masked or kept."),
        )
    reason = reason.strip()[:300] or _("Personal information (条例 art. 15)")
    with transaction.atomic():
        # A wider span replaces the open findings it covers (a part of a number, say).
        for f in open_ones:
            if _overlaps(f.start, f.end, spans):
                f.delete()
        rows = PrivacyFinding.objects.bulk_create(
            PrivacyFinding(
                item=item, attachment=attachment, source_hash=digest, type=type,
                start=start, end=end, text=words, replacement=replacement_for(type, words)[:300],
                state=PrivacyFinding.State.MASKED, reason=reason,
                origin=PrivacyFinding.Origin.MANUAL, decided_by=actor, decided_at=now(),
            )
            for start, end in spans
        )  # fmt: skip
        record(
            item,
            actor=actor,
            action="finding.add",
            summary={
                "type": type, "attachment": getattr(attachment, "pk", None),
                "occurrences": len(rows), "reason": reason,
            },
        )  # fmt: skip
    return rows


def redact(text: str, findings: Iterable[PrivacyFinding]) -> str:
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


# --------------------------------------------------------------------------
# The office's rule list
# --------------------------------------------------------------------------

PUBLIC_RULE_TYPES = ("name", "mobile", "landline", "address", "email")


def privacy_rule_create(
    *,
    actor: Actor,
    organisation: Organisation,
    kind: str,
    action: str,
    type: str,
    text: str,
    reason: str,
    replacement: str = "",
) -> PrivacyRule:
    """Add a rule to the body's list; it applies from the next scan of every item."""
    from gongkai.core.services import ledger_append
    from gongkai.proactive.law import FindingType
    from gongkai.proactive.services.common import PUBLISHING_ROLES

    actor = require_role(actor, PUBLISHING_ROLES)
    body = organisation.body
    text, reason = text.strip(), reason.strip()
    if not text or len(text) > 200:
        raise ServiceError("text_required", _("Give the text or pattern (up to 200 characters)."))
    if not reason:
        raise ServiceError("reason_required", _("Say why this rule is needed."))
    if kind not in PrivacyRule.Kind.values or action not in PrivacyRule.Action.values:
        raise ServiceError("invalid_rule", _("Choose the kind and the action of the rule."))
    if type not in FindingType.values:
        raise ServiceError("invalid_type", _("Choose the kind of personal information."))
    if action == PrivacyRule.Action.PUBLIC and (
        kind != PrivacyRule.Kind.TEXT or type not in PUBLIC_RULE_TYPES
    ):
        raise ServiceError(
            "invalid_public_rule",
            _("Published information is an exact name, phone number, address or e-mail."),
        )
    if kind == PrivacyRule.Kind.PATTERN:
        try:
            if re.compile(text).match(""):
                raise ServiceError("empty_pattern", _("The pattern must not match empty text."))
        except re.error as error:
            raise ServiceError(
                "invalid_pattern",
                _("The pattern is not a valid regular expression: %(error)s") % {"error": error},
            ) from None
    with transaction.atomic():
        rule = PrivacyRule.objects.create(
            organisation=body, kind=kind, action=action, type=type, text=text,
            replacement=replacement.strip()[:100], reason=reason[:300], created_by=actor,
        )  # fmt: skip
        ledger_append(
            actor=actor,
            action="proactive.privacy_rule.create",
            obj=rule,
            organisation=body,
            summary={
                "rule_kind": kind,
                "rule_action": action,
                "type": type,
                "text": text,
                "reason": reason,
            },  # fmt: skip
        )
    return rule


def privacy_rule_deactivate(*, actor: Actor, rule: PrivacyRule) -> PrivacyRule:
    """Stop applying a rule at later scans; findings already made keep their decision."""
    from gongkai.core.services import ledger_append
    from gongkai.proactive.services.common import PUBLISHING_ROLES

    actor = require_role(actor, PUBLISHING_ROLES)
    profile = getattr(actor, "staff_profile", None)
    if not actor.is_superuser and (
        profile is None or profile.organisation.body.pk != rule.organisation_id
    ):
        raise ServiceError("foreign_rule", _("This rule belongs to another public body."))
    with transaction.atomic():
        updated = PrivacyRule.objects.filter(pk=rule.pk, is_active=True).update(is_active=False)
        if updated:
            ledger_append(
                actor=actor,
                action="proactive.privacy_rule.deactivate",
                obj=rule,
                organisation=rule.organisation,
                summary={"text": rule.text},
            )
    rule.refresh_from_db()
    return rule
