from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.core.duties import Duty, case_page, duty_source
from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_group, workbench_link

portal_link(60, _("Yearly reports"), "reports:public_list")
workbench_group("reports", 60, _("Reports, statistics and assessment"))
_READERS = [Role.OFFICE, Role.LEADER, Role.ADMIN]
workbench_link(60, _("Yearly reports"), "reports:workbench", roles=_READERS, group="reports")
workbench_link(65, _("Statistics"), "reports:dashboard", roles=_READERS, group="reports")
workbench_link(66, _("Application ledger"), "reports:ledger", roles=_READERS, group="reports")

case_page("reports.yearlyreport", "reports:detail")


@duty_source
def reports_to_sign_off(user, today):
    """领导审签: a leader sees the yearly reports the office submitted, due by 31 January."""
    from gongkai.core.access import has_role
    from gongkai.reports.selectors import reports_visible_to
    from gongkai.reports.transitions import Status

    if not has_role(user, Role.LEADER):
        return []
    waiting = reports_visible_to(user).filter(
        status=Status.DRAFT, sign_off_requested_at__isnull=False, signed_off_at__isnull=True
    )
    return [
        Duty(
            kind=_("Sign off the yearly report"),
            title=str(report),
            url=reverse("reports:detail", args=[report.pk]),
            due_on=report.due_on,
        )
        for report in waiting[:50]
    ]
