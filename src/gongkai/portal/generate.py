"""Generated published information items for realistic volume (``gongkai demo --items N``).

For speed the rows are bulk-created (not through proactive's review workflow, which would
take minutes per thousand): each item gets its first revision, is published at a date
spread over 2017–2025, and is indexed for search in batches. One ledger entry records the
generation. Idempotent: items carry the idempotency key ``demo-gen-<n>``, so running it
again only adds the missing ones.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable
from pathlib import Path

from django.db.models import OuterRef, Subquery
from django.urls import NoReverseMatch
from django.utils.translation import gettext as _

from gongkai.core.clockmath import CHINA
from gongkai.core.models import Organisation
from gongkai.core.services import ledger_append
from gongkai.proactive.law import Section
from gongkai.proactive.models import Genre, Item, ItemRevision, Status, Topic

KEY_PREFIX = "demo-gen-"
BATCH = 2000
SEEDS_DIR = Path(__file__).resolve().parent.parent / "proactive" / "data" / "seeds"
SUBJECTS = [
    "进一步加强户籍管理工作",
    "做好政务公开考核工作",
    "规范行政执法公示",
    "开展道路交通安全专项整治",
    "推进“互联网+政务服务”",
    "做好出入境证件办理服务",
    "加强政务舆情回应",
    "落实河长制工作",
    "开展政府信息公开自查",
    "做好重大行政决策预公开",
    "加强网络安全等级保护",
    "规范公安行政处罚裁量",
    "推进公共资源交易信息公开",
    "做好居民身份证办理便民服务",
    "加强校园周边治安防控",
    "规范涉案财物管理",
    "开展禁毒宣传教育",
    "优化营商环境便民利企",
    "做好消防安全检查",
    "推进平安社区建设",
]
GENRES = ["通知", "公告", "意见", "方案", "报告", "通报", "办法"]


def _sentences() -> list[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS_DIR.glob("*.txt")))
    parts = [s.strip() + "。" for s in re.split(r"[。\n]", text)]
    return [s for s in parts if 12 <= len(s) <= 160] or ["本机关依法做好政府信息公开工作。"]


def _published_at(rng: random.Random) -> dt.datetime:
    day = dt.date(2017, 1, 1) + dt.timedelta(days=rng.randrange(9 * 365))
    return dt.datetime.combine(day, dt.time(9 + rng.randrange(8), rng.randrange(60)), tzinfo=CHINA)


def _item(n: int, rng: random.Random, bodies, sentences, topics, genres) -> Item:
    body = bodies[n % len(bodies)]
    published = _published_at(rng)
    title = f"{body.name}关于{rng.choice(SUBJECTS)}的{rng.choice(GENRES)}（{n}）"
    text = "\n".join(rng.sample(sentences, k=min(len(sentences), rng.randint(4, 8))))
    html = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    return Item(
        organisation=body,
        index_number=f"{body.credit_code}/G{published.year}-{n:07d}",
        title=title,
        summary=text[:80],
        written_on=published.date(),
        topic=rng.choice(topics) if topics else None,
        genre=rng.choice(genres) if genres else None,
        section=rng.choice(Section.values),
        body=html,
        status=Status.PUBLISHED,
        published_at=published,
        public_title=title,
        public_body=html,
        idempotency_key=f"{KEY_PREFIX}{n}",
    )


def _index(items: list[Item]) -> bool:
    from gongkai.proactive.services.search import item_document
    from gongkai.search.backends import get_backend

    try:
        documents = [item_document(item) for item in items]
    except NoReverseMatch:
        return False  # proactive's item page is not there yet: `gongkai search reindex` later
    get_backend().index_documents(documents)
    return True


def _batch(start: int, end: int, rng, bodies, sentences, topics, genres) -> list[Item]:
    items = Item.objects.bulk_create(
        [_item(n, rng, bodies, sentences, topics, genres) for n in range(start, end)]
    )
    ItemRevision.objects.bulk_create(
        ItemRevision(item=i, number=1, title=i.title, body=i.body, note="generated") for i in items
    )
    first = ItemRevision.objects.filter(item=OuterRef("pk"), number=1).values("pk")[:1]
    Item.objects.filter(pk__in=[i.pk for i in items]).update(published_revision=Subquery(first))
    return items


def items_generate(*, count: int, actor, log: Callable[[str], None] = print) -> int:
    """Create generated items until ``count`` exist; returns how many were created now."""
    existing = Item.objects.filter(idempotency_key__startswith=KEY_PREFIX).count()
    if existing >= count:
        return 0
    bodies = list(Organisation.objects.filter(kind=Organisation.Kind.BODY).exclude(credit_code=""))
    if not bodies:
        log(_("No public body with a credit code: load the organisations first."))
        return 0
    rng = random.Random(existing)  # noqa: S311 - demo text, not security
    sentences, topics, genres = _sentences(), list(Topic.objects.all()), list(Genre.objects.all())
    indexed = True
    for start in range(existing, count, BATCH):
        end = min(start + BATCH, count)
        items = _batch(start, end, rng, bodies, sentences, topics, genres)
        indexed = _index(items) and indexed
        log(_("%(done)d of %(total)d items.") % {"done": end, "total": count})
    if not indexed:
        log(_("Items were not indexed for search: run “gongkai search reindex”."))
    ledger_append(
        actor=actor,
        action="portal.items_generate",
        summary={"created": count - existing, "total": count},
    )
    return count - existing
