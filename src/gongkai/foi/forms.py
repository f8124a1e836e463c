"""Forms of disclosure on request: they parse input; the services decide.

A form only checks shape (required, lengths, file type); every rule of the law is checked by
the service it feeds, and a refusal comes back as the service's message on the same page.
"""

from __future__ import annotations

import string
import time
import uuid

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.errors import ServiceError
from gongkai.core.models import Organisation, Role
from gongkai.foi.models import (
    OUTCOME_CHOICES,
    Channel,
    Consultation,
    Delivery,
    FeeNotice,
    Form,
    IdType,
    Remedy,
    ReplyGround,
)
from gongkai.foi.outcomes import APPLICANT_COLUMNS, APPLICANT_ORG_GROUP, row
from gongkai.foi.services import Applicant
from gongkai.foi.services.reply import LAPSE_OUTCOMES
from gongkai.foi.services.web import attachment_content_type

# The applicant's own tracking secret: 10 to 64 printable ASCII characters.
SECRET_MIN, SECRET_MAX = 10, 64
_SECRET_ALPHABET = set(string.ascii_letters + string.digits + string.punctuation)
# A form token older than this is refused (seconds); a form sent faster than the minimum
# is refused as automated (override with GONGKAI_FOI_FORM_MIN_SECONDS, e.g. in tests).
FORM_TOKEN_MAX_AGE = 24 * 3600
FORM_MIN_SECONDS_DEFAULT = 3

SERVICE_ERROR_FIELDS = {
    "invalid_applicant_type": "applicant_type",
    "name_required": "name",
    "invalid_identity": "id_number",
    "invalid_resident_id": "id_number",
    "invalid_credit_code": "id_number",
    "invalid_email": "email",
    "email_required": "email",
    "description_required": "description",
    "form_required": "delivery",
    "date_in_future": "received_on",
}


SECRET_RULE = _(
    "The secret needs 10 to 64 letters, digits or punctuation, with a letter and a digit."
)


def is_acceptable_secret(secret: str) -> bool:
    """A chosen tracking secret: long enough, ASCII only, letters and digits mixed."""
    return (
        SECRET_MIN <= len(secret) <= SECRET_MAX
        and set(secret) <= _SECRET_ALPHABET
        and any(ch.isalpha() for ch in secret)
        and any(ch.isdigit() for ch in secret)
    )


def applicant_type_choices() -> list:
    """自然人, then 法人或其他组织 with its five sub-types (report format 国办公开办函〔2021〕30号)."""
    natural = [
        (c.code, c.label) for c in APPLICANT_COLUMNS if c.group is None and c.code != "total"
    ]
    organisations = [(c.code, c.label) for c in APPLICANT_COLUMNS if c.group == APPLICANT_ORG_GROUP]
    return [("", _("Choose…")), *natural, (APPLICANT_ORG_GROUP, organisations)]


def reply_outcome_choices() -> list:
    """The reply outcomes grouped by their report group; lapses come from their own acts."""
    groups: dict[str, list] = {}
    for code, label in OUTCOME_CHOICES:
        if code in LAPSE_OUTCOMES:
            continue
        parent = row(code).parent
        group = row(parent).label if parent and row(parent).parent else ""
        groups.setdefault(group, []).append((code, row(code).label if group else label))
    choices: list = [("", _("Choose…"))]
    for group, items in groups.items():
        if group:
            choices.append((group, items))
        else:
            choices.extend(items)
    return choices


def issue_form_token() -> str:
    """A signed token: the idempotency key of one form and the moment it was shown."""
    return signing.dumps({"k": uuid.uuid4().hex, "t": time.time()}, salt="foi.form")


def read_form_token(token: str, *, check_speed: bool) -> str | None:
    """The idempotency key, or None when the token is forged, expired or came back too fast."""
    try:
        data = signing.loads(token, salt="foi.form", max_age=FORM_TOKEN_MAX_AGE)
    except (signing.BadSignature, TypeError):
        return None
    minimum = getattr(settings, "GONGKAI_FOI_FORM_MIN_SECONDS", FORM_MIN_SECONDS_DEFAULT)
    if check_speed and time.time() - float(data.get("t", 0)) < minimum:
        return None
    key = data.get("k")
    return key if isinstance(key, str) else None


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


