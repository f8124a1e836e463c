"""Plans, tasks and the year's ranking under /api/v1/assessment/ (staff, token or session).

Errors: ``{"code", "message"}``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status

from gongkai.assessment import scoring, selectors, services
from gongkai.assessment.models import Task
from gongkai.core.access import has_role
from gongkai.core.api_auth import staff_auth
from gongkai.core.apischema import Error, ObjectId, Year, choice
from gongkai.core.errors import NotFoundError, PermissionDeniedError, ServiceError
from gongkai.core.models import Organisation, Role

router = Router(tags=["assessment"])


class TaskOut(Schema):
    id: int
    plan: str
    number: int
    # Where the task stands in a prose plan (一、（三）2.), "" for a table's row; the part
    # and section are the plan's own headings (free text), not codes.
    reference: str
    plan_part: str
    plan_section: str
    item_number: int
    text: str
    deadline_text: str
    due_on: dt.date | None
    recurrence: str
    target: str
    status: Annotated[str, choice(Task.Status.values)]  # type: ignore[valid-type]


class ProgressIn(Schema):
    organisation: ObjectId
    text: Annotated[str, Field(min_length=1, max_length=5000)]
    evidence_url: Annotated[str, Field(max_length=300)] = ""
    completes: bool = False


class ProgressOut(Schema):
    id: int
    task: int
    organisation: str
    completes: bool


class ScoreOut(Schema):
    organisation: str
    kind: Annotated[str, choice(Organisation.Kind.values)]  # type: ignore[valid-type]
    rank: int
    score: Decimal
    deducted: Decimal


def _task_out(task: Task) -> dict:
    return {
        "id": task.pk,
        "plan": task.plan.title,
        "number": task.number,
        "reference": task.reference,
        "plan_part": task.part,
        "plan_section": task.section,
        "item_number": task.item,
        "text": task.text,
        "deadline_text": task.deadline_text,
        "due_on": task.due_on,
        "recurrence": task.recurrence,
        "target": task.target,
        "status": task.status,
    }


@router.get("/tasks/mine", auth=staff_auth, response={200: list[TaskOut]})
def tasks_mine(request):
    """The open plan tasks of the caller's units (and subordinate body), by deadline."""
    organisations = selectors.reporting_organisations(request.auth)
    seen: dict[int, dict] = {}
    for assignment in selectors.tasks_for(organisations)[:500]:
        seen.setdefault(assignment.task_id, _task_out(assignment.task))
    return list(seen.values())


@router.post(
    "/tasks/{task_id}/progress",
    auth=staff_auth,
    response={201: ProgressOut, 400: Error, 403: Error, 404: Error},
)
def progress_create(request, task_id: ObjectId, payload: ProgressIn):
    """Report progress on a task for one of the caller's responsible units."""
    task = selectors.tasks_visible_to(request.auth).filter(pk=task_id).first()
    if task is None:
        raise NotFoundError("not_found", _("Not found."))
    assignment = task.assignments.filter(organisation_id=payload.organisation).first()
    if assignment is None:
        raise PermissionDeniedError("forbidden", _("You may not do this."))
    progress = services.progress_report(
        actor=request.auth,
        task=task,
        organisation=assignment.organisation,
        text=payload.text,
        evidence_url=payload.evidence_url,
        completes=payload.completes,
    )
    return Status(
        201,
        {
            "id": progress.pk,
            "task": task.pk,
            "organisation": assignment.organisation.name,
            "completes": progress.completes,
        },
    )


@router.get(
    "/ranking/{year}", auth=staff_auth, response={200: list[ScoreOut], 403: Error, 404: Error}
)
def ranking(request, year: Year):
    """The year's scores of the caller's body's units and subordinate bodies, ranked."""
    if not has_role(request.auth, Role.OFFICE, Role.LEADER, Role.ADMIN):
        raise PermissionDeniedError("forbidden", _("You may not do this."))
    body = selectors.staff_body(request.auth)
    rubric = selectors.rubric_of(body, year) if body else None
    if rubric is None or body is None:  # no body: no rubric either
        raise NotFoundError("not_found", _("Not found."))
    scores = [s for s in scoring.year_scores(rubric) if s.organisation.pk != body.pk]
    rows = []
    for group in (
        scoring.ranked([s for s in scores if not s.is_unit]),
        scoring.ranked([s for s in scores if s.is_unit]),
    ):
        rows += [
            {
                "organisation": s.organisation.name,
                "kind": s.organisation.kind,
                "rank": s.rank,
                "score": s.total,
                "deducted": s.deducted,
            }
            for s in group
        ]
    return rows


__all__ = ["router", "ServiceError"]
