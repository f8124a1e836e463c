"""Letters (告知书), their numbering and templates; reminders, overdue lists and SMS."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    """The letters of a request: the acknowledgement and every notice, and the reply."""

    RECEIPT = "receipt", _("Acknowledgement of receipt")
    SUPPLEMENT = "supplement", _("Supplement notice")
    EXTENSION = "extension", _("Extension notice")
    THIRD_PARTY = "third_party", _("Third-party consultation letter")
    FEE = "fee", _("Processing fee notice")
    REPLY = "reply", _("Reply letter")
    # 条例 art. 32: disclosure over a third party's objection, told to it in writing.
    DISCLOSURE = "disclosure", _("Notice to the third party of disclosure")
    # 条例 art. 35: asking the applicant for the reasons of a clearly excessive request.
    REASONS = "reasons", _("Request for reasons")


class LetterDelivery(models.TextChoices):
    """How a letter reached its addressee (送达方式)."""

    POST = "post", _("By post")
    IN_PERSON = "in_person", _("Handed over in person")
    EMAIL = "email", _("By e-mail")
    ONLINE = "online", _("Online")
    FAX = "fax", _("By fax")


class LetterNumbering(models.Model):
    """A body's letter prefix, e.g. 湛公信 gives 湛公信复〔2026〕第12号."""

    organisation = models.OneToOneField(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="foi_letter_numbering",
        verbose_name=_("public body"),
    )
    prefix = models.CharField(_("letter number prefix"), max_length=20)

    class Meta:
        verbose_name = _("letter numbering")
        verbose_name_plural = _("letter numberings")

    def __str__(self) -> str:
        return self.prefix


class LetterTemplate(models.Model):
    """A body's own .docx for one kind of letter; without one the shipped default is used."""

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="foi_letter_templates",
        verbose_name=_("public body"),
    )
    kind = models.CharField(_("kind of letter"), max_length=12, choices=LetterKind.choices)
    file = models.FileField(_("template (.docx)"), upload_to="foi/letter-templates/")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("uploaded by"),
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now=True)

    class Meta:
        verbose_name = _("letter template")
        verbose_name_plural = _("letter templates")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind"], name="foi_one_letter_template_per_kind"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.kind}"


class Letter(models.Model):
    """One generated letter, numbered per body, kind and year (…〔2026〕第12号)."""

    request = models.ForeignKey(
        "foi.Request", on_delete=models.CASCADE, related_name="letters", verbose_name=_("request")
    )
    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.PROTECT,
        related_name="foi_letters",
        verbose_name=_("public body"),
    )
    kind = models.CharField(_("kind of letter"), max_length=12, choices=LetterKind.choices)
    # What the letter is about when a request can have several of a kind ("consultation:7").
    subject_key = models.CharField(_("subject of the letter"), max_length=40, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveIntegerField(_("sequence number"))
    number = models.CharField(_("letter number"), max_length=60)
    issued_on = models.DateField(_("date of the letter"))
    file = models.FileField(_("letter (.docx)"), upload_to="foi/letters/", max_length=200)
    pdf = models.FileField(_("letter (PDF)"), upload_to="foi/letters/", max_length=200, blank=True)
    uploaded_template = models.ForeignKey(
        LetterTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("template used"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("created by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    delivered_on = models.DateField(_("delivered on"), null=True, blank=True)
    delivery_method = models.CharField(
        _("delivery method"), max_length=10, choices=LetterDelivery.choices, blank=True
    )

    class Meta:
        verbose_name = _("official letter")
        verbose_name_plural = _("official letters")
        ordering = ["issued_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "kind", "year", "sequence"],
                name="foi_letter_number_unique",
            ),
            models.UniqueConstraint(
                fields=["request", "kind", "subject_key"], name="foi_one_letter_per_subject"
            ),
            models.CheckConstraint(
                condition=Q(delivered_on__isnull=True, delivery_method="")
                | Q(delivered_on__isnull=False) & ~Q(delivery_method=""),
                name="foi_letter_delivery_complete",
            ),
        ]

    def __str__(self) -> str:
        return self.number


class Reminder(models.Model):
    """One reminder of a reply due date; unique per clock, due date and threshold, so a
    second sweep sends nothing twice and an extended period gets its own reminders."""

    clock = models.ForeignKey(
        "core.Clock", on_delete=models.CASCADE, related_name="+", verbose_name=_("time limit")
    )
    request = models.ForeignKey(
        "foi.Request", on_delete=models.CASCADE, related_name="reminders", verbose_name=_("request")
    )
    due_on = models.DateField(_("due on"))
    # Working days left when sent (5, 3, 1); 0 for the overdue reminder.
    threshold = models.PositiveSmallIntegerField(_("working days before the due date"))
    sent_on = models.DateField(_("sent on"))
    recipients = models.JSONField(_("recipients"), default=list, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("reminder")
        verbose_name_plural = _("reminders")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["clock", "due_on", "threshold"], name="foi_one_reminder_per_threshold"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request} {self.threshold}"


class OverdueList(models.Model):
    """The daily list of overdue requests sent to a body's openness office, once a day."""

    organisation = models.ForeignKey(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("public body"),
    )
    day = models.DateField(_("day"))
    codes = models.JSONField(_("overdue requests"), default=list)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("overdue list")
        verbose_name_plural = _("overdue lists")
        constraints = [
            models.UniqueConstraint(fields=["organisation", "day"], name="foi_one_overdue_list"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.day}"


class SmsMessage(models.Model):
    """What the recording SMS sender would have sent (the default, no gateway needed)."""

    phone = models.CharField(_("phone"), max_length=40)
    message = models.TextField(_("message"))
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("SMS message")
        verbose_name_plural = _("SMS messages")
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return self.phone
