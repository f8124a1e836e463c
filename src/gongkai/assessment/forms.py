from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.assessment.law import RUBRIC_TEMPLATES, Channel, IndicatorKind, TrainingKind


def _this_year() -> int:
    return timezone.localdate().year


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("Year"))
        super().__init__(min_value=2000, max_value=2100, **kwargs)


class ImportUploadForm(forms.Form):
    title = forms.CharField(label=_("Plan title"), max_length=200)
    year = YearField(initial=_this_year)
    file = forms.FileField(
        label=_("Task table (.txt, .docx or .xlsx)"),
        widget=forms.ClearableFileInput(attrs={"accept": ".txt,.docx,.xlsx"}),
    )


class ProgressForm(forms.Form):
    organisation = forms.TypedChoiceField(label=_("Reporting unit"), coerce=int)
    text = forms.CharField(label=_("Progress"), widget=forms.Textarea(attrs={"rows": 4}))
    evidence_url = forms.CharField(
        label=_("Link to the published item"), max_length=300, required=False
    )
    evidence_file = forms.FileField(label=_("Evidence file"), required=False)
    completes = forms.BooleanField(label=_("The task is completed"), required=False)

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]


class RubricForm(forms.Form):
    template = forms.ChoiceField(
        label=_("Scheme"), choices=[(t.code, t.label) for t in RUBRIC_TEMPLATES.values()]
    )


class DeductionForm(forms.Form):
    indicator = forms.TypedChoiceField(label=_("Indicator"), coerce=int)
    points = forms.DecimalField(label=_("Points"), min_value=0.5, max_digits=4, decimal_places=1)
    reason = forms.CharField(label=_("Reason"), max_length=300)
    evidence_url = forms.CharField(label=_("Evidence link"), max_length=300, required=False)

    def __init__(self, *args, indicators=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["indicator"].choices = [(i.pk, i.name) for i in indicators]


class IndicatorForm(forms.Form):
    """One indicator of a rubric; the service checks the figures (and says why in Chinese)."""

    name = forms.CharField(label=_("Indicator"), max_length=200)
    kind = forms.ChoiceField(label=_("Scored"), choices=IndicatorKind.choices)
    points = forms.DecimalField(label=_("Points"), max_digits=5, decimal_places=1)
    per_case = forms.DecimalField(
        label=_("Points per case"), max_digits=4, decimal_places=1, initial=1
    )
    rule = forms.CharField(label=_("Deduction rule"), max_length=300, required=False)


class EnquiryForm(forms.Form):
    """Two fields typed while the phone is still warm: the channel and what it was about."""

    channel = forms.ChoiceField(label=_("Enquiry channel"), choices=Channel.choices)
    topic = forms.CharField(
        label=_("What it was about"),
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "list": "topics"}),
    )


class TrainingForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=TrainingKind.choices)
    title = forms.CharField(label=_("Title"), max_length=200)
    held_on = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    attendees = forms.IntegerField(label=_("Attendees"), min_value=0, initial=0)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)


class LedgerForm(forms.Form):
    year = YearField(initial=_this_year)
    organisation = forms.TypedChoiceField(label=_("Public body"), coerce=int)

    def __init__(self, *args, bodies=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(b.pk, b.name) for b in bodies]
