from django.db import DatabaseError

from gongkai.core.models import Organisation


def site_organisation() -> Organisation | None:
    """The body this installation serves: the first top-level body."""
    try:
        return Organisation.objects.filter(parent__isnull=True, kind="body").order_by("id").first()
    except DatabaseError:
        return None
