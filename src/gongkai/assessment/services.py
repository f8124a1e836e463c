"""Every write of the assessment app: one keyword-only function each, in a transaction,
writing the ledger (``core.services.ledger_append``) beside the change."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.contrib.auth.models import User
from django.core.files import File
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from gongkai.assessment import transitions
from gongkai.assessment.importing import preview_build
from gongkai.assessment.law import RUBRIC_TEMPLATES, Channel, IndicatorKind, TrainingKind
from gongkai.assessment.models import (
    Deduction,
    Enquiry,
    Indicator,
    LedgerBundle,
    Notice,
    Plan,
    PlanImport,
    Progress,
    Rubric,
    ScoreSnapshot,
    Task,
    TaskUnit,
    Training,
    UnitAlias,
)
from gongkai.assessment.units import LEAD
from gongkai.core.access import has_role
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Organisation
from gongkai.core.queue import enqueue
from gongkai.core.services import ledger_append
from gongkai.core.types import Actor, AnyUser

OFFICE_ROLES = transitions.OFFICE_ROLES
MAX_TOPIC = 200


def body_of(actor: AnyUser | None) -> Organisation | None:
    profile = getattr(actor, "staff_profile", None)
    body: Organisation | None = profile.organisation.body if profile else None
    return body


def require_office(actor: Actor, organisation: Organisation) -> User:
    """The openness office (or an administrator) of ``organisation``'s body: the actor, who
    is never the system (``None``)."""
    if (
        actor is None
        or not has_role(actor, *OFFICE_ROLES)
        or (not actor.is_superuser and body_of(actor) != organisation.body)
    ):
        raise PermissionDeniedError("forbidden", _("You may not do this."))
    return actor


def may_report(actor: AnyUser, task: Task, organisation: Organisation) -> bool:
    """Staff of a responsible unit (or the office of the plan's body) report its progress."""
    if not task.assignments.filter(organisation=organisation).exists():
        return False
    if has_role(actor, *OFFICE_ROLES) and body_of(actor) == task.plan.organisation.body:
        return True
    profile = getattr(actor, "staff_profile", None)
    if profile is None:
        return False
    if organisation.kind == Organisation.Kind.BODY:
        return bool(profile.organisation_id == organisation.pk)
    return bool(profile.units.filter(pk=organisation.pk).exists())


# --- import ----------------------------------------------------------------------------


def plan_import_upload(
    *,
    actor: Actor,
    organisation: Organisation,
    title: str,
    year: int,
    file_name: str,
    content: bytes,
) -> PlanImport:
    staff = require_office(actor, organisation)
    if not title.strip():
        raise ServiceError("title", _("Enter the plan's title."))
    with transaction.atomic():
        upload = PlanImport.objects.create(
            organisation=organisation,
            title=title.strip()[:200],
            year=year,
            file_name=file_name[:200],
            content=content,
            uploaded_by=staff,
        )
        preview_build(upload)  # refuses a file without a readable table: nothing is kept
        ledger_append(
            actor=actor,
            action="assessment.import_upload",
            obj=upload,
            organisation=organisation,
            summary={"plan_file": upload.file_name},
        )
    return upload


def unit_alias_set(
    *, actor: Actor, organisation: Organisation, name: str, target: Organisation | None
) -> UnitAlias:
    """Map a unit name once (``target`` None: the units concerned, no one unit)."""
    require_office(actor, organisation)
    if target is not None and target.parent_id != organisation.pk and target != organisation:
        raise ServiceError("target", _("Choose a unit or subordinate body of this body."))
    with transaction.atomic():
        alias, _created = UnitAlias.objects.update_or_create(
            organisation=organisation,
            name=name.strip()[:100],
            defaults={"target": target, "created_by": actor},
        )
        ledger_append(
            actor=actor,
            action="assessment.alias_set",
            obj=alias,
            organisation=organisation,
            summary={"alias_name": alias.name, "alias_target": target.name if target else ""},
        )
    return alias


def plan_import_apply(*, actor: Actor, upload: PlanImport) -> Plan:
    staff = require_office(actor, upload.organisation)
    preview = preview_build(upload)
    if not preview.ready:
        raise ServiceError(
            "not_ready", _("Some rows still need attention: map the unknown units first.")
        )
    with transaction.atomic():
        locked = PlanImport.objects.select_for_update().get(pk=upload.pk)
        if locked.plan_id:
            raise ServiceError("applied", _("This file has already been applied."))
        plan = Plan.objects.create(
            organisation=upload.organisation, title=upload.title, year=upload.year, created_by=staff
        )
        for row in preview.rows:
            deadline = row.deadline
            task = Task.objects.create(
                plan=plan,
                number=row.number,
                text=row.task,
                units_text=row.units_text[:500],
                deadline_text=deadline.phrase[:300],
                due_on=deadline.due_on,
                recurrence=deadline.recurrence,
                starts_year=deadline.starts_year,
                target=deadline.target[:500],
                milestones=[
                    {"due_on": m.due_on.isoformat(), "what": m.what} for m in deadline.milestones
                ]
                if len(deadline.milestones) > 1
                else [],
                collective_units="、".join(u.name for u in row.units if u.collective)[:300],
                part=row.part[:100],
                section=row.section[:100],
                item=row.item,
            )
            seen: set[int] = set()
            for match in row.units:
                for organisation in match.organisations:
                    if organisation.pk in seen:
                        continue
                    seen.add(organisation.pk)
                    TaskUnit.objects.create(
                        task=task,
                        organisation=organisation,
                        role=TaskUnit.Role.LEAD if match.role == LEAD else TaskUnit.Role.CO,
                        written_as=match.name[:100],
                    )
        locked.plan = plan
        locked.save(update_fields=["plan"])
        ledger_append(
            actor=actor,
            action="assessment.plan_import",
            obj=plan,
            organisation=plan.organisation,
            summary={"task_count": len(preview.rows), "plan_file": upload.file_name},
        )
    return plan


# --- progress and notices --------------------------------------------------------------


def progress_report(
    *,
    actor: Actor,
    task: Task,
    organisation: Organisation,
    text: str,
    evidence_url: str = "",
    evidence_file: File[bytes] | None = None,
    completes: bool = False,
) -> Progress:
    if actor is None or not may_report(actor, task, organisation):
        raise PermissionDeniedError("forbidden", _("You may not do this."))
    if not text.strip():
        raise ServiceError("text", _("Describe the progress."))
    if evidence_url and not (evidence_url.startswith(("/", "https://", "http://"))):
        raise ServiceError("url", _("The link must start with / or https://."))
    with transaction.atomic():
        progress = Progress.objects.create(
            task=task,
            organisation=organisation,
            text=text.strip(),
            evidence_url=evidence_url.strip()[:300],
            evidence_file=evidence_file or "",
            completes=completes,
            reported_by=actor,
        )
        if transitions.task_closes(task, completes=completes):
            today = timezone.localdate()
            # Conditional: two units completing at once close the task once.
            Task.objects.filter(pk=task.pk, status=Task.Status.OPEN).update(
                status=Task.Status.DONE, completed_on=today
            )
        ledger_append(
            actor=actor,
            action="assessment.progress",
            obj=task,
            organisation=task.plan.organisation,
            summary={"unit_name": organisation.name, "completes_task": completes},
        )
    return progress


def notice_create(
    *,
    actor: Actor,
    organisation: Organisation,
    year: int,
    title: str,
    text: str,
    entries: list[dict[str, object]],
) -> Notice:
    staff = require_office(actor, organisation)
    if not title.strip():
        raise ServiceError("title", _("Enter the notice's title."))
    with transaction.atomic():
        notice = Notice.objects.create(
            organisation=organisation,
            year=year,
            title=title.strip()[:200],
            text=text.strip(),
            entries=entries,
            created_by=staff,
        )
        ledger_append(
            actor=actor,
            action="assessment.notice_create",
            obj=notice,
            organisation=organisation,
            summary={"notice_entries": len(entries)},
        )
    return notice


def notice_publish(*, actor: Actor, notice: Notice) -> Notice:
    """Published internally: staff of the body read it, and the units it names lose points
    under the year's rubric's 通报 indicator."""
    require_office(actor, notice.organisation)
    with transaction.atomic():
        updated = Notice.objects.filter(pk=notice.pk, published_at__isnull=True).update(
            published_at=timezone.now()
        )
        if not updated:
            raise ServiceError("published", _("This notice has already been published."))
        ledger_append(
            actor=actor,
            action="assessment.notice_publish",
            obj=notice,
            organisation=notice.organisation,
            summary={"notice_entries": len(notice.entries)},
        )
    notice.refresh_from_db()
    return notice


# --- the rubric and deductions by hand -------------------------------------------------


def require_open(rubric: Rubric) -> None:
    """A frozen year's scores stay as they were frozen: no indicator or deduction by hand
    changes until the office reopens the year (``assessment_reopen``)."""
    if ScoreSnapshot.objects.filter(rubric=rubric, reopened_at__isnull=True).exists():
        raise ServiceError(
            "frozen",
            _("The %(year)d assessment is final: reopen it first.") % {"year": rubric.year},
        )


def rubric_create(*, actor: Actor, organisation: Organisation, year: int, template: str) -> Rubric:
    staff = require_office(actor, organisation)
    chosen = RUBRIC_TEMPLATES.get(template)
    if chosen is None:
        raise ServiceError("template", _("Choose a scheme."))
    if Rubric.objects.filter(organisation=organisation, year=year).exists():
        raise ServiceError("exists", _("This year already has a rubric."))
    with transaction.atomic():
        rubric = Rubric.objects.create(
            organisation=organisation,
            year=year,
            title=_("%(body)s %(year)d openness assessment") % {
                "body": organisation.name, "year": year
            },
            source=chosen.source,
            created_by=staff,
        )  # fmt: skip
        Indicator.objects.bulk_create(
            Indicator(
                rubric=rubric,
                position=position,
                name=item.name,
                points=Decimal(item.points),
                kind=item.kind,
                per_case=Decimal(str(item.per_case)),
                rule=item.rule,
            )
            for position, item in enumerate(chosen.indicators, start=1)
        )
        ledger_append(
            actor=actor,
            action="assessment.rubric_create",
            obj=rubric,
            organisation=organisation,
            summary={"rubric_template": template, "rubric_total": chosen.total},
        )
    return rubric


def deduction_add(
    *,
    actor: Actor,
    indicator: Indicator,
    organisation: Organisation,
    points: Decimal,
    reason: str,
    evidence_url: str = "",
) -> Deduction:
    staff = require_office(actor, indicator.rubric.organisation)
    require_open(indicator.rubric)
    if points <= 0 or points > indicator.points:
        raise ServiceError("points", _("The points must be above 0 and at most the indicator's."))
    if not reason.strip():
        raise ServiceError("reason", _("Give the reason and its evidence."))
    with transaction.atomic():
        deduction = Deduction.objects.create(
            indicator=indicator,
            organisation=organisation,
            points=points,
            reason=reason.strip()[:300],
            evidence_url=evidence_url.strip()[:300],
            recorded_by=staff,
        )
        ledger_append(
            actor=actor,
            action="assessment.deduction_add",
            obj=deduction,
            organisation=indicator.rubric.organisation,
            summary={"unit_name": organisation.name, "deduction_points": str(points)},
        )
    return deduction


def deduction_remove(*, actor: Actor, deduction: Deduction) -> None:
    require_office(actor, deduction.indicator.rubric.organisation)
    require_open(deduction.indicator.rubric)
    with transaction.atomic():
        ledger_append(
            actor=actor,
            action="assessment.deduction_remove",
            obj=deduction,
            organisation=deduction.indicator.rubric.organisation,
            summary={
                "deduction_points": str(deduction.points),
                "deduction_reason": deduction.reason,
            },
        )
        deduction.delete()


# --- editing a rubric's indicators ----------------------------------------------------

MAX_POINTS = Decimal("999.9")  # Indicator.points: 5 digits, 1 decimal
MAX_PER_CASE = Decimal("99.9")  # Indicator.per_case: 4 digits, 1 decimal


def _indicator_clean(
    *, name: str, kind: str, points: Decimal, per_case: Decimal, rule: str
) -> tuple[str, str]:
    """The checks every indicator passes; returns the cleaned name and rule."""
    name = " ".join(name.split())
    if not name:
        raise ServiceError("name", _("Enter the indicator's name."))
    if kind not in IndicatorKind.values:
        raise ServiceError("kind", _("Choose how the indicator is scored."))
    if points is None or points <= 0 or points > MAX_POINTS:
        raise ServiceError("points", _("The indicator's points must be above 0 and at most 999.9."))
    if per_case is None or per_case <= 0 or per_case > MAX_PER_CASE:
        raise ServiceError("per_case", _("The points per case must be above 0 and at most 99.9."))
    if per_case > points:
        raise ServiceError(
            "per_case", _("The points per case cannot exceed the indicator's points.")
        )
    return name[:200], rule.strip()[:300]


def _rubric_total(rubric: Rubric, *, without: Indicator | None = None) -> str:
    indicators = rubric.indicators.all()
    if without is not None:
        indicators = indicators.exclude(pk=without.pk)
    return str(sum((i.points for i in indicators), Decimal(0)))


def _indicator_logged(
    *, actor: Actor, action: str, rubric: Rubric, indicator: Indicator, total: str
) -> None:
    """The ledger entry of a change to the rubric: the indicator added, changed or removed,
    and the rubric's total points after the change."""
    ledger_append(
        actor=actor,
        action=action,
        obj=indicator,
        organisation=rubric.organisation,
        summary={
            "indicator_name": indicator.name,
            "indicator_kind": indicator.kind,
            "indicator_points": str(indicator.points),
            "rubric_total": total,
        },
    )


def indicator_add(
    *,
    actor: Actor,
    rubric: Rubric,
    name: str,
    kind: str,
    points: Decimal,
    per_case: Decimal = Decimal(1),
    rule: str = "",
) -> Indicator:
    """A new indicator at the end of the year's rubric."""
    require_office(actor, rubric.organisation)
    require_open(rubric)
    name, rule = _indicator_clean(name=name, kind=kind, points=points, per_case=per_case, rule=rule)
    with transaction.atomic():
        # Locks the rubric so two additions at once do not take the same position.
        Rubric.objects.select_for_update().get(pk=rubric.pk)
        last = rubric.indicators.order_by("-position").values_list("position", flat=True).first()
        indicator = Indicator.objects.create(
            rubric=rubric,
            position=(last or 0) + 1,
            name=name,
            kind=kind,
            points=points,
            per_case=per_case,
            rule=rule,
        )
        _indicator_logged(
            actor=actor, action="assessment.indicator_add", rubric=rubric, indicator=indicator,
            total=_rubric_total(rubric),
        )  # fmt: skip
    return indicator


def indicator_update(
    *,
    actor: Actor,
    indicator: Indicator,
    name: str,
    kind: str,
    points: Decimal,
    per_case: Decimal = Decimal(1),
    rule: str = "",
) -> Indicator:
    rubric = indicator.rubric
    require_office(actor, rubric.organisation)
    require_open(rubric)
    name, rule = _indicator_clean(name=name, kind=kind, points=points, per_case=per_case, rule=rule)
    with transaction.atomic():
        locked = Indicator.objects.select_for_update().get(pk=indicator.pk)
        # A deduction by hand may not exceed its indicator (deduction_add's rule): lowering
        # the points under one already recorded would make that record wrong.
        largest = max(locked.deductions.values_list("points", flat=True), default=None)
        if largest is not None and points < largest:
            raise ServiceError(
                "points",
                _("A deduction of %(points)s points is recorded under this indicator: "
                  "the indicator's points cannot be lower.") % {"points": largest},
            )  # fmt: skip
        locked.name, locked.kind, locked.points = name, kind, points
        locked.per_case, locked.rule = per_case, rule
        locked.save(update_fields=["name", "kind", "points", "per_case", "rule"])
        _indicator_logged(
            actor=actor, action="assessment.indicator_update", rubric=rubric, indicator=locked,
            total=_rubric_total(rubric),
        )  # fmt: skip
    return locked


def indicator_remove(*, actor: Actor, indicator: Indicator) -> None:
    """Refused while deductions by hand are recorded under the indicator: each is the
    office's record of evidence against a unit, and withdrawing it is its own ledgered act
    (deduction_remove); a cascade would erase them without a trace of which they were."""
    rubric = indicator.rubric
    require_office(actor, rubric.organisation)
    require_open(rubric)
    with transaction.atomic():
        locked = Indicator.objects.select_for_update().get(pk=indicator.pk)
        count = locked.deductions.count()
        if count:
            raise ServiceError(
                "deductions",
                _("%(count)d deductions by hand are recorded under this indicator: "
                  "withdraw them first.") % {"count": count},
            )  # fmt: skip
        if rubric.indicators.count() == 1:
            raise ServiceError("last", _("A rubric needs at least one indicator."))
        _indicator_logged(
            actor=actor, action="assessment.indicator_remove", rubric=rubric, indicator=locked,
            total=_rubric_total(rubric, without=locked),
        )  # fmt: skip
        locked.delete()


# --- the year's final scores (定稿) ----------------------------------------------------

MAX_REOPEN_REASON = 500


def assessment_freeze(
    *, actor: Actor, rubric: Rubric, now: dt.datetime | None = None
) -> ScoreSnapshot:
    """Freeze the year: every unit's and body's score, with each deduction and its evidence,
    as they stand now, kept as the year's final scores (定稿)."""
    from gongkai.assessment.scoring import rubric_scores, snapshot_data

    staff = require_office(actor, rubric.organisation)
    now = now or timezone.now()
    with transaction.atomic():
        Rubric.objects.select_for_update().get(pk=rubric.pk)
        require_open(rubric)
        scores = rubric_scores(rubric, now=now)
        # The one-in-force constraint refuses a second freeze that raced this one.
        snapshot = ScoreSnapshot.objects.create(
            rubric=rubric, scores=snapshot_data(scores), frozen_by=staff, frozen_at=now
        )
        own = next(s for s in scores if s.organisation.pk == rubric.organisation_id)
        ledger_append(
            actor=actor,
            action="assessment.freeze",
            obj=snapshot,
            organisation=rubric.organisation,
            summary={
                "assessment_year": rubric.year,
                "subject_count": len(scores),
                "body_score": str(own.total),
                "deduction_count": sum(len(i.evidence) for s in scores for i in s.indicators),
            },
        )
    return snapshot


def assessment_reopen(*, actor: Actor, rubric: Rubric, reason: str) -> ScoreSnapshot:
    """Reopen a frozen year, with the reason: from then on its scores are computed again
    from the data (and the office may change indicators and deductions) until it is frozen
    anew. The frozen snapshot is kept, marked reopened, as the record."""
    require_office(actor, rubric.organisation)
    reason = " ".join((reason or "").split())
    if not reason:
        raise ServiceError("reason", _("Give the reason for reopening the assessment."))
    if len(reason) > MAX_REOPEN_REASON:
        raise ServiceError("reason", _("The reason is longer than 500 characters."))
    with transaction.atomic():
        snapshot = ScoreSnapshot.objects.filter(rubric=rubric, reopened_at__isnull=True).first()
        now = timezone.now()
        # Conditional: two reopenings at once reopen it once.
        updated = (
            ScoreSnapshot.objects.filter(pk=snapshot.pk, reopened_at__isnull=True).update(
                reopened_at=now, reopened_by=actor, reopen_reason=reason
            )
            if snapshot
            else 0
        )
        if snapshot is None or not updated:
            raise ServiceError(
                "not_frozen",
                _("The %(year)d assessment is not final.") % {"year": rubric.year},
            )
        ledger_append(
            actor=actor,
            action="assessment.reopen",
            obj=snapshot,
            organisation=rubric.organisation,
            summary={"assessment_year": rubric.year, "reopen_reason": reason},
        )
    snapshot.refresh_from_db()
    return snapshot


# --- ledgers ---------------------------------------------------------------------------


def ledger_bundle_request(*, actor: Actor, organisation: Organisation, year: int) -> LedgerBundle:
    """Queue the building of every ledger of ``organisation`` for ``year`` as one zip."""
    staff = require_office(actor, organisation)
    from gongkai.assessment.ledgers import LEDGERS
    from gongkai.assessment.tasks import ledger_bundle_build

    with transaction.atomic():
        bundle = LedgerBundle.objects.create(
            organisation=organisation, year=year, total=len(LEDGERS), requested_by=staff
        )
        ledger_append(
            actor=actor,
            action="assessment.ledger_bundle",
            obj=bundle,
            organisation=organisation,
            summary={"ledger_year": year},
        )
        enqueue(ledger_bundle_build, bundle_id=bundle.pk)
    return bundle


def ledger_bundle_run(*, bundle_id: int) -> str:
    """The task's body: idempotent (a finished bundle is left as it is)."""
    from gongkai.assessment.ledgers import bundle_zip

    bundle = LedgerBundle.objects.select_related("organisation").filter(pk=bundle_id).first()
    if bundle is None or not transitions.bundle_may_build(bundle):
        return "-"
    LedgerBundle.objects.filter(pk=bundle.pk).update(status=LedgerBundle.Status.RUNNING, done=0)

    def step(done: int) -> None:
        LedgerBundle.objects.filter(pk=bundle.pk).update(done=done)

    try:
        content = bundle_zip(bundle.organisation, bundle.year, progress=step)
    except Exception:
        LedgerBundle.objects.filter(pk=bundle.pk).update(status=LedgerBundle.Status.FAILED)
        raise
    LedgerBundle.objects.filter(pk=bundle.pk).update(
        status=LedgerBundle.Status.DONE,
        content=content,
        done=bundle.total,
        finished_at=timezone.now(),
    )
    return f"{len(content)} bytes"


# --- registers -------------------------------------------------------------------------


def _may_record(actor: Actor, organisation: Organisation) -> User:
    """Any member of staff of ``organisation``'s body (the system, ``None``, never)."""
    if (
        actor is None
        or not actor.is_authenticated
        or not getattr(actor, "is_staff", False)
        or (not actor.is_superuser and body_of(actor) != organisation.body)
    ):
        raise PermissionDeniedError("forbidden", _("You may not do this."))
    return actor


def enquiry_record(
    *, actor: Actor, organisation: Organisation, channel: str, topic: str, received_on: dt.date
) -> Enquiry:
    """One 咨询: two fields typed at the phone or the counter."""
    staff = _may_record(actor, organisation)
    if channel not in Channel.values:
        raise ServiceError("channel", _("Choose the channel."))
    topic = " ".join(topic.split())
    if not topic:
        raise ServiceError("topic", _("Enter what the enquiry was about."))
    with transaction.atomic():
        enquiry = Enquiry.objects.create(
            organisation=organisation,
            channel=channel,
            topic=topic[:MAX_TOPIC],
            received_on=received_on,
            recorded_by=staff,
        )
        ledger_append(
            actor=actor,
            action="assessment.enquiry",
            obj=enquiry,
            organisation=organisation,
            summary={"enquiry_channel": channel},
        )
    return enquiry


def training_record(
    *,
    actor: Actor,
    organisation: Organisation,
    kind: str,
    title: str,
    held_on: dt.date,
    attendees: int = 0,
    note: str = "",
) -> Training:
    staff = require_office(actor, organisation)
    if kind not in TrainingKind.values or not title.strip():
        raise ServiceError("title", _("Enter the kind and the title."))
    with transaction.atomic():
        training = Training.objects.create(
            organisation=organisation,
            kind=kind,
            title=title.strip()[:200],
            held_on=held_on,
            attendees=max(0, attendees),
            note=note.strip()[:300],
            recorded_by=staff,
        )
        ledger_append(
            actor=actor,
            action="assessment.training",
            obj=training,
            organisation=organisation,
            summary={"training_kind": kind},
        )
    return training
