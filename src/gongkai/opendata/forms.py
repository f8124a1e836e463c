from django import forms
from django.utils.translation import gettext_lazy as _

from gongkai.core.models import Organisation
from gongkai.opendata.models import Dataset
from gongkai.opendata.vocabulary import Condition, Format, Frequency, Licence, Theme


class CatalogFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=60)
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("All themes")), *Theme.choices]
    )
    publisher = forms.TypedChoiceField(
        label=_("Publisher"), required=False, coerce=int, empty_value=None
    )
    condition = forms.ChoiceField(
        label=_("Open condition"),
        required=False,
        choices=[("", _("All conditions")), *Condition.choices],
    )
    format = forms.ChoiceField(
        label=_("Format"), required=False, choices=[("", _("All formats")), *Format.choices]
    )

    def __init__(self, *args, publishers=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["publisher"].choices = [("", _("All publishers")), *publishers]


class DataRequestForm(forms.Form):
    applicant = forms.CharField(label=_("Your name"), max_length=100)
    organisation_name = forms.CharField(
        label=_("Company or organisation (if any)"), max_length=120, required=False
    )
    purpose = forms.CharField(
        label=_("Purpose of use"),
        min_length=10,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the data will be used for, and by whom."),
    )
    phone = forms.CharField(label=_("Phone"), max_length=30, required=False)
    email = forms.EmailField(label=_("E-mail"), required=False)
    consent = forms.BooleanField(
        label=_(
            "I agree that my name and contacts are used only to handle this request and are "
            "removed 180 days after the decision."
        )
    )


class DatasetForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    slug = forms.SlugField(
        label=_("Identifier"),
        max_length=60,
        required=False,
        help_text=_("Latin letters, digits and hyphens; made from the title when empty."),
    )
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    publisher = forms.ModelChoiceField(label=_("Publisher"), queryset=Organisation.objects.none())
    theme = forms.ChoiceField(label=_("Theme"), choices=Theme.choices)
    frequency = forms.ChoiceField(label=_("Update frequency"), choices=Frequency.choices)
    condition = forms.ChoiceField(label=_("Open condition"), choices=Condition.choices)
    licence = forms.ChoiceField(label=_("Licence"), choices=Licence.choices)
    keywords = forms.CharField(
        label=_("Keywords"), max_length=200, required=False, help_text=_("Separated by commas.")
    )
    is_published = forms.BooleanField(label=_("Shown in the catalog"), required=False, initial=True)
    fields_text = forms.CharField(
        label=_("Fields"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "One field a line: name | type | meaning, e.g. 站点名称 | 文本 | 监测站点的名称."
        ),
    )

    def __init__(self, *args, publishers=None, builtin=False, **kwargs):
        super().__init__(*args, **kwargs)
        if publishers is not None:
            self.fields["publisher"].queryset = publishers
        if builtin:
            del self.fields["fields_text"]
            del self.fields["slug"]


class ResourceForm(forms.Form):
    format = forms.ChoiceField(label=_("Format"), choices=Format.choices)
    file = forms.FileField(label=_("File"))


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision on the request"),
        choices=[("approve", _("Approve and issue a key")), ("refuse", _("Refuse"))],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Reason"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when refusing; the applicant reads it."),
    )
    per_minute = forms.IntegerField(label=_("Requests per minute"), min_value=1, initial=120)
    per_day = forms.IntegerField(label=_("Requests per day"), min_value=1, initial=20000)


class ApiKeyForm(forms.Form):
    holder = forms.CharField(label=_("Holder"), max_length=120)
    contact = forms.CharField(label=_("Contact"), max_length=120, required=False)
    per_minute = forms.IntegerField(label=_("Requests per minute"), min_value=1, initial=120)
    per_day = forms.IntegerField(label=_("Requests per day"), min_value=1, initial=20000)
    datasets = forms.ModelMultipleChoiceField(
        label=_("Conditionally open datasets granted"),
        queryset=Dataset.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, datasets=None, **kwargs):
        super().__init__(*args, **kwargs)
        if datasets is not None:
            self.fields["datasets"].queryset = datasets
