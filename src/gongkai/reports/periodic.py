"""From 1 January, every public body's yearly report for the year just ended (条例 art. 49:
published by 31 January): the draft generated, its time limit running, the office reminded."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.periodic import job


@job(40, _("Prepare yearly reports and remind the office"))
def remind_yearly_reports(today=None) -> str:
    from gongkai.core.models import Organisation
    from gongkai.reports.services import report_remind

    year = (today or timezone.localdate()).year - 1
    bodies = Organisation.objects.filter(kind=Organisation.Kind.BODY, is_active=True)
    reminded = 0
    for body in bodies.order_by("id"):
        report = report_remind(organisation=body, year=year, url=reverse("reports:workbench"))
        reminded += report is not None
    return f"{year}: {reminded}"
