from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from gongkai.core.periodic import job


@job(30, _("Publish scheduled information items"))
def publish_scheduled() -> str:
    from gongkai.proactive.services import items_publish_due

    return str(items_publish_due())


@job(31, _("Mark expired normative documents"))
def expire_normative_documents() -> str:
    from gongkai.proactive.services import normative_documents_expire_due

    return str(normative_documents_expire_due(today=timezone.localdate()))


@job(32, _("Flag negative-list entries past their review date"))
def flag_negative_list_reviews() -> str:
    from gongkai.proactive.services import negative_entries_flag_due

    return str(negative_entries_flag_due(today=timezone.localdate()))
