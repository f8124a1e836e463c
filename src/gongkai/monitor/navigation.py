from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.access import has_role
from gongkai.core.duties import Duty, duty_source
from gongkai.core.models import Role
from gongkai.core.navigation import workbench_link

workbench_link(
    75,
    gettext_lazy("Site monitor"),
    "monitor:workbench",
    roles=[Role.OFFICE, Role.ADMIN],
    group="portal",
)


@duty_source
def site_alerts(user, today):
    """Open single-veto findings of the site check, for the office: each is due the day
    it was raised (the check expects such problems handled at once)."""
    from gongkai.monitor.selectors import alerts_open

    if not has_role(user, Role.OFFICE):
        return []
    url = reverse("monitor:workbench")
    return [
        Duty(
            kind=_("Site check problem"),
            title=f"{alert.get_kind_display()}：{alert.detail or alert.url}",
            url=url,
            due_on=timezone.localdate(alert.raised_at),
        )
        for alert in alerts_open()[:50]
    ]
