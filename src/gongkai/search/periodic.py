from django.utils.translation import gettext_lazy as _

from gongkai.core.periodic import job


@job(10, _("Apply pending search index changes"))
def sync_search_index() -> str:
    """Heals the index after a crash between the database and the index, and rebuilds
    an index that was lost altogether."""
    from gongkai.search.services import index_heal, sync_pending

    rebuilt = index_heal()
    return f"{sync_pending()} / {rebuilt}"
