"""Workbench forms; lists (bases, materials, steps) are typed one per line."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.forms import XlsxUploadForm
from gongkai.guides.law import MATERIAL_FORM_NAMES, FileKind, OnlineDepth, PointKind
from gongkai.listings.formats import BasesFormMixin

FORM_NAMES = {name: str(value) for value, name in MATERIAL_FORM_NAMES.items()}
SEPARATOR = "|"


def _split(line: str) -> list[str]:
    return [part.strip() for part in line.replace("｜", SEPARATOR).split(SEPARATOR)]


def parse_materials(text: str) -> list[tuple[str, int, str, str]]:
    """``材料名称 | 份数 | 原件/复印件/原件和复印件/电子 | 备注`` per line."""
    materials = []
    for number, line in enumerate(filter(str.strip, text.splitlines()), start=1):
        parts = _split(line) + ["", "", ""]
        copies = parts[1].rstrip("份")
        form = FORM_NAMES.get(parts[2] or "原件")
        if not parts[0] or not copies.isdigit() or form is None:
            raise forms.ValidationError(
                _(
                    "Line %(line)d: write “name | copies | 原件, 复印件, 原件和复印件 or 电子 | note”."
                )
                % {"line": number}
            )
        materials.append((parts[0][:300], int(copies), form, parts[3][:300]))
    return materials


def parse_steps(text: str) -> list[tuple[str, str]]:
    """``步骤 | 说明`` per line."""
    steps = []
    for line in filter(str.strip, text.splitlines()):
        parts = _split(line) + [""]
        steps.append((parts[0][:60], parts[1][:300]))
    return steps


class GuideForm(BasesFormMixin, forms.Form):
    code = forms.CharField(label=_("Service code"), max_length=60)
    name = forms.CharField(label=_("Service name"), max_length=300)
    power = forms.TypedChoiceField(label=_("Power"), required=False, coerce=int, empty_value=None)
    bases = forms.CharField(
        label=_("Legal bases"), widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: 《law》 followed by its article."),
    )  # fmt: skip
    conditions = forms.CharField(
        label=_("Conditions for acceptance"), widget=forms.Textarea(attrs={"rows": 3})
    )
    materials = forms.CharField(
        label=_("Application materials"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line: name | copies | 原件, 复印件, 原件和复印件 or 电子 | note."),
    )  # fmt: skip
    steps = forms.CharField(
        label=_("Steps"), widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One per line: step | description."),
    )  # fmt: skip
    legal_days = forms.IntegerField(label=_("Statutory time limit (working days)"), min_value=0)
    promised_days = forms.IntegerField(label=_("Promised time limit (working days)"), min_value=0)
    charges_fee = forms.BooleanField(label=_("Charges a fee"), required=False)
    fee_standard = forms.CharField(label=_("Fee standard"), required=False)
    fee_basis = forms.CharField(label=_("Basis of the fee"), required=False)
    place = forms.CharField(label=_("Where to apply"), widget=forms.Textarea(attrs={"rows": 2}))
    hours = forms.CharField(label=_("Office hours"), max_length=200)
    enquiry_phone = forms.CharField(label=_("Enquiry phone"), max_length=40)
    complaint_phone = forms.CharField(label=_("Supervision phone"), max_length=40)
    visits = forms.IntegerField(label=_("Visits in person"), min_value=0, max_value=9)
    online_depth = forms.TypedChoiceField(
        label=_("Online service depth"), choices=OnlineDepth.choices, coerce=int
    )
    online_url = forms.URLField(
        label=_("Online service address"), required=False, assume_scheme="https"
    )
    approved_on = forms.DateField(
        label=_("Change approved on"), initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip
    effective_on = forms.DateField(
        label=_("Takes effect on"), required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip
    reason = forms.CharField(
        label=_("Reason for the change"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, powers=(), editing: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        power = self.fields["power"]
        assert isinstance(power, forms.ChoiceField)
        power.choices = [("", "—"), *((p.pk, f"{p.code} {p.name}") for p in powers)]
        if editing:
            self.fields["code"].disabled = True

    def clean_materials(self):
        return parse_materials(self.cleaned_data["materials"])

    def clean_steps(self):
        return parse_steps(self.cleaned_data["steps"])


class StatusForm(forms.Form):
    approved_on = forms.DateField(
        label=_("Change approved on"), initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip
    reason = forms.CharField(label=_("Reason for the change"), max_length=500)


class FileForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=FileKind.choices)
    material = forms.TypedChoiceField(
        label=_("Material"), required=False, coerce=int, empty_value=None
    )
    file = forms.FileField(label=_("File (PDF, Word or Excel)"))

    def __init__(self, *args, materials=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["material"].choices = [("", "—"), *((m.pk, m.name) for m in materials)]


class PointForm(forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=PointKind.choices)
    address = forms.CharField(label=_("Address"), max_length=300)
    latitude = forms.DecimalField(label=_("Latitude (GCJ-02)"), max_digits=9, decimal_places=6)
    longitude = forms.DecimalField(label=_("Longitude (GCJ-02)"), max_digits=9, decimal_places=6)
    hours = forms.CharField(label=_("Office hours"), max_length=200)
    phone = forms.CharField(label=_("Phone"), max_length=80)
    guide_ids = forms.TypedMultipleChoiceField(
        label=_("Services handled"), required=False, coerce=int,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip

    def __init__(self, *args, guides=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["guide_ids"].choices = [(g.pk, f"{g.code} {g.name}") for g in guides]


class MapSettingsForm(forms.Form):
    tile_url = forms.CharField(
        label=_("Tile server URL"), max_length=300, required=False,
        help_text=_("https://…/{z}/{x}/{y}.png, tiles in GCJ-02; empty: no tiles."),
    )  # fmt: skip
    attribution = forms.CharField(label=_("Map attribution"), max_length=200, required=False)


class IssueForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=2000, max_value=2100)
    number = forms.IntegerField(label=_("Issue number"), min_value=1, max_value=99)
    period_start = forms.DateField(
        label=_("Period from"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    period_end = forms.DateField(
        label=_("Period to"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )


class ImportUploadForm(XlsxUploadForm):
    file = forms.FileField(label=_("Service guides (.xlsx)"))


class ImportApplyForm(forms.Form):
    """The checked file comes back signed (``token``) with the approval of the import."""

    token = forms.CharField(widget=forms.HiddenInput)
    approved_on = forms.DateField(
        label=_("Change approved on"), initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )  # fmt: skip
    reason = forms.CharField(label=_("Reason for the change"), max_length=500)
