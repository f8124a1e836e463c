"""Template tags other apps' pages use: {% load portal %}{% qr_code_for request.build_absolute_uri %}."""

from __future__ import annotations

from urllib.parse import urlsplit

from django import template
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.http import urlencode

register = template.Library()


@register.simple_tag
def qr_code_for(url: str, size: int = 160):
    """A QR code that opens ``url`` (a page of this site) with PNG and SVG downloads.

    The image comes from the portal's qr/page.<fmt> view, so the page stays within the
    Content-Security-Policy and the image can be cached. The PNG download link is the
    image's own address (the template's ``download`` attribute): one PNG per page for
    browsers and for the site check's crawl, which opens every address once.
    """
    parts = urlsplit(str(url))
    path = parts.path or "/"
    if parts.query:
        path = f"{path}?{parts.query}"
    query = urlencode({"path": path})
    return render_to_string(
        "portal/_qr.html",
        {
            "png": f"{reverse('portal:qr-page', args=['png'])}?{query}",
            "svg": f"{reverse('portal:qr-page', args=['svg'])}?{query}",
            "size": int(size),
        },
    )


@register.inclusion_tag("portal/_openness_tree.html", takes_context=True)
def openness_tree(context):
    """The 政府信息公开 column's left tree (a menu button on a phone)."""
    from gongkai.portal.selectors.openness import openness_tree as tree

    request = context.get("request")
    title, nodes = tree(request.path if request is not None else "")
    return {"title": title, "nodes": nodes}
