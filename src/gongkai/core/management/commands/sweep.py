"""Enqueue the periodic jobs (reminders, scheduled publishing, overdue lists, the ledger
anchor, …) for the workers: ``gongkai sweep``, the one cron line.

Each job becomes its own task, so one failing job never stops the others; a job still
waiting in the queue from an earlier sweep is not queued twice. ``--dry-run`` lists what
would be queued. The workers (``gongkai worker``) run the jobs.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext_lazy as _

from gongkai.core.services.background import periodic_jobs_enqueue

STATES = {
    "queued": _("Queued"),
    "waiting": _("Still waiting from an earlier sweep"),
    "dry-run": _("Would be queued"),
}


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="List the jobs without queueing them."
        )

    def handle(self, *args: Any, dry_run: bool = False, **options: Any) -> None:
        for queued in periodic_jobs_enqueue(dry_run=dry_run):
            if options["verbosity"] >= 1:
                self.stdout.write(f"{STATES[queued.state]}：{queued.name}")
