"""The office's synonym table (年报 = 年度报告, 户口 = 户籍): services and selectors.

A query term containing a word of a group also matches the same term with each other
word of that group (``analysis.expand``). The table is small; each process keeps it for
``TABLE_SECONDS`` and rereads it at once after its own writes, so an edit takes effect
everywhere within that time.
"""

from __future__ import annotations

import threading
import time

from django.db import transaction
from django.utils.translation import gettext as _

from gongkai.core.access import has_role
from gongkai.core.errors import PermissionDeniedError, ServiceError
from gongkai.core.models import Role
from gongkai.core.services import ledger_append

from .analysis import Synonyms, index_text, synonym_map
from .models import SearchSynonym

TABLE_SECONDS = 60
MAX_WORDS = 8
WORD_CHARS = (2, 20)
# The rows migration 0005 starts with: common short forms of public-service words.
# (Data the office reads and edits, so the notes are Chinese.)
SEED_GROUPS = [
    ("年报 年度报告", "“年度报告”的简称"),
    ("户口 户籍", "户籍业务的常用说法"),
    ("社保 社会保险", "“社会保险”的简称"),
    ("医保 医疗保险 医疗保障", "医疗保险、医疗保障"),
    ("公积金 住房公积金", "“住房公积金”的简称"),
]

_lock = threading.Lock()
_table: tuple[float, Synonyms] | None = None


def _require_office(actor) -> None:
    if actor is None or not has_role(actor, Role.OFFICE, Role.ADMIN):
        raise PermissionDeniedError("office_only", _("Only the openness office can do this."))


def clean_words(text: str) -> str:
    """Words separated by spaces, commas or 、; folded (traditional → simplified, full-width
    → half-width); each 2–20 characters; 2–8 distinct words."""
    for separator in ",，、;；=":
        text = text.replace(separator, " ")
    words = list(dict.fromkeys(index_text(w) for w in text.split()))
    if not 2 <= len(words) <= MAX_WORDS:
        raise ServiceError(
            "synonym_words",
            _("A synonym group has from 2 to %(n)d different words.") % {"n": MAX_WORDS},
        )
    low, high = WORD_CHARS
    for word in words:
        if not low <= len(word) <= high:
            raise ServiceError(
                "synonym_word_length",
                _("Each word has from %(low)d to %(high)d characters: “%(word)s”.")
                % {"low": low, "high": high, "word": word},
            )
    return " ".join(words)


def _record(actor, action: str, synonym: SearchSynonym) -> None:
    ledger_append(
        actor=actor,
        action=f"search.{action}",
        obj=synonym,
        summary={"words": synonym.words},
    )


def synonym_add(*, actor, words: str, note: str = "") -> SearchSynonym:
    _require_office(actor)
    words = clean_words(words)
    if SearchSynonym.objects.filter(words=words).exists():
        raise ServiceError("synonym_exists", _("This synonym group exists already."))
    with transaction.atomic():
        synonym = SearchSynonym.objects.create(words=words, note=note.strip()[:200])
        _record(actor, "synonym_add", synonym)
    _forget_now_and_on_commit()
    return synonym


def synonym_update(*, actor, synonym: SearchSynonym, words: str, note: str = "") -> SearchSynonym:
    _require_office(actor)
    words = clean_words(words)
    if SearchSynonym.objects.filter(words=words).exclude(pk=synonym.pk).exists():
        raise ServiceError("synonym_exists", _("This synonym group exists already."))
    with transaction.atomic():
        SearchSynonym.objects.filter(pk=synonym.pk).update(words=words, note=note.strip()[:200])
        synonym.refresh_from_db()
        _record(actor, "synonym_update", synonym)
    _forget_now_and_on_commit()
    return synonym


def synonym_remove(*, actor, synonym: SearchSynonym) -> None:
    _require_office(actor)
    with transaction.atomic():
        _record(actor, "synonym_remove", synonym)
        synonym.delete()
    _forget_now_and_on_commit()


# ------------------------------------------------------------------ reads


def synonyms_list():
    return SearchSynonym.objects.order_by("id")


def synonym_table() -> Synonyms:
    """Each word → the other words of its group, for ``parse_query`` (cached briefly)."""
    global _table
    now = time.monotonic()
    with _lock:
        if _table is not None and _table[0] > now:
            return _table[1]
    groups = [row.split() for row in SearchSynonym.objects.values_list("words", flat=True)]
    table = synonym_map(groups)
    with _lock:
        _table = (now + TABLE_SECONDS, table)
    return table


def _forget_now_and_on_commit() -> None:
    """This process rereads the table at once; after commit again, in case a search read
    the old rows in between."""
    forget_table()
    transaction.on_commit(forget_table)


def forget_table() -> None:
    global _table
    with _lock:
        _table = None
