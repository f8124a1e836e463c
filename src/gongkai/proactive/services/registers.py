"""The negative list, the normative-document register and its clean-ups, the standard
catalog, and the yearly self-check of withheld items."""

from __future__ import annotations

import dataclasses
import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation
from gongkai.core.services import ledger_append
from gongkai.proactive.law import (
    CATALOG_AUDIENCES,
    CATALOG_METHODS,
    CATALOG_TIME_LIMIT,
    CLEANUP_STATUS,
    PUBLISHABLE_LABELS,
    DisclosureLabel,
    NegativeCategory,
    NormativeKind,
    NormativeStatus,
)
from gongkai.proactive.models import (
    Cleanup,
    CleanupEntry,
    Item,
    NegativeListEntry,
    NormativeDocument,
    SelfCheckDecision,
    StandardCatalogItem,
    Status,
)
from gongkai.proactive.services.common import (
    PUBLISHING_ROLES,
    check_transition,
    document_number_clean,
    record,
    require_role,
    transition,
)

# Allowed status changes of a normative document (已修改 stays in force; 废止/失效 are final).
NORMATIVE_TRANSITIONS: dict[str, frozenset[str]] = {
    NormativeStatus.IN_FORCE: frozenset(
        {NormativeStatus.AMENDED, NormativeStatus.REPEALED, NormativeStatus.EXPIRED}
    ),
    NormativeStatus.AMENDED: frozenset(
        {NormativeStatus.AMENDED, NormativeStatus.REPEALED, NormativeStatus.EXPIRED}
    ),
    NormativeStatus.REPEALED: frozenset(),
    NormativeStatus.EXPIRED: frozenset(),
}


def _ledger(actor, action: str, obj, organisation: Organisation, summary: dict) -> None:
    ledger_append(
        actor=actor,
        action=f"proactive.{action}",
        obj=obj,
        organisation=organisation,
        summary=summary,
    )


def negative_entry_create(
    *,
    actor,
    organisation: Organisation,
    category: str,
    description: str,
    legal_basis: str,
    review_on: dt.date,
) -> NegativeListEntry:
    require_role(actor, PUBLISHING_ROLES)
    description, legal_basis = description.strip(), legal_basis.strip()
    if category not in NegativeCategory.values or not description or not legal_basis:
        raise ServiceError(
            "incomplete_entry", _("An entry needs its category, description and legal basis.")
        )
    existing = NegativeListEntry.objects.filter(
        organisation=organisation, category=category, description=description
    ).first()
    if existing is not None:
        return existing
    with transaction.atomic():
        entry = NegativeListEntry.objects.create(
            organisation=organisation,
            category=category,
            description=description,
            legal_basis=legal_basis,
            review_on=review_on,
        )
        _ledger(actor, "negative.create", entry, organisation, {"category": category})
    return entry


NEGATIVE_ENTRY_FIELDS = ("category", "description", "legal_basis", "review_on", "is_active")


def negative_entry_update(*, actor, entry: NegativeListEntry, changes: dict) -> NegativeListEntry:
    """Change a negative-list entry (the admin site's saves come here, with the ledger)."""
    require_role(actor, PUBLISHING_ROLES)
    if set(changes) - set(NEGATIVE_ENTRY_FIELDS):
        raise ServiceError("fixed_field", _("This field cannot be changed."))
    values = {**{f: getattr(entry, f) for f in NEGATIVE_ENTRY_FIELDS}, **changes}
    if values["category"] not in NegativeCategory.values or not (
        str(values["description"]).strip() and str(values["legal_basis"]).strip()
    ):
        raise ServiceError(
            "incomplete_entry", _("An entry needs its category, description and legal basis.")
        )
    if not changes:
        return entry
    with transaction.atomic():
        for name, value in changes.items():
            setattr(entry, name, value)
        entry.save(update_fields=list(changes))
        _ledger(actor, "negative.update", entry, entry.organisation, dict(changes))
    return entry


def self_check_decide(
    *, item: Item, actor, year: int, label: str, comment: str
) -> SelfCheckDecision:
    """Seed 002 (每年对本单位不予公开的信息…进行全面自查) and 条例 art. 18: re-decide one
    withheld item; one decision per item and year. Turning it public reopens it as a draft."""
    require_role(actor, PUBLISHING_ROLES)
    existing = SelfCheckDecision.objects.filter(item=item, year=year).first()
    if existing is not None:
        return existing
    if item.label != DisclosureLabel.WITHHELD or item.status != Status.FILED:
        raise ServiceError("not_withheld", _("Only filed, withheld items are re-decided here."))
    if not comment.strip() or label not in DisclosureLabel.values:
        raise ServiceError("comment_required", _("Choose the label and give the reasons."))
    with transaction.atomic():
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


