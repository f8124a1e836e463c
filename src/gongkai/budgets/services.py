"""Every change to 预决算 and 三公经费: one function each, in a transaction, writing the ledger.

``budget_create`` records the approval (批复) and starts the 20-day clock (预算法 第十四条第二款);
``budget_table_set`` and ``budget_three_set`` fill the template; ``budget_publish`` checks that
the document is whole, publishes it and stops the clock (the stopped clock says whether it was
on time). A published document changes only with a reason, kept public as a
``BudgetCorrection``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.budgets import transitions
from gongkai.budgets.indexing import budget_index
from gongkai.budgets.law import (
    MAX_AMOUNT,
    PUBLICATION_CLOCK_RULE,
    TABLES,
    TABLES_BY_CODE,
    THREE_AMOUNTS,
    THREE_COUNTS,
    DocumentKind,
)
from gongkai.budgets.models import BudgetCorrection, BudgetDocument, BudgetRow, BudgetTable
from gongkai.core.access import body_and_descendants, has_role
from gongkai.core.clockmath import CHINA, end_of_day
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Clock, Organisation
from gongkai.core.services import clock_start, clock_stop, ledger_append
from gongkai.core.types import Actor

EDITING_ROLES = transitions.EDITING_ROLES
CENT = Decimal("0.01")
# A table's parsed row: 科目编码, 科目名称 and one amount per column.
Row = tuple[str, str, list[Decimal]]
# A 三公经费 figure as a form or a caller gives it (a Decimal, a count, or typed text).
Figure = Decimal | int | str | None


def require_editor(actor: Actor, organisation: Organisation) -> User:
    """The openness office (or an administrator) of the body or of a body above it: the
    actor, who is never the system (``None``)."""
    refused = PermissionDeniedError("not_allowed", _("You do not have the right to do this."))
    if actor is None or not has_role(actor, *EDITING_ROLES):
        raise refused
    profile = getattr(actor, "staff_profile", None)
    if not actor.is_superuser and (
        profile is None or organisation.pk not in body_and_descendants(profile.organisation.body)
    ):
        raise refused
    return actor


def _record(
    document: BudgetDocument, *, actor: Actor, action: str, summary: dict[str, object] | None = None
) -> None:
    ledger_append(
        actor=actor,
        action=f"budgets.{action}",
        obj=document,
        organisation=document.organisation,
        summary={"year": document.year, "kind": document.kind, **(summary or {})},
    )


def _correction(document: BudgetDocument, *, actor: User, reason: str, what: str) -> None:
    """A published document changes only with a reason, which stays public."""
    if not transitions.is_published(document):
        return
    reason = reason.strip()
    if not reason:
        raise ServiceError(
            "missing_reason", _("The document is published: say why it is corrected.")
        )
    BudgetCorrection.objects.create(
        document=document,
        corrected_on=timezone.localdate(),
        reason=reason[:500],
        what=str(what)[:200],
        recorded_by=actor,
    )


def _start_clock(document: BudgetDocument, *, actor: Actor) -> Clock:
    """Twenty days counted from the day after the approval (民法典 第二百零一条): the clock
    starts at the end of the approval day, so it falls due at the end of the twentieth day."""
    started = end_of_day(document.approved_on)
    return clock_start(
        actor=actor,
        rule=PUBLICATION_CLOCK_RULE,
        label=_("Publish %(document)s") % {"document": document_title(document)},
        organisation=document.organisation,
        started_at=started,
        subject=document,
    )


def document_title(document: BudgetDocument) -> str:
    """「湛江市公安局2026年部门预算」: the title every unit's document has."""
    return _("%(organisation)s %(year)d %(kind)s") % {
        "organisation": document.organisation.name,
        "year": document.year,
        "kind": document.get_kind_display(),
    }


def _check_header(year: int, kind: str, approved_on: dt.date, approved_by: str) -> None:
    if kind not in DocumentKind.values:
        raise ServiceError("invalid_kind", _("Choose a budget or final accounts."))
    if not 2000 <= year <= 2100:
        raise ServiceError("invalid_year", _("Enter a budget year between 2000 and 2100."))
    if approved_on > timezone.localdate():
        raise ServiceError("approval_in_future", _("The date of approval cannot be in the future."))
    if not approved_by.strip():
        raise ServiceError("missing_approver", _("Name the body that approved the document."))


def budget_create(
    *,
    actor: Actor,
    organisation: Organisation,
    year: int,
    kind: str,
    approved_on: dt.date,
    approved_by: str,
    explanation: str = "",
) -> BudgetDocument:
    """Record an approved budget or final accounts; the 20-day publication clock starts."""
    require_editor(actor, organisation)
    _check_header(year, kind, approved_on, approved_by)
    try:
        with transaction.atomic():
            document = BudgetDocument.objects.create(
                organisation=organisation,
                year=year,
                kind=kind,
                approved_on=approved_on,
                approved_by=approved_by.strip()[:100],
                explanation=explanation.strip(),
            )
            BudgetTable.objects.bulk_create(
                BudgetTable(document=document, template=t.code) for t in TABLES
            )
            document.clock = _start_clock(document, actor=actor)
            BudgetDocument.objects.filter(pk=document.pk).update(clock=document.clock)
            _record(document, actor=actor, action="create")
    except IntegrityError:
        raise ServiceError(
            "duplicate", _("This unit already has that document for that year.")
        ) from None
    return document


