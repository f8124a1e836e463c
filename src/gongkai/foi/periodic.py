"""Periodic jobs of disclosure on request, run by ``gongkai sweep`` (idempotent)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from gongkai.core.periodic import job


@job(30, _("Send reply deadline reminders"))
def send_reply_reminders() -> str:
    from gongkai.foi.services.reminders import reminders_send_due

    return str(reminders_send_due())


@job(31, _("Send the daily lists of overdue requests"))
def send_overdue_lists() -> str:
    from gongkai.foi.services.reminders import overdue_lists_send

    return str(overdue_lists_send())


@job(29, _("End consultations whose period ran out without an answer"))
def end_silent_consultations() -> str:
    from gongkai.foi.services.pauses import consultations_end_silent

    return str(consultations_end_silent())


@job(32, _("Anonymise applicants' data past the retention period"))
def anonymise_past_retention() -> str:
    from gongkai.foi.services.personal_data import requests_anonymise_due

    return str(requests_anonymise_due())
