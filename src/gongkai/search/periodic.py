import logging

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from gongkai.core.periodic import job

log = logging.getLogger(__name__)


@job(10, gettext_lazy("Apply pending search index changes"))
def sync_search_index() -> str:
    """Heals the index: pending changes after a crash, a rebuild when it is missing or empty."""
    from gongkai.search.services import IndexUnhealthyError, search_index_heal

    try:
        healing = search_index_heal()
    except IndexUnhealthyError:
        # The other jobs still run; the failure is in the log and in the sweep's output.
        log.exception("The search index could not be healed.")
        return _("The search index is still missing or empty; see the log.")
    if healing.rebuilt is not None:
        return _("Search index rebuilt: %(count)d documents.") % {"count": healing.rebuilt}
    return str(healing.applied)
