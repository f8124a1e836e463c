"""Reads of the assessment app: tasks by unit, overdue tasks, enquiry counts, headline figures."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Count, F, Min, Q, QuerySet
from django.utils import timezone

from gongkai.assessment.law import Channel
from gongkai.assessment.models import Enquiry, Notice, Plan, Rubric, Task, TaskUnit
from gongkai.core.access import body_and_descendants, has_role
from gongkai.core.models import Clock, Organisation, Role
from gongkai.core.selectors.ontime import on_time_rate, timeliness_counts
from gongkai.core.types import AnyUser

TOP_TOPICS = 10


def staff_body(user: AnyUser) -> Organisation | None:
    profile = getattr(user, "staff_profile", None)
    body: Organisation | None = profile.organisation.body if profile else None
    return body


def reporting_organisations(user: AnyUser) -> list[Organisation]:
    """The units (and the subordinate body) a staff member reports progress for."""
    profile = getattr(user, "staff_profile", None)
    if profile is None:
        return []
    found = list(profile.units.all())
    if profile.organisation.parent_id is not None:
        found.append(profile.organisation)  # staff of a subordinate body report for it
    return found


def plans_of(body: Organisation) -> QuerySet[Plan]:
    return Plan.objects.filter(organisation=body).annotate(
        task_count=Count("tasks"),
        open_count=Count("tasks", filter=Q(tasks__status=Task.Status.OPEN)),
    )


def tasks_of_plan(plan: Plan) -> QuerySet[Task]:
    return plan.tasks.prefetch_related("assignments__organisation").order_by("number")


def tasks_for(organisations: list[Organisation]) -> QuerySet[TaskUnit]:
    """Open tasks assigned to any of ``organisations``, with the assignment's role."""
    return (
        TaskUnit.objects.filter(organisation__in=organisations, task__status=Task.Status.OPEN)
        .select_related("task__plan", "organisation")
        .order_by(F("task__due_on").asc(nulls_last=True), "task__plan_id", "task__number")
    )


def tasks_visible_to(user: AnyUser) -> QuerySet[Task]:
    """Tasks a staff member may open: the body's office and leaders see every task of the
    body's plans; others the tasks of their units and body."""
    body = staff_body(user)
    if user.is_superuser:
        return Task.objects.all()
    if body is None:
        return Task.objects.none()
    if has_role(user, Role.OFFICE, Role.LEADER, Role.ADMIN):
        return Task.objects.filter(plan__organisation_id__in=body_and_descendants(body))
    return Task.objects.filter(
        assignments__organisation__in=reporting_organisations(user)
    ).distinct()


def overdue_assignments(body: Organisation, today: dt.date) -> list[TaskUnit]:
    """Each lead unit (or body) of each open one-off task past its date: the 通报 rows."""
    return list(
        TaskUnit.objects.filter(
            task__plan__organisation=body,
            task__status=Task.Status.OPEN,
            task__recurrence="",
            task__due_on__lt=today,
        )
        .filter(Q(role=TaskUnit.Role.LEAD) | Q(organisation__kind=Organisation.Kind.BODY))
        .select_related("task__plan", "organisation")
        .order_by("task__due_on", "task__number", "organisation_id")
    )


def notices_of(body: Organisation, *, published_only: bool) -> QuerySet[Notice]:
    notices = Notice.objects.filter(organisation=body)
    return notices.filter(published_at__isnull=False) if published_only else notices


def rubric_of(body: Organisation, year: int) -> Rubric | None:
    return Rubric.objects.filter(organisation=body, year=year).first()


@dataclass
class EnquiryCounts:
    total: int
    by_channel: list[tuple[str, int]]
    by_topic: list[tuple[str, int]]


def enquiry_counts(body: Organisation, year: int) -> EnquiryCounts:
    """Counts by channel (every channel, 0 included) and the most frequent topics."""
    enquiries = Enquiry.objects.filter(
        organisation_id__in=body_and_descendants(body), received_on__year=year
    )
    per_channel = dict(
        enquiries.values_list("channel").annotate(n=Count("id")).values_list("channel", "n")
    )
    by_channel = [(str(label), per_channel.get(value, 0)) for value, label in Channel.choices]
    return EnquiryCounts(
        total=sum(per_channel.values()),
        by_channel=by_channel,
        by_topic=topics_ranked(enquiries, TOP_TOPICS),
    )


