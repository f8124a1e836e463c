"""政府公报: an issue (期) collects the normative documents a body issued in its period
(``proactive.NormativeDocument``, 规章 and 行政规范性文件); publishing freezes it.

《政府信息公开条例》第二十四条 names 政府公报 among the channels of proactive disclosure.
"""

from __future__ import annotations

import datetime as dt

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation
from gongkai.core.services import ledger_append
from gongkai.guides.indexing import issue_index
from gongkai.guides.models import GazetteEntry, GazetteIssue
from gongkai.guides.permissions import require_editor
from gongkai.proactive.models import NormativeDocument


def documents_for_period(organisation: Organisation, start: dt.date, end: dt.date):
    """The normative documents issued in the period and not yet in any issue."""
    return (
        NormativeDocument.objects.filter(
            organisation=organisation,
            issued_on__gte=start,
            issued_on__lte=end,
            gazette_entry__isnull=True,
        )  # fmt: skip
        .select_related("item")
        .order_by("issued_on", "document_number", "id")
    )


def gazette_issue_compile(
    *,
    actor,
    organisation: Organisation,
    year: int,
    number: int,
    period_start: dt.date,
    period_end: dt.date,
) -> GazetteIssue:
    """A draft issue with the period's documents in the order they were issued."""
    require_editor(actor, organisation)
    if period_end < period_start:
        raise ServiceError("period_order", _("The period ends before it starts."))
    if number < 1 or not (2000 <= year <= 2100):
        raise ServiceError("invalid_number", _("Give the year and the issue number."))
    try:
        with transaction.atomic():
            issue = GazetteIssue.objects.create(
                organisation=organisation, year=year, number=number,
                period_start=period_start, period_end=period_end,
            )  # fmt: skip
            documents = list(documents_for_period(organisation, period_start, period_end))
            if not documents:
                raise ServiceError(
                    "empty_issue", _("No normative document was issued in this period.")
                )
            GazetteEntry.objects.bulk_create(
                GazetteEntry(issue=issue, document=d, position=i)
                for i, d in enumerate(documents, start=1)
            )
            ledger_append(
                actor=actor, action="guides.gazette_compile", obj=issue,
                organisation=organisation,
                summary={"year": year, "number": number, "documents": len(documents)},
            )  # fmt: skip
    except IntegrityError:
        raise ServiceError(
            "duplicate_issue",
            _("Issue %(number)d of %(year)d exists, or a document is already in an issue.")
            % {"number": number, "year": year},
        ) from None
    return issue


def gazette_issue_publish(*, actor, issue: GazetteIssue) -> GazetteIssue:
    """Publish a draft issue: from now on its table of contents and PDF do not change."""
    require_editor(actor, issue.organisation)
    with transaction.atomic():
        now = timezone.now()
        if not GazetteIssue.objects.filter(pk=issue.pk, published_at__isnull=True).update(
            published_at=now
        ):
            raise ServiceError("already_published", _("This issue is already published."))
        issue.published_at = now
        ledger_append(
            actor=actor, action="guides.gazette_publish", obj=issue,
            organisation=issue.organisation, summary={"year": issue.year, "number": issue.number},
        )  # fmt: skip
        issue_index(issue)
    return issue


def gazette_issue_discard(*, actor, issue: GazetteIssue) -> None:
    """Drop a draft issue (its documents become free for another one)."""
    require_editor(actor, issue.organisation)
    with transaction.atomic():
        if issue.published_at is not None:
            raise ServiceError("already_published", _("This issue is already published."))
        ledger_append(
            actor=actor, action="guides.gazette_discard", obj=issue,
            organisation=issue.organisation, summary={"year": issue.year, "number": issue.number},
        )  # fmt: skip
        issue.delete()
