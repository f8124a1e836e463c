"""Sending reminders of reply due dates and the daily overdue list.

Each reminder is recorded first (``Reminder``, unique per clock, due date and threshold; the
overdue list unique per body and day) with its workbench notifications and ledger entry in
one transaction, which also queues the e-mail and SMS (``core.services.messages_queue``):
the worker sends them after the commit, retrying a failing mail server or SMS gateway a
bounded number of times. A second sweep finds the record and queues nothing.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import override

from gongkai.core.services import ledger_append, notification_send
from gongkai.core.services.background import messages_queue
from gongkai.foi import reminders
from gongkai.foi.models import OverdueList, Reminder, Request

logger = logging.getLogger(__name__)


def _url(request: Request) -> str:
    try:
        return reverse("foi:detail", args=[request.pk])
    except NoReverseMatch:
        return ""


def reminder_send(
    *, request: Request, threshold: int, today: dt.date, office: list[User] | None = None
) -> Reminder | None:
    """One reminder of the request's reply due date; None when it was already sent."""
    clock = request.reply_clock
    due_on = reminders.reply_due_on(request)
    key = {"clock": clock, "due_on": due_on, "threshold": threshold}
    if Reminder.objects.filter(**key).exists():
        return None
    office = reminders.office_staff(request.organisation_id) if office is None else office
    people = reminders.recipients(request, threshold, office)
    text = reminders.reminder_text(request, threshold, today)
    try:
        with transaction.atomic():
            reminder = Reminder.objects.create(
                request=request,
                sent_on=today,
                recipients=[user.get_username() for user in people],
                **key,
            )
            for user in people:
                notification_send(recipient=user, message=text.message, url=_url(request))
            messages_queue(people=people, subject=text.subject, body=text.message)
            ledger_append(
                actor=None,
                action="foi.reminder",
                obj=request,
                organisation=request.organisation,
                summary={
                    "code": request.code,
                    "due_on": due_on.isoformat(),
                    "threshold": threshold,
                    "recipients": reminder.recipients,
                },
            )
    except IntegrityError:
        return None  # a concurrent sweep recorded it first
    return reminder


def reminders_send_due(*, today: dt.date | None = None) -> int:
    """Every reminder due today across all bodies; how many were sent."""
    today = today or timezone.localdate()
    sent = 0
    offices: dict[int, list[User]] = {}
    with override(settings.LANGUAGE_CODE):
        for request in reminders.open_reply_requests():
            threshold = reminders.threshold_for(today, reminders.reply_due_on(request))
            if threshold is None:
                continue
            if request.organisation_id not in offices:
                offices[request.organisation_id] = reminders.office_staff(request.organisation_id)
            office = offices[request.organisation_id]
            if reminder_send(request=request, threshold=threshold, today=today, office=office):
                sent += 1
    return sent


def overdue_list_send(
    *, organisation_id: int, overdue: list[Request], today: dt.date
) -> OverdueList | None:
    """The body's list of overdue requests to its openness office, once a day."""
    if OverdueList.objects.filter(organisation_id=organisation_id, day=today).exists():
        return None
    office = reminders.office_staff(organisation_id)
    text = reminders.overdue_text(overdue, today)
    try:
        with transaction.atomic():
            overdue_list = OverdueList.objects.create(
                organisation_id=organisation_id,
                day=today,
                codes=[request.code for request in overdue],
            )
            for user in office:
                notification_send(recipient=user, message=text.message, url=_overdue_url())
            messages_queue(people=office, subject=text.subject, body=text.message)
            ledger_append(
                actor=None,
                action="foi.overdue_list",
                obj=overdue_list,
                organisation=overdue[0].organisation,
                summary={"day": today.isoformat(), "codes": overdue_list.codes},
            )
    except IntegrityError:
        return None
    return overdue_list


def _overdue_url() -> str:
    try:
        return reverse("foi:overdue")
    except NoReverseMatch:
        return ""


def overdue_lists_send(*, today: dt.date | None = None) -> int:
    """Today's overdue list for every body that has overdue requests; how many were sent."""
    today = today or timezone.localdate()
    sent = 0
    with override(settings.LANGUAGE_CODE):
        for organisation_id, overdue in reminders.overdue_by_body(today).items():
            if overdue_list_send(organisation_id=organisation_id, overdue=overdue, today=today):
                sent += 1
    return sent
