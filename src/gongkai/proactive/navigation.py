from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.core.duties import Duty, case_page, duty_source
from gongkai.core.models import Role
from gongkai.core.navigation import portal_link, workbench_group, workbench_link

portal_link(10, _("Information disclosure"), "proactive:catalog")
portal_link(
    12, pgettext_lazy("information item", "Proactive disclosure catalog"), "proactive:directory"
)
workbench_group("proactive", 10, _("Proactive disclosure"))
workbench_link(
    10,
    _("Proactive disclosure"),
    "proactive:workbench",
    roles=[Role.OFFICE, Role.HANDLER, Role.REVIEWER, Role.LEADER, Role.ADMIN],
    group="proactive",
)
workbench_link(
    11,
    _("Proactive disclosure settings"),
    "proactive:settings",
    roles=[Role.OFFICE, Role.ADMIN],
    group="proactive",
)
# The registers: each shown to the roles its page allows (core.navigation.may_open).
for _order, _label, _url in (
    (12, _("Import documents"), "proactive:import"),
    (13, _("Negative list"), "proactive:negative_manage"),
    (14, _("Normative documents"), "proactive:normative_manage"),
    (15, _("Yearly self-check of withheld items"), "proactive:self_check"),
    (16, _("Standard catalog"), "proactive:standard_catalog"),
):
    workbench_link(_order, _label, _url, group="proactive")

case_page("proactive.item", "proactive:item_detail")


@duty_source
def items_to_review_or_publish(user, today):
    """Items waiting for the step the user's roles take (保密审查, 领导审批), then for
    publication by the office, then drafts sent back to their drafter."""
    from gongkai.proactive.models import ReviewDecision, Status
    from gongkai.proactive.selectors import my_drafts, publish_queue, review_queue

    duties = [
        Duty(
            kind=item.waiting_step.kind_label,
            title=item.title,
            url=reverse("proactive:item_review", args=[item.pk]),
        )
        for item in review_queue(user)[:50]
    ]
    duties += [
        Duty(
            kind=_("Publish"),
            title=item.title,
            url=reverse("proactive:item_detail", args=[item.pk]),
        )
        for item in publish_queue(user)[:50]
    ]
    duties += [
        Duty(
            kind=_("Sent back for changes"),
            title=item.title,
            url=reverse("proactive:item_detail", args=[item.pk]),
        )
        for item in my_drafts(user)
        .filter(
            status=Status.DRAFT,
            decisions__decision=ReviewDecision.Decision.SEND_BACK,
            decisions__round=F("review_round"),
        )
        .distinct()[:50]
    ]
    return duties
