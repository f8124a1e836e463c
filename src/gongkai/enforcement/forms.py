from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.validators import is_valid_credit_code
from gongkai.enforcement.law import (
    CODE_PATTERN,
    BodyKind,
    DecisionKind,
    PartyKind,
    TargetCategory,
    Withdrawal,
)
from gongkai.enforcement.models import (
    Decision,
    DecisionStatus,
    EnforcementBody,
    InspectionTarget,
    Officer,
)


class DecisionFilterForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *DecisionKind.choices]
    )
    q = forms.CharField(label=_("Search"), required=False, max_length=60)
    year = forms.IntegerField(label=_("Year"), required=False, min_value=2000, max_value=2100)


def _date():
    return forms.DateField(
        label=_("Decided on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )


class DecisionForm(forms.Form):
    body = forms.ModelChoiceField(label=_("Enforcement agency"), queryset=EnforcementBody.objects)
    kind = forms.ChoiceField(label=_("Kind"), choices=DecisionKind.choices)
    number = forms.CharField(label=_("Decision number"), max_length=80)
    title = forms.CharField(label=_("Enforcement matter"), max_length=200)
    party_kind = forms.ChoiceField(label=_("Kind of party"), choices=PartyKind.choices)
    party_name = forms.CharField(
        label=_("Party"),
        max_length=200,
        help_text=_("The full name; a natural person is published as surname + 某."),
    )
    party_credit_code = forms.CharField(
        label=_("Unified social credit code"), max_length=18, required=False
    )
    facts = forms.CharField(
        label=_("Facts"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    basis = forms.CharField(label=_("Legal basis"), widget=forms.Textarea(attrs={"rows": 2}))
    content = forms.CharField(
        label=_("Kind and content of the decision"), widget=forms.Textarea(attrs={"rows": 3})
    )
    decided_on = _date()

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["body"].queryset = EnforcementBody.objects.filter(
            organisation=organisation, is_active=True
        )


class WithdrawForm(forms.Form):
    withdrawal = forms.ChoiceField(label=_("Withdrawal"), choices=Withdrawal.choices)
    withdrawn_on = forms.DateField(
        label=_("Withdrawn on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    reason = forms.CharField(
        label=_("Reason for withdrawal"), max_length=500, widget=forms.Textarea(attrs={"rows": 2})
    )
    replaced_by = forms.ModelChoiceField(
        label=_("New decision"), queryset=Decision.objects.none(), required=False
    )

    def __init__(self, *args, decision=None, **kwargs):
        super().__init__(*args, **kwargs)
        if decision is not None:
            self.fields["replaced_by"].queryset = Decision.objects.filter(
                organisation=decision.organisation, status=DecisionStatus.PUBLISHED
            ).exclude(pk=decision.pk)


class DrawForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    category = forms.ChoiceField(
        label=_("Category"),
        required=False,
        choices=[("", _("All categories")), *TargetCategory.choices],
    )
    target_count = forms.IntegerField(label=_("Targets to draw"), min_value=1, max_value=500)
    inspectors_per_target = forms.IntegerField(
        label=_("Inspectors per target"), min_value=2, max_value=10, initial=2
    )


class ResultForm(forms.Form):
    target_code = forms.ChoiceField(label=_("Inspection target"))
    inspected_on = forms.DateField(
        label=_("Inspected on"),
        initial=timezone.localdate,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[])
    summary = forms.CharField(
        label=_("Summary"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )

    def __init__(self, *args, draw=None, **kwargs):
        from gongkai.enforcement.law import InspectionOutcome

        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = InspectionOutcome.choices
        if draw is not None:
            names = {t["code"]: t["name"] for t in draw.targets}
            done = {r.target_code for r in draw.results.all()}
            self.fields["target_code"].choices = [
                (c["target"], f"{c['target']} {names[c['target']]}")
                for c in draw.chosen
                if c["target"] not in done
            ]


# --- 事前公开 and the target list: the openness office keeps them --------------------------


class ReasonMixin:
    """An edit says why (the public history shows it)."""

    def add_reason(self):
        self.fields["reason"] = forms.CharField(
            label=_("Reason for the change"),
            max_length=500,
            help_text=_("Shown in the public change history."),
        )


class BodyForm(ReasonMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind of body"), choices=BodyKind.choices)
    basis = forms.CharField(
        label=_("Legal basis of the body"), widget=forms.Textarea(attrs={"rows": 2})
    )
    duties = forms.CharField(label=_("Duties and powers"), widget=forms.Textarea(attrs={"rows": 3}))
    remedy = forms.CharField(label=_("Remedies"), widget=forms.Textarea(attrs={"rows": 2}))
    address = forms.CharField(label=_("Address"), max_length=200, required=False)
    phone = forms.CharField(label=_("Phone"), max_length=40, required=False)
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=32767, initial=0)

    def __init__(self, *args, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            self.add_reason()


class OfficerForm(ReasonMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Enforcement body"), queryset=EnforcementBody.objects)
    name = forms.CharField(label=_("Officer's name"), max_length=50)
    certificate = forms.CharField(label=_("Enforcement certificate number"), max_length=40)
    area = forms.CharField(label=_("Field of enforcement"), max_length=100, required=False)
    is_inspector = forms.BooleanField(label=_("In the inspector list"), required=False)

    def __init__(self, *args, organisation=None, officer=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.officer = officer
        if officer is None:
            self.fields["body"].queryset = EnforcementBody.objects.filter(
                organisation=organisation, is_active=True
            )
        else:  # an officer stays with the body that certified them
            del self.fields["body"]
            self.add_reason()

    def clean_certificate(self):
        certificate = self.cleaned_data["certificate"].strip()
        others = Officer.objects.filter(certificate=certificate)
        if self.officer is not None:
            others = others.exclude(pk=self.officer.pk)
        if others.exists():
            raise forms.ValidationError(_("This certificate number is already in the list."))
        return certificate


class MatterForm(ReasonMixin, forms.Form):
    body = forms.ModelChoiceField(label=_("Enforcement body"), queryset=EnforcementBody.objects)
    name = forms.CharField(label=_("Enforcement matter"), max_length=200)
    kind = forms.ChoiceField(label=_("Kind"), choices=DecisionKind.choices)
    basis = forms.CharField(label=_("Legal basis"), widget=forms.Textarea(attrs={"rows": 2}))
    steps = forms.CharField(
        label=_("Procedure steps"),
        help_text=_("One step a line; the flowchart is drawn from them."),
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    time_limit = forms.CharField(label=_("Time limit for handling"), max_length=100, required=False)
    position = forms.IntegerField(label=_("Position"), min_value=0, max_value=32767, initial=0)

    def __init__(self, *args, organisation=None, editing=False, **kwargs):
        super().__init__(*args, **kwargs)
        if editing:
            del self.fields["body"]
            self.add_reason()
        else:
            self.fields["body"].queryset = EnforcementBody.objects.filter(
                organisation=organisation, is_active=True
            )

    def clean_steps(self):
        return [line.strip() for line in self.cleaned_data["steps"].splitlines() if line.strip()]


class TargetForm(ReasonMixin, forms.Form):
    code = forms.RegexField(
        label=_("Code"),
        regex=CODE_PATTERN,
        max_length=40,
        error_messages={"invalid": _("A target needs a code of letters and digits.")},
    )
    name = forms.CharField(label=_("Name"), max_length=200)
    category = forms.ChoiceField(label=_("Category"), choices=TargetCategory.choices)
    credit_code = forms.CharField(
        label=_("Unified social credit code"), max_length=18, required=False
    )

    def __init__(self, *args, organisation=None, target=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation, self.target = organisation, target
        if target is not None:
            self.add_reason()

    def clean_code(self):
        code = self.cleaned_data["code"]
        others = InspectionTarget.objects.filter(organisation=self.organisation, code=code)
        if self.target is not None:
            others = others.exclude(pk=self.target.pk)
        if others.exists():
            raise forms.ValidationError(_("This code is already in the list."))
        return code

    def clean_credit_code(self):
        code = self.cleaned_data["credit_code"].strip().upper()
        if code and not is_valid_credit_code(code):
            raise forms.ValidationError(_("The unified social credit code is invalid."))
        return code
