from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.listings.law import PowerKind


class PowerFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Power kind"),
        required=False,
        choices=[("", _("All kinds")), *PowerKind.choices],
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=60)


class ImportUploadForm(forms.Form):
    file = forms.FileField(label=_("Powers list (.xlsx)"))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Upload an .xlsx spreadsheet."))
        return upload


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
