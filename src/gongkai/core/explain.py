"""Human sentences for the steps of a due date's explanation."""

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from gongkai.core.clockmath import Step


def _day(step: Step) -> str:
    return date_format(step.day, "Y-m-d (D)") if step.day else ""


def step_text(step: Step) -> str:
    params = {
        "day": _day(step),
        "n": step.number,
        "name": step.name,
        "at": step.at.strftime("%Y-%m-%d %H:%M") if step.at else "",
    }
    texts = {
        "start": _(
            "%(day)s: the time limit starts (%(n)d working days); this day does not "
            "count (Civil Code art. 201)."
        ),
        "counted": _("%(day)s: working day %(n)d."),
        "counted-adjusted": _(
            "%(day)s: working day %(n)d (a weekend day made a working day for %(name)s)."
        ),
        "skipped-weekend": _("%(day)s: weekend, not counted."),
        "skipped-holiday": _("%(day)s: %(name)s holiday, not counted."),
        "event-pause": _("%(day)s: paused; the days until it resumes are not counted."),
        "event-resume": _("%(day)s: resumed; counting goes on from the next day."),
        "event-extend": _("%(day)s: extended by %(n)d working days."),
        "event-postpone": _("%(day)s: a later reply time set, %(n)d working days more."),
        "event-restart": _("%(day)s: restarted; the full period counts again from the next day."),
        "event-stop": _("%(day)s: stopped (answered or closed)."),
        "due": _("Due by the end of %(day)s (working day %(n)d)."),
        "due-hours": _("Due at %(at)s (%(n)d hours)."),
        "paused": _("Paused: %(n)d working days remain when it resumes."),
        "provisional": _(
            "Provisional: part of this period lies in a year whose holiday "
            "arrangement has not been loaded; it was counted on plain weekdays."
        ),
    }
    if step.code.startswith("event-") and step.at and not step.day:
        params["day"] = params["at"]
    return texts.get(step.code, step.code) % params
