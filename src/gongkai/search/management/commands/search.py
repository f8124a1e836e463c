"""``gongkai search``: query the index, rebuild it, or apply pending index operations.

gongkai search 河长制 [--json] [--limit 20]
gongkai search reindex
gongkai search sync
"""

import json
import sys

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.search import selectors, services
from gongkai.search.backends import backend_name
from gongkai.search.documents import (
    SORT_DATE,
    SORT_RELEVANCE,
    expected_total,
    registered_sources,
)
from gongkai.search.health import index_health

STATES = {"missing": gettext_lazy("missing"), "empty": gettext_lazy("empty")}


class Command(BaseCommand):
    help = "Search the published documents, or `reindex` / `sync` the search index."

    def add_arguments(self, parser):
        parser.add_argument("words", nargs="+", help="query words, or reindex / sync")
        parser.add_argument("--json", action="store_true", help="print a JSON array of hits")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--offset", type=int, default=0)
        parser.add_argument("--sort", choices=[SORT_RELEVANCE, SORT_DATE], default=SORT_RELEVANCE)
        parser.add_argument("--organisation", default="")
        parser.add_argument("--section", default="")
        parser.add_argument("--kind", default="")
        parser.add_argument("--year", type=int)

    def handle(self, *args, **options):
        words = options["words"]
        if words == ["sync"]:
            self._heal()
            return
        # Heal whatever a crash left between the database and the index.
        self._sync()
        if words == ["reindex"]:
            self._reindex()
            return
        self._query(" ".join(words), options)

    def _sync(self) -> int:
        try:
            return services.sync_pending()
        except Exception as exc:
            raise CommandError(
                _("The search index cannot be updated: %(error)s") % {"error": exc}
            ) from exc

    def _heal(self) -> None:
        """Pending operations, or a rebuild when the index is missing or empty; never a
        success on an empty index while there are documents."""
        try:
            healing = services.search_index_heal(progress=self._progress)
        except services.IndexUnhealthyError as exc:
            health = index_health()
            raise CommandError(
                _(
                    "The search index is still missing or empty (%(indexed)s of %(expected)s "
                    "documents): run `gongkai search reindex` and read the log."
                )
                % {"indexed": health.indexed, "expected": health.expected}
            ) from exc
        except Exception as exc:
            raise CommandError(
                _("The search index cannot be updated: %(error)s") % {"error": exc}
            ) from exc
        if healing.rebuilt is not None:
            self.stderr.write("")
            self.stdout.write(
                _("The search index was %(state)s; rebuilt (%(backend)s): %(count)d documents.")
                % {
                    "state": STATES[healing.before.state],
                    "backend": backend_name(),
                    "count": healing.rebuilt,
                }
            )
            return
        self.stdout.write(
            _("Applied %(count)d pending index operations.") % {"count": healing.applied}
        )

    def _progress(self, done, total):
        if total is None:
            line = _("Indexed %(done)d documents") % {"done": done}
        else:
            line = _("Indexed %(done)d of %(total)d documents") % {"done": done, "total": total}
        self.stderr.write("\r" + line, ending="")
        self.stderr.flush()

    def _reindex(self) -> None:
        if not registered_sources():
            # Rebuilding from nothing would empty the index: surely a setup mistake.
            raise CommandError(_("No document sources are registered; nothing to reindex."))

        done = services.reindex(progress=self._progress)
        self.stderr.write("")
        expected = expected_total()
        if done == 0 and expected:
            raise CommandError(
                _("The rebuilt search index is empty, but there are %(expected)d documents.")
                % {"expected": expected}
            )
        self.stdout.write(
            _("Search index rebuilt (%(backend)s): %(count)d documents.")
            % {"backend": backend_name(), "count": done}
        )

    def _query(self, query: str, options) -> None:
        filters = {k: options[k] for k in ("organisation", "section", "kind", "year")}
        results = selectors.search(
            query,
            filters=filters,
            sort=options["sort"],
            offset=options["offset"],
            limit=options["limit"],
        )
        if options["json"]:
            hits = [
                {"id": h.id, "title": h.title, "url": h.url, "snippet": h.snippet}
                for h in results.hits
            ]
            self.stdout.write(json.dumps(hits, ensure_ascii=False))
            return
        self.stdout.write(
            (
                _("More than %(total)d results for “%(query)s”")
                if results.total_is_estimate
                else _("%(total)d results for “%(query)s”")
            )
            % {"total": results.total, "query": query}
        )
        for n, hit in enumerate(results.hits, start=options["offset"] + 1):
            self.stdout.write(f"{n}. {hit.title}  {hit.url}")
            self.stdout.write(f"   {hit.snippet}")
        if not results.hits and sys.stdout.isatty():
            self.stdout.write(_("Try fewer or shorter words."))
