from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.outreach.models import ChannelKind


class ChannelForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of channel"), choices=ChannelKind.choices)
    name = forms.CharField(label=_("Account name"), max_length=100)
    account = forms.CharField(label=_("Account id"), max_length=100, required=False)


class SupervisorForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=60)
    affiliation = forms.CharField(label=_("Affiliation"), max_length=120, required=False)
    username = forms.SlugField(label=_("User name"), max_length=60)
    password = forms.CharField(
        label=_("Initial password"), min_length=10, max_length=128, widget=forms.PasswordInput
    )
    appointed_on = forms.DateField(
        label=_("Appointed on"), widget=forms.DateInput(attrs={"type": "date"})
    )
    term_ends_on = forms.DateField(
        label=_("Term ends on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class ObservationForm(forms.Form):
    subject = forms.CharField(label=_("Title"), max_length=200)
    body = forms.CharField(label=_("Observation"), max_length=5000, widget=forms.Textarea)


class AnswerForm(forms.Form):
    answer = forms.CharField(label=_("Answer"), max_length=5000, widget=forms.Textarea)


class OpenDayForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    description = forms.CharField(label=_("Description"), max_length=5000, widget=forms.Textarea)
    place = forms.CharField(label=_("Place"), max_length=200)
    starts_at = forms.DateTimeField(
        label=_("Starts at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    registration_closes_at = forms.DateTimeField(
        label=_("Registration closes at"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}),
    )
    capacity = forms.IntegerField(label=_("Places"), min_value=1, max_value=10000)


class RegistrationForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=60)
    phone = forms.CharField(label=_("Mobile number"), max_length=20)


class SummaryForm(forms.Form):
    summary = forms.CharField(
        label=_("Summary of the open day"), max_length=10000, widget=forms.Textarea
    )
