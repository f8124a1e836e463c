from collections.abc import Iterable
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core import vocabulary
from gongkai.core.models import LedgerEntry, Organisation


class NoticeForm(forms.Form):
    text = forms.CharField(
        label=_("Notice text"),
        widget=forms.Textarea(attrs={"rows": 14}),
        max_length=20000,
        help_text=_(
            "Paste the whole notice 《国务院办公厅关于YYYY年部分节假日安排的通知》, title included."
        ),
    )
    year = forms.IntegerField(
        label=_("Year"),
        required=False,
        min_value=1990,
        max_value=2100,
        help_text=_("Only needed when the title is not pasted."),
    )
    accept_missing = forms.BooleanField(
        label=_("I have checked the notice: this year has only the holidays listed above."),
        required=False,
    )


class WorkdaysForm(forms.Form):
    date = forms.DateField(label=_("Start date"), widget=forms.DateInput(attrs={"type": "date"}))
    n = forms.IntegerField(label=_("Working days"), min_value=0, max_value=2000, initial=20)


class LedgerFilterForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"), required=False, queryset=Organisation.objects.none()
    )
    object_type = forms.ChoiceField(label=_("Object type"), required=False)
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=40)
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    end = forms.DateField(
        label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(
        self, *args: Any, organisation_ids: Iterable[int] | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        organisations = Organisation.objects.order_by("id")
        if organisation_ids is not None:
            organisations = organisations.filter(pk__in=organisation_ids)
        self.fields["organisation"].queryset = organisations  # type: ignore[attr-defined]
        types = (
            LedgerEntry.objects.order_by("object_type")
            .values_list("object_type", flat=True)
            .distinct()
        )
        self.fields["object_type"].choices = [("", _("All"))] + [  # type: ignore[attr-defined]
            (t, vocabulary.object_type_label(t)) for t in types if t
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("start") and data.get("end") and data["start"] > data["end"]:
            raise forms.ValidationError(_("The start date is after the end date."))
        return data


class XlsxUploadForm(forms.Form):
    """A spreadsheet to import: the subclass declares ``file = forms.FileField(label=…)``
    with the name of what it imports; the .xlsx check is here once."""

    def clean_file(self) -> Any:
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith(".xlsx"):
            raise forms.ValidationError(_("Upload an .xlsx spreadsheet."))
        return upload
