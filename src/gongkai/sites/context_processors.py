def current_site(request):
    """The request's site (gongkai.sites) for the page chrome: theme, logo, guide link."""
    return {"current_site": getattr(request, "site", None)}
