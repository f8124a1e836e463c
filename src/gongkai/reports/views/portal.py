"""Public pages: the list of published yearly reports and each report (xxgk/ndbg/)."""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import render

from gongkai.core.errors import NotFoundError
from gongkai.reports.render.document import build
from gongkai.reports.selectors import published_report, published_reports
from gongkai.reports.views.common import FILE_FORMATS, file_response


def report_list(request):
    return render(request, "reports/public_list.html", {"reports": published_reports()})


def _published(organisation: str, year: int):
    try:
        return published_report(organisation, year)
    except NotFoundError:
        raise Http404 from None


def report_page(request, organisation: str, year: int):
    report = _published(organisation, year)
    return render(
        request,
        "reports/public_report.html",
        {"report": report, "document": build(report), "public": True},
    )


def report_file(request, organisation: str, year: int, file_format: str):
    if file_format not in FILE_FORMATS:
        raise Http404
    return file_response(_published(organisation, year), file_format, staff=False)