@dataclasses.dataclass
class NormativeFields:
    kind: str
    title: str
    document_number: str
    issued_on: dt.date
    effective_from: dt.date
    effective_until: dt.date | None = None
    item: Item | None = None


def normative_document_register(
    *, actor, organisation: Organisation, fields: NormativeFields
) -> NormativeDocument:
    require_role(actor, PUBLISHING_ROLES)
    number = document_number_clean(fields.document_number)
    if fields.kind not in NormativeKind.values or not fields.title.strip() or not number:
        raise ServiceError("incomplete_document", _("Give the kind, title and document number."))
    if fields.effective_until and fields.effective_until < fields.effective_from:
        raise ServiceError("period_reversed", _("The validity period ends before it starts."))
    existing = NormativeDocument.objects.filter(organisation=organisation, document_number=number)
    if existing.exists():
        raise ServiceError(
            "duplicate_document", _("%(number)s is already registered.") % {"number": number}
        )
    with transaction.atomic():
        document = NormativeDocument.objects.create(
            organisation=organisation,
            kind=fields.kind,
            title=fields.title.strip(),
            document_number=number,
            issued_on=fields.issued_on,
            effective_from=fields.effective_from,
            effective_until=fields.effective_until,
            item=fields.item,
        )
        _ledger(actor, "normative.register", document, organisation, {"number": number})
    return document


def normative_document_change(
    *, document: NormativeDocument, actor, status: str, on: dt.date, changed_by: str = ""
) -> NormativeDocument:
    """Amend, repeal or let expire; amending and repealing name the document that did it."""
    if actor is not None:
        require_role(actor, PUBLISHING_ROLES)
    if status not in NORMATIVE_TRANSITIONS[document.status]:
        raise ServiceError(
            "invalid_transition",
            _("%(title)s cannot change from “%(from)s” to “%(to)s”.")
            % {
                "title": document.title,
                "from": document.get_status_display(),
                "to": NormativeStatus(status).label,
            },
        )
    if status in (NormativeStatus.AMENDED, NormativeStatus.REPEALED) and not changed_by.strip():
        raise ServiceError("changed_by_required", _("Name the amending or repealing document."))
    with transaction.atomic():
        document.status, document.status_changed_on = status, on
        document.changed_by = changed_by.strip() or document.changed_by
        document.save(update_fields=["status", "status_changed_on", "changed_by"])
        _ledger(
            actor, "normative.change", document, document.organisation,
            {"status": status, "on": on, "changed_by": document.changed_by},
        )  # fmt: skip
    return document


def normative_documents_expire_due(*, today: dt.date) -> int:
    """The periodic job: documents past their validity period become 已失效."""
    due = NormativeDocument.objects.filter(
        status__in=[NormativeStatus.IN_FORCE, NormativeStatus.AMENDED], effective_until__lt=today
    )
    count = 0
    for document in due:
        normative_document_change(
            document=document,
            actor=None,
            status=NormativeStatus.EXPIRED,
            on=document.effective_until,
        )
        count += 1
    return count


def cleanup_publish(
    *,
    actor,
    organisation: Organisation,
    title: str,
    decided_on: dt.date,
    outcomes: dict[int, str],
    changed_by: str = "",
) -> Cleanup:
    """Publish a clean-up result and apply each outcome to the register."""
    require_role(actor, PUBLISHING_ROLES)
    if not title.strip() or not outcomes:
        raise ServiceError("incomplete_cleanup", _("Give a title and at least one outcome."))
    existing = Cleanup.objects.filter(organisation=organisation, title=title.strip()).first()
    if existing is not None:
        return existing
    documents = {
        d.pk: d
        for d in NormativeDocument.objects.filter(organisation=organisation, pk__in=outcomes)
    }
    if set(documents) != set(outcomes):
        raise ServiceError("foreign_document", _("Every document must be in this body's register."))
    with transaction.atomic():
        cleanup = Cleanup.objects.create(
            organisation=organisation, title=title.strip(), decided_on=decided_on, actor=actor
        )
        for pk, outcome in outcomes.items():
            CleanupEntry.objects.create(cleanup=cleanup, document=documents[pk], outcome=outcome)
            status = CLEANUP_STATUS[outcome]
            if status != documents[pk].status and status != NormativeStatus.IN_FORCE:
                normative_document_change(
                    document=documents[pk], actor=actor, status=status, on=decided_on,
                    changed_by=changed_by or title.strip(),
                )  # fmt: skip
        _ledger(actor, "cleanup.publish", cleanup, organisation, {"documents": len(outcomes)})
    return cleanup


