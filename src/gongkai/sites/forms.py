from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation
from gongkai.core.validators import validate_credit_code
from gongkai.sites.models import host_name, path_prefix
from gongkai.sites.services import Invitation


class NewBodySiteForm(forms.Form):
    """A body joining the platform: its credit code, its address, its office's staff."""

    name = forms.CharField(label=_("Name of the body"), max_length=100)
    code = forms.SlugField(label=_("Short code"), max_length=40)
    credit_code = forms.CharField(
        label=_("Unified social credit code"), max_length=18, validators=[validate_credit_code]
    )
    parent = forms.ModelChoiceField(
        label=_("Superior body"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.BODY),
        required=False,
    )
    host = forms.CharField(label=_("Host name"), max_length=253, validators=[host_name])
    path_prefix = forms.CharField(
        label=_("Path prefix"), max_length=40, required=False, validators=[path_prefix]
    )
    staff = forms.CharField(
        label=_("Staff to invite"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One a line: user name, full name, e-mail (the e-mail may be left out)."),
    )

    def clean_staff(self) -> list[Invitation]:
        people = []
        for line in self.cleaned_data["staff"].splitlines():
            parts = [p.strip() for p in line.replace("，", ",").split(",")]
            if not any(parts):
                continue
            if len(parts) < 2 or not parts[0] or not parts[1]:
                raise forms.ValidationError(
                    _("Write each person as: user name, full name, e-mail.")
                )
            people.append(Invitation(parts[0], parts[1], parts[2] if len(parts) > 2 else ""))
        return people

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "name": data["name"],
            "code": data["code"],
            "credit_code": data["credit_code"],
            "parent": data["parent"],
            "host": data["host"],
            "path_prefix": data["path_prefix"],
            "invite": data["staff"],
        }


class ReprintForm(forms.Form):
    item = forms.IntegerField(
        label=_("Number of the information item"),
        min_value=1,
        help_text=_("The number at the end of the item's address, e.g. 42 in /xxgk/42/."),
    )