def _reported_by(organisation: Organisation) -> Q:
    """A yearly report speaks for one body: its own enquiries and its internal units', not
    its subordinate bodies' (each of them reports for itself)."""
    return Q(organisation=organisation) | Q(
        organisation__parent=organisation, organisation__kind=Organisation.Kind.UNIT
    )


def topics_ranked(enquiries: QuerySet[Enquiry], limit: int) -> list[tuple[str, int]]:
    """The most frequent topics first; equal counts in the order they were first heard
    (then by the topic), so the same register always gives the same sentence."""
    rows = (
        enquiries.values("topic")
        .annotate(n=Count("id"), first=Min("received_on"), first_id=Min("id"))
        .order_by("-n", "first", "first_id", "topic")[:limit]
    )
    return [(row["topic"], row["n"]) for row in rows]


def enquiry_topics(organisation: Organisation, year: int) -> list[tuple[str, int]]:
    """The report's topics provider (``reports.providers``, key ``enquiries``): what the
    year's enquiries were about, most frequent first — the words of “咨询内容主要涉及……”."""
    enquiries = Enquiry.objects.filter(_reported_by(organisation), received_on__year=year)
    return topics_ranked(enquiries, TOP_TOPICS)


def enquiry_figures(organisation: Organisation, year: int) -> dict[str, int]:
    """The report's figures provider (``reports.providers``): ``enquiries`` and
    ``enquiries_<channel>`` for every channel, of the body and its internal units."""
    per_channel = dict(
        Enquiry.objects.filter(_reported_by(organisation), received_on__year=year)
        .values_list("channel")
        .annotate(n=Count("id"))
        .values_list("channel", "n")
    )
    figures = {f"enquiries_{value}": per_channel.get(value, 0) for value in Channel.values}
    figures["enquiries"] = sum(per_channel.values())
    return figures


@dataclass
class Headline:
    year: int
    received: int
    answered: int
    on_time: int
    overdue: int
    score: object | None  # Decimal, or None without a rubric
    total_points: object | None

    @property
    def on_time_rate(self) -> float | None:
        return on_time_rate(self.on_time, self.answered)


def headline(body: Organisation, year: int, *, now: dt.datetime | None = None) -> Headline:
    """本年收到, 按期率, 超期, 考核得分 of ``body`` and its subordinate bodies."""
    from gongkai.foi.models import Request

    now = now or timezone.now()
    tree = body_and_descendants(body)
    received = Request.objects.filter(organisation_id__in=tree, received_on__year=year).count()
    clocks = Clock.objects.filter(
        rule="foi_reply", organisation_id__in=tree, started_at__year=year, due_at__isnull=False
    )
    counts = clocks.aggregate(
        **timeliness_counts(),
        open_late=Count("id", filter=Q(stopped_at__isnull=True, due_at__lt=now)),
    )
    rubric = rubric_of(body, year)
    score = total = None
    if rubric is not None:
        from gongkai.assessment.scoring import year_scores

        own = next(s for s in year_scores(rubric, now=now) if s.organisation.pk == body.pk)
        score, total = own.total, sum(i.points for i in rubric.indicators.all())
    return Headline(
        year=year,
        received=received,
        answered=counts["answered"],
        on_time=counts["on_time"],
        overdue=counts["late"] + counts["open_late"],
        score=score,
        total_points=total,
    )


def enquiry_sentence(counts: EnquiryCounts, year: int) -> str:
    """The yearly report's sentence on enquiries, as seed 003 八 writes it: the total, the
    channels that had any, and the most frequent topics."""
    from django.utils.translation import gettext as _

    if not counts.total:
        return ""
    channels = "，".join(
        _("%(channel)s: %(count)d enquiries") % {"channel": label, "count": n}
        for label, n in counts.by_channel
        if n
    )
    topics = "、".join(topic for topic, _n in counts.by_topic[:4])
    return _(
        "In %(year)d we answered %(total)d enquiries (%(channels)s), mostly about %(topics)s."
    ) % {"year": year, "total": counts.total, "channels": channels, "topics": topics}
