from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.periodic import job


@job(10, gettext_lazy("Apply pending search index changes"))
def sync_search_index() -> str:
    """Heals the index: pending changes after a crash, a rebuild when it is missing or empty."""
    from gongkai.search.services import search_index_heal

    # An index that cannot be healed raises IndexUnhealthyError: the job runs as its own
    # task, so the failure is retried with backoff and shown on the failures page
    # (工作台 → 后台任务) while the other periodic jobs run on.
    healing = search_index_heal()
    if healing.rebuilt is not None:
        return _("Search index rebuilt: %(count)d documents.") % {"count": healing.rebuilt}
    return str(healing.applied)
