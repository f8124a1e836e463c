"""Reading yearly reports: who sees which, what the portal shows."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from gongkai.core.access import has_role, organisation_ids_visible_to
from gongkai.core.errors import NotFoundError
from gongkai.core.models import Organisation
from gongkai.core.sitescope import scoped
from gongkai.core.types import AnyUser
from gongkai.reports.models import Status, YearlyReport
from gongkai.reports.section2 import MANUAL, REGISTER, SECTION2_TABLES, empty_table
from gongkai.reports.transitions import EDITORS, READERS

# Drafts and the statistics are for the openness office and those who supervise it.
READER_ROLES = tuple(READERS)
EDITOR_ROLES = tuple(EDITORS)

if TYPE_CHECKING:
    from gongkai.core.models import TaskFailure


def can_read(user: AnyUser) -> bool:
    return has_role(user, *READER_ROLES)


def can_edit(user: AnyUser) -> bool:
    return has_role(user, *EDITOR_ROLES)


def reports_visible_to(user: AnyUser) -> QuerySet[YearlyReport]:
    if not can_read(user):
        return YearlyReport.objects.none()
    return YearlyReport.objects.visible_to(user).select_related("organisation")


def access_report(user: AnyUser, pk: int) -> YearlyReport:
    """The report if ``user`` may see it; the same 404 whether missing or out of scope."""
    report = reports_visible_to(user).filter(pk=pk).first()
    if report is None:
        raise NotFoundError("report_not_found", _("No such report."))
    return report


def bodies_visible_to(user: AnyUser) -> QuerySet[Organisation]:
    """The public bodies whose reports and statistics ``user`` may read."""
    if not can_read(user):
        return Organisation.objects.none()
    bodies = Organisation.objects.filter(kind=Organisation.Kind.BODY, is_active=True)
    visible = organisation_ids_visible_to(user)
    return bodies if visible is None else bodies.filter(pk__in=visible)


def published_reports() -> QuerySet[YearlyReport]:
    """Published reports; on a body's site (gongkai.sites) its bodies' only."""
    return (
        scoped(YearlyReport.objects.filter(status=Status.PUBLISHED), pk_field=None)
        .select_related("organisation")
        .order_by("-year", "organisation__id")
    )


def published_report(organisation_code: str, year: int) -> YearlyReport:
    report = published_reports().filter(organisation__code=organisation_code, year=year).first()
    if report is None:
        raise NotFoundError("report_not_found", _("No such report."))
    return report


def section2_tables(report: YearlyReport) -> list[dict[str, Any]]:
    """The four section 二 tables with their values (provided, counted from a register or
    entered) and source."""
    tables = []
    computed = report.tables.get("section2_sources", {})
    for table in SECTION2_TABLES:
        # A register table is entered by hand unless this report counted it from the register.
        if table.source == MANUAL or (
            table.source == REGISTER and computed.get(table.code) != REGISTER
        ):
            values = report.manual_tables.get(table.code) or empty_table(table)
            source = MANUAL
        else:
            values = report.tables.get("section2", {}).get(table.code) or empty_table(table)
            source = report.tables.get("section2_sources", {}).get(table.code, "absent")
        tables.append({"spec": table, "values": values, "source": source})
    return tables


GENERATE_TASK = "gongkai.reports.tasks.report_generate_run"


def generation_failure(report: YearlyReport) -> TaskFailure | None:
    """The queue's record of the pending computation's failure (its attempts are spent),
    unless the office retried it; ``None`` while it may still succeed."""
    from gongkai.core.models import TaskFailure

    if not report.generation_pending:
        return None
    return (
        TaskFailure.objects.filter(
            task_path=GENERATE_TASK,
            arguments__kwargs__report_id=report.pk,
            failed_at__gte=report.generation_requested_at,
            retried_at__isnull=True,
        )
        .order_by("-failed_at")
        .first()
    )
