"""Restore a backup made by ``gongkai backup``: ``gongkai restore FILE --yes``.

Replaces the whole database and every uploaded file with the archive's, then verifies the
restored ledger (the chain holds up to the head recorded in the backup) and rebuilds the
embedded search index. Stop the web and worker processes first.
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gongkai.core.backup import BackupError, backup_restore, rebuild_derived_data


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument(
            "--yes", action="store_true", help="confirm: the current data is replaced"
        )
        parser.add_argument(
            "--no-reindex", action="store_true", help="do not rebuild the embedded index"
        )

    def handle(
        self, *args: Any, archive: Path, yes: bool, no_reindex: bool, **options: Any
    ) -> None:
        if not yes:
            raise CommandError(
                _("Restoring replaces all current data: run again with --yes to confirm.")
            )
        try:
            restored = backup_restore(path=archive)
        except (BackupError, OSError) as error:
            raise CommandError(_("The restore failed: %(error)s") % {"error": error}) from error
        if not no_reindex:
            rebuild_derived_data()  # the embedded search index (search registers it)
        if not restored.ledger_ok:
            raise CommandError(
                _("Restored, but the ledger does not verify: %(problem)s")
                % {"problem": restored.problem}
            )
        if options["verbosity"] >= 1:
            self.stdout.write(
                _(
                    "Restored the backup of %(created)s: %(entries)d ledger entries verified, "
                    "%(files)d files."
                )
                % {
                    "created": restored.manifest["created_at"],
                    "entries": restored.ledger_entries,
                    "files": restored.media_files,
                }
            )
