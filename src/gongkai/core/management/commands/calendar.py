"""Load a year's holiday arrangement from the State Council notice.

    gongkai calendar load-notice FILE [--year Y] [--yes] [--accept-missing] [--json]

Without --yes it only parses and prints the arrangement; with --yes it stores it,
logs it in the ledger and recomputes every open time limit. A notice that arranges no
days for some national festival is refused unless --accept-missing is given.
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.notice import Arrangement
from gongkai.core.services import calendar_load_notice
from gongkai.core.services.calendar import notice_parse


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load-notice", help=_("parse (and with --yes store) a notice"))
        load.add_argument("file")
        load.add_argument("--year", type=int, default=None)
        load.add_argument("--yes", action="store_true", help=_("store the arrangement"))
        load.add_argument(
            "--accept-missing",
            action="store_true",
            help=_("store it even though it leaves out national festivals"),
        )
        load.add_argument("--json", action="store_true", help=_("print the arrangement as JSON"))

    def handle(self, *args: Any, **options: Any) -> None:
        text = self._read(options["file"])
        try:
            arrangement = notice_parse(text=text, year=options["year"])
            if options["yes"]:
                stored = calendar_load_notice(
                    actor=None,
                    text=text,
                    year=options["year"],
                    accept_missing=options["accept_missing"],
                )
        except ServiceError as error:
            raise CommandError(error.message) from None
        if options["json"]:
            self.stdout.write(json.dumps(arrangement.as_json(), ensure_ascii=False))
        else:
            self._print(arrangement)
        if options["yes"] and not options["json"]:
            self.stdout.write(stored.message)

    def _read(self, name: str) -> str:
        try:
            return Path(name).read_text(encoding="utf-8")
        except FileNotFoundError:
            raise CommandError(_("No such file: %(name)s") % {"name": name}) from None
        except (UnicodeDecodeError, OSError) as error:
            raise CommandError(
                _("Cannot read %(name)s as UTF-8 text: %(error)s") % {"name": name, "error": error}
            ) from None

    def _print(self, arrangement: Arrangement) -> None:
        self.stdout.write(_("Holiday arrangement for %(year)d:") % {"year": arrangement.year})
        for line in arrangement.lines:
            holidays = f"{line.holidays[0]} – {line.holidays[-1]} ({len(line.holidays)})"
            workdays = ", ".join(d.isoformat() for d in line.workdays) or "—"
            self.stdout.write(
                _("  %(name)s: off %(holidays)s; working %(workdays)s")
                % {"name": line.name, "holidays": holidays, "workdays": workdays}
            )
