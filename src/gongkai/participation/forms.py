"""Forms parse input only; the services decide what is valid and what happens."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation
from gongkai.participation import law
from gongkai.participation.models import Comment, Consultation, Incident, IncidentResponse, Proposal

_DATE = forms.DateInput(attrs={"type": "date"})
_DATETIME = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")
_AREA = forms.Textarea(attrs={"rows": 5})


class CommentForm(forms.Form):
    provision = forms.TypedChoiceField(
        label=_("On which part"), coerce=int, required=False, empty_value=None
    )
    body = forms.CharField(
        label=_("Your comment"),
        widget=_AREA,
        max_length=law.COMMENT_MAX_CHARS * 2,
        help_text=_("At most 5000 characters. Personal information is masked before display."),
    )
    author_name = forms.CharField(label=_("Name (optional)"), required=False, max_length=50)
    contact = forms.CharField(
        label=_("Contact (optional, never published)"), required=False, max_length=100
    )

    def __init__(self, *args, provisions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["provision"].choices = [("", _("The whole draft"))] + [
            (p.pk, _provision_choice(p)) for p in provisions if p.is_commentable
        ]


class LetterForm(forms.Form):
    category = forms.ChoiceField(label=_("Mailbox"))
    subject = forms.CharField(label=_("Subject"), max_length=200)
    body = forms.CharField(
        label=_("Your letter"), widget=_AREA, max_length=law.LETTER_MAX_CHARS * 2
    )
    writer_name = forms.CharField(label=_("Your name"), max_length=100)
    writer_phone = forms.CharField(label=_("Phone"), required=False, max_length=40)
    writer_email = forms.CharField(label=_("E-mail"), required=False, max_length=200)
    consent_to_publish = forms.BooleanField(
        label=_("I agree that my letter and the reply are published without my personal data"),
        required=False,
    )

    def __init__(self, *args, categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["category"].choices = [
            (
                c.pk,
                _("%(name)s (reply within %(days)d working days)")
                % {"name": c.name, "days": c.reply_working_days},
            )
            for c in categories
        ]


class FollowForm(forms.Form):
    code = forms.CharField(label=_("Tracking code"), max_length=30)
    secret = forms.CharField(label=_("Secret"), max_length=60, widget=forms.PasswordInput)


class RatingForm(FollowForm):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        coerce=int,
        choices=[(n, str(n)) for n in range(5, 0, -1)],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(label=_("Comment (optional)"), required=False, max_length=300)


class ConsultationForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of draft"), choices=Consultation.Kind.choices)
    unit = forms.ModelChoiceField(label=_("Drafting unit"), queryset=Organisation.objects.none())
    opens_on = forms.DateField(label=_("Opens on"), widget=_DATE)
    closes_on = forms.DateField(label=_("Closes on"), widget=_DATE)
    shortened_reason = forms.CharField(
        label=_("Reason for a shorter period"), required=False, widget=_AREA
    )
    explanation = forms.CharField(label=_("Drafting explanation"), required=False, widget=_AREA)
    draft_text = forms.CharField(
        label=_("Draft text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        help_text=_("Lines starting with 第X条 become articles that comments can point to."),
    )

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Organisation.objects.none()


class AttachmentForm(forms.Form):
    title = forms.CharField(label=_("Attachment title"), max_length=200)
    file = forms.FileField(label=_("File"))


class ReportForm(forms.Form):
    report_text = forms.CharField(label=_("Adoption report"), widget=_AREA)
    final_document_title = forms.CharField(label=_("Final document"), max_length=200)
    final_document_url = forms.URLField(
        label=_("Link to the final document"), required=False, assume_scheme="https"
    )


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Adoption decision"),
        choices=[c for c in Comment.Decision.choices if c[0] != Comment.Decision.PENDING],
    )
    reason = forms.CharField(label=_("Reason"), required=False, max_length=500)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), required=False, max_length=300)


class WordForm(forms.Form):
    word = forms.CharField(label=_("Word"), max_length=50)


class UnitForm(forms.Form):
    unit = forms.ModelChoiceField(label=_("Assigned unit"), queryset=Organisation.objects.none())
    note = forms.CharField(label=_("Reason"), required=False, max_length=300)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Organisation.objects.none()


class AnswerForm(forms.Form):
    reply = forms.CharField(label=_("Reply"), widget=_AREA)


class PublishLetterForm(forms.Form):
    question = forms.CharField(label=_("Question as published"), widget=_AREA)
    answer = forms.CharField(label=_("Answer as published"), widget=_AREA)


class CategoryForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=50)
    reply_working_days = forms.IntegerField(label=_("Reply period (working days)"))
    is_active = forms.BooleanField(label=_("Active"), required=False)


class ProposalForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=Proposal.Kind.choices)
    session = forms.CharField(label=_("Session"), max_length=100)
    number = forms.CharField(label=_("Proposal number"), max_length=20)
    title = forms.CharField(label=_("Title"), max_length=200)
    proposers = forms.CharField(label=_("Proposers"), max_length=200)
    received_on = forms.DateField(label=_("Assigned on"), widget=_DATE)
    body = forms.CharField(label=_("Text"), widget=_AREA)


class ProposalReplyForm(forms.Form):
    reply_summary = forms.CharField(label=_("Content summary"), max_length=200)
    reply_text = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 10}))
    signatory = forms.CharField(label=_("Signed by"), max_length=50)
    replied_on = forms.DateField(label=_("Replied on"), widget=_DATE)


class IncidentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    source = forms.ChoiceField(label=_("Source"), choices=Incident.Source.choices)
    source_url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")
    first_seen_at = forms.DateTimeField(label=_("First seen at"), widget=_DATETIME)
    severity = forms.ChoiceField(label=_("Severity"), choices=Incident.Severity.choices)
    unit = forms.ModelChoiceField(
        label=_("Responsible unit"), queryset=Organisation.objects.none(), required=False
    )
    description = forms.CharField(label=_("Description"), required=False, widget=_AREA)

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units if units is not None else Organisation.objects.none()


class ResponseForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=IncidentResponse.Kind.choices)
    at = forms.DateTimeField(label=_("At"), widget=_DATETIME)
    summary = forms.CharField(label=_("Summary"), widget=_AREA)
    url = forms.URLField(label=_("Link"), required=False, assume_scheme="https")


class PressConferenceForm(forms.Form):
    topic = forms.CharField(label=_("Topic"), max_length=200)
    held_at = forms.DateTimeField(label=_("Held at"), widget=_DATETIME)
    venue = forms.CharField(label=_("Venue"), required=False, max_length=200)
    speakers = forms.CharField(label=_("Speakers"), max_length=300)
    materials = forms.CharField(label=_("Materials"), required=False, widget=_AREA)


def _provision_choice(provision) -> str:
    # The text of an article starts with its own label ("第一条 …"): show the label once.
    text = provision.text.removeprefix(provision.label).strip()
    return f"{provision.label} {text[:30]}"
