"""The catalog's controlled vocabularies, each mapped to the IRI harvesters expect.

- Themes: the EU Publications Office data-theme authority table, the vocabulary DCAT-AP
  requires for ``dcat:theme`` (https://op.europa.eu/en/web/eu-vocabularies/dataset/-/resource?uri=http://publications.europa.eu/resource/dataset/data-theme);
- update frequency: its frequency table, for ``dct:accrualPeriodicity``;
- licences: SPDX identifiers with their canonical URLs, for ``dct:license``;
- formats: IANA media types, for ``dcat:mediaType``.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

THEME_BASE = "http://publications.europa.eu/resource/authority/data-theme/"
FREQUENCY_BASE = "http://publications.europa.eu/resource/authority/frequency/"
MEDIA_TYPE_BASE = "https://www.iana.org/assignments/media-types/"


class Theme(models.TextChoices):
    GOVE = "gove", _("Government and public sector")
    JUST = "just", _("Justice, legal system and public safety")
    SOCI = "soci", _("Population and society")
    ECON = "econ", _("Economy and finance")
    REGI = "regi", _("Regions and cities")
    HEAL = "heal", _("Health")
    EDUC = "educ", _("Education, culture and sport")
    ENVI = "envi", _("Environment")
    TRAN = "tran", _("Transport")
    AGRI = "agri", _("Agriculture, fisheries, forestry and food")


def theme_iri(code: str) -> str:
    return THEME_BASE + code.upper()


class Frequency(models.TextChoices):
    CONTINUOUS = "continuous", _("Continuously updated")
    DAILY = "daily", _("Daily")
    WEEKLY = "weekly", _("Weekly")
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Quarterly")
    ANNUAL = "annual", _("Yearly")
    IRREGULAR = "irregular", _("Irregularly")


FREQUENCY_CODES = {
    "continuous": "UPDATE_CONT",
    "daily": "DAILY",
    "weekly": "WEEKLY",
    "monthly": "MONTHLY",
    "quarterly": "QUARTERLY",
    "annual": "ANNUAL",
    "irregular": "IRREG",
}


def frequency_iri(code: str) -> str:
    return FREQUENCY_BASE + FREQUENCY_CODES[code]


class Condition(models.TextChoices):
    """开放条件: 无条件开放 (anyone downloads) or 有条件开放 (after an approved request)."""

    OPEN = "open", _("Open without conditions")
    CONDITIONAL = "conditional", _("Open on conditions")


class Licence(models.TextChoices):
    CC_BY_4 = "CC-BY-4.0", _("Creative Commons Attribution 4.0")
    CC0 = "CC0-1.0", _("Creative Commons Zero 1.0 (public domain)")


LICENCE_URLS = {
    "CC-BY-4.0": "https://creativecommons.org/licenses/by/4.0/",
    "CC0-1.0": "https://creativecommons.org/publicdomain/zero/1.0/",
}


class Format(models.TextChoices):
    CSV = "csv", "CSV"
    JSON = "json", "JSON"
    XLSX = "xlsx", "XLSX"


MEDIA_TYPES = {
    "csv": "text/csv",
    "json": "application/json",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
BUILTIN_FORMATS = ("csv", "json", "xlsx")


class FieldType(models.TextChoices):
    STRING = "string", pgettext_lazy("field type", "Text")
    INTEGER = "integer", pgettext_lazy("field type", "Integer")
    NUMBER = "number", pgettext_lazy("field type", "Number")
    DATE = "date", pgettext_lazy("field type", "Date")
    DATETIME = "datetime", pgettext_lazy("field type", "Date and time")
    BOOLEAN = "boolean", pgettext_lazy("field type", "Yes or no")


# What the office may type for a type besides its code and label.
FIELD_TYPE_WORDS = {
    "文本": "string", "字符串": "string", "字符型": "string",
    "整数": "integer", "整型": "integer",
    "数值": "number", "数字": "number", "小数": "number",
    "日期": "date", "日期时间": "datetime", "时间": "datetime",
    "是否": "boolean", "布尔": "boolean",
}  # fmt: skip


# --- What the ledger's opendata codes are called (see core/vocabulary.py) -------------------

from gongkai.core import vocabulary as ledger_vocabulary  # noqa: E402

ledger_vocabulary.actions(
    {
        "builtin_sync": _("Built-in dataset added to the catalog"),
        "create": _("Dataset added to the catalog"),
        "update": _("Dataset description changed"),
        "file_upload": _("Dataset file uploaded"),
        "key_issue": _("Open data API key issued"),
        "key_revoke": _("Open data API key revoked"),
        "request_submit": _("Request for a conditionally open dataset received"),
        "request_approve": _("Request for a dataset approved"),
        "request_refuse": _("Request for a dataset refused"),
        "request_collect": _("Applicant collected the API key"),
        "request_anonymise": _("Personal data of data requests removed"),
    },
    prefix="opendata.",
)
ledger_vocabulary.keys(
    {
        "dataset": _("Dataset"),
        "condition": _("Open condition"),
        "licence": _("Licence"),
        "file_format": _("File format"),
        "key_holder": _("Key holder"),
        "key_prefix": _("Key prefix"),
        "per_minute": _("Requests per minute"),
        "per_day": _("Requests per day"),
        "applicant_contact": _("Applicant contact"),
        "requests": _("Requests"),
    },
    free=("dataset", "key_holder", "key_prefix", "applicant_contact", "opendata:reason"),
)
ledger_vocabulary.values("opendata", "condition", Condition.choices)
ledger_vocabulary.values("opendata", "file_format", Format.choices)
