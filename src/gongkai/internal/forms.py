from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.internal.law import Category

# Django's own messages (这个字段是必填项。…), as on every other form.
MESSAGES: dict[str, str] = {}


class NoticeForm(forms.Form):
    category = forms.ChoiceField(
        label=_("Category"), choices=Category.choices, error_messages=MESSAGES
    )
    title = forms.CharField(label=_("Title"), max_length=200, error_messages=MESSAGES)
    body = forms.CharField(
        label=_("Text"), widget=forms.Textarea(attrs={"rows": 8}), error_messages=MESSAGES
    )
    table_text = forms.CharField(
        label=_("List (optional)"), required=False, strip=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
        help_text=_("First line the header; one row per line, cells separated by tabs or commas."),
    )  # fmt: skip
    ends_on = forms.DateField(
        label=_("Open for comments until"), required=False, error_messages=MESSAGES,
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
    )  # fmt: skip


class WithdrawForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for withdrawal"), max_length=300, error_messages=MESSAGES
    )
