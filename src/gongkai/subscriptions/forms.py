from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.proactive.law import Section
from gongkai.subscriptions.models import Channel, Frequency, Kind

ITEM_KINDS = [(k, label) for k, label in Kind.choices if k != Kind.REQUEST]


class SubscribeForm(forms.Form):
    """Follow a column, a topic or a keyword."""

    kind = forms.ChoiceField(label=_("Follow"), choices=ITEM_KINDS, widget=forms.RadioSelect)
    section = forms.ChoiceField(
        label=_("Column"), required=False, choices=[("", "—"), *Section.choices]
    )
    topic = forms.ChoiceField(label=_("Topic"), required=False)
    keyword = forms.CharField(
        label=_("Keyword"), required=False, max_length=30, help_text=_("E.g. 户籍, 预算, 河长制.")
    )
    channel = forms.ChoiceField(
        label=_("Receive by"), choices=Channel.choices, widget=forms.RadioSelect
    )
    address = forms.CharField(
        label=_("E-mail address or mobile number"),
        max_length=254,
        help_text=_("Used only to send what you subscribe to; erased when you unsubscribe."),
    )
    frequency = forms.ChoiceField(
        label=_("How often"),
        choices=Frequency.choices,
        initial=Frequency.DAILY,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, topics=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.topics = {str(t.pk): t for t in topics}
        self.fields["topic"].choices = [("", "—"), *((k, t.name) for k, t in self.topics.items())]


class RequestSubscribeForm(forms.Form):
    """Follow one's own application by its tracking code and secret."""

    code = forms.CharField(label=_("Tracking code"), max_length=20)
    secret = forms.CharField(label=_("Secret"), max_length=64, widget=forms.PasswordInput)
    channel = forms.ChoiceField(
        label=_("Receive by"), choices=Channel.choices, widget=forms.RadioSelect
    )
    address = forms.CharField(label=_("E-mail address or mobile number"), max_length=254)
