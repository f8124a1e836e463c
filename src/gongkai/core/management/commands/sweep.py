"""Run the periodic jobs (reminders, overdue lists, the ledger anchor): ``gongkai sweep``.

Run it daily from cron or a worker; every job is idempotent.
"""

from django.core.management.base import BaseCommand

from gongkai.core.periodic import jobs


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        for _order, name, function in jobs():
            result = function()
            if options["verbosity"] >= 1:
                self.stdout.write(f"{name}: {result}")
