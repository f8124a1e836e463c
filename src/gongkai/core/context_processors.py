from django.conf import settings


def site(request):
    """The site name every template shows in its header."""
    from gongkai.core.selectors import site_organisation

    organisation = site_organisation()
    name = settings.GONGKAI_SITE_NAME or (organisation.name if organisation else "")
    return {
        "site_name": name,
        "site_organisation": organisation,
        "cooloff_hours": f"{settings.AXES_COOLOFF_TIME:g}",
    }
