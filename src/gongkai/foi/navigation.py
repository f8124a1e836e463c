"""Menu entries of disclosure on request."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from gongkai.core.access import has_role
from gongkai.core.duties import Duty, case_page, duty_source
from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_group, workbench_link

portal_link(30, _("Apply for disclosure"), "foi:apply")
portal_link(31, _("Follow an application"), "foi:track")
workbench_group("foi", 20, _("Disclosure on request"))
workbench_link(
    20,
    _("Disclosure requests"),
    "foi:queue",
    roles=[Role.OFFICE, Role.HANDLER, Role.LEADER],
    group="foi",
)
workbench_link(
    21, _("Overdue requests"), "foi:overdue", roles=[Role.OFFICE, Role.LEADER], group="foi"
)
workbench_link(
    22, _("Register a request"), "foi:register", roles=[Role.OFFICE, Role.HANDLER], group="foi"
)
workbench_link(
    23,
    _("Letter templates and numbering"),
    "foi:letter_settings",
    roles=[Role.OFFICE, Role.ADMIN],
    group="foi",
)
workbench_link(
    24,
    _("Views of applicants' data"),
    "foi:identity_views",
    roles=[Role.OFFICE, Role.ADMIN],
    group="foi",
)
workbench_link(
    25, _("Personal data retention"), "foi:retention", roles=[Role.OFFICE, Role.ADMIN], group="foi"
)

case_page("foi.request", "foi:detail")


@duty_source
def requests_to_confirm(user, today):
    """Applications received online that wait for someone to confirm receipt."""
    from gongkai.foi.models import Status
    from gongkai.foi.selectors import requests_visible_to

    if not has_role(user, Role.OFFICE, Role.HANDLER, Role.ADMIN):
        return []
    waiting = requests_visible_to(user).filter(status=Status.SUBMITTED).order_by("submitted_at")
    return [
        Duty(
            kind=_("Confirm receipt"),
            title=_("Application %(code)s") % {"code": request.code},
            url=reverse("foi:detail", args=[request.pk]),
        )
        for request in waiting.select_related(None).only("pk", "code")[:50]
    ]
