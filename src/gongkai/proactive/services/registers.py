"""The negative list, the normative-document register and its clean-ups, the standard
catalog, and the yearly self-check of withheld items."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from django.db import models, transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.locking import changed_meanwhile, lock_in_place, save_if_unchanged
from gongkai.core.models import Organisation
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor
from gongkai.proactive import transitions
from gongkai.proactive.law import (
    CATALOG_AUDIENCES,
    CATALOG_METHODS,
    CATALOG_TIME_LIMIT,
    CLEANUP_STATUS,
    NormativeKind,
    NormativeStatus,
)
from gongkai.proactive.models import (
    Cleanup,
    CleanupEntry,
    Genre,
    Item,
    NormativeDocument,
    StandardCatalogItem,
    Topic,
)
from gongkai.proactive.services.common import (
    PUBLISHING_ROLES,
    document_number_clean,
    require_role,
)
from gongkai.proactive.services.settings import VOCABULARIES


def _ledger(
    actor: Actor,
    action: str,
    obj: models.Model | None,
    organisation: Organisation,
    summary: dict[str, Any],
) -> None:
    ledger_append(
        actor=actor,
        action=f"proactive.{action}",
        obj=obj,
        organisation=organisation,
        summary=summary,
    )


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
    *, actor: Actor, organisation: Organisation, fields: NormativeFields
) -> NormativeDocument:
    actor = require_role(actor, PUBLISHING_ROLES)
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
    *, document: NormativeDocument, actor: Actor, status: str, on: dt.date, changed_by: str = ""
) -> NormativeDocument:
    """Amend, repeal or let expire; amending and repealing name the document that did it."""
    if actor is not None:
        actor = require_role(actor, PUBLISHING_ROLES)
    if status in (NormativeStatus.AMENDED, NormativeStatus.REPEALED) and not changed_by.strip():
        raise ServiceError("changed_by_required", _("Name the amending or repealing document."))
    with transaction.atomic():
        seen = document.status
        lock_in_place(document, guard=())
        _check_normative_transition(document, status, seen)
        old = document.status
        document.status, document.status_changed_on = status, on
        document.changed_by = changed_by.strip() or document.changed_by
        save_if_unchanged(
            document, guard={"status": old},
            fields=("status", "status_changed_on", "changed_by"),
        )  # fmt: skip
        _ledger(
            actor, "normative.change", document, document.organisation,
            {"status": status, "on": on, "changed_by": document.changed_by},
        )  # fmt: skip
    return document


def _check_normative_transition(document: NormativeDocument, status: str, seen: str) -> None:
    if status not in transitions.NORMATIVE_TRANSITIONS[document.status]:
        if seen != document.status:
            raise changed_meanwhile(document)
        raise ServiceError(
            "invalid_transition",
            _("%(title)s cannot change from “%(from)s” to “%(to)s”.")
            % {
                "title": document.title,
                "from": document.get_status_display(),
                "to": NormativeStatus(status).label,
            },
        )


def normative_documents_expire_due(*, today: dt.date) -> int:
    """The periodic job: documents past their validity period become 已失效."""
    due = NormativeDocument.objects.filter(
        status__in=transitions.NORMATIVE_CHANGEABLE, effective_until__lt=today
    )
    count = 0
    for document in due:
        try:
            normative_document_change(
                document=document,
                actor=None,
                status=NormativeStatus.EXPIRED,
                # never None here: the query asks for a date before today
                on=document.effective_until or today,
            )
        except ServiceError:
            continue  # repealed by the office meanwhile
        count += 1
    return count


def cleanup_publish(
    *,
    actor: Actor,
    organisation: Organisation,
    title: str,
    decided_on: dt.date,
    outcomes: dict[int, str],
    changed_by: str = "",
) -> Cleanup:
    """Publish a clean-up result and apply each outcome to the register."""
    actor = require_role(actor, PUBLISHING_ROLES)
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


def catalog_import(*, actor: Actor, organisation: Organisation, rows: list[CatalogRow]) -> int:
    """Import (or update, matched by matter) the standard catalog; all rows or none."""
    actor = require_role(actor, PUBLISHING_ROLES)
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


def vocabulary_add(*, actor: Actor, kind: str, name: str, order: int = 0) -> Topic | Genre:
    """Add a topic (主题分类) or genre (体裁分类); adding an existing name returns it."""
    actor = require_role(actor, PUBLISHING_ROLES)
    model = VOCABULARIES.get(kind)
    if model is None or not name.strip():
        raise ServiceError("invalid_vocabulary", _("Give the vocabulary and a name."))
    with transaction.atomic():
        entry, created = model.objects.get_or_create(name=name.strip(), defaults={"order": order})
        if created:
            ledger_append(
                actor=actor, action=f"proactive.{kind}.add", obj=entry, summary={"name": entry.name}
            )
    return entry


def review_steps_configure(
    *, actor: Actor, organisation: Organisation, steps: list[tuple[str, str]]
) -> list[tuple[str, str]]:
    """Replace a body's review steps with ``[(kind, role), …]`` in order (at least one
    secrecy review, 条例 art. 17); items already in review keep their step index."""
    from gongkai.core.models import Role
    from gongkai.proactive.law import ReviewKind
    from gongkai.proactive.models import ReviewStep

    actor = require_role(actor, PUBLISHING_ROLES)
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
