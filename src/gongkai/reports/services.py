"""Every write of the yearly report: one keyword-only function each, with its ledger entry."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.core.access import has_role, organisation_ids_visible_to
from gongkai.core.errors import NotFoundError, PermissionDeniedError, ServiceError
from gongkai.core.models import Organisation, Role
from gongkai.core.services import ledger_append, notification_send
from gongkai.core.types import Actor
from gongkai.reports.checker.messages import render as render_finding
from gongkai.reports.consistency import snapshot_errors
from gongkai.reports.generate import compute_tables
from gongkai.reports.indexing import report_index
from gongkai.reports.models import Status, YearlyReport
from gongkai.reports.prose import prefill
from gongkai.reports.section2 import MANUAL_TABLES, empty_table, parse_cell
from gongkai.reports.transitions import EDITORS, SIGNERS, TRANSITIONS

# 条例 (国务院令第492号) in force 2008-05-01: the first yearly reports cover 2008.
FIRST_YEAR = 2008
PROSE_MAX_CHARS = 20000


def _require_office(actor: Actor, organisation: Organisation) -> None:
    """The openness office (or an administrator) of the body or a body above it. ``None`` is
    the system (the periodic job, the demo loader)."""
    if actor is None:
        return
    if not has_role(actor, *EDITORS):
        raise PermissionDeniedError(
            "office_only", _("Only the openness office can prepare the yearly report.")
        )
    visible = organisation_ids_visible_to(actor)
    if visible is not None and organisation.pk not in visible:
        # The same answer as for a body that does not exist.
        raise NotFoundError("organisation_not_found", _("No such public body."))


def _check_year(year: int, today: dt.date) -> None:
    if not FIRST_YEAR <= year < today.year:
        raise ServiceError(
            "invalid_year",
            _("A yearly report covers a finished year from %(first)d to %(last)d.")
            % {"first": FIRST_YEAR, "last": today.year - 1},
        )


def _check_transition(report: YearlyReport, to: str) -> None:
    if to not in TRANSITIONS[report.status]:
        raise ServiceError(
            "report_published",
            _("The %(year)d report is already published and can no longer be changed.")
            % {"year": report.year},
        )


def _check_draft(report: YearlyReport) -> None:
    if report.status != Status.DRAFT:
        _check_transition(report, Status.DRAFT)


def _record(report: YearlyReport, *, actor: Actor, action: str, summary: dict[str, Any]) -> None:
    ledger_append(
        actor=actor,
        action=f"reports.{action}",
        obj=report,
        organisation=report.organisation,
        summary={"year": report.year, "status": report.status, **summary},
    )


def _get_or_create(organisation: Organisation, year: int) -> tuple[YearlyReport, bool]:
    try:
        with transaction.atomic():
            return YearlyReport.objects.get_or_create(organisation=organisation, year=year)
    except IntegrityError:  # a concurrent first generation won the unique constraint
        return YearlyReport.objects.get(organisation=organisation, year=year), False


def report_generate(
    *, organisation: Organisation, year: int, actor: Actor, today: dt.date | None = None
) -> YearlyReport:
    """Create the draft or recompute its tables from the data; prose already written is kept
    (empty prose is pre-filled with the figures)."""
    _require_office(actor, organisation)
    _check_year(year, today or timezone.localdate())
    if organisation.kind != Organisation.Kind.BODY:
        raise ServiceError("not_a_body", _("A yearly report is made by a public body."))
    with transaction.atomic():
        report, created = _get_or_create(organisation, year)
        report = YearlyReport.objects.select_for_update().get(pk=report.pk)
        _check_draft(report)
        report.tables = compute_tables(organisation, year)
        texts = prefill(organisation, year, report.tables)
        for field, text in texts.items():
            if not getattr(report, field).strip():
                setattr(report, field, text)
        if not report.manual_tables:
            report.manual_tables = {t.code: empty_table(t) for t in MANUAL_TABLES}
        report.generated_at = timezone.now()
        report.prepared_by = actor
        _withdraw_sign_off(report)
        report.save()
        _record(
            report,
            actor=actor,
            action="generate",
            summary={
                "created": created,
                "received": report.tables["section3"]["received"]["total"],
                "decided": report.tables["section3"]["total"]["total"],
            },
        )
    return report


def report_generate_request(
    *, organisation: Organisation, year: int, actor: Actor, today: dt.date | None = None
) -> YearlyReport:
    """The office asks for the tables: the draft is created at once and the computation
    (every request and item of a year) is queued for a worker, so nobody waits on the page.

    A request while one is pending queues nothing more; ``report_generate_run`` does the
    work once however often it runs."""
    from gongkai.core.queue import enqueue
    from gongkai.reports.selectors import generation_failure
    from gongkai.reports.tasks import report_generate_run

    _require_office(actor, organisation)
    _check_year(year, today or timezone.localdate())
    if organisation.kind != Organisation.Kind.BODY:
        raise ServiceError("not_a_body", _("A yearly report is made by a public body."))
    with transaction.atomic():
        report, _created = _get_or_create(organisation, year)
        report = YearlyReport.objects.select_for_update().get(pk=report.pk)
        _check_draft(report)
        if report.generation_pending and generation_failure(report) is None:
            return report
        report.generation_requested_at = timezone.now()
        report.save(update_fields=["generation_requested_at"])
        enqueue(report_generate_run, report_id=report.pk, actor_id=getattr(actor, "pk", None))
    report.refresh_from_db()
    return report


def report_generate_run(*, report_id: int, actor_id: int | None) -> str:
    """The worker's half of ``report_generate_request``: compute the tables if still asked
    for; a second run, or a run after publication, changes nothing."""
    report = YearlyReport.objects.select_related("organisation").filter(pk=report_id).first()
    if report is None:
        raise NotFoundError("report_not_found", _("No such yearly report."))
    if not report.generation_pending:
        return "computed before"
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    if actor_id and actor is None:
        raise NotFoundError("user_not_found", _("The person who asked no longer exists."))
    report_generate(organisation=report.organisation, year=report.year, actor=actor)
    return "computed"


def report_update_prose(
    *, report: YearlyReport, actor: Actor, overview: str, problems: str, other_matters: str
) -> YearlyReport:
    """The text of sections 一, 五 and 六."""
    _require_office(actor, report.organisation)
    _check_draft(report)
    texts = {"overview": overview, "problems": problems, "other_matters": other_matters}
    texts = {field: (text or "").strip() for field, text in texts.items()}
    if any(len(text) > PROSE_MAX_CHARS for text in texts.values()):
        raise ServiceError(
            "prose_too_long",
            _("Each section can hold at most %(max)d characters.") % {"max": PROSE_MAX_CHARS},
        )
    changed = [field for field, text in texts.items() if getattr(report, field) != text]
    if not changed:
        return report
    with transaction.atomic():
        for field in changed:
            setattr(report, field, texts[field])
        report.save(update_fields=changed + _withdraw_sign_off(report))
        _record(report, actor=actor, action="update_prose", summary={"fields": changed})
    return report


def report_update_tables(
    *, report: YearlyReport, actor: Actor, values: Mapping[str, Mapping[str, Mapping[str, object]]]
) -> YearlyReport:
    """The section 二 tables entered by staff (第二十条第（五）（六）（八）项): licences,
    penalties, enforcement measures and fees have no source in the platform yet.

    ``values`` is {table: {row: {column: raw text}}}; every cell is validated before any is
    stored, so a bad cell changes nothing."""
    _require_office(actor, report.organisation)
    _check_draft(report)
    parsed: dict[str, dict[str, dict[str, object]]] = {}
    for table in MANUAL_TABLES:
        parsed[table.code] = {}
        for row, label in table.rows:
            parsed[table.code][row] = {}
            for column, column_label in table.columns:
                raw = values.get(table.code, {}).get(row, {}).get(column, "")
                try:
                    parsed[table.code][row][column] = parse_cell(table, raw)
                except ValueError:
                    raise ServiceError(
                        "invalid_amount" if table.is_amount else "invalid_count",
                        _("%(row)s / %(column)s: “%(value)s” is not a valid figure.")
                        % {"row": label, "column": column_label, "value": raw},
                    ) from None
    if parsed == report.manual_tables:
        return report
    with transaction.atomic():
        report.manual_tables = parsed
        report.save(update_fields=["manual_tables", *_withdraw_sign_off(report)])
        _record(report, actor=actor, action="update_tables", summary={"tables": parsed})
    return report


def _check_ready(report: YearlyReport) -> None:
    """What a leader signs and the portal shows: computed tables the checker's rule functions
    find consistent, and the overall situation written."""
    if not report.tables or report.generated_at is None:
        raise ServiceError("not_generated", _("Generate the report's tables first."))
    errors = snapshot_errors(report.tables)
    if errors:
        raise ServiceError(
            "report_inconsistent",
            _("The tables are inconsistent and the report cannot be published: %(errors)s")
            % {"errors": "；".join(render_finding(f) for f in errors)},
        )
    if not report.overview.strip():
        raise ServiceError("overview_required", _("Write the overall situation (section 1) first."))


def _withdraw_sign_off(report: YearlyReport) -> list[str]:
    """A change to the draft withdraws the request and the leader's sign-off: the leader signs
    what is published, not an earlier version. Returns the fields to save."""
    if report.sign_off_requested_at is None and report.signed_off_at is None:
        return []
    report.sign_off_requested_at = report.signed_off_at = report.signed_off_by = None
    return ["sign_off_requested_at", "signed_off_at", "signed_off_by"]


def _leaders_of(organisation: Organisation) -> QuerySet[User]:
    return get_user_model().objects.filter(
        is_active=True, staff_profile__organisation=organisation, groups__name=Role.LEADER.value
    )


def report_request_sign_off(*, report: YearlyReport, actor: Actor, url: str = "") -> YearlyReport:
    """The office submits the finished draft to the body's leaders for sign-off (领导审签)."""
    _require_office(actor, report.organisation)
    _check_draft(report)
    _check_ready(report)
    if report.sign_off_requested_at is not None:
        return report  # asked already (a second click changes nothing)
    message = _("The %(year)d yearly report of %(body)s waits for your sign-off.") % {
        "year": report.year,
        "body": report.organisation.name,
    }
    with transaction.atomic():
        report = YearlyReport.objects.select_for_update().get(pk=report.pk)
        _check_draft(report)
        report.sign_off_requested_at = timezone.now()
        report.save(update_fields=["sign_off_requested_at"])
        leaders = list(_leaders_of(report.organisation))
        for leader in leaders:
            notification_send(recipient=leader, message=message, url=url)
        _record(report, actor=actor, action="request_sign_off", summary={"leaders": len(leaders)})
    return report


