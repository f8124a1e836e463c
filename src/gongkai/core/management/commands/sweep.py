"""Run the periodic jobs (ledger anchor, …): ``gongkai sweep``, daily from cron."""

from django.core.management.base import BaseCommand

from gongkai.core.periodic import JOBS


class Command(BaseCommand):
    help = __doc__

    def handle(self, *args, **options):
        for name, job in JOBS:
            result = job()
            if options["verbosity"] >= 1:
                self.stdout.write(f"{name}: {result}")
