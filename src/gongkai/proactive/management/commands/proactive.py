"""Proactive disclosure from the command line.

    gongkai proactive import PATH... --organisation CODE --user NAME [--section SECTION] [--simplify] [--dry-run]

Imports text, .docx and HTML files (folders are walked) as drafts, with a progress line;
injected spam is quarantined or the file refused, each with a line in the report.
"""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation
from gongkai.proactive.law import Section
from gongkai.proactive.services import document_import
from gongkai.proactive.services.importing import (
    IMPORTABLE,
    clean_text,
    opencc_available,
    read_document,
)


class DryRun(Exception):
    """Raised to roll a dry run back."""


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help=_("import documents as drafts"))
        imp.add_argument("paths", nargs="+")
        imp.add_argument("--organisation", required=True, help=_("short code of the public body"))
        imp.add_argument("--user", required=True, help=_("staff user name recorded as the drafter"))
        imp.add_argument("--section", default=Section.BUSINESS, choices=Section.values)
        imp.add_argument(
            "--simplify", action="store_true", help=_("traditional to simplified (needs opencc)")
        )
        imp.add_argument("--dry-run", action="store_true")

    def handle(self, *args, **options):
        organisation = Organisation.objects.filter(code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(
                _("No organisation with the code %(code)s.") % {"code": options["organisation"]}
            )
        if options["simplify"] and not opencc_available():
            raise CommandError(
                _("Traditional-to-simplified conversion is not available on this installation.")
            )
        actor = get_user_model().objects.filter(username=options["user"], is_active=True).first()
        if actor is None:
            raise CommandError(_("No active user %(name)s.") % {"name": options["user"]})
        options["actor"] = actor
        files = self._files(options["paths"])
        refused = 0
        for number, path in enumerate(files, start=1):
            self.stdout.write(f"[{number}/{len(files)}] {path}")
            try:
                self._one(path, organisation, options)
            except ServiceError as error:
                refused += 1
                self.stdout.write(
                    self.style.ERROR("  " + _("Refused: %(reason)s") % {"reason": error.message})
                )
        summary = _("%(done)d of %(total)d files imported, %(refused)d refused.") % {
            "done": len(files) - refused, "total": len(files), "refused": refused,
        }  # fmt: skip
        self.stdout.write(
            self.style.SUCCESS(summary) if not refused else self.style.WARNING(summary)
        )

    def _files(self, paths: list[str]) -> list[Path]:
        files = []
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                files.extend(sorted(p for p in path.rglob("*") if p.suffix.lower() in IMPORTABLE))
            elif path.is_file():
                files.append(path)
            else:
                raise CommandError(_("No such file: %(path)s") % {"path": raw})
        return files

    def _one(self, path: Path, organisation: Organisation, options) -> None:
        content = path.read_bytes()
        if options["dry_run"]:
            cleaned = clean_text(read_document(path.name, content), simplify=options["simplify"])
            self._report(cleaned.glosses_removed, cleaned.quarantined)
            return
        with transaction.atomic():
            result = document_import(
                actor=options["actor"], organisation=organisation, name=path.name, content=content,
                section=options["section"], simplify=options["simplify"],
            )  # fmt: skip
        state = _("imported") if result.created else _("already imported")
        self.stdout.write(f"  {state}: {result.item.index_number} {result.item.title}")
        self._report(result.glosses_removed, result.quarantined)

    def _report(self, glosses: int, quarantined: list[str]) -> None:
        if glosses:
            self.stdout.write("  " + _("%(n)d pinyin glosses removed.") % {"n": glosses})
        for line in quarantined:
            self.stdout.write(
                self.style.WARNING("  " + _("Quarantined spam: %(line)s") % {"line": line[:80]})
            )
