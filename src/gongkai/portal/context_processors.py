from django.utils.functional import SimpleLazyObject


def site_identity(request):
    """The footer's 主办单位, 网站标识码 and filing numbers (read only when a page shows them)."""
    from gongkai.portal.selectors.identity import site_identity_for_pages

    return {"site_identity": SimpleLazyObject(site_identity_for_pages)}
