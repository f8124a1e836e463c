"""Back up the database and the uploaded files into one archive: ``gongkai backup DIR``.

SQLite is copied with its online backup API and PostgreSQL with ``pg_dump``, both while
the site runs. ``--keep N`` removes all but the newest N archives in DIR. Restore with
``gongkai restore``; see docs/deploy.md for the drill.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gongkai.core.backup import BackupError, backup_create


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("directory", type=Path, help="where the archive is written")
        parser.add_argument("--keep", type=int, default=None, help="keep the newest N archives")

    def handle(self, *args: Any, directory: Path, keep: int | None, **options: Any) -> None:
        try:
            target = backup_create(directory=directory, keep=keep)
        except (BackupError, OSError) as error:
            raise CommandError(_("The backup failed: %(error)s") % {"error": error}) from error
        if options["verbosity"] >= 1:
            self.stdout.write(_("Backup written: %(path)s") % {"path": target})