def budget_update(
    *,
    actor: Actor,
    document: BudgetDocument,
    approved_on: dt.date,
    approved_by: str,
    explanation: str,
    reason: str = "",
) -> BudgetDocument:
    """Change the approval or the explanation; a new approval date restarts the clock
    (only before publication: a published document's clock has stopped)."""
    editor = require_editor(actor, document.organisation)
    _check_header(document.year, document.kind, approved_on, approved_by)
    published = transitions.is_published(document)
    if published and approved_on != document.approved_on:
        raise ServiceError(
            "approval_fixed", _("The approval date of a published document cannot change.")
        )
    with transaction.atomic():
        _correction(document, actor=editor, reason=reason, what=_("Explanation"))
        moved = approved_on != document.approved_on
        document.approved_on = approved_on
        document.approved_by = approved_by.strip()[:100]
        document.explanation = explanation.strip()
        if moved and document.clock is not None:
            clock_stop(clock=document.clock, actor=actor, note=_("Approval date corrected."))
            document.clock = _start_clock(document, actor=actor)
        document.save()
        _record(document, actor=actor, action="update")
        if published:
            budget_index(document)
    return document


# --- tables --------------------------------------------------------------------------------


def _amount(text: str) -> Decimal:
    text = text.strip().replace(",", "").replace("，", "")
    if text in ("", "-", "—", "－"):
        return Decimal("0.00")
    value = Decimal(text)
    if not value.is_finite():
        raise InvalidOperation
    return value.quantize(CENT)


def _cells(line: str) -> list[str]:
    """Tab-separated (pasted from a spreadsheet); without a tab, commas separate."""
    if "\t" in line:
        return [c.strip() for c in line.split("\t")]
    return [c.strip() for c in line.replace("，", ",").split(",")]


def rows_parse(template_code: str, text: str) -> tuple[list[Row], list[str]]:
    """The rows typed or pasted for a table: (code, name, [Decimal, …]) each, and the errors
    in Chinese by line number. A line is 科目编码, 科目名称, then one amount per column."""
    template = TABLES_BY_CODE[template_code]
    width = len(template.columns)
    rows: list[Row] = []
    errors: list[str] = []
    lines = [line for line in text.splitlines() if line.strip()]
    for number, line in enumerate(lines, start=1):
        cells = _cells(line)
        if len(cells) != 2 + width:
            errors.append(
                _("Line %(n)d: expected %(expected)d columns, found %(found)d.")
                % {"n": number, "expected": 2 + width, "found": len(cells)}
            )
            continue
        code, name, *texts = cells
        if not name:
            errors.append(_("Line %(n)d: the subject name is empty.") % {"n": number})
            continue
        if len(code) > 20 or len(name) > 120:
            errors.append(_("Line %(n)d: the code or the name is too long.") % {"n": number})
            continue
        try:
            amounts = [_amount(t) for t in texts]
        except (InvalidOperation, ValueError):
            errors.append(_("Line %(n)d: an amount is not a number.") % {"n": number})
            continue
        if any(abs(a) >= MAX_AMOUNT for a in amounts):
            errors.append(_("Line %(n)d: an amount is too large.") % {"n": number})
            continue
        if template.total_first and width > 1 and amounts[0] != sum(amounts[1:], Decimal(0)):
            errors.append(
                _("Line %(n)d: the total %(total)s is not the sum of the columns, %(sum)s.")
                % {"n": number, "total": amounts[0], "sum": sum(amounts[1:], Decimal(0))}
            )
            continue
        rows.append((code, name, amounts))
    return rows, errors


def budget_table_set(
    *,
    actor: Actor,
    document: BudgetDocument,
    template: str,
    rows_text: str,
    empty_note: str = "",
    reason: str = "",
) -> BudgetTable:
    """Replace a table's rows from the lines typed or pasted; every line's error is listed
    and nothing changes while one remains. No rows: say why the table is empty."""
    editor = require_editor(actor, document.organisation)
    if template not in TABLES_BY_CODE:
        raise ServiceError("invalid_table", _("No such table in the template."))
    rows, errors = rows_parse(template, rows_text)
    if errors:
        raise ServiceError("invalid_rows", "；".join(errors))
    empty_note = empty_note.strip()[:300]
    if not rows and not empty_note:
        raise ServiceError(
            "missing_empty_note", _("A table without rows must say why it is empty.")
        )
    with transaction.atomic():
        table = BudgetTable.objects.get(document=document, template=template)
        _correction(document, actor=editor, reason=reason, what=table.get_template_display())
        BudgetRow.objects.filter(table=table).delete()
        BudgetRow.objects.bulk_create(
            BudgetRow(
                table=table, position=i, code=code, name=name, amounts=[str(a) for a in amounts]
            )
            for i, (code, name, amounts) in enumerate(rows, start=1)
        )
        table.empty_note = "" if rows else empty_note
        table.save(update_fields=["empty_note"])
        BudgetDocument.objects.filter(pk=document.pk).update(updated_at=timezone.now())
        _record(document, actor=actor, action="table_set", summary={"rows": len(rows)})
        if transitions.is_published(document):
            budget_index(document)
    return table


