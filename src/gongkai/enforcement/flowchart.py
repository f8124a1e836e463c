"""The 执法流程图 of a matter, drawn on the server as SVG (no script needed to see it).

One box per step, top to bottom, joined by arrows; long steps wrap. The text is escaped;
the drawing scales to the width of the page (viewBox, no fixed width). Colours are
attributes, not a <style> element, so the site's CSP never blocks them.
"""

from __future__ import annotations

from django.utils.html import escape

WIDTH = 320
BOX_WIDTH = 280
LINE_HEIGHT = 20
CHARS_PER_LINE = 14  # Chinese characters at 15 px in a 280 px box
PADDING = 12
GAP = 28


def _lines(text: str) -> list[str]:
    text = " ".join(text.split())
    return [text[i : i + CHARS_PER_LINE] for i in range(0, len(text), CHARS_PER_LINE)] or [""]


def flowchart_svg(steps: list[str], title: str) -> str:
    parts: list[str] = []
    y = 10
    x = (WIDTH - BOX_WIDTH) // 2
    centre = WIDTH // 2
    for index, step in enumerate(steps):
        lines = _lines(f"{index + 1}. {step}")
        height = len(lines) * LINE_HEIGHT + PADDING
        first = index == 0
        last = index == len(steps) - 1
        radius = 16 if first or last else 4
        parts.append(
            f'<rect x="{x}" y="{y}" width="{BOX_WIDTH}" height="{height}" rx="{radius}" '
            f'fill="#f4f7fb" stroke="#1d4e89" stroke-width="1.5"/>'
        )
        for n, line in enumerate(lines):
            baseline = y + PADDING // 2 + (n + 1) * LINE_HEIGHT - 5
            parts.append(
                f'<text x="{centre}" y="{baseline}" text-anchor="middle" font-size="15" '
                f'fill="#1a1a1a">{escape(line)}</text>'
            )
        y += height
        if not last:
            parts.append(
                f'<line x1="{centre}" y1="{y}" x2="{centre}" y2="{y + GAP - 6}" stroke="#1d4e89" stroke-width="1.5"/>'
                f'<path d="M{centre - 5},{y + GAP - 8} L{centre + 5},{y + GAP - 8} '
                f'L{centre},{y + GAP - 1} Z" fill="#1d4e89"/>'
            )
            y += GAP
    height = y + 10
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" '
        f'role="img" aria-label="{escape(title)}" class="flowchart">'
        f"<title>{escape(title)}</title>{''.join(parts)}</svg>"
    )
