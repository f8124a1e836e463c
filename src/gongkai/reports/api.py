"""The reports app's operations under /api/v1/reports/.

Published reports are public; drafts, generation, editing, publishing and the statistics need
a staff session or token. Errors are ``{"code", "message"}`` (a missing and a forbidden report
answer the same 404).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from ninja import Router, Schema

from gongkai.core.api_auth import staff_auth
from gongkai.core.apischema import YEAR_MAX, YEAR_MIN, Code, Error, ObjectId, Year, choice
from gongkai.core.errors import NotFoundError, ServiceError
from gongkai.core.models import Organisation
from gongkai.reports import services
from gongkai.reports.consistency import snapshot_findings
from gongkai.reports.models import Status, YearlyReport
from gongkai.reports.selectors import (
    access_report,
    bodies_visible_to,
    published_report,
    published_reports,
    section2_tables,
)
from gongkai.reports.selectors.dashboard import dashboard

router = Router(tags=["reports"])


class ReportSummary(Schema):
    id: int
    organisation: str
    organisation_name: str
    year: int
    status: Annotated[str, choice(Status.values)]
    published_at: dt.datetime | None
    sign_off_requested_at: dt.datetime | None
    signed_off_at: dt.datetime | None


class YearlyReportOut(ReportSummary):
    overview: str
    problems: str
    other_matters: str
    section2: dict
    section3: dict
    section4: dict
    findings: list[dict]


class GenerateIn(Schema):
    organisation: Code
    year: Year


class ProseIn(Schema):
    overview: str = ""
    problems: str = ""
    other_matters: str = ""


class SignOffIn(Schema):
    approve: bool
    comment: str = ""


class TablesIn(Schema):
    values: dict[str, dict[str, dict[str, str | int | float]]]


class ChartOut(Schema):
    code: str
    title: str
    kind: Annotated[str, choice(("stacked", "bar", "line"))]
    columns: list[str]
    rows: list[list[str | int | float | None]]
    note: str


def _summary(report: YearlyReport) -> dict:
    return {
        "id": report.pk,
        "organisation": report.organisation.code,
        "organisation_name": report.organisation.name,
        "year": report.year,
        "status": report.status,
        "published_at": report.published_at,
        "sign_off_requested_at": report.sign_off_requested_at,
        "signed_off_at": report.signed_off_at,
    }


def _full(report: YearlyReport) -> dict:
    return {
        **_summary(report),
        "overview": report.overview,
        "problems": report.problems,
        "other_matters": report.other_matters,
        "section2": {t["spec"].code: t["values"] for t in section2_tables(report)},
        "section3": report.tables.get("section3", {}),
        "section4": report.tables.get("section4", {}),
        "findings": [f.to_dict() for f in snapshot_findings(report.tables)]
        if report.tables
        else [],
    }


@router.get("/published", response=list[ReportSummary])
def list_published(request):
    return [_summary(r) for r in published_reports()]


@router.get("/published/{organisation}/{year}", response={200: YearlyReportOut, 404: Error})
def get_published(request, organisation: Code, year: Year):
    return _full(published_report(organisation, year))


def _body(user, code: str) -> Organisation:
    body = bodies_visible_to(user).filter(code=code).first()
    if body is None:
        raise NotFoundError("organisation_not_found", _("No such public body."))
    return body


@router.post(
    "/generate",
    auth=staff_auth,
    response={200: YearlyReportOut, 400: Error, 403: Error, 404: Error},
)
def generate(request, payload: GenerateIn):
    organisation = Organisation.objects.filter(code=payload.organisation).first()
    if organisation is None:
        raise NotFoundError("organisation_not_found", _("No such public body."))
    report = services.report_generate(
        organisation=organisation, year=payload.year, actor=request.auth
    )
    return _full(report)


@router.get("/{report_id}", auth=staff_auth, response={200: YearlyReportOut, 404: Error})
def get_report(request, report_id: ObjectId):
    return _full(access_report(request.auth, report_id))


@router.put(
    "/{report_id}/prose",
    auth=staff_auth,
    response={200: YearlyReportOut, 400: Error, 403: Error, 404: Error},
)
def update_prose(request, report_id: ObjectId, payload: ProseIn):
    report = access_report(request.auth, report_id)
    report = services.report_update_prose(report=report, actor=request.auth, **payload.dict())
    return _full(report)


@router.put(
    "/{report_id}/tables",
    auth=staff_auth,
    response={200: YearlyReportOut, 400: Error, 403: Error, 404: Error},
)
def update_tables(request, report_id: ObjectId, payload: TablesIn):
    report = access_report(request.auth, report_id)
    report = services.report_update_tables(report=report, actor=request.auth, values=payload.values)
    return _full(report)


@router.post(
    "/{report_id}/request-sign-off",
    auth=staff_auth,
    response={200: YearlyReportOut, 400: Error, 403: Error, 404: Error},
)
def request_sign_off(request, report_id: ObjectId):
    report = access_report(request.auth, report_id)
    return _full(services.report_request_sign_off(report=report, actor=request.auth))


@router.post(
    "/{report_id}/sign-off",
    auth=staff_auth,
    response={200: YearlyReportOut, 400: Error, 403: Error, 404: Error},
)
def sign_off(request, report_id: ObjectId, payload: SignOffIn):
    """A leader signs the submitted draft off (领导审签) or sends it back with a reason."""
    report = access_report(request.auth, report_id)
    return _full(
        services.report_sign_off(
            report=report, actor=request.auth, approve=payload.approve, comment=payload.comment
        )
    )


@router.post(
    "/{report_id}/publish",
    auth=staff_auth,
    response={200: YearlyReportOut, 400: Error, 403: Error, 404: Error},
)
def publish(request, report_id: ObjectId):
    report = access_report(request.auth, report_id)
    return _full(services.report_publish(report=report, actor=request.auth))


@router.get(
    "/statistics/{organisation}",
    auth=staff_auth,
    response={200: list[ChartOut], 400: Error, 404: Error},
)
def statistics(request, organisation: Code, start: dt.date, end: dt.date):
    """The dashboard's charts as tables, for a body in scope and a period."""
    if end < start or (end - start).days > 366 * 5:
        raise ServiceError("invalid_period", _("Choose a period of at most five years."))
    if start.year < YEAR_MIN or end.year > YEAR_MAX:
        raise ServiceError(
            "date_out_of_range",
            _("The date is outside the supported calendar (1990–2100)."),
        )
    charts = dashboard(_body(request.auth, organisation), start, end)
    return [{**_text(c.as_json()), "note": str(c.note)} for c in charts]


def _text(value):
    """Labels computed lazily (column headings, row names) as the strings they read."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {key: _text(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_text(item) for item in value]
    return value
