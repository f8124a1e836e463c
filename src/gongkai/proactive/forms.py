"""Forms: they parse input into what services take; no rule lives here."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from gongkai.core.models import Organisation
from gongkai.proactive.law import (
    CleanupOutcome,
    DisclosureLabel,
    FindingType,
    InterpretationForm,
    NegativeCategory,
    NormativeKind,
    NormativeStatus,
    Section,
    Validity,
)
from gongkai.proactive.models import (
    Genre,
    Item,
    NegativeListEntry,
    PrivacyRule,
    StandardCatalogItem,
    Topic,
)
from gongkai.proactive.transitions import Status

DATE = forms.DateInput(attrs={"type": "date"})


def _model_choice(form: forms.BaseForm, name: str) -> forms.ModelChoiceField:
    """``form.fields[name]``, declared as a ModelChoiceField (its queryset is set per body)."""
    field = form.fields[name]
    assert isinstance(field, forms.ModelChoiceField)
    return field


class ItemForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    section = forms.ChoiceField(
        label=pgettext_lazy("information item", "Catalog section"), choices=Section.choices
    )
    unit = forms.ModelChoiceField(
        label=_("Drafting unit"), queryset=Organisation.objects.none(), required=False
    )
    document_number = forms.CharField(
        label=pgettext_lazy("information item", "Document number"), max_length=60, required=False,
        help_text=_("For example 湛公通〔2017〕12号."),
    )  # fmt: skip
    written_on = forms.DateField(
        label=pgettext_lazy("information item", "Date written"), required=False, widget=DATE
    )
    topic = forms.ModelChoiceField(
        label=pgettext_lazy("information item", "Topic"),
        queryset=Topic.objects.all(),
        required=False,
    )
    genre = forms.ModelChoiceField(
        label=pgettext_lazy("information item", "Genre"),
        queryset=Genre.objects.all(),
        required=False,
    )
    keywords = forms.CharField(label=_("Keywords"), max_length=200, required=False)
    validity = forms.ChoiceField(
        label=pgettext_lazy("information item", "Validity"), choices=Validity.choices
    )
    carriers = forms.CharField(label=_("Carriers"), max_length=200, initial="政府网站")
    summary = forms.CharField(
        label=pgettext_lazy("information item", "Summary"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    body = forms.CharField(
        label=pgettext_lazy("information item", "Body"), widget=forms.Textarea(attrs={"rows": 14}), required=False,
        help_text=_("Paragraphs, lists, tables and links are kept; other markup is removed."),
    )  # fmt: skip
    label = forms.ChoiceField(
        label=_("Disclosure label"),
        choices=DisclosureLabel.choices,
        widget=forms.RadioSelect,
        initial=DisclosureLabel.PROACTIVE,
    )
    label_reason = forms.CharField(
        label=_("Reason (required unless proactive)"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    label_basis = forms.CharField(label=_("Legal basis"), max_length=300, required=False)
    negative_entry = forms.ModelChoiceField(
        label=_("Negative list entry"), queryset=NegativeListEntry.objects.none(), required=False
    )
    interprets = forms.ModelChoiceField(
        label=_("Interpreted policy document"), queryset=Item.objects.none(), required=False
    )
    interpretation_form = forms.ChoiceField(
        label=_("Form of interpretation"),
        choices=[("", "—"), *InterpretationForm.choices],
        required=False,
    )
    catalog_item = forms.ModelChoiceField(
        label=_("Standard catalog item"),
        queryset=StandardCatalogItem.objects.none(),
        required=False,
    )
    note = forms.CharField(label=_("Note on this change"), max_length=200, required=False)

    def __init__(self, *args, organisation: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        _model_choice(self, "unit").queryset = organisation.children.filter(
            kind=Organisation.Kind.UNIT
        )
        _model_choice(self, "negative_entry").queryset = NegativeListEntry.objects.filter(
            organisation=organisation, is_active=True
        )
        _model_choice(self, "interprets").queryset = Item.objects.filter(
            organisation=organisation, section=Section.POLICY
        ).exclude(status=Status.WITHDRAWN)
        _model_choice(self, "catalog_item").queryset = StandardCatalogItem.objects.filter(
            organisation=organisation
        )


class ReviewForm(forms.Form):
    step = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[("approve", _("Approve")), ("send_back", _("Send back"))],
        widget=forms.RadioSelect,
    )
    confirm_label = forms.BooleanField(label=_("I confirm the disclosure label"), required=False)
    comment = forms.CharField(
        label=_("Comments"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


class FindingForm(forms.Form):
    action = forms.ChoiceField(choices=[("mask", _("Mask")), ("keep", _("Keep"))])
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)


class FindingAddForm(forms.Form):
    """A reviewer marks words the detector missed; every occurrence is masked."""

    text = forms.CharField(label=_("Words to mask (exactly as in the text)"), max_length=300)
    type = forms.ChoiceField(label=_("Kind of personal information"), choices=FindingType.choices)
    where = forms.ChoiceField(label=_("Where"), choices=[])
    reason = forms.CharField(label=_("Reason"), max_length=300, required=False)

    def __init__(self, *args, item=None, **kwargs):
        super().__init__(*args, **kwargs)
        choices = [("", pgettext_lazy("information item", "Body"))]
        if item is not None:
            choices += [(str(a.pk), a.name) for a in item.attachments.all()]
        self.fields["where"].choices = choices
        self.fields["where"].required = False


class PrivacyRuleForm(forms.Form):
    action = forms.ChoiceField(
        label=_("What the rule does"), choices=PrivacyRule.Action.choices, widget=forms.RadioSelect,
        initial=PrivacyRule.Action.MASK,
    )  # fmt: skip
    kind = forms.ChoiceField(
        label=_("Kind of rule"), choices=PrivacyRule.Kind.choices, initial=PrivacyRule.Kind.TEXT
    )
    type = forms.ChoiceField(label=_("Kind of personal information"), choices=FindingType.choices)
    text = forms.CharField(label=_("Text or pattern"), max_length=200)
    replacement = forms.CharField(
        label=_("Replacement (empty: the usual mask)"), max_length=100, required=False
    )
    reason = forms.CharField(label=_("Reason"), max_length=300)


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 2}))


class ReviseForm(forms.Form):
    reason = forms.CharField(label=_("What is to be changed"), max_length=500)
    # 条例 art. 26: the clock of a changed item counts from the day the information changed.
    changed_on = forms.DateField(
        label=_("Date the information changed (empty: today)"), required=False, widget=DATE
    )


class PublishForm(forms.Form):
    publish_at = forms.DateTimeField(
        label=_("Publish at (empty: now)"), required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
    )  # fmt: skip


class AttachForm(forms.Form):
    file = forms.FileField(label=_("File (.txt, .docx, .pdf)"))


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files in one field (Django's documented pattern)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput())
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        single = super().clean
        if isinstance(data, list | tuple):
            return [single(d, initial) for d in data]
        return [single(data, initial)]


class ImportForm(forms.Form):
    # A declared field: the form's metaclass moves it to base_fields, so it does not shadow
    # BaseForm.files at run time; django-stubs sees the class attribute only.
    files = MultipleFileField(label=_("Files (.txt, .docx, .html)"))  # type: ignore[assignment]
    section = forms.ChoiceField(
        label=pgettext_lazy("information item", "Catalog section"), choices=Section.choices
    )
    simplify = forms.BooleanField(
        label=_("Convert traditional characters to simplified"), required=False
    )

    def __init__(self, *args, simplify_available: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not simplify_available:
            field = self.fields["simplify"]
            field.disabled = True
            field.help_text = _("Unavailable: the opencc package is not installed.")


class NegativeEntryForm(forms.Form):
    category = forms.ChoiceField(label=_("Category"), choices=NegativeCategory.choices)
    description = forms.CharField(label=_("Description"), widget=forms.Textarea(attrs={"rows": 2}))
    legal_basis = forms.CharField(label=_("Legal basis"), max_length=300)
    review_on = forms.DateField(label=_("Next review date"), widget=DATE)


class NegativeEditForm(NegativeEntryForm):
    reason = forms.CharField(
        label=_("Reason for the change"), widget=forms.Textarea(attrs={"rows": 2})
    )


class NegativeRetireForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for retiring"), widget=forms.Textarea(attrs={"rows": 2})
    )


class SelfCheckSignOffForm(forms.Form):
    note = forms.CharField(
        label=_("Note (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class NormativeForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind"), choices=NormativeKind.choices)
    title = forms.CharField(label=_("Title"), max_length=300)
    document_number = forms.CharField(
        label=pgettext_lazy("information item", "Document number"), max_length=60
    )
    issued_on = forms.DateField(label=_("Issued on"), widget=DATE)
    effective_from = forms.DateField(label=_("Effective from"), widget=DATE)
    effective_until = forms.DateField(label=_("Effective until"), widget=DATE, required=False)


class NormativeChangeForm(forms.Form):
    status = forms.ChoiceField(
        label=_("New status"),
        choices=[c for c in NormativeStatus.choices if c[0] != NormativeStatus.IN_FORCE],
    )
    on = forms.DateField(label=pgettext_lazy("information item", "Date"), widget=DATE)
    changed_by = forms.CharField(
        label=_("Amending or repealing document"), max_length=200, required=False
    )


class CleanupForm(forms.Form):
    title = forms.CharField(label=_("Title of the clean-up result"), max_length=300)
    decided_on = forms.DateField(label=pgettext_lazy("information item", "Decided on"), widget=DATE)

    def __init__(self, *args, documents, **kwargs):
        super().__init__(*args, **kwargs)
        for document in documents:
            self.fields[f"outcome_{document.pk}"] = forms.ChoiceField(
                label=str(document), choices=[("", "—"), *CleanupOutcome.choices], required=False
            )

    def outcomes(self) -> dict[int, str]:
        return {
            int(name.removeprefix("outcome_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("outcome_") and value
        }


class SelfCheckForm(forms.Form):
    label = forms.ChoiceField(label=_("Decision"), choices=DisclosureLabel.choices)
    comment = forms.CharField(label=_("Reasons"), widget=forms.Textarea(attrs={"rows": 2}))


class CatalogUploadForm(forms.Form):
    file = forms.FileField(label=_("Standard catalog (.xlsx)"))


class DirectoryFilterForm(forms.Form):
    """The 主动公开基本目录's one filter: a catalog section (empty: every section)."""

    section = forms.ChoiceField(
        label=pgettext_lazy("information item", "Catalog section"),
        choices=[("", pgettext_lazy("filter", "All")), *Section.choices],
        required=False,
    )


class CatalogFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=pgettext_lazy("information item", "Topic"),
        queryset=Topic.objects.all(),
        required=False,
        empty_label=pgettext_lazy("filter", "All"),
    )
    genre = forms.ModelChoiceField(
        label=pgettext_lazy("information item", "Genre"),
        queryset=Genre.objects.all(),
        required=False,
        empty_label=pgettext_lazy("filter", "All"),
    )
    organisation = forms.ModelChoiceField(
        label=pgettext_lazy("information item", "Publishing body"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.BODY),
        required=False,
        empty_label=pgettext_lazy("filter", "All"),
    )
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, required=False, empty_value=None)
    section = forms.ChoiceField(
        label=pgettext_lazy("information item", "Catalog section"),
        choices=[("", pgettext_lazy("filter", "All")), *Section.choices],
        required=False,
    )

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        every = pgettext_lazy("filter", "All")
        year = self.fields["year"]
        assert isinstance(year, forms.ChoiceField)  # declared so above
        year.choices = [("", every), *[(y, str(y)) for y in years]]


class VocabularyNameForm(forms.Form):
    name = forms.CharField(label=_("Name"))

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if len(name) > 60:
            raise forms.ValidationError(_("Give a name of 1 to %(max)d characters.") % {"max": 60})
        return name


