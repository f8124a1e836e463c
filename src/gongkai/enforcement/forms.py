from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.enforcement.law import DecisionKind, PartyKind, TargetCategory, Withdrawal
from gongkai.enforcement.models import Decision, DecisionStatus, EnforcementBody


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
