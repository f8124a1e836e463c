"""QR code images: of any portal page (?path=), of a column, a topic or a catalog section."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_GET

from gongkai.portal.qr import FORMATS, qr_bytes
from gongkai.portal.selectors import column_public, column_url
from gongkai.proactive.law import Section
from gongkai.proactive.models import Topic

MAX_PATH = 500


def _respond(request, target: str, fmt: str, name: str) -> HttpResponse:
    if fmt not in FORMATS:
        raise Http404
    response = HttpResponse(qr_bytes(request.build_absolute_uri(target), fmt), FORMATS[fmt])
    disposition = "attachment" if request.GET.get("download") == "1" else "inline"
    response["Content-Disposition"] = f'{disposition}; filename="qr-{name}.{fmt}"'
    response["Cache-Control"] = "public, max-age=86400"
    return response


def _catalog(**query) -> str:
    return f"{reverse('proactive:catalog')}?{urlencode(query)}"


@require_GET
def qr_for(request, kind: str, slug: str, fmt: str):
    """qr/<kind>/<slug>.<png|svg>: kind column (slug), topic (id) or section (code)."""
    if kind == "column":
        column = column_public(slug)
        target = column_url(column)
    elif kind == "topic" and slug.isdigit() and Topic.objects.filter(pk=int(slug)).exists():
        target = _catalog(topic=slug)
    elif kind == "section" and slug in Section.values:
        target = _catalog(section=slug)
    else:
        raise Http404
    return _respond(request, target, fmt, f"{kind}-{slug}")


@require_GET
def qr_page(request, fmt: str):
    """qr/page.<png|svg>?path=/a/site/path: only paths of this site, never other hosts."""
    path = request.GET.get("path", "")
    if not path.startswith("/") or path.startswith("//") or "\\" in path or len(path) > MAX_PATH:
        raise Http404
    return _respond(request, path, fmt, "page")
