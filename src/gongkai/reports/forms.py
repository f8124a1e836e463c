"""Forms of the reports pages: they parse input; the services decide."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation
from gongkai.reports import format as fmt
from gongkai.reports.services import FIRST_YEAR


class GenerateForm(forms.Form):
    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        queryset=None, label=_("Public body")
    )
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR)

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = bodies
        self.fields["year"].initial = timezone.localdate().year - 1


class ProseForm(forms.Form):
    """Sections 一, 五 and 六, labelled with their official headings (国办公开办函〔2021〕30号)."""

    overview = forms.CharField(widget=forms.Textarea({"rows": 10}), required=False)
    problems = forms.CharField(widget=forms.Textarea({"rows": 6}), required=False)
    other_matters = forms.CharField(widget=forms.Textarea({"rows": 6}), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for section in fmt.SECTIONS:
            if section.code in self.fields:
                self.fields[section.code].label = section.label


class PeriodForm(forms.Form):
    """Dashboard filter: a body in scope and a period (default: this year so far)."""

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        queryset=None, label=_("Public body"), required=False
    )
    start = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput({"type": "date"})
    )
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput({"type": "date"}))

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = bodies

    @staticmethod
    def defaults() -> dict:
        today = timezone.localdate()
        return {"start": dt.date(today.year, 1, 1), "end": today}

    def clean(self):
        data = super().clean()
        defaults = self.defaults()
        data["start"] = data.get("start") or defaults["start"]
        data["end"] = data.get("end") or defaults["end"]
        if data["end"] < data["start"]:
            raise forms.ValidationError(_("The end of the period is before its start."))
        if (data["end"] - data["start"]).days > 366 * 5:
            raise forms.ValidationError(_("Choose a period of at most five years."))
        return data


class LedgerForm(forms.Form):
    """台账 period: one month or one quarter of a year."""

    organisation: forms.ModelChoiceField[Organisation] = forms.ModelChoiceField(
        queryset=None, label=_("Public body"), required=False
    )
    year = forms.IntegerField(label=_("Year"), min_value=FIRST_YEAR, max_value=2100)
    month = forms.IntegerField(label=_("Month"), min_value=1, max_value=12, required=False)
    quarter = forms.IntegerField(label=_("Quarter"), min_value=1, max_value=4, required=False)

    def __init__(self, *args, bodies, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = bodies

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        month, quarter = data.get("month"), data.get("quarter")
        if bool(month) == bool(quarter):
            raise forms.ValidationError(_("Choose either a month or a quarter."))
        first = month or 3 * quarter - 2
        last = month or 3 * quarter
        data["start"] = dt.date(data["year"], first, 1)
        data["end"] = (dt.date(data["year"], last, 28) + dt.timedelta(days=4)).replace(
            day=1
        ) - dt.timedelta(days=1)
        return data