@dataclasses.dataclass
class CatalogRow:
    number: int
    level1: str
    level2: str
    elements: str = ""
    basis: str = ""
    time_limit: str = ""
    subject: str = ""
    channels: list[str] = dataclasses.field(default_factory=list)
    audience: str = ""
    method: str = ""
    levels: str = ""


def _check_row(row: CatalogRow, line: int) -> list[str]:
    problems = []
    if not row.level1 or not row.level2:
        problems.append(_("Row %(line)d: the matter is missing.") % {"line": line})
    if row.audience and row.audience not in CATALOG_AUDIENCES:
        problems.append(
            _("Row %(line)d: unknown audience %(value)s.") % {"line": line, "value": row.audience}
        )
    if row.method and row.method not in CATALOG_METHODS:
        problems.append(
            _("Row %(line)d: unknown method %(value)s.") % {"line": line, "value": row.method}
        )
    return problems


def catalog_import(*, actor, organisation: Organisation, rows: list[CatalogRow]) -> int:
    """Import (or update, matched by matter) the standard catalog; all rows or none."""
    require_role(actor, PUBLISHING_ROLES)
    problems = [p for line, row in enumerate(rows, start=2) for p in _check_row(row, line)]
    if not rows:
        problems.append(_("The file holds no catalog rows."))
    if problems:
        raise ServiceError("invalid_catalog", " ".join(problems[:10]))
    with transaction.atomic():
        for row in rows:
            limit = CATALOG_TIME_LIMIT.search(row.time_limit)
            values = dataclasses.asdict(row)
            values["limit_working_days"] = int(limit.group(1)) if limit else None
            StandardCatalogItem.objects.update_or_create(
                organisation=organisation,
                level1=values.pop("level1"),
                level2=values.pop("level2"),
                defaults=values,
            )
        _ledger(actor, "catalog.import", None, organisation, {"rows": len(rows)})
    return len(rows)


def vocabulary_add(*, actor, kind: str, name: str, order: int = 0):
    """Add a topic (主题分类) or genre (体裁分类); adding an existing name returns it."""
    from gongkai.proactive.models import Genre, Topic

    require_role(actor, PUBLISHING_ROLES)
    model = {"topic": Topic, "genre": Genre}.get(kind)
    if model is None or not name.strip():
        raise ServiceError("invalid_vocabulary", _("Give the vocabulary and a name."))
    with transaction.atomic():
        entry, created = model.objects.get_or_create(name=name.strip(), defaults={"order": order})
        if created:
            ledger_append(
                actor=actor, action=f"proactive.{kind}.add", obj=entry, summary={"name": entry.name}
            )
    return entry


def review_steps_configure(*, actor, organisation: Organisation, steps: list[tuple[str, str]]):
    """Replace a body's review steps with ``[(kind, role), …]`` in order (at least one
    secrecy review, 条例 art. 17); items already in review keep their step index."""
    from gongkai.core.models import Role
    from gongkai.proactive.law import ReviewKind
    from gongkai.proactive.models import ReviewStep

    require_role(actor, PUBLISHING_ROLES)
    valid = all(k in ReviewKind.values and r in Role.values for k, r in steps)
    if not steps or not valid or ReviewKind.SECRECY not in [k for k, _r in steps]:
        raise ServiceError(
            "invalid_steps", _("The review needs valid steps, including a secrecy review.")
        )
    with transaction.atomic():
        ReviewStep.objects.filter(organisation=organisation).delete()
        ReviewStep.objects.bulk_create(
            ReviewStep(organisation=organisation, order=i, kind=k, role=r)
            for i, (k, r) in enumerate(steps)
        )
        _ledger(actor, "review_steps.configure", None, organisation, {"steps": steps})
    return steps
