"""Keeping the site search (gongkai.search) in step with the published decisions.

A published decision is a document (its masked text only); a withdrawn one leaves the index.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

from django.urls import reverse

from gongkai.core.clockmath import CHINA
from gongkai.enforcement.transitions import DecisionStatus
from gongkai.search.documents import SearchDocument
from gongkai.search.services import enqueue_delete, enqueue_upsert

KIND = "enforcement_decision"
PREFIX = "enforcement-decision:"


def document_id(decision) -> str:
    return f"{PREFIX}{decision.pk}"


def decision_document(decision) -> SearchDocument:
    body = "\n".join(
        [
            decision.number,
            str(decision.get_kind_display()),
            decision.party_public,
            decision.published_facts,
            decision.basis,
            decision.published_content,
            decision.body.name,
        ]
    )
    return SearchDocument(
        id=document_id(decision),
        title=f"{decision.title}（{decision.number}）",
        body=body,
        url=reverse("enforcement:decision", args=[decision.pk]),
        organisation=decision.organisation.name,
        year=decision.decided_on.year,
        kind=KIND,
        published_at=dt.datetime.combine(decision.decided_on, dt.time(), tzinfo=CHINA),
    )


def decision_index(decision) -> None:
    if decision.status == DecisionStatus.PUBLISHED:
        enqueue_upsert(decision_document(decision))
    else:
        enqueue_delete(document_id(decision))


def decisions_source() -> Iterator[SearchDocument]:
    """The reindex source: every published decision."""
    from gongkai.enforcement.models import Decision

    found = Decision.objects.filter(status=DecisionStatus.PUBLISHED).select_related(
        "organisation", "body"
    )
    for decision in found.iterator(chunk_size=500):
        yield decision_document(decision)


def decisions_count() -> int:
    from gongkai.enforcement.models import Decision

    return Decision.objects.filter(status=DecisionStatus.PUBLISHED).count()


def visible_decision_ids(ids: list[str]) -> Iterable[str]:
    """Search visibility: other sources pass; decisions must be published now."""
    from gongkai.enforcement.models import Decision

    wanted = {
        int(i[len(PREFIX) :]) for i in ids if i.startswith(PREFIX) and i[len(PREFIX) :].isdigit()
    }
    if not wanted:  # no id of ours on this page: no query to build
        return ids
    shown = set(
        Decision.objects.filter(status=DecisionStatus.PUBLISHED, pk__in=wanted).values_list(
            "pk", flat=True
        )
    )
    return [i for i in ids if not i.startswith(PREFIX) or int(i[len(PREFIX) :]) in shown]
