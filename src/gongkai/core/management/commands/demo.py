"""Load the demo content, idempotently: ``gongkai demo``.

Every app's ``demo.py`` registers loaders; they run in order, through services,
so the ledger records every change.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import transaction
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext as _

from gongkai.core import demo


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--items",
            type=int,
            default=0,
            help=_("also generate this many information items (for benchmarks)"),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.verbosity = options["verbosity"]
        autodiscover_modules("demo")
        context = demo.DemoContext(log=self._log, items=options["items"])
        for _order, name, loader in demo.loaders():
            self._log(_("Loading %(name)s…") % {"name": name})
            with transaction.atomic():
                loader(context)
        self.stdout.write(self.style.SUCCESS(_("Demo content is loaded.")))

    def _log(self, text: str) -> None:
        if self.verbosity >= 1:
            self.stdout.write(text)
