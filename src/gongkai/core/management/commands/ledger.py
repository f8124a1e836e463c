"""The ledger (台账): verify the hash chain, anchor the head, export anchors.

gongkai ledger verify [--anchors FILE]   exit 0 with the entry count, or 1 naming
                                         the first broken entry
gongkai ledger anchor                    record today's head hash (daily sweep)
gongkai ledger export-anchors            print every anchor as JSON for filing
"""

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from gongkai.core.models import LedgerAnchor
from gongkai.core.selectors import ledger_verify
from gongkai.core.selectors.ledger import LEDGER_PROBLEMS
from gongkai.core.services import ledger_anchor


class Command(BaseCommand):
    help = __doc__

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser("verify", help=_("check the hash chain"))
        verify.add_argument("--anchors", help=_("an exported anchor file to check against"))
        sub.add_parser("anchor", help=_("record today's head hash"))
        sub.add_parser("export-anchors", help=_("print every anchor as JSON"))

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"]
        if action == "anchor":
            anchor = ledger_anchor()
            if anchor is None:
                self.stdout.write(_("The ledger is empty; nothing to anchor."))
            else:
                self.stdout.write(f"{anchor.day} #{anchor.seq} {anchor.head_hash}")
        elif action == "export-anchors":
            rows = LedgerAnchor.objects.values_list("day", "seq", "head_hash")
            data = [{"day": str(d), "seq": s, "hash": h} for d, s, h in rows]
            self.stdout.write(json.dumps(data, indent=1))
        else:
            self._verify(options.get("anchors"))

    def _verify(self, anchors_file: str | None) -> None:
        anchors = None
        if anchors_file:
            try:
                rows = json.loads(Path(anchors_file).read_text(encoding="utf-8"))
                anchors = [(int(r["seq"]), str(r["hash"])) for r in rows]
            except (OSError, ValueError, KeyError, TypeError) as error:
                raise CommandError(
                    _("Cannot read the anchor file: %(error)s") % {"error": error}, returncode=2
                ) from None
        check = ledger_verify(anchors)
        if check.ok:
            self.stdout.write(str(check.entries))
            return
        raise CommandError(
            _("Broken at entry %(seq)d: %(problem)s (%(count)d entries verified before it).")
            % {
                "seq": check.broken_seq,
                "problem": _(LEDGER_PROBLEMS[check.problem]),
                "count": check.entries,
            },
            returncode=1,
        )