class ReviewStepsForm(forms.Form):
    """Up to ``ROWS`` review steps in order; blank rows are skipped."""

    ROWS = 5

    def __init__(self, *args, **kwargs):
        from gongkai.core.models import Role
        from gongkai.proactive.law import ReviewKind

        super().__init__(*args, **kwargs)
        for i in range(1, self.ROWS + 1):
            self.fields[f"kind_{i}"] = forms.ChoiceField(
                label=_("Step %(number)d: kind") % {"number": i},
                choices=[("", "—"), *ReviewKind.choices],
                required=False,
            )
            self.fields[f"role_{i}"] = forms.ChoiceField(
                label=_("Step %(number)d: role") % {"number": i},
                choices=[("", "—"), *Role.choices],
                required=False,
            )

    def clean(self):
        data = super().clean()
        for i in range(1, self.ROWS + 1):
            if bool(data.get(f"kind_{i}")) != bool(data.get(f"role_{i}")):
                raise forms.ValidationError(
                    _("Step %(number)d needs both its kind and its role.") % {"number": i}
                )
        return data

    def steps(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        return [
            (data[f"kind_{i}"], data[f"role_{i}"])
            for i in range(1, self.ROWS + 1)
            if data.get(f"kind_{i}")
        ]

    @classmethod
    def initial_for(cls, steps) -> dict:
        initial = {}
        for i, step in enumerate(steps[: cls.ROWS], start=1):
            initial[f"kind_{i}"], initial[f"role_{i}"] = step.kind, step.role
        return initial
