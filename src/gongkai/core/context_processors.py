from typing import Any

from django.conf import settings
from django.http import HttpRequest


def navigation(request: HttpRequest) -> dict[str, Any]:
    """The portal and workbench menus registered by the installed apps."""
    from gongkai.core.access import user_roles
    from gongkai.core.navigation import portal_links, workbench_links, workbench_menu

    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        nav = workbench_links(set())
        return {"portal_nav": portal_links(), "workbench_nav": nav, "workbench_menu": []}
    roles = user_roles(user)
    return {
        "portal_nav": portal_links(),
        "workbench_nav": workbench_links(roles),
        "workbench_menu": workbench_menu(roles, request.path),
    }


def site(request: HttpRequest) -> dict[str, Any]:
    """The site name every template shows in its header."""
    from gongkai.core.selectors.organisation import site_organisation_for_pages
    from gongkai.core.sitescope import current_site_scope

    organisation = site_organisation_for_pages()
    scope = current_site_scope()  # a body's own site on a shared platform (gongkai.sites)
    name = (
        scope.name
        if scope is not None
        else settings.GONGKAI_SITE_NAME or (organisation.name if organisation else "")
    )
    from gongkai.core.cache import is_elder

    return {
        "elder": is_elder(request),
        "site_name": name,
        "site_organisation": organisation,
        # The footer's 主办单位 when the office set none: the body, not the site's title.
        "site_host": organisation.name if organisation else name,
        "cooloff_hours": f"{settings.AXES_COOLOFF_TIME:g}",
    }
