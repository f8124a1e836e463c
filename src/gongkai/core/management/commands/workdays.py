"""Working-day arithmetic on the official calendar.

gongkai workdays add DATE N      the N-th working day after DATE (+ " provisional")
gongkai workdays between A B     working days after A up to and including B
gongkai workdays is DATE         workday | weekend | holiday | adjusted-workday
"""

import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gongkai.core import holidays
from gongkai.core.workdays import OutOfRange


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(
            _("“%(text)s” is not a valid date; write it as YYYY-MM-DD, e.g. 2026-10-08.")
            % {"text": text},
            returncode=2,
        ) from None


def parse_count(text: str) -> int:
    try:
        n = int(text)
    except ValueError:
        n = -1
    if n < 0:
        raise CommandError(
            _("“%(text)s” is not a valid number of working days; give 0 or more.") % {"text": text},
            returncode=2,
        )
    return n


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add", help=_("the N-th working day after DATE"))
        add.add_argument("date")
        add.add_argument("n")
        between = sub.add_parser("between", help=_("working days after A up to and including B"))
        between.add_argument("start")
        between.add_argument("end")
        kind = sub.add_parser("is", help=_("what kind of day DATE is"))
        kind.add_argument("date")

    def handle(self, *args: Any, **options: Any) -> None:
        calendar = holidays.get_calendar()
        try:
            if options["action"] == "add":
                due = calendar.add(parse_date(options["date"]), parse_count(options["n"]))
                self.stdout.write(
                    due.value.isoformat() + (" provisional" if due.provisional else "")
                )
            elif options["action"] == "between":
                answer = calendar.between(parse_date(options["start"]), parse_date(options["end"]))
                self.stdout.write(
                    str(answer.value) + (" provisional" if answer.provisional else "")
                )
            else:
                self.stdout.write(str(calendar.kind(parse_date(options["date"]))))
        except OutOfRange:
            raise CommandError(
                _("The date is outside the supported calendar (1990–2100)."), returncode=2
            ) from None
