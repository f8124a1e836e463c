"""Reads used by views, the API, exports and other apps (the portal, the yearly report)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import functools
import re
from collections import Counter
from collections.abc import Iterator
from typing import Any

from django.contrib.auth.models import User
from django.db import models
from django.db.models import (
    Case,
    Count,
    IntegerField,
    Max,
    Min,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
)
from django.http import Http404
from django.utils import timezone
from django.utils.html import strip_tags

from gongkai.core.access import has_role, organisation_ids_visible_to, user_roles
from gongkai.core.bounds import is_id
from gongkai.core.clockmath import CHINA
from gongkai.core.models import Organisation, Role
from gongkai.core.sitescope import scoped, site_shows
from gongkai.core.types import AnyUser
from gongkai.proactive.law import (
    NORMATIVE_IN_FORCE,
    PUBLISHABLE_LABELS,
    SECTION_GROUPS,
    DisclosureLabel,
    NormativeKind,
    NormativeStatus,
    Section,
    SectionGroup,
)
from gongkai.proactive.models import (
    PUBLIC,
    Attachment,
    Cleanup,
    CleanupEntry,
    Genre,
    ImportJob,
    Item,
    ItemRevision,
    NegativeListEntry,
    NegativeListVersion,
    NormativeDocument,
    SelfCheckDecision,
    StandardCatalogItem,
    Status,
    Topic,
)
from gongkai.proactive.timeliness import Timeliness


@dataclasses.dataclass(frozen=True)
class SpamLine:
    attachment: object  # None: the title or the body
    line: str


def item_spam(item: Item) -> list[SpamLine]:
    """Lines of the draft (title, body, attachments' text) that look like injected spam,
    checked at every save and submission and shown to the drafter and the reviewer."""
    from gongkai.proactive.services.importing import spam_lines

    body = re.sub(r"(?i)<br\s*/?>|</(?:p|div|li|h[2-4]|tr|blockquote)>", "\n", item.body)
    text = item.title + "\n" + strip_tags(body)
    found = [SpamLine(None, line) for line in spam_lines(text)]
    for attachment in item.attachments.all():
        found += [SpamLine(attachment, line) for line in spam_lines(attachment.text)]
    return found


def items_visible_to(user: AnyUser) -> QuerySet[Item]:
    """Staff scope: units see their own items; office, leaders and reviewers their body."""
    base = Item.objects.select_related("organisation", "unit", "drafter__staff_profile")
    if has_role(user, Role.REVIEWER) and not has_role(user, Role.OFFICE, Role.LEADER, Role.ADMIN):
        ids = organisation_ids_visible_to(user)
        return base if ids is None else base.filter(organisation_id__in=ids)
    return Item.objects.visible_to(user).select_related(
        "organisation", "unit", "drafter__staff_profile"
    )


def access_item(user: AnyUser, pk: int) -> Item:
    """The item if ``user`` may work on it; the same 404 for missing and forbidden."""
    item = items_visible_to(user).filter(pk=pk).first()
    if item is None:
        raise Http404
    return item


def my_drafts(user: User) -> QuerySet[Item]:
    return (
        items_visible_to(user)
        .filter(drafter=user)
        .exclude(status__in=[Status.WITHDRAWN, Status.FILED])
        .order_by("-updated_at")
    )


def review_queue(user: User) -> list[Item]:
    """Items waiting for a step the user's roles can take (not their own)."""
    from gongkai.proactive.transitions import Step, review_steps

    roles = user_roles(user)
    steps: dict[int, list[Step]] = {}
    waiting = []
    queryset = items_visible_to(user).filter(status=Status.IN_REVIEW).exclude(drafter=user)
    for item in queryset.order_by("updated_at"):
        body = item.organisation_id
        if body not in steps:
            steps[body] = review_steps(item.organisation)
        chain = steps[body]
        if item.review_step < len(chain) and chain[item.review_step].role in roles:
            item.waiting_step = chain[item.review_step]
            waiting.append(item)
    return waiting


def publish_queue(user: AnyUser) -> QuerySet[Item]:
    if not has_role(user, Role.OFFICE, Role.ADMIN):
        return Item.objects.none()
    return items_visible_to(user).filter(status=Status.APPROVED).order_by("updated_at")


@dataclasses.dataclass(frozen=True)
class ItemFilters:
    topic: int | None = None
    genre: int | None = None
    organisation: int | None = None
    year: int | None = None
    section: str = ""


def items_published(filters: ItemFilters | None = None) -> QuerySet[Item]:
    """What the public can read, newest first (the portal builds its lists on this)."""
    filters = filters or ItemFilters()
    queryset = Item.objects.filter(PUBLIC).select_related("organisation", "unit", "topic", "genre")
    # On a body's site (gongkai.sites): its bodies' items and the items shown by reference.
    queryset = scoped(queryset)
    if filters.topic:
        queryset = queryset.filter(topic_id=filters.topic)
    if filters.genre:
        queryset = queryset.filter(genre_id=filters.genre)
    if filters.organisation:
        queryset = queryset.filter(organisation_id=filters.organisation)
    if filters.year:
        start = dt.datetime(filters.year, 1, 1, tzinfo=CHINA)
        end = dt.datetime(filters.year + 1, 1, 1, tzinfo=CHINA)
        queryset = queryset.filter(published_at__gte=start, published_at__lt=end)
    if filters.section:
        queryset = queryset.filter(section=filters.section)
    return queryset.order_by("-published_at", "-id")


# The public page of an item, in one statement. The document page is the portal's most
# requested page that a cache cannot hold (a visitor reads one of 200,000 documents);
# written with the ORM, building and compiling this query cost 2.3 ms of a 7.9 ms page,
# running it 0.1 ms (bench/portal.sh, doc-random). Only the published text is read.
_PAGE_SQL = """
SELECT i.id, i.organisation_id, i.topic_id, i.genre_id, i.interprets_id, i.index_number,
       i.title, i.public_title, i.public_body, i.document_number, i.written_on,
       i.published_at, i.validity, i.section, i.withdrawn_at, i.withdrawal_reason,
       i.interpretation_form,
       o.name AS organisation_name, t.name AS topic_name, g.name AS genre_name,
       p.title AS policy_title, p.public_title AS policy_public_title,
       EXISTS (SELECT 1 FROM {attachment} a WHERE a.item_id = i.id) AS has_attachments,
       EXISTS (SELECT 1 FROM {item} r WHERE r.interprets_id = i.id
               AND r.published_revision_id IS NOT NULL AND r.withdrawn_at IS NULL)
           AS has_interpretations
FROM {item} i
JOIN {organisation} o ON o.id = i.organisation_id
LEFT JOIN {topic} t ON t.id = i.topic_id
LEFT JOIN {genre} g ON g.id = i.genre_id
LEFT JOIN {item} p ON p.id = i.interprets_id
WHERE i.id = %s AND i.published_revision_id IS NOT NULL
"""


@functools.cache
def _page_sql() -> str:
    tables = {
        "item": Item._meta.db_table,
        "attachment": Attachment._meta.db_table,
        "organisation": Organisation._meta.db_table,
        "topic": Topic._meta.db_table,
        "genre": Genre._meta.db_table,
    }
    return _PAGE_SQL.format(**{name: f'"{table}"' for name, table in tables.items()})


def item_public(pk: int) -> Item:
    """A published item, or the notice of a withdrawn one; 404 for anything else.

    The item carries its body, topic, genre and policy (names and titles only),
    ``public_attachments`` and ``public_interpretations``; the last two are read only
    when the first query says they exist, which for most items they do not.
    """
    item = next(iter(Item.objects.raw(_page_sql(), [pk])), None) if is_id(pk) else None
    # On a shared platform (gongkai.sites) an item answers only on the sites that show it:
    # its bodies' sites, the sites that reprint it and the region's platform.
    if item is None or not site_shows(item.organisation_id, item.pk):
        raise Http404
    # The query's extra columns are plain attributes of the instance, unknown to the model.
    row: dict[str, Any] = vars(item)
    item.organisation = Organisation(id=item.organisation_id, name=row["organisation_name"])
    item.topic = Topic(id=item.topic_id, name=row["topic_name"]) if item.topic_id else None
    item.genre = Genre(id=item.genre_id, name=row["genre_name"]) if item.genre_id else None
    item.interprets = (
        Item(
            id=item.interprets_id,
            title=row["policy_title"],
            public_title=row["policy_public_title"],
        )
        if item.interprets_id
        else None
    )
    item.public_attachments = (
        list(Attachment.objects.filter(item_id=pk).only("id", "name").order_by("id"))
        if row["has_attachments"]
        else []
    )
    item.public_interpretations = (
        list(
            Item.objects.filter(PUBLIC, interprets_id=pk)
            .only("id", "public_title", "interpretation_form")
            .order_by("-published_at", "-id")
        )
        if row["has_interpretations"]
        else []
    )
    return item


def publication_years() -> list[int]:
    """The years from the newest to the oldest publication, for the year filter.

    Min/Max use the published_at index; ``dates()`` would call a Python function per
    row on SQLite (0.7 s per request at 20,000 items).
    """
    span = Item.objects.filter(PUBLIC).aggregate(
        first=Min("published_at"), last=Max("published_at")
    )
    if span["first"] is None:
        return []
    first, last = (timezone.localtime(span[k]).year for k in ("first", "last"))
    return list(range(last, first - 1, -1))


@dataclasses.dataclass(frozen=True)
class CatalogRow:
    """A row of the 主动公开基本目录 (seed 001: 名称、内容概述、责任部门、发布载体、网站链接)."""

    group: str
    section: str
    name: str
    summary: str
    department: str
    carriers: str
    url: str
    index_number: str
    published_on: dt.date | None


def _rank(ranks: dict[str, int]) -> Case:
    """A section code's place in ``ranks`` as an SQL expression (the catalog's order)."""
    whens = [When(section=code, then=Value(rank)) for code, rank in ranks.items()]
    return Case(*whens, default=Value(len(ranks)), output_field=IntegerField())


def catalog_items(*, organisation: int | None = None, section: str = "") -> QuerySet[Item]:
    """The catalog's items in its order, sorted by the database so that a page of it, or a
    download streamed from it, never holds the whole catalog (1,000,000 items on a shared
    platform): 共性 before 个性 (seed 001), then the sections in ``Section`` order, then
    newest first as ``items_published``. A ``section`` that is not a code is ignored."""
    groups = {SectionGroup.COMMON.value: 0, SectionGroup.SPECIFIC.value: 1}
    section = section if section in Section.values else ""
    items = items_published(ItemFilters(organisation=organisation, section=section))
    return (
        items.select_related(None)
        .select_related("organisation", "unit")
        .only(*CATALOG_FIELDS)
        .annotate(
            catalog_group=_rank({s: groups[SECTION_GROUPS[s]] for s in Section.values}),
            catalog_section=_rank({s: i for i, s in enumerate(Section.values)}),
        )
        .order_by("catalog_group", "catalog_section", "-published_at", "-id")
    )


# What a catalog row reads of an item (``catalog_row``); the drafts' fields stay unread.
CATALOG_FIELDS = (
    "id", "section", "public_title", "summary", "public_body", "carriers", "index_number",
    "published_at", "organisation__name", "unit__name",
)  # fmt: skip


def catalog_row(item: Item, base_url: str = "") -> CatalogRow:
    """One row of the 主动公开基本目录 for an item of ``catalog_items``."""
    from django.urls import reverse

    return CatalogRow(
        group=str(SectionGroup(SECTION_GROUPS[item.section]).label),
        section=item.get_section_display(),
        name=item.public_title,
        summary=item.summary or strip_tags(item.public_body)[:80],
        department=(item.unit or item.organisation).name,
        carriers=item.carriers,
        url=base_url + reverse("proactive:item", args=[item.pk]),
        index_number=item.index_number,
        published_on=item.published_at.astimezone(CHINA).date() if item.published_at else None,
    )


def catalog_rows(items: QuerySet[Item], base_url: str = "") -> Iterator[CatalogRow]:
    """The rows of ``items`` read in chunks: a download of the whole catalog streams."""
    for item in items.iterator(chunk_size=2000):
        yield catalog_row(item, base_url)


def proactive_catalog(*, organisation: int | None = None, base_url: str = "") -> list[CatalogRow]:
    """The whole catalog as a list (the API's ``/catalog``), in ``catalog_items`` order."""
    return [catalog_row(i, base_url) for i in catalog_items(organisation=organisation)]


def negative_list(organisation: int | None = None) -> QuerySet[NegativeListEntry]:
    entries = NegativeListEntry.objects.filter(is_active=True)
    queryset = scoped(entries, pk_field=None).select_related("organisation")
    if organisation:
        queryset = queryset.filter(organisation_id=organisation)
    return queryset.order_by("organisation_id", "category", "id")


def normative_document_public(pk: int) -> NormativeDocument:
    """One entry of the public register (every entry is public: the register is 条例 art. 20
    (二) content), with its clean-up decisions."""
    document = normative_register().filter(pk=pk).first() if is_id(pk) else None
    if document is None:
        raise Http404
    return document


def normative_register(
    *, organisation: int | None = None, status: str = ""
) -> QuerySet[NormativeDocument]:
    queryset = scoped(NormativeDocument.objects.all(), pk_field=None)
    queryset = queryset.select_related("organisation", "item")
    if organisation:
        queryset = queryset.filter(organisation_id=organisation)
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("-issued_on", "-id")


def cleanups_published() -> QuerySet[Cleanup]:
    cleanups = scoped(Cleanup.objects.all(), pk_field=None)
    return cleanups.select_related("organisation").prefetch_related(
        Prefetch("entries", queryset=CleanupEntry.objects.select_related("document"))
    )


def normative_document_counts(organisation: Organisation, year: int) -> dict[str, dict[str, int]]:
    """Yearly report section 二, table 第二十条第（一）项 (国办公开办函〔2021〕30号): per kind
    (规章, 行政规范性文件) the documents made this year (本年制发件数), repealed this year
    (本年废止件数) and in force at the end of the year (现行有效件数).

    Returns ``{"regulation": {"made", "repealed", "in_force"}, "normative": {...}}``.
    """
    year_end = dt.date(year, 12, 31)
    documents = NormativeDocument.objects.filter(organisation=organisation, issued_on__lte=year_end)
    counts = documents.values("kind").annotate(
        made=Count("pk", filter=Q(issued_on__year=year)),
        repealed=Count(
            "pk", filter=Q(status=NormativeStatus.REPEALED, status_changed_on__year=year)
        ),
        in_force=Count(
            "pk",
            filter=Q(status__in=NORMATIVE_IN_FORCE)
            | Q(status_changed_on__gt=year_end)
            & (Q(effective_until__isnull=True) | Q(effective_until__gte=year_end)),
        ),
    )
    result = {kind: {"made": 0, "repealed": 0, "in_force": 0} for kind in NormativeKind.values}
    for row in counts:
        result[row["kind"]] = {k: row[k] for k in ("made", "repealed", "in_force")}
    return result


def withheld_items(organisation_ids: list[int] | None) -> QuerySet[Item]:
    """The yearly self-check (seed 002): every withheld item, for re-decision."""
    queryset = Item.objects.filter(label=DisclosureLabel.WITHHELD, status=Status.FILED)
    if organisation_ids is not None:
        queryset = queryset.filter(organisation_id__in=organisation_ids)
    return (
        queryset.select_related("organisation", "unit", "negative_entry")
        .prefetch_related("self_checks")
        .order_by("organisation_id", "written_on", "id")
    )


class CatalogState(models.TextChoices):
    """How a catalog matter stands (computed, not stored; the page words each)."""

    ON_REQUEST = "on_request"
    LATE = "late"
    PENDING = "pending"
    MISSING = "missing"
    OK = "ok"


@dataclasses.dataclass(frozen=True)
class CatalogStatus:
    entry: StandardCatalogItem
    published: int  # items of this matter the public can read
    late: int  # published late, or still unpublished after their due day (条例 art. 26)
    pending: int = 0  # in preparation, not yet due
    items: tuple[tuple[Item, Timeliness], ...] = ()  # every item counted, with its timeliness

    @property
    def state(self) -> CatalogState:
        if self.entry.method == "依申请":
            return CatalogState.ON_REQUEST
        if self.late:
            return CatalogState.LATE
        if not self.published:
            return CatalogState.PENDING if self.pending else CatalogState.MISSING
        return CatalogState.OK

    @property
    def wanting(self) -> bool:
        """Missing or late: the row the page marks red."""
        return self.state in (CatalogState.MISSING, CatalogState.LATE)


def standard_catalog_status(
    organisation: Organisation, *, today: dt.date | None = None
) -> list[CatalogStatus]:
    """Each catalog matter: are its disclosures there, and on time? The rule is the
    publication clock's (``timeliness``): N working days (the entry's "形成或者变更之日起N个
    工作日内", 条例 art. 26) from the day the information was formed or changed, so an item
    entered late, or changed and not yet republished, counts as late from that day."""
    from gongkai.proactive.timeliness import item_timeliness

    today = today or timezone.localdate()
    in_scope = Item.objects.filter(label__in=PUBLISHABLE_LABELS, withdrawn_at__isnull=True).exclude(
        status=Status.FILED
    )
    entries = StandardCatalogItem.objects.filter(organisation=organisation).prefetch_related(
        Prefetch("items", queryset=in_scope.select_related("publish_clock"), to_attr="in_scope")
    )
    result = []
    for entry in entries.order_by("number"):
        rows = [
            (item, item_timeliness(item, working_days=entry.limit_working_days, today=today))
            for item in entry.in_scope
            if entry.limit_working_days
        ]
        result.append(
            CatalogStatus(
                entry,
                published=sum(item.is_public for item in entry.in_scope),
                late=sum(t.late for _item, t in rows),
                pending=sum(not item.is_public and not t.late for item, t in rows),
                items=tuple(rows),
            )
        )
    return result


def revision_diff(older: ItemRevision, newer: ItemRevision) -> list[tuple[str, str]]:
    """Line diff of two revisions' text and metadata: (kind, line) with kind in
    "same", "added", "removed"."""

    def lines(revision: ItemRevision) -> list[str]:
        meta = [f"{k}: {v}" for k, v in sorted(revision.metadata.items())]
        body = strip_tags(revision.body.replace("</p>", "</p>\n").replace("<br>", "\n"))
        return [revision.title, *meta, *[line for line in body.splitlines() if line.strip()]]

    kinds = {" ": "same", "+": "added", "-": "removed"}
    return [
        (kinds[line[0]], line[2:])
        for line in difflib.ndiff(lines(older), lines(newer))
        if line[0] in kinds
    ]


def negative_entries_due(
    organisation_ids: list[int] | None, today: dt.date | None = None
) -> QuerySet[NegativeListEntry]:
    """Active negative-list entries past their review date (flagged to the office)."""
    today = today or timezone.localdate()
    queryset = NegativeListEntry.objects.filter(is_active=True, review_on__lt=today)
    if organisation_ids is not None:
        queryset = queryset.filter(organisation_id__in=organisation_ids)
    return queryset.select_related("organisation").order_by("review_on", "id")


def negative_entry_history(entry: NegativeListEntry) -> QuerySet[NegativeListVersion]:
    return entry.versions.select_related("actor__staff_profile").order_by("number")


@dataclasses.dataclass(frozen=True)
class SelfCheckSummary:
    """The yearly self-check (条例 art. 18) of one body in figures."""

    year: int
    decided: int
    kept_withheld: int
    made_public: int  # 主动公开 or 删减后公开: reopened as drafts to publish
    on_request: int
    undecided: int
    negative_active: int
    negative_edited: int
    negative_retired: int
    negative_due: int

    def as_dict(self) -> dict[str, int]:
        return dataclasses.asdict(self)


def self_check_decisions(body: Organisation, year: int) -> QuerySet[SelfCheckDecision]:
    return (
        SelfCheckDecision.objects.filter(item__organisation=body, year=year)
        .select_related("item__unit", "item__negative_entry", "actor__staff_profile")
        .order_by("item__index_number")
    )


def self_check_undecided(body: Organisation, year: int) -> QuerySet[Item]:
    return (
        withheld_items([body.pk])
        .exclude(self_checks__year=year)
        .select_related("unit", "negative_entry")
        .order_by("index_number")
    )


def self_check_summary(body: Organisation, year: int) -> SelfCheckSummary:
    from gongkai.proactive.models import NegativeListVersion

    labels = Counter(self_check_decisions(body, year).values_list("label", flat=True))
    entries = NegativeListEntry.objects.filter(organisation=body)
    edited = NegativeListVersion.objects.filter(
        entry__organisation=body, change=NegativeListVersion.Change.EDITED, at__year=year
    )
    as_of = min(timezone.localdate(), dt.date(year, 12, 31))
    return SelfCheckSummary(
        year=year,
        decided=sum(labels.values()),
        kept_withheld=labels[DisclosureLabel.WITHHELD],
        made_public=labels[DisclosureLabel.PROACTIVE] + labels[DisclosureLabel.REDACTED],
        on_request=labels[DisclosureLabel.ON_REQUEST],
        undecided=self_check_undecided(body, year).count(),
        negative_active=entries.filter(is_active=True).count(),
        negative_edited=edited.values("entry").distinct().count(),
        negative_retired=entries.filter(retired_on__year=year).count(),
        negative_due=entries.filter(is_active=True, review_on__lt=as_of).count(),
    )


def self_check_years(body: Organisation) -> list[int]:
    """The current year and every year with a decision or a sign-off, newest first."""
    from gongkai.proactive.models import SelfCheck, SelfCheckDecision

    years = {timezone.localdate().year}
    years |= set(
        SelfCheckDecision.objects.filter(item__organisation=body).values_list("year", flat=True)
    )
    years |= set(SelfCheck.objects.filter(organisation=body).values_list("year", flat=True))
    return sorted(years, reverse=True)


# The report's providers look for these names here (gongkai.reports.providers).
from gongkai.proactive.statistics import publication_counts as publication_counts  # noqa: E402
from gongkai.proactive.statistics import (  # noqa: E402
    publication_statistics as publication_statistics,
)


def import_job_for(user: AnyUser, pk: int) -> ImportJob:
    """An import of a body the person sees, with each file's outcome and its draft; 404
    for anything else."""
    from gongkai.proactive.transitions import DRAFTING_ROLES

    if not has_role(user, *DRAFTING_ROLES):
        raise Http404
    jobs = ImportJob.objects.select_related("organisation")
    visible = organisation_ids_visible_to(user)
    if visible is not None:
        jobs = jobs.filter(organisation_id__in=visible)
    job = jobs.filter(pk=pk).first() if is_id(pk) else None
    if job is None:
        raise Http404
    files = list(job.files.defer("content"))
    items = Item.objects.in_bulk(f.result["item_id"] for f in files if "item_id" in f.result)
    for upload in files:
        upload.item = items.get(upload.result.get("item_id"))
    job.file_list = files
    job.done_count = sum(1 for f in files if f.done)
    return job