def report_sign_off(
    *, report: YearlyReport, actor: User, approve: bool, comment: str = ""
) -> YearlyReport:
    """A leader of the body signs the draft off, or sends it back to the office with a reason."""
    if not has_role(actor, *SIGNERS):
        raise PermissionDeniedError(
            "leader_only", _("Only a leader of the body can sign off the yearly report.")
        )
    visible = organisation_ids_visible_to(actor)
    if visible is not None and report.organisation_id not in visible:
        raise NotFoundError("report_not_found", _("No such report."))
    _check_draft(report)
    comment = (comment or "").strip()
    if not approve and not comment:
        raise ServiceError("reason_required", _("Say what the office should change."))
    with transaction.atomic():
        report = YearlyReport.objects.select_for_update().get(pk=report.pk)
        _check_draft(report)
        if not report.awaiting_sign_off:
            raise ServiceError(
                "sign_off_not_requested",
                _("The office has not submitted this report for sign-off."),
            )
        if approve:
            report.signed_off_by, report.signed_off_at = actor, timezone.now()
            report.save(update_fields=["signed_off_by", "signed_off_at"])
        else:
            report.save(update_fields=_withdraw_sign_off(report))
        _record(
            report,
            actor=actor,
            action="sign_off" if approve else "sign_off_refused",
            summary={"comment": comment} if comment else {},
        )
    return report


