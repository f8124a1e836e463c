"""Forms of the 预决算 workbench pages: they parse input; the services decide."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.budgets.law import THREE_AMOUNTS, THREE_COUNTS, DocumentKind

# Django's own messages (这个字段是必填项。…), as on every other form.
MESSAGES: dict[str, str] = {}


class ApprovalFields(forms.Form):
    """Who approved the document and when, with the office's explanation: asked when the
    document is made (``DocumentForm``) and when its header is corrected (``HeaderForm``)."""

    approved_on = forms.DateField(
        label=_("Approval date"),
        widget=forms.DateInput(format="%Y-%m-%d", attrs={"type": "date"}),
        error_messages=MESSAGES,
    )
    approved_by = forms.CharField(
        label=_("Approving body"), max_length=100, error_messages=MESSAGES
    )
    explanation = forms.CharField(
        label=_("Explanation"), required=False, widget=forms.Textarea(attrs={"rows": 6})
    )


class DocumentForm(ApprovalFields):
    field_order = ["organisation", "year", "kind"]  # then the approval, as on the page

    organisation = forms.TypedChoiceField(
        label=_("Organisation"), coerce=int, error_messages=MESSAGES
    )
    year = forms.IntegerField(
        label=_("Budget year"), min_value=2000, max_value=2100, error_messages=MESSAGES
    )
    kind = forms.ChoiceField(
        label=_("Document kind"), choices=DocumentKind.choices, error_messages=MESSAGES
    )

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].choices = [(o.pk, o.name) for o in organisations]


class HeaderForm(ApprovalFields):
    reason = forms.CharField(label=_("Reason for the correction"), max_length=500, required=False)


class TableForm(forms.Form):
    rows = forms.CharField(
        label=_("Table rows"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 6, "spellcheck": "false"}),
    )
    empty_note = forms.CharField(label=_("Why the table is empty"), max_length=300, required=False)
    reason = forms.CharField(label=_("Reason for the correction"), max_length=500, required=False)


class ThreeForm(forms.Form):
    explanation = forms.CharField(
        label=_("Reasons for the change"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    reason = forms.CharField(label=_("Reason for the correction"), max_length=500, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field, label in THREE_AMOUNTS:
            self.fields[field] = forms.DecimalField(
                label=label, min_value=0, max_digits=14, decimal_places=2, required=False,
                error_messages=MESSAGES,
            )  # fmt: skip
        for field, label in THREE_COUNTS:
            self.fields[field] = forms.IntegerField(
                label=label, min_value=0, required=False, error_messages=MESSAGES
            )
