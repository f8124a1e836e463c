from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.core.duties import Duty, case_page, duty_source
from gongkai.core.models import Role
from gongkai.core.navigation import workbench_link

_OFFICE = [Role.OFFICE, Role.ADMIN]
_READERS = [Role.OFFICE, Role.LEADER, Role.ADMIN]
_STAFF = [Role.OFFICE, Role.HANDLER, Role.REVIEWER, Role.LEADER, Role.ADMIN]
# Under the reports group (年报统计与考核): one menu heading fewer keeps the wide menu on one line.
for _order, _label, _url, _roles in (
    (60, _("Overview"), "assessment:overview", _READERS),
    (61, _("Work plans"), "assessment:home", _OFFICE),
    (62, _("My plan tasks"), "assessment:my_tasks", _STAFF),
    (63, _("Overdue tasks"), "assessment:overdue", _OFFICE),
    (64, _("Internal notices"), "assessment:notices", _STAFF),
    (65, _("Assessment and ranking"), "assessment:scores", _READERS),
    (66, _("Inspection ledgers"), "assessment:ledgers", _OFFICE),
    (67, _("Enquiry register"), "assessment:enquiries", _STAFF),
    (68, _("Training and meetings"), "assessment:trainings", _OFFICE),
):
    workbench_link(_order, _label, _url, roles=_roles, group="reports")

case_page("assessment.task", "assessment:task")


@duty_source
def plan_tasks(user, today):
    """The open plan tasks of the units (or subordinate body) the staff member reports for,
    each by its next deadline; ongoing work waits without a date."""
    from gongkai.assessment.deadlines import deadline_parse
    from gongkai.assessment.periods import PERIOD_MONTHS, periods_of
    from gongkai.assessment.selectors import reporting_organisations, tasks_for

    organisations = reporting_organisations(user)
    if not organisations:
        return []
    duties, seen = [], set()
    for assignment in tasks_for(organisations)[:200]:
        task = assignment.task
        if task.pk in seen:
            continue
        seen.add(task.pk)
        due_on = task.due_on
        if task.recurrence in PERIOD_MONTHS:
            # The report of the running period, due as the scoring counts it: on the
            # next working day when the period ends on a rest day (periods.report_due).
            due_on = next(
                (
                    period.due_on
                    for year in (today.year, today.year + 1)
                    for period in periods_of(task.recurrence, year)
                    if period.due_on >= today
                ),
                None,
            )
        elif task.recurrence:
            due_on = deadline_parse(task.deadline_text, plan_year=task.plan.year).next_due(today)
        duties.append(
            Duty(
                kind=str(_("Plan task")),
                title=f"{task.plan.title} · {task.number}. {task.text[:60]}",
                url=reverse("assessment:task", args=[task.pk]),
                due_on=due_on,
            )
        )
    return duties