def _today():
    return timezone.localdate()


class ApplicantFields(forms.Form):
    """条例 art. 29: who asks, how to reach them, what they ask for, how they want it."""

    applicant_type = forms.ChoiceField(label=_("Applicant type"), choices=applicant_type_choices)
    name = forms.CharField(
        label=_("Name (person or organisation)"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    id_type = forms.ChoiceField(label=_("Identity document"), choices=IdType.choices)
    id_number = forms.CharField(
        label=_("Document number"),
        max_length=40,
        help_text=_("A resident identity number has 18 characters; its last one is checked."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "inputmode": "text"}),
    )
    phone = forms.CharField(
        label=_("Contact phone"),
        max_length=40,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail"), required=False, widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    address = forms.CharField(
        label=_("Postal address"),
        max_length=200,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "street-address"}),
    )
    description = forms.CharField(
        label=_("Information sought"),
        max_length=4000,
        help_text=_("The name of the information, or a description precise enough to find it."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    document_number = forms.CharField(
        label=_("Document number of the information (if known)"), max_length=100, required=False
    )
    form = forms.ChoiceField(
        label=_("Form of the information"), choices=Form.choices, widget=forms.RadioSelect
    )
    delivery = forms.ChoiceField(
        label=_("Way of receiving it"), choices=Delivery.choices, widget=forms.RadioSelect
    )

    def clean(self):
        data = super().clean()
        # Checked here too so the page answers before anything is stored (the service
        # refuses the same with code email_required).
        if (
            data.get("delivery") == Delivery.EMAIL
            and not data.get("email")
            and "email" not in self.errors
        ):
            self.add_error(
                "email",
                _("You chose to receive the information by e-mail: give your e-mail address."),
            )
        return data

    def applicant(self) -> Applicant:
        data = self.cleaned_data
        return Applicant(
            applicant_type=data["applicant_type"],
            name=data["name"],
            id_type=data["id_type"],
            id_number=data["id_number"],
            description=data["description"],
            form=data["form"],
            delivery=data["delivery"],
            phone=data.get("phone", ""),
            address=data.get("address", ""),
            email=data.get("email", ""),
            document_number=data.get("document_number", ""),
        )


class ApplyForm(ApplicantFields):
    """The online application of the portal (no purpose field: removed by the 2019 revision)."""

    attachment = forms.FileField(
        label=_("Attachment (e.g. a scan of your identity document)"),
        required=False,
        help_text=_("PDF, JPG or PNG, at most 10 MB."),
    )
    secret = forms.CharField(
        label=_("Your own tracking secret (optional)"),
        required=False,
        max_length=SECRET_MAX,
        help_text=_(
            "10 to 64 letters, digits or punctuation, with at least one letter and one digit. "
            "Leave it empty and we create one for you."
        ),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
    )
    # Spam traps: a field people never see, and the signed moment the form was shown.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    token = forms.CharField(widget=forms.HiddenInput)

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if not upload:
            return None
        try:  # the service checks again: type by first bytes, at most 10 MB
            attachment_content_type(upload)
        except ServiceError as error:
            raise forms.ValidationError(error.message) from error
        return upload

    def clean_secret(self):
        secret = self.cleaned_data.get("secret", "")
        if secret and not is_acceptable_secret(secret):
            raise forms.ValidationError(SECRET_RULE)
        return secret

    @property
    def is_trapped(self) -> bool:
        """True when the hidden field was filled in: an automated submission."""
        return bool(self.data.get("website"))


class TrackForm(forms.Form):
    code = forms.CharField(
        label=_("Tracking code"),
        max_length=20,
        widget=forms.TextInput(attrs={"autocomplete": "off", "placeholder": "GK-2026-000001"}),
    )
    secret = forms.CharField(
        label=_("Tracking secret"),
        max_length=SECRET_MAX,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def clean_code(self):
        return self.cleaned_data["code"].strip().upper()


class RegisterForm(ApplicantFields):
    """Staff intake of a request by letter, in person, fax or e-mail (条例 art. 31)."""

    channel = forms.ChoiceField(
        label=_("Channel"),
        choices=[c for c in Channel.choices if c[0] != Channel.ONLINE],
    )
    received_on = forms.DateField(
        label=_("Date of receipt"),
        widget=DateInput,
        initial=_today,
        help_text=_(
            "Article 31: in person, the day it was handed in; registered post, the day this "
            "body signed for it; ordinary post, fax and e-mail, the day receipt was confirmed "
            "with the applicant."
        ),
    )
    token = forms.CharField(widget=forms.HiddenInput)


class ConfirmForm(forms.Form):
    confirmed_on = forms.DateField(
        label=_("Confirmed with the applicant on"), widget=DateInput, initial=_today
    )


def staff_of(body: Organisation, *roles: Role):
    users = get_user_model().objects.filter(
        staff_profile__organisation=body, is_active=True, groups__name__in=[str(r) for r in roles]
    )
    return users.select_related("staff_profile").distinct().order_by("staff_profile__full_name")


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        return obj.staff_profile.full_name


class AssignForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Unit"), queryset=Organisation.objects.none())
    handler = StaffChoiceField(
        label=_("Handler"), queryset=get_user_model().objects.none(), required=False
    )

    def __init__(self, *args, foi, **kwargs):
        super().__init__(*args, **kwargs)
        body = foi.organisation
        self.fields["unit"].queryset = Organisation.objects.filter(
            parent=body, kind=Organisation.Kind.UNIT, is_active=True
        )
        self.fields["handler"].queryset = staff_of(body, Role.HANDLER)


class SupplementForm(forms.Form):
    items = forms.CharField(
        label=_("Everything the applicant must supplement"),
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("条例 art. 30: one notice, listing every item at once."),
    )
    deadline = forms.DateField(label=_("Reasonable deadline"), widget=DateInput)
    notified_on = forms.DateField(label=_("Notice date"), widget=DateInput, initial=_today)
    short_period_reason = forms.CharField(
        label=_("Reason for a period shorter than this body's minimum"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class OnDateForm(forms.Form):
    on = forms.DateField(label=_("Date"), widget=DateInput, initial=_today)


class ConsultForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Consultation.Kind.choices)
    party = forms.CharField(label=_("Consulted party"), max_length=200)
    sent_on = forms.DateField(label=_("Sent on"), widget=DateInput, initial=_today)


class ConsultAnsweredForm(forms.Form):
    answered_on = forms.DateField(label=_("Answered on"), widget=DateInput, initial=_today)
    is_silent = forms.BooleanField(label=_("No answer within the period"), required=False)
    has_objection = forms.BooleanField(label=_("The party objects to disclosure"), required=False)
    objection_reasons = forms.CharField(
        label=_("Reasons of the objection"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class ExtendForm(forms.Form):
    days = forms.IntegerField(label=_("Working days"), min_value=1, max_value=20, initial=20)
    approved_by = StaffChoiceField(
        label=_("Approved by (head of the openness office)"),
        queryset=get_user_model().objects.none(),
    )
    reason = forms.CharField(
        label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3})
    )
    on = forms.DateField(label=_("Date"), widget=DateInput, initial=_today)

    def __init__(self, *args, foi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_by"].queryset = staff_of(foi.organisation, Role.OFFICE)


class ReasonsAskForm(forms.Form):
    """条例 art. 35: ask the applicant to explain a clearly excessive request."""

    grounds = forms.CharField(
        label=_("Why the quantity or frequency is clearly excessive"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    deadline = forms.DateField(label=_("Deadline for the reasons"), widget=DateInput)
    asked_on = forms.DateField(label=_("Notice date"), widget=DateInput, initial=_today)


class ReasonsDecideForm(forms.Form):
    """条例 art. 35: the decision on the reasons given (or not given by the deadline)."""

    is_reasonable = forms.BooleanField(label=_("The reasons are reasonable"), required=False)
    answer = forms.CharField(
        label=_("Reasons given"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    answered_on = forms.DateField(
        label=_("Reasons received on (empty: none given)"), widget=DateInput, required=False
    )
    reply_by = forms.DateField(
        label=_("Later reasonable reply time (optional)"), widget=DateInput, required=False
    )
    approved_by = StaffChoiceField(
        label=_("Approved by (head of the openness office)"),
        queryset=get_user_model().objects.none(),
        required=False,
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput, initial=_today)

    def __init__(self, *args, foi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["approved_by"].queryset = staff_of(foi.organisation, Role.OFFICE)


class FeeNoticeForm(forms.Form):
    basis = forms.ChoiceField(
        label=_("Basis"), choices=FeeNotice.Basis.choices, widget=forms.RadioSelect
    )
    pages = forms.IntegerField(
        label=_("Pages (per page only)"), min_value=0, max_value=100000, required=False
    )
    sent_on = forms.DateField(label=_("Sent on"), widget=DateInput, initial=_today)


class ReplyForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=reply_outcome_choices)
    legal_basis = forms.CharField(
        label=_("Reasons and legal basis"),
        max_length=4000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    replied_on = forms.DateField(label=_("Replied on"), widget=DateInput, initial=_today)
    ground = forms.ChoiceField(
        label=_("Paragraph of article 36 (予以公开 and 本机关不掌握 only)"),
        choices=[("", "—"), *ReplyGround.choices],
        required=False,
    )
    published_at = forms.CharField(
        label=_("Where it was published (art. 36(1))"), max_length=300, required=False
    )
    responsible_body = forms.CharField(
        label=_("Responsible body, if known (art. 36(5))"), max_length=200, required=False
    )
    public_interest_reason = forms.CharField(
        label=_("Public-interest reason for disclosing over an objection (art. 32)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, foi, **kwargs):
        super().__init__(*args, **kwargs)
        # Art. 32: after a reasoned third-party objection, withholding is the default.
        objected = foi.consultations.filter(has_objection=True).exists()
        if objected:
            self.fields["outcome"].initial = "withheld.third_party"


class CloseForm(forms.Form):
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class RemedyForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Remedy.Kind.choices)
    filed_on = forms.DateField(label=_("Filed on"), widget=DateInput)


class RemedyDecideForm(forms.Form):
    remedy = forms.TypedChoiceField(label=_("Review or lawsuit"), coerce=int)
    result = forms.ChoiceField(
        label=_("Result"),
        choices=[c for c in Remedy.Result.choices if c[0] != Remedy.Result.PENDING],
    )
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput, initial=_today)

    def __init__(self, *args, foi, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["remedy"].choices = [
            (r.pk, f"{r.get_kind_display()} {r.filed_on:%Y-%m-%d}")
            for r in foi.remedies.filter(result=Remedy.Result.PENDING)
        ]


class QueueSearchForm(forms.Form):
    """The queue's search: words, an open status, the day of receipt (GET, never writes)."""

    q = forms.CharField(
        label=_("Code, applicant or content"), required=False, max_length=100, strip=True
    )
    status = forms.ChoiceField(label=_("Status"), required=False)
    received_from = forms.DateField(
        label=_("Received from"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    received_to = forms.DateField(
        label=_("Received until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, **kwargs):
        from gongkai.foi.transitions import OPEN_STATUSES

        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All"))] + [
            (status.value, status.label) for status in OPEN_STATUSES
        ]

    def filters(self):
        from gongkai.foi.selectors import QueueFilters

        if not self.is_valid():
            return QueueFilters()
        data = self.cleaned_data
        return QueueFilters(
            text=data["q"],
            status=data["status"],
            received_from=data["received_from"],
            received_to=data["received_to"],
        )
