"""Forms of sign-in, two-factor set-up and staff and unit management."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation, Role


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
        help_text=_(
            "The six digits your authenticator app shows now, or one of your backup codes."
        ),
    )


class EnrolForm(forms.Form):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _units_field(body: Organisation) -> forms.ModelMultipleChoiceField[Organisation]:
    return forms.ModelMultipleChoiceField(
        label=_("Units"),
        required=False,
        queryset=Organisation.objects.filter(parent=body, kind=Organisation.Kind.UNIT),
        widget=forms.CheckboxSelectMultiple,
    )


class StaffForm(forms.Form):
    full_name = forms.CharField(label=_("Full name"), max_length=50)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    roles = forms.TypedMultipleChoiceField(
        label=_("Roles"),
        choices=Role.choices,
        coerce=Role,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(
        self, *args: Any, body: Organisation, may_grant_admin: bool, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["units"] = _units_field(body)
        if not may_grant_admin:
            roles = self.fields["roles"]
            assert isinstance(roles, forms.ChoiceField)
            roles.choices = [c for c in Role.choices if c[0] != Role.ADMIN]


class StaffCreateForm(StaffForm):
    username = forms.CharField(
        label=_("User name"),
        max_length=150,
        help_text=_("Letters, digits and @ . + - _ only; used to sign in."),
        validators=[get_user_model().username_validator],
    )
    password = forms.CharField(
        label=_("Initial password"),
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=_("Give it to the staff member in person; at least 8 characters."),
    )
    field_order = ["username", "full_name", "phone", "password", "roles", "units"]

    def clean_password(self) -> str:
        password: str = self.cleaned_data["password"]
        validate_password(password)
        return password


class UnitForm(forms.Form):
    name = forms.CharField(label=_("Unit name"), max_length=100)
