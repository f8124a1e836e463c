"""Disclosure applications (依申请公开) and what happens to them.

Lifecycle ``status`` and legal ``outcome`` are two fields: the outcome is a leaf of the
yearly report's section 三 (``gongkai.foi.outcomes.OUTCOME_LEAVES``), so the report
counts outcomes without translating anything. Only ``gongkai.foi.services`` writes these
rows (each write with its ledger entry).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Case
from gongkai.foi.outcomes import APPLICANT_PARTS, OUTCOME_LEAVES, column_label, row


def _outcome_label(code: str) -> str:
    # "1.属于国家秘密" alone is ambiguous: prefix the group, "（三）不予公开1.属于国家秘密".
    leaf = row(code)
    if leaf.parent is None:
        return leaf.label
    group = row(leaf.parent)
    return leaf.label if group.parent is None else f"{group.label}{leaf.label}"


# The labels of outcomes and applicant types are the official report texts.
OUTCOME_CHOICES = [(code, _outcome_label(code)) for code in OUTCOME_LEAVES]
APPLICANT_TYPE_CHOICES = [(code, column_label(code)) for code in APPLICANT_PARTS]


class Channel(models.TextChoices):
    """条例 art. 29; post and in person can never be refused (国办公开办函〔2017〕19号)."""

    ONLINE = "online", _("Online")
    # Art. 31(2): registered post is received the day the body signs for it; an ordinary
    # letter (no signature needed) the day the office confirms it with the applicant.
    REGISTERED_POST = "registered", _("Registered post")
    LETTER = "letter", _("Ordinary post")
    IN_PERSON = "in_person", _("In person")
    FAX = "fax", _("Fax")
    EMAIL = "email", _("E-mail")


class IdType(models.TextChoices):
    RESIDENT_ID = "resident_id", _("Resident identity card")
    PASSPORT = "passport", _("Passport")
    CREDIT_CODE = "credit_code", _("Unified social credit code")
    OTHER = "other", _("Other document")


class Form(models.TextChoices):
    """条例 art. 29(3): the form of receiving the information."""

    PAPER = "paper", _("Paper")
    ELECTRONIC = "electronic", _("Electronic")
    OTHER = "other", _("Other form")


class Delivery(models.TextChoices):
    """条例 art. 29(3): the way of receiving the information."""

    POST = "post", _("By post")
    EMAIL = "email", _("By e-mail")
    COLLECT = "collect", _("Collect in person")
    ONLINE = "online", _("View online")


class Status(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting confirmation")
    RECEIVED = "received", _("Received")
    AWAITING_SUPPLEMENT = "awaiting_supplement", _("Awaiting supplement")
    IN_CONSULTATION = "in_consultation", _("In consultation")
    EXTENDED = "extended", _("Extended")
    AWAITING_FEE = "awaiting_fee", _("Awaiting fee")
    # 条例 art. 35: a clearly excessive request; the applicant is asked for reasons.
    AWAITING_REASONS = "awaiting_reasons", _("Awaiting reasons")
    REPLIED = "replied", _("Replied")
    CLOSED = "closed", _("Closed")


# The allowed changes of status, and who may make them: gongkai.foi.transitions.


class ReplyGround(models.TextChoices):
    """The paragraph of 条例 art. 36 a reply rests on, where one report row holds two."""

    ALREADY_PUBLIC = "already_public", _("Already disclosed (art. 36(1))")
    DISCLOSED = "disclosed", _("Disclosed now (art. 36(2))")
    NOT_EXIST = "not_exist", _("Does not exist (art. 36(4))")
    NOT_OURS = "not_ours", _("Not this body's (art. 36(5))")


class Request(Case):
    """One disclosure application (政府信息公开申请)."""

    code = models.CharField(_("tracking code"), max_length=20, unique=True)
    # A salted, slow hash (make_password); 64-hex SHA-256 values of older rows still verify.
    secret_hash = models.CharField(_("tracking secret (hashed)"), max_length=128)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    applicant_type = models.CharField(
        _("applicant type"), max_length=20, choices=APPLICANT_TYPE_CHOICES
    )
    applicant_name = models.CharField(_("applicant name"), max_length=100)
    id_type = models.CharField(_("identity document"), max_length=12, choices=IdType.choices)
    id_number = models.CharField(_("identity document number"), max_length=40)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    address = models.CharField(_("address"), max_length=200, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    description = models.TextField(_("information sought"))
    document_number = models.CharField(_("document number"), max_length=100, blank=True)
    form = models.CharField(_("form"), max_length=10, choices=Form.choices)
    delivery = models.CharField(_("way of receiving"), max_length=10, choices=Delivery.choices)
    submitted_at = models.DateTimeField(_("submitted at"))
    received_on = models.DateField(_("received on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SUBMITTED
    )
    outcome = models.CharField(
        _("outcome"), max_length=40, choices=OUTCOME_CHOICES, null=True, blank=True
    )
    legal_basis = models.TextField(_("legal basis of the reply"), blank=True)
    # Art. 36 distinguishes replies the report counts in one row: (1) already disclosed and
    # (2) disclosed now are both 予以公开; (4) not existing and (5) not this body's both
    # 本机关不掌握. The ground says which, so the letter says the right thing.
    reply_ground = models.CharField(
        _("ground of the reply"), max_length=20, choices=ReplyGround.choices, blank=True
    )
    # Art. 36(1): where the applicant finds the information already disclosed (a link).
    published_at = models.CharField(_("where it is published"), max_length=300, blank=True)
    # Art. 36(5): the body responsible for the information, when known.
    responsible_body = models.CharField(_("responsible body"), max_length=200, blank=True)
    # Art. 32: disclosing over a third party's reasoned objection needs this reason.
    public_interest_reason = models.TextField(_("public-interest reason"), blank=True)
    replied_on = models.DateField(_("replied on"), null=True, blank=True)
    idempotency_key = models.CharField(
        _("idempotency key"), max_length=64, unique=True, null=True, blank=True
    )
    reply_clock = models.ForeignKey(
        "core.Clock",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reply time limit"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    # When the applicant's personal data was removed (retention period over).
    anonymised_at = models.DateTimeField(_("anonymised at"), null=True, blank=True)

    class Meta:
        verbose_name = _("disclosure request")
        verbose_name_plural = _("disclosure requests")
        ordering = ["-submitted_at", "-id"]
        indexes = [
            models.Index(fields=["organisation", "status"]),
            models.Index(fields=["unit", "status"]),
            models.Index(fields=["id_number", "received_on"]),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__isnull=True) | Q(status__in=[Status.REPLIED, Status.CLOSED]),
                name="foi_request_outcome_only_when_done",
            ),
            # An online application never confirmed can be closed without a receipt date
            # (and without an outcome: it was never received, the report does not count it).
            models.CheckConstraint(
                condition=Q(status=Status.SUBMITTED)
                | Q(received_on__isnull=False)
                | Q(status=Status.CLOSED, outcome__isnull=True),
                name="foi_request_received_on_after_confirmation",
            ),
        ]

    def __str__(self) -> str:
        return self.code


class RequestEvent(models.Model):
    """The request's timeline: one row per service call, a constant type and a payload."""

    class Type(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        RECEIVED = "received", _("Receipt confirmed")
        REGISTERED = "registered", _("Registered by staff")
        ASSIGNED = "assigned", _("Assigned")
        SUPPLEMENT_REQUESTED = "supplement_requested", _("Supplement requested")
        SUPPLEMENT_RECEIVED = "supplement_received", _("Supplement received")
        SUPPLEMENT_LAPSED = "supplement_lapsed", _("Supplement not received in time")
        CONSULTED = "consulted", _("Consultation sent")
        CONSULTATION_ANSWERED = "consultation_answered", _("Consultation answered")
        EXTENDED = "extended", _("Reply period extended")
        FEE_NOTIFIED = "fee_notified", _("Fee notice sent")
        FEE_PAID = "fee_paid", _("Fee paid")
        FEE_LAPSED = "fee_lapsed", _("Fee not paid in time")
        REPLIED = "replied", _("Replied")
        CLOSED = "closed", _("Closed")
        REMEDY = "remedy", _("Review or lawsuit recorded")
        CONSULTATION_ENDED = "consultation_ended", _("Consultation period ended without answer")
        REASONS_ASKED = "reasons_asked", _("Reasons asked (art. 35)")
        REASONS_ACCEPTED = "reasons_accepted", _("Reasons accepted (art. 35)")
        LETTER_ISSUED = "letter_issued", _("Letter issued")
        LETTER_DELIVERED = "letter_delivered", _("Letter delivered")

    request = models.ForeignKey(
        Request, on_delete=models.CASCADE, related_name="events", verbose_name=_("request")
    )
    type = models.CharField(_("type"), max_length=24, choices=Type.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("actor"),
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    payload = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("request event")
        verbose_name_plural = _("request events")
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.request} {self.type}"


class Supplement(models.Model):
    """条例 art. 30: one notice, listing everything to supplement, with a reasonable period."""

    request = models.ForeignKey(
        Request, on_delete=models.CASCADE, related_name="supplements", verbose_name=_("request")
    )
    notified_on = models.DateField(_("notice date"))
    items = models.TextField(_("items to supplement"))
    deadline = models.DateField(_("deadline"))
    received_on = models.DateField(_("received on"), null=True, blank=True)
    lapsed_on = models.DateField(_("lapsed on"), null=True, blank=True)
    # A period shorter than the office's minimum needs a recorded reason.
    short_period_reason = models.TextField(_("reason for a short period"), blank=True)

    class Meta:
        verbose_name = _("supplement notice")
        verbose_name_plural = _("supplement notices")
        constraints = [
            # Art. 30 "一次性告知": one notice per request, ever. Unconditional on purpose:
            # a notice once sent cannot be withdrawn and followed by a second one.
            models.UniqueConstraint(fields=["request"], name="foi_one_supplement_per_request"),
        ]

    def __str__(self) -> str:
        return f"{self.request} {self.notified_on}"


class Consultation(models.Model):
    """条例 art. 32 (third party) and art. 34 (other agency)."""

    class Kind(models.TextChoices):
        THIRD_PARTY = "third_party", _("Third party")
        OTHER_AGENCY = "other_agency", _("Other agency")

    request = models.ForeignKey(
        Request,
        on_delete=models.CASCADE,
        related_name="consultations",
        verbose_name=_("request"),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    party = models.CharField(_("consulted party"), max_length=200)
    sent_on = models.DateField(_("sent on"))
    # Art. 32: the 15 working days count from the day the party received the letter (the
    # delivery date recorded on the letter); until then the due date counts from sending
    # and is provisional.
    notice_received_on = models.DateField(_("letter received on"), null=True, blank=True)
    answer_due = models.DateField(_("answer due"), null=True, blank=True)
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    is_silent = models.BooleanField(_("no answer in time"), default=False)
    has_objection = models.BooleanField(_("objects to disclosure"), default=False)
    objection_reasons = models.TextField(_("reasons of the objection"), blank=True)
    clock = models.ForeignKey(
        "core.Clock",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("time limit"),
    )

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["sent_on", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(answered_on__isnull=True),
                name="foi_one_open_consultation_per_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request} {self.party}"


class FeeNotice(models.Model):
    """国办函〔2020〕109号: a processing-fee notice, per application or per page, never both."""

    class Basis(models.TextChoices):
        PER_APPLICATION = "per_application", _("Per application")
        PER_PAGE = "per_page", _("Per page")

    request = models.ForeignKey(
        Request, on_delete=models.CASCADE, related_name="fee_notices", verbose_name=_("request")
    )
    basis = models.CharField(_("basis"), max_length=16, choices=Basis.choices)
    quantity = models.PositiveIntegerField(_("quantity"))
    amount = models.PositiveIntegerField(_("amount (yuan)"))
    sent_on = models.DateField(_("sent on"))
    # 109号: 20 working days from the day after the applicant received the notice.
    notice_received_on = models.DateField(_("notice received on"), null=True, blank=True)
    payment_due = models.DateField(_("payment due"), null=True, blank=True)
    paid_on = models.DateField(_("paid on"), null=True, blank=True)
    lapsed_on = models.DateField(_("lapsed on"), null=True, blank=True)
    paused_reply_clock = models.BooleanField(_("paused the reply period"), default=False)
    clock = models.ForeignKey(
        "core.Clock",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("time limit"),
    )

    class Meta:
        verbose_name = _("fee notice")
        verbose_name_plural = _("fee notices")
        constraints = [
            models.UniqueConstraint(
                fields=["request"],
                condition=Q(paid_on__isnull=True, lapsed_on__isnull=True),
                name="foi_one_open_fee_notice_per_request",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.request} {self.amount}"


class ReasonsInquiry(models.Model):
    """条例 art. 35: the applicant asked for the reasons of a clearly excessive request."""

    request = models.OneToOneField(
        Request, on_delete=models.CASCADE, related_name="reasons_inquiry", verbose_name=_("request")
    )
    asked_on = models.DateField(_("asked on"))
    grounds = models.TextField(_("why the request looks excessive"))
    deadline = models.DateField(_("deadline for the reasons"))
    answered_on = models.DateField(_("reasons received on"), null=True, blank=True)
    answer = models.TextField(_("reasons given"), blank=True)
    is_reasonable = models.BooleanField(_("reasons found reasonable"), null=True, blank=True)
    reply_by = models.DateField(_("later reply time"), null=True, blank=True)

    class Meta:
        verbose_name = _("request for reasons")
        verbose_name_plural = _("requests for reasons")

    def __str__(self) -> str:
        return f"{self.request} {self.asked_on}"


class BodySettings(models.Model):
    """What a body sets for its disclosure work: whom the reply names for remedies
    (行政复议法 (2023) arts. 20, 23, 24; 行政诉讼法 art. 18) and the minimum supplement period."""

    organisation = models.OneToOneField(
        "core.Organisation",
        on_delete=models.CASCADE,
        related_name="foi_settings",
        verbose_name=_("public body"),
    )
    review_authority = models.CharField(_("administrative review authority"), max_length=100)
    court = models.CharField(_("people's court"), max_length=100)
    supplement_minimum_days = models.PositiveSmallIntegerField(
        _("minimum supplement period (working days)"), default=10
    )

    class Meta:
        verbose_name = _("disclosure settings")
        verbose_name_plural = _("disclosure settings")

    def __str__(self) -> str:
        return str(self.organisation)


class Remedy(models.Model):
    """行政复议 / 行政诉讼 against a reply; columns of the yearly report's section 四."""

    class Kind(models.TextChoices):
        REVIEW = "review", _("Administrative review")
        LITIGATION_DIRECT = "litigation_direct", _("Lawsuit without prior review")
        LITIGATION_AFTER_REVIEW = "litigation_after_review", _("Lawsuit after review")

    class Result(models.TextChoices):
        UPHELD = "upheld", _("Upheld")
        CORRECTED = "corrected", _("Corrected")
        OTHER = "other", _("Other result")
        PENDING = "pending", _("Not yet concluded")

    request = models.ForeignKey(
        Request, on_delete=models.CASCADE, related_name="remedies", verbose_name=_("request")
    )
    kind = models.CharField(_("kind"), max_length=24, choices=Kind.choices)
    filed_on = models.DateField(_("filed on"))
    result = models.CharField(
        _("result"), max_length=10, choices=Result.choices, default=Result.PENDING
    )
    decided_on = models.DateField(_("decided on"), null=True, blank=True)

    class Meta:
        verbose_name = _("review or lawsuit")
        verbose_name_plural = _("reviews and lawsuits")
        ordering = ["filed_on", "id"]

    def __str__(self) -> str:
        return f"{self.request} {self.kind}"


# Letters, reminders, SMS and attachments live in their own modules; imported here so
# ``gongkai.foi.models`` stays the one place to import any model from.
from gongkai.foi.models.attachments import RequestAttachment  # noqa: E402
from gongkai.foi.models.letters import (  # noqa: E402
    Letter,
    LetterDelivery,
    LetterKind,
    LetterNumbering,
    LetterTemplate,
    OverdueList,
    Reminder,
    SmsMessage,
)
from gongkai.foi.models.personal_data import IdentityView, RetentionPolicy  # noqa: E402

__all__ = [
    "APPLICANT_TYPE_CHOICES",
    "BodySettings",
    "ReasonsInquiry",
    "ReplyGround",
    "OUTCOME_CHOICES",
    "Channel",
    "Consultation",
    "Delivery",
    "FeeNotice",
    "Form",
    "IdType",
    "IdentityView",
    "Letter",
    "LetterDelivery",
    "LetterKind",
    "LetterNumbering",
    "LetterTemplate",
    "OverdueList",
    "Reminder",
    "Remedy",
    "Request",
    "RequestAttachment",
    "RequestEvent",
    "RetentionPolicy",
    "SmsMessage",
    "Status",
    "Supplement",
]
