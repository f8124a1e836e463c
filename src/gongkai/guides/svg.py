"""Drawings made on the server (no script): a guide's flowchart and the map's overview.

Both return SVG markup with its text escaped, a ``<title>`` and ``role="img"``; the pages
inline them so they print and work without JavaScript or tiles.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WIDTH = 340
BOX_WIDTH = 280
LINE = 18
CHARS_PER_LINE = 18  # CJK characters at 14 px in a 280 px box, with padding


def wrap(text: str, width: int = CHARS_PER_LINE) -> list[str]:
    """Cut Chinese text into lines of ``width`` characters (it has no spaces to break at)."""
    text = " ".join(text.split())
    return [text[i : i + width] for i in range(0, len(text), width)] or [""]


def _box(y: int, lines: list[str], *, number: str, rounded: int) -> tuple[str, int]:
    height = 16 + LINE * len(lines)
    x = (WIDTH - BOX_WIDTH) // 2
    parts = [
        f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{height}" rx="{rounded}" '
        f'fill="#fff" stroke="#b22222" stroke-width="1.5"/>'
    ]
    for i, text in enumerate(lines):
        weight = ' font-weight="bold"' if i == 0 else ""
        size = 15 if i == 0 else 13
        parts.append(
            f'<text x="{WIDTH // 2}" y="{y + 22 + LINE * i}" font-size="{size}"{weight} '
            f'text-anchor="middle">{escape(text)}</text>'
        )
    if number:
        parts.append(
            f'<circle cx="{x}" cy="{y}" r="11" fill="#b22222"/><text x="{x}" y="{y + 4}" '
            f'font-size="12" fill="#fff" text-anchor="middle">{escape(number)}</text>'
        )
    return "".join(parts), height


def _arrow(y: int) -> str:
    cx = WIDTH // 2
    return (
        f'<line x1="{cx}" y1="{y}" x2="{cx}" y2="{y + 20}" stroke="#555" stroke-width="1.5"/>'
        f'<path d="M{cx - 5} {y + 16} L{cx} {y + 24} L{cx + 5} {y + 16} Z" fill="#555"/>'
    )


def flowchart(steps: Sequence[tuple[str, str]], *, title: str, start: str, end: str) -> SafeString:
    """办理流程图: ``start``, each (name, description) step numbered, then ``end``."""
    y, parts = 8, []
    shapes = [(start, "", "", 22)]
    shapes += [(name, text, str(i), 4) for i, (name, text) in enumerate(steps, start=1)]
    shapes.append((end, "", "", 22))
    for index, (name, text, number, rounded) in enumerate(shapes):
        lines = [name, *wrap(text)] if text else [name]
        markup, height = _box(y, lines, number=number, rounded=rounded)
        parts.append(markup)
        y += height
        if index < len(shapes) - 1:
            parts.append(_arrow(y))
            y += 28
    return mark_safe(  # noqa: S308 - every text above went through escape()
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {y + 8}" '
        f'class="flowchart" role="img" aria-labelledby="flow-title">'
        f'<title id="flow-title">{escape(title)}</title>'
        f'<g font-family="sans-serif" fill="#222">{"".join(parts)}</g></svg>'
    )


# PAD keeps every dot clear of the north arrow (top right) and the scale bar (bottom left).
MAP_WIDTH, MAP_HEIGHT, PAD = 640, 420, 64
KIND_COLOURS = {
    "window": "#b22222",
    "station": "#1f4e99",
    "centre": "#2e7d32",
    "exit_entry": "#8e24aa",
    "vehicles": "#e65100",
}


def _projection(points: Sequence[tuple[float, float]]):
    """Equirectangular over the points' extent, longitude shrunk by cos(latitude) so
    distances look right at 湛江's latitude; one scale for both axes."""
    lats = [p[0] for p in points]
    lons = [p[1] for p in points]
    mid = math.radians((min(lats) + max(lats)) / 2)
    width = max((max(lons) - min(lons)) * math.cos(mid), 0.01)
    height = max(max(lats) - min(lats), 0.01)
    scale = min((MAP_WIDTH - 2 * PAD) / width, (MAP_HEIGHT - 2 * PAD) / height)
    x0 = (MAP_WIDTH - width * scale) / 2
    y0 = (MAP_HEIGHT - height * scale) / 2

    def project(lat: float, lon: float) -> tuple[float, float]:
        x = x0 + (lon - min(lons)) * math.cos(mid) * scale
        y = y0 + (max(lats) - lat) * scale
        return round(x, 1), round(y, 1)

    return project, scale


