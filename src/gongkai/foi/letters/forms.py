"""Forms of the letters on the workbench: delivery, the body's templates and prefix."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.foi.forms import DateInput
from gongkai.foi.models import LetterDelivery, LetterKind


class LetterGenerateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of letter"), choices=LetterKind.choices)


class LetterDeliveryForm(forms.Form):
    """送达: the day and the way the letter reached its addressee."""

    delivered_on = forms.DateField(
        label=_("Delivered on"), widget=DateInput, initial=timezone.localdate
    )
    method = forms.ChoiceField(label=_("Delivery method"), choices=LetterDelivery.choices)


class LetterTemplateForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of letter"), choices=LetterKind.choices)
    file = forms.FileField(label=_("Template (.docx)"))


class LetterNumberingForm(forms.Form):
    # A field named like the form's own ``prefix`` attribute: the form metaclass moves it
    # into ``base_fields``, so the attribute stays the form's (the POST name stays "prefix").
    prefix = forms.CharField(  # type: ignore[assignment]
        label=_("Letter number prefix"), max_length=20
    )


class BodySettingsForm(forms.Form):
    """Whom replies name for remedies, and the minimum period to supplement (art. 30)."""

    review_authority = forms.CharField(
        label=_("Administrative review authority"),
        max_length=100,
        help_text=_("Usually the people's government at this body's level (行政复议法 art. 24)."),
    )
    court = forms.CharField(label=_("People's court"), max_length=100)
    supplement_minimum_days = forms.IntegerField(
        label=_("Minimum supplement period (working days)"), min_value=1, max_value=60, initial=10
    )
