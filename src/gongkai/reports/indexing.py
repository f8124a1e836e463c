"""What the site search (gongkai.search) holds of yearly reports: each published report,
its official title and the prose of sections 一, 五 and 六 (the tables are figures)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from django.urls import reverse
from django.utils.translation import gettext_lazy

from gongkai.core.clockmath import CHINA
from gongkai.reports.models import Status, YearlyReport
from gongkai.search.documents import SearchDocument, document_id, register_source
from gongkai.search.services import enqueue_delete, enqueue_upsert

KIND = "reports_yearly"
PREFIX = "reports-yearly:"


def report_document(report: YearlyReport) -> SearchDocument:
    from gongkai.reports.render.document import report_title

    return SearchDocument(
        id=document_id(PREFIX, report.pk),
        title=report_title(report),
        body="\n".join([report.overview, report.problems, report.other_matters]),
        url=reverse("reports:public_report", args=[report.organisation.code, report.year]),
        organisation=report.organisation.name,
        year=report.published_at.astimezone(CHINA).year if report.published_at else report.year,
        kind=KIND,
        published_at=report.published_at,
    )


def report_index(report: YearlyReport) -> None:
    """In the caller's transaction: a published report joins the site search."""
    if report.status == Status.PUBLISHED:
        enqueue_upsert(report_document(report))
    else:
        enqueue_delete(document_id(PREFIX, report.pk))


def _published():
    return YearlyReport.objects.filter(status=Status.PUBLISHED).select_related("organisation")


def reports_source() -> Iterator[SearchDocument]:
    for report in _published().iterator(chunk_size=100):
        yield report_document(report)


def _visible_reports(pks: list[int]) -> Iterable[int]:
    return _published().filter(pk__in=pks).values_list("pk", flat=True)


def register_search_source() -> None:
    """Called from ``ReportsConfig.ready``."""
    register_source(
        reports_source,
        count=lambda: _published().count(),
        kind=KIND,
        label=gettext_lazy("Yearly report"),
        prefix=PREFIX,
        visible=_visible_reports,
    )
