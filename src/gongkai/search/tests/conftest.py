"""Fixtures: the real seed documents plus a few planted ones, indexed in a tmp dir."""

import os
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.db import connection

from gongkai.search.analysis import normalize
from gongkai.search.backends import get_backend, reset_backend
from gongkai.search.documents import SearchDocument


def _seeds_dir() -> Path | None:
    if os.environ.get("GONGKAI_SEEDS_DIR"):
        return Path(os.environ["GONGKAI_SEEDS_DIR"])
    # The package's own copies of seeds 000–003 (what the demo loads), in every clone.
    return Path(__file__).resolve().parents[2] / "proactive" / "data" / "seeds"


SEEDS = _seeds_dir()
# id, file prefix, title, organisation, section, kind, published date
SEED_META = [
    (
        "seed-000",
        "000",
        "湛江市公安局全面推进政务公开工作实施方案",
        "湛江市公安局",
        "plans",
        "notice",
        (2017, 6, 26),
    ),
    (
        "seed-001",
        "001",
        "西市区2018年政务公开工作要点",
        "西市区人民政府",
        "plans",
        "work-points",
        (2018, 8, 23),
    ),
    (
        "seed-002",
        "002",
        "长治市公安局上党分局2023年度政务公开工作考核方案",
        "长治市公安局上党分局",
        "assessment",
        "notice",
        (2023, 3, 1),
    ),
    (
        "seed-003",
        "003",
        "云南省公安厅2017年政府信息公开工作年度报告",
        "云南省公安厅",
        "reports",
        "yearly-report",
        (2018, 1, 15),
    ),
]
# Planted documents: rare names, a near miss for contiguity, markup to escape.
PLANTED = [
    (
        "plant-1",
        "沁源县统计局关于落实河长制的通知",
        "沁源县统计局全面落实河长制,公开河长名单和预算。",
        "沁源县统计局",
        "notices",
        "notice",
        (2024, 5, 6),
    ),
    (
        "plant-2",
        "沁源县 统计局 工作简报",
        "本期介绍沁源县的统计工作,统计局局长讲话;河长 制度另行公布。",
        "沁源县人民政府",
        "notices",
        "bulletin",
        (2022, 2, 3),
    ),
    (
        "plant-3",
        "户籍<b>业务</b>须知",
        "办理户籍业务请携带身份证 & 户口簿,<script>alert(1)</script>",
        "沁源县公安局",
        "services",
        "guide",
        (2019, 9, 9),
    ),
]


def _doc(doc_id, title, body, org, section, kind, ymd) -> SearchDocument:
    published = datetime(*ymd, 9, 0, tzinfo=UTC)
    return SearchDocument(
        id=doc_id,
        title=title,
        body=body,
        url=f"/items/{doc_id}/",
        organisation=org,
        section=section,
        year=published.year,
        kind=kind,
        published_at=published,
    )


@pytest.fixture(scope="session")
def seed_documents() -> list[SearchDocument]:
    if SEEDS is None or not SEEDS.is_dir():
        pytest.skip(f"seed documents not found in {SEEDS} (GONGKAI_SEEDS_DIR)")
    docs = []
    for doc_id, prefix, title, org, section, kind, ymd in SEED_META:
        path = next(SEEDS.glob(f"{prefix}_*.txt"))
        docs.append(_doc(doc_id, title, path.read_text(encoding="utf-8"), org, section, kind, ymd))
    docs += [_doc(*row) for row in PLANTED]
    return docs


def expected_ids(docs: list[SearchDocument], *terms: str) -> set[str]:
    """The ground truth: documents whose normalized title or body contains every term."""
    return {
        d.id
        for d in docs
        if all(normalize(t) in normalize(d.title) + "\n" + normalize(d.body) for t in terms)
    }


BACKENDS = ["tantivy", "postgres"]


@pytest.fixture(params=BACKENDS)
def backend(request, settings, tmp_path, db):
    """An empty backend of each kind (postgres only when the database is PostgreSQL)."""
    if request.param == "postgres" and connection.vendor != "postgresql":
        pytest.skip("the postgres search backend needs DATABASE_URL=postgres://…")
    settings.GONGKAI_SEARCH_BACKEND = request.param
    settings.GONGKAI_SEARCH_DIR = str(tmp_path / "search")
    reset_backend()
    yield get_backend()
    reset_backend()


@pytest.fixture
def indexed(backend, seed_documents):
    backend.index_documents(seed_documents)
    return backend