# --- 三公经费 -------------------------------------------------------------------------------


def _three_values(figures: Mapping[str, Figure]) -> dict[str, Decimal | int]:
    values: dict[str, Decimal | int] = {}
    for field, _label in THREE_AMOUNTS:
        try:
            amount = _amount(str(figures.get(field) or 0))
        except (InvalidOperation, ValueError):
            amount = Decimal(-1)
        if amount < 0 or amount >= MAX_AMOUNT:
            raise ServiceError("invalid_amount", _("Amounts are between 0 and 1,000,000,000."))
        values[field] = amount
    for field, _label in THREE_COUNTS:
        try:
            count = int(figures.get(field) or 0)
        except (TypeError, ValueError):
            count = -1
        if not 0 <= count < 1_000_000:
            raise ServiceError("invalid_count", _("Counts are whole numbers from 0."))
        values[field] = count
    return values


def budget_three_set(
    *,
    actor: Actor,
    document: BudgetDocument,
    figures: Mapping[str, Figure],
    explanation: str,
    reason: str = "",
) -> BudgetDocument:
    """Set the 三公经费 amounts (万元), the counts beside them and the reasons for the change."""
    editor = require_editor(actor, document.organisation)
    values = _three_values(figures)
    with transaction.atomic():
        _correction(document, actor=editor, reason=reason, what=_("Three public expenses"))
        for field, value in values.items():
            setattr(document, field, value)
        document.three_explanation = explanation.strip()
        document.three_set = True
        document.save()
        _record(
            document, actor=actor, action="three_set", summary={"total": str(document.three_total)}
        )
        if transitions.is_published(document):
            budget_index(document)
    return document


def previous_document(document: BudgetDocument) -> BudgetDocument | None:
    """The same unit's published document of the same kind for the year before."""
    return BudgetDocument.objects.filter(
        organisation=document.organisation,
        kind=document.kind,
        year=document.year - 1,
        status=BudgetDocument.Status.PUBLISHED,
    ).first()


def three_changed(document: BudgetDocument, previous: BudgetDocument | None) -> bool:
    if previous is None:
        return False
    return any(getattr(document, f) != getattr(previous, f) for f, _label in THREE_AMOUNTS)


def publication_problems(document: BudgetDocument) -> list[str]:
    """What keeps the document from being published, in Chinese; empty when it is whole."""
    problems = []
    if not document.explanation.strip():
        problems.append(_("Write the explanation (情况说明) of the document."))
    for table in document.tables.all():
        if not table.empty_note and not table.rows.exists():
            problems.append(
                _("Fill the table “%(table)s” or say why it is empty.")
                % {"table": table.get_template_display()}
            )
    if not document.three_set:
        problems.append(_("Fill the three public expenses."))
    elif three_changed(document, previous_document(document)) and not (
        document.three_explanation.strip()
    ):
        problems.append(_("The three public expenses changed from the year before: explain why."))
    return problems


def budget_publish(
    *, actor: Actor, document: BudgetDocument, published_at: dt.datetime | None = None
) -> BudgetDocument:
    """Publish a whole document and stop its clock; ``published_at`` records a publication
    made earlier (on the old site), never later than now nor before the approval."""
    require_editor(actor, document.organisation)
    problems = publication_problems(document)
    if problems:
        raise ServiceError("incomplete", "；".join(problems))
    now = published_at or timezone.now()
    if now > timezone.now() or now.astimezone(CHINA).date() < document.approved_on:
        raise ServiceError(
            "invalid_publication_date",
            _("The publication date must lie between the approval and today."),
        )
    with transaction.atomic():
        if not BudgetDocument.objects.filter(
            pk=document.pk,
            status__in=transitions.statuses_allowing(transitions.Action.PUBLISH),
        ).update(status=BudgetDocument.Status.PUBLISHED, published_at=now):
            raise ServiceError("already_published", _("The document is already published."))
        document.refresh_from_db()
        if document.clock is not None:
            # Published on the approval day itself: before the count begins, on time.
            stop = max(now, document.clock.started_at)
            clock_stop(clock=document.clock, actor=actor, at=stop, note=_("Published."))
        _record(document, actor=actor, action="publish")
        budget_index(document)
    return document