def report_publish(*, report: YearlyReport, actor: Actor) -> YearlyReport:
    """Publish after the checker's rule functions find the generated tables consistent and a
    leader signed the report off."""
    _require_office(actor, report.organisation)
    _check_transition(report, Status.PUBLISHED)
    _check_ready(report)
    if report.signed_off_at is None:
        raise ServiceError(
            "sign_off_required",
            _("A leader of the body must sign the report off before it is published."),
        )
    now = timezone.now()
    with transaction.atomic():
        report = YearlyReport.objects.select_for_update().get(pk=report.pk)
        _check_transition(report, Status.PUBLISHED)
        if report.signed_off_at is None:
            raise ServiceError(
                "sign_off_required",
                _("A leader of the body must sign the report off before it is published."),
            )
        report.status, report.published_at = Status.PUBLISHED, now
        report.save(update_fields=["status", "published_at"])
        _record(
            report,
            actor=actor,
            action="publish",
            summary={"published_at": now, "signed_off_by": report.signed_off_by_id},
        )
        report_index(report)  # the site search, through its queue
    return report


def report_remind(*, organisation: Organisation, year: int, url: str = "") -> YearlyReport | None:
    """From 1 January: make sure the draft for ``year`` exists and tell the
    body's openness office once. Idempotent; None when the report is already published."""
    report = YearlyReport.objects.filter(organisation=organisation, year=year).first()
    if report is not None and (report.is_published or report.reminded_at is not None):
        return None
    if report is None:
        report = report_generate(organisation=organisation, year=year, actor=None)
    office = get_user_model().objects.filter(
        is_active=True,
        staff_profile__organisation=organisation,
        groups__name=Role.OFFICE.value,
    )
    message = _(
        "The %(year)d yearly report of %(body)s must be published by 31 January: "
        "please review the draft and publish it."
    ) % {"year": year, "body": organisation.name}
    with transaction.atomic():
        claimed = YearlyReport.objects.filter(pk=report.pk, reminded_at__isnull=True).update(
            reminded_at=timezone.now()
        )
        if not claimed:
            return None  # another sweep got here first
        for user in office:
            notification_send(recipient=user, message=message, url=url)
        report.refresh_from_db()
        _record(report, actor=None, action="remind", summary={"recipients": office.count()})
    return report
