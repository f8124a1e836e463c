"""Search data kept in the database: the op queue that keeps any index consistent with
the domain tables, and the entries of the PostgreSQL backend."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingIndexOp(models.Model):
    """An index change written in the same transaction as the domain change.

    Applied right after commit; if the process dies first (or the index is locked or
    broken) the row stays and ``sync_pending`` applies it later, so the index heals.
    """

    class Op(models.TextChoices):
        UPSERT = "upsert", _("Add or update")
        DELETE = "delete", _("Delete")

    doc_id = models.CharField(_("document id"), max_length=200, db_index=True)
    op = models.CharField(_("operation"), max_length=10, choices=Op.choices)
    # The SearchDocument for an upsert, so a later sync needs no domain code.
    payload = models.JSONField(_("document"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("pending index operation")
        verbose_name_plural = _("pending index operations")

    def __str__(self) -> str:
        return f"{self.op} {self.doc_id}"


class SearchEntry(models.Model):
    """One document in the PostgreSQL backend.

    ``norm`` (normalized title + body) carries a pg_trgm GIN index for substrings of three
    or more characters; ``grams`` (distinct CJK bigrams and characters, space-joined)
    feeds a generated ``grams_tsv`` tsvector column with a GIN index for one- and
    two-character terms, which trigrams cannot serve. Both indexes exist only on
    PostgreSQL (see the migration).
    """

    doc_id = models.CharField(_("document id"), max_length=200, unique=True)
    title = models.TextField(_("title"))
    body = models.TextField(_("body"), blank=True)
    url = models.CharField(_("URL"), max_length=500, blank=True)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    section = models.CharField(_("section"), max_length=200, blank=True)
    year = models.IntegerField(_("year"), default=0)
    kind = models.CharField(_("kind"), max_length=100, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)
    norm_title = models.TextField(blank=True)
    norm = models.TextField(blank=True)
    grams = models.TextField(blank=True)
    title_words = models.TextField(blank=True)
    # Days since 1970-01-01 UTC of published_at (0 without): the PostgreSQL backend
    # narrows a query to the newest entries inside its GIN indexes (migration 0004).
    day = models.IntegerField(default=0)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")
        indexes = [
            models.Index(fields=["published_at"], name="search_entry_published"),
            models.Index(fields=["organisation", "year"], name="search_entry_org_year"),
        ]

    def __str__(self) -> str:
        return self.title


class SearchSynonym(models.Model):
    """A group of words the site search treats as one (年报 = 年度报告): a query with any
    of them also finds the others. Edited by the openness office on the workbench."""

    words = models.CharField(_("words"), max_length=200, unique=True)  # space-separated
    note = models.CharField(_("note"), max_length=200, blank=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["id"]
        verbose_name = _("search synonym")
        verbose_name_plural = _("search synonyms")

    def __str__(self) -> str:
        return self.words

    @property
    def word_list(self) -> list[str]:
        return self.words.split()
