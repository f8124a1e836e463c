"""NPC suggestions (人大代表建议) and CPPCC proposals (政协委员提案) and their replies."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.core.models import Case


class Proposal(Case):
    class Kind(models.TextChoices):
        NPC_SUGGESTION = "npc_suggestion", _("NPC deputy's suggestion")
        CPPCC_PROPOSAL = "cppcc_proposal", _("CPPCC member's proposal")

    class Status(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        ASSIGNED = "assigned", pgettext_lazy("to a handling unit", "Assigned")
        REPLIED = "replied", _("Replied")
        PUBLISHED = "published", _("Reply published")
        WITHHELD = "withheld", _("Reply not published")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    session = models.CharField(_("session"), max_length=100)
    number = models.CharField(_("proposal number"), max_length=20)
    title = models.CharField(_("title"), max_length=200)
    proposers = models.CharField(_("proposers"), max_length=200)
    body = models.TextField(_("text"))
    received_on = models.DateField(_("assigned on"))
    due_on = models.DateField(_("reply due on"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.REGISTERED
    )
    reply_text = models.TextField(_("reply"), blank=True)
    reply_summary = models.CharField(_("content summary"), max_length=200, blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    signatory = models.CharField(_("signed by"), max_length=50, blank=True)
    withheld_reason = models.CharField(_("reason for not publishing"), max_length=300, blank=True)
    published_at = models.DateTimeField(_("published at"), null=True, blank=True)

    class Meta:
        verbose_name = _("suggestion or proposal")
        verbose_name_plural = _("suggestions and proposals")
        ordering = ["-received_on", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "session", "number"], name="proposal_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.session}{self.number}"