def _scale_bar(scale: float) -> str:
    """A bar of a round number of kilometres (1° of latitude ≈ 111.32 km)."""
    km_per_px = 111.32 / scale
    km = next((k for k in (1, 2, 5, 10, 20, 50, 100) if k / km_per_px >= 60), 100)
    length = round(km / km_per_px)
    x, y = 16, MAP_HEIGHT - 16
    return (
        f'<line x1="{x}" y1="{y}" x2="{x + length}" y2="{y}" stroke="#333" stroke-width="3"/>'
        f'<text x="{x}" y="{y - 6}" font-size="12">{km} km</text>'
    )


DOT = 15


def _clear_of(x: float, y: float, placed: list[tuple[float, float]]) -> tuple[float, float]:
    """Where to draw a dot so it does not hide one already drawn: its own place, or the
    first free spot on rings around it (a leader line joins it to its true place)."""
    gap = 2 * DOT + 2

    def free(cx: float, cy: float) -> bool:
        return all(math.hypot(cx - px, cy - py) >= gap for px, py in placed)

    if free(x, y):
        return x, y
    for ring in range(1, 6):
        for step in range(12):
            angle = math.radians(step * 30 - 90)
            cx = round(x + ring * gap * math.cos(angle), 1)
            cy = round(y + ring * gap * math.sin(angle), 1)
            if (
                PAD / 2 <= cx <= MAP_WIDTH - PAD / 2
                and PAD / 2 <= cy <= MAP_HEIGHT - PAD / 2
                and free(cx, cy)
            ):
                return cx, cy
    return x, y


def overview_map(points: Sequence, *, title: str) -> SafeString:
    """The service points as numbered dots (the list beside it gives the numbers), for
    when no tile server is configured or reachable. ``points``: objects with latitude,
    longitude and kind, in the list's order."""
    if not points:
        return mark_safe("")
    coordinates = [(float(p.latitude), float(p.longitude)) for p in points]
    project, scale = _projection(coordinates)
    dots: list[str] = []
    placed: list[tuple[float, float]] = []
    for number, (point, (lat, lon)) in enumerate(zip(points, coordinates, strict=True), start=1):
        x, y = project(lat, lon)
        colour = KIND_COLOURS.get(point.kind, "#444")
        dx, dy = _clear_of(x, y, placed)
        placed.append((dx, dy))
        leader = (
            f'<circle cx="{x}" cy="{y}" r="3" fill="{colour}"/><line x1="{x}" y1="{y}" '
            f'x2="{dx}" y2="{dy}" stroke="{colour}" stroke-width="1.5"/>'
            if (dx, dy) != (x, y)
            else ""
        )
        dots.append(
            f"<g><title>{number}. {escape(point.name)}</title>{leader}"
            f'<circle cx="{dx}" cy="{dy}" r="{DOT}" fill="{colour}" stroke="#fff" stroke-width="2"/>'
            f'<text x="{dx}" y="{dy + 5}" font-size="15" fill="#fff" text-anchor="middle">'
            f"{number}</text></g>"
        )
    north = (
        f'<path d="M{MAP_WIDTH - 24} 14 L{MAP_WIDTH - 30} 32 L{MAP_WIDTH - 18} 32 Z" '
        f'fill="#333"/><text x="{MAP_WIDTH - 24}" y="46" font-size="12" '
        f'text-anchor="middle">N</text>'
    )
    return mark_safe(  # noqa: S308 - names escaped, numbers computed
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" '
        f'class="overview-map" role="img" aria-labelledby="map-title">'
        f'<title id="map-title">{escape(title)}</title>'
        f'<rect width="{MAP_WIDTH}" height="{MAP_HEIGHT}" fill="#eef3f7" stroke="#c8d3dc"/>'
        f'<g font-family="sans-serif" fill="#222">{north}{_scale_bar(scale)}{"".join(dots)}</g>'
        f"</svg>"
    )
