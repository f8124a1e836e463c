from django.utils.translation import gettext_lazy as _

from gongkai.core.periodic import job


@job(10, _("Apply pending search index changes"))
def sync_search_index() -> str:
    """Heals the index after a crash between the database and the index."""
    from gongkai.search.services import sync_pending

    return str(sync_pending())
