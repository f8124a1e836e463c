"""A run's checks done while the crawl goes on, its rows written in batches.

The crawl hands each page read (its links and text still parsed) and each broken
address to ``RunRecorder``; the per-page checks (slow page, injected content, 严重错别字)
run there and then, the page's row and the findings go to the database every
``batch`` rows, and the page's text is dropped. What stays in memory is bounded: one
batch of rows, the hosts already judged, at most ``external_limit`` external links for
the polite checks after the crawl, and counts. The checks that need the whole site
(freshness, reach, availability) run after the crawl from the database and the crawl's
hashed addresses (``services.run_execute``).
"""

from __future__ import annotations

from django.db import transaction

from gongkai.monitor.checks import ContentCheck, Found, broken_finding, slow_finding
from gongkai.monitor.crawl import Broken, PageResult, is_internal
from gongkai.monitor.models import Finding, Page, Run
from gongkai.monitor.wording import describe


def cut(text: str, length: int = 500) -> str:
    return text if len(text) <= length else text[: length - 1] + "…"


class RunRecorder:
    """The crawl's visitor for a monitor run (``crawl.crawl(visitor=...)``)."""

    def __init__(
        self,
        *,
        run: Run,
        base_url: str,
        content: ContentCheck,
        naming,
        slow_seconds: float,
        expected=None,
        batch: int = 500,
        external_limit: int = 10_000,
    ) -> None:
        self.run = run
        self.base_url = base_url
        self.content = content
        self.naming = naming
        self.slow_seconds = slow_seconds
        self.expected = expected  # url -> injection.Expected | None (item pages over HTTP)
        self.batch = batch
        self.external_limit = external_limit
        self.external: dict[str, str] = {}  # visible external link -> first page linking it
        self.external_dropped = 0
        self.pages: list[Page] = []
        self.findings: list[Finding] = []
        self.pages_written = 0
        self.findings_written = 0
        self.vetoes = 0

    # --- the crawl's visitor ---------------------------------------------------------

    def page(self, page: PageResult) -> None:
        self.pages.append(
            Page(
                run=self.run,
                url=cut(page.url),
                status_code=page.status,
                elapsed_ms=round(page.elapsed * 1000),
                depth=page.depth,
            )
        )
        found = [slow_finding(page, slow_seconds=self.slow_seconds)]
        if page.parsed is not None:
            expected = self.expected(page.url) if self.expected is not None else None
            found += self.content.page(page, expected)
            found += [
                Found(wrong.kind, is_veto=True, page=page.url, detail=describe(wrong))
                for wrong in self.naming.check(page.parsed.text)
            ]
            for link in page.parsed.links:
                if link.hidden or is_internal(link.url, self.base_url):
                    continue
                if link.url in self.external:
                    continue
                if len(self.external) < self.external_limit:
                    self.external[link.url] = page.url
                else:
                    self.external_dropped += 1
        self.add(f for f in found if f is not None)
        if len(self.pages) >= self.batch:
            self.flush()

    def broken(self, broken: Broken) -> None:
        found = broken_finding(broken, base_url=self.base_url)
        if found is not None:
            self.add([found])

    # --- rows ------------------------------------------------------------------------

    def add(self, found) -> None:
        for f in found:
            self.vetoes += f.is_veto
            self.findings.append(
                Finding(
                    run=self.run,
                    kind=f.kind,
                    is_veto=f.is_veto,
                    url=cut(f.url),
                    page=cut(f.page),
                    detail=cut(f.detail),
                )
            )
        if len(self.findings) >= self.batch:
            self.flush()

    def flush(self) -> None:
        with transaction.atomic():
            Page.objects.bulk_create(self.pages)
            Finding.objects.bulk_create(self.findings)
        self.pages_written += len(self.pages)
        self.findings_written += len(self.findings)
        self.pages = []
        self.findings = []
