"""Forms of the office's workbench pages; they only parse input for the services."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.portal.models import Column, ColumnKind, OpennessGuide, SiteIdentity
from gongkai.portal.services import GUIDE_FIELDS, SITE_IDENTITY_FIELDS, ColumnFields
from gongkai.portal.sources import source_choices


class ColumnForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=60)
    slug = forms.CharField(
        label=_("Short name in the address"),
        max_length=60,
        help_text=_("Lower-case letters, digits and hyphens, e.g. zcwj."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ColumnKind.choices)
    parent = forms.ModelChoiceField(
        label=_("Parent column"), queryset=Column.objects.all(), required=False
    )
    order = forms.IntegerField(label=_("Order"), min_value=0, max_value=9999, initial=0)
    source = forms.ChoiceField(label=_("Source (lists)"), required=False)
    source_param = forms.CharField(
        label=_("Source parameter (lists)"),
        max_length=60,
        required=False,
        help_text=_("For information items: the catalog section, e.g. policy."),
    )
    body = forms.CharField(
        label=_("Page text (static pages)"), widget=forms.Textarea, required=False
    )
    link = forms.CharField(
        label=_("Link (links)"),
        max_length=300,
        required=False,
        help_text=_(
            "https://…, a site path such as /foi/apply/, or a page name such as foi:apply."
        ),
    )
    show_on_home = forms.BooleanField(label=_("Show on the home page"), required=False)
    is_active = forms.BooleanField(label=_("Active"), required=False, initial=True)

    def __init__(self, *args, exclude_pk=None, tree=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["source"].choices = [("", "—"), *source_choices()]
        # The parent comes from the same site's column tree (gongkai.sites).
        parents = tree if tree is not None else Column.objects.all()
        if exclude_pk is not None:
            parents = parents.exclude(pk=exclude_pk)
        self.fields["parent"].queryset = parents

    @classmethod
    def initial_for(cls, column: Column) -> dict:
        return {name: getattr(column, name) for name in ColumnFields.__dataclass_fields__}

    def to_fields(self) -> ColumnFields:
        return ColumnFields(**self.cleaned_data)


class SiteIdentityForm(forms.ModelForm):
    class Meta:
        model = SiteIdentity
        fields = list(SITE_IDENTITY_FIELDS)


class GuideForm(forms.ModelForm):
    class Meta:
        model = OpennessGuide
        fields = list(GUIDE_FIELDS)
        widgets = {
            "classification": forms.Textarea(attrs={"rows": 5}),
            "how_to_obtain": forms.Textarea(attrs={"rows": 5}),
        }
