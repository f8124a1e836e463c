from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class LedgerEntry(models.Model):
    """One state change, chained to the one before by SHA-256 (the 台账).

    ``seq`` counts from 1 without gaps; ``entry_hash`` covers every field below
    and ``prev_hash``, so editing or deleting a row breaks the chain. Only
    ``services.ledger_append`` creates rows; nothing updates them.
    """

    seq = models.PositiveBigIntegerField(_("number"), unique=True)
    created_at = models.DateTimeField(_("time"))
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    actor_name = models.CharField(_("actor"), max_length=150)
    action = models.CharField(_("action"), max_length=60)
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisation"),
    )
    object_type = models.CharField(_("object type"), max_length=60, blank=True)
    object_id = models.CharField(_("object id"), max_length=40, blank=True)
    object_repr = models.CharField(_("object"), max_length=200, blank=True)
    summary = models.JSONField(_("summary"), default=dict)
    prev_hash = models.CharField(max_length=64, unique=True)
    entry_hash = models.CharField(max_length=64, unique=True)

    class Meta:
        verbose_name = _("ledger entry")
        verbose_name_plural = _("ledger entries")
        ordering = ["seq"]
        indexes = [
            models.Index(fields=["organisation", "created_at"]),
            models.Index(fields=["object_type", "object_id"]),
        ]

    def __str__(self) -> str:
        return f"#{self.seq} {self.action}"


class LedgerAnchor(models.Model):
    """The ledger head hash recorded once a day, exportable for filing elsewhere.

    Verifying against anchors catches a cut-off tail, which a chain alone cannot.
    """

    day = models.DateField(_("day"), unique=True)
    seq = models.PositiveBigIntegerField(_("last entry"))
    head_hash = models.CharField(_("head hash"), max_length=64)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("ledger anchor")
        verbose_name_plural = _("ledger anchors")
        ordering = ["day"]

    def __str__(self) -> str:
        return f"{self.day} #{self.seq}"
