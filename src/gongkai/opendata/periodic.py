"""The open data app's periodic jobs (see core/periodic.py)."""

from django.utils.translation import gettext_lazy as _

from gongkai.core.periodic import job


@job(80, _("Add new built-in open datasets to the catalog"))
def opendata_sync() -> str:
    from gongkai.opendata.services import builtin_datasets_sync

    return str(builtin_datasets_sync())


@job(81, _("Remove personal data of decided open data requests"))
def opendata_anonymise() -> str:
    from gongkai.opendata.services import requests_anonymise

    return str(requests_anonymise())
