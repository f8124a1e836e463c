from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.forms import XlsxUploadForm
from gongkai.listings.formats import BasesFormMixin
from gongkai.listings.law import PowerKind


class PowerFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Power kind"),
        required=False,
        choices=[("", _("All kinds")), *PowerKind.choices],
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=60)


class ImportUploadForm(XlsxUploadForm):
    file = forms.FileField(label=_("Powers list (.xlsx)"))


class AdjustmentForm(forms.Form):
    changed_on = forms.DateField(
        label=_("Adjusted on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    reason = forms.CharField(
        label=_("Reason for the adjustment"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class ImportApplyForm(AdjustmentForm):
    remove_missing = forms.BooleanField(
        label=_("The file is the whole new list: remove the powers it no longer lists"),
        required=False,
    )


class PowerForm(BasesFormMixin, AdjustmentForm):
    """One power as the office edits it; the bases one per line, like the spreadsheet."""

    code = forms.CharField(label=_("Power code"), max_length=60)
    name = forms.CharField(label=_("Power name"), max_length=300)
    kind = forms.ChoiceField(label=_("Power kind"), choices=PowerKind.choices)
    bases = forms.CharField(
        label=_("Legal bases"),
        help_text=_("One per line, like 《中华人民共和国居民身份证法》第八条."),
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    exercised_by = forms.CharField(label=_("Exercised by"), max_length=300)
    responsibilities = forms.CharField(
        label=_("Responsibilities"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    accountability = forms.CharField(
        label=_("Accountability cases"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    supervision = forms.CharField(
        label=_("Supervision"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    remedy = forms.CharField(
        label=_("Remedies"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    field_order = [
        "code", "name", "kind", "bases", "exercised_by", "responsibilities",
        "accountability", "supervision", "remedy", "changed_on", "reason",
    ]  # fmt: skip

    def __init__(self, *args, editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            self.fields["code"].disabled = True
