"""Unit names in a plan's 负责单位 cell, matched to the organisation tree.

The cell reads ``政治处、公关科,市局有关单位,各县(市)公安局、各分局``: the units before the
first comma lead (牵头), the ones after it share the work (配合). Each name is matched, in
this order, and the reason is kept for the preview:

1. a name the office mapped before (``UnitAlias``: mapped once, remembered);
2. the exact name of one of the body's units or subordinate bodies;
3. a collective: ``各分局``/``各县(市)公安局`` is every subordinate body whose name ends so
   (``(市)`` meaning 县 or 市); ``有关单位``/``各单位`` is the units concerned, named by no one,
   recorded as text and assigned to no unit;
4. a unique abbreviation: 网警 for 网警支队 (a name the tree's name starts with);
5. otherwise unknown, flagged for the office to map.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from gongkai.core.models import Organisation

LEAD = "lead"
CO = "co"

UNSPECIFIED = re.compile(r"(有关|相关|各)(单位|部门|科室|警种)$")
COLLECTIVE = re.compile(r"^各(?P<what>.+)$")
PARENTHESISED = re.compile(r"^(?P<before>.*?)(?P<a>.)\((?P<b>.)\)(?P<after>.*)$")
SEPARATORS_MAJOR = re.compile(r"[,，;；]")
SEPARATORS_MINOR = re.compile(r"[、/]")


@dataclass
class UnitMatch:
    name: str
    role: str  # LEAD or CO
    organisations: list[Organisation] = field(default_factory=list)
    reason: str = ""
    collective: bool = False  # names no one (有关单位): kept as text
    unknown: bool = False


def _split_outside_brackets(text: str, pattern: re.Pattern) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += char in "(（"
        depth -= char in ")）"
        if depth == 0 and pattern.match(char):
            parts.append(current)
            current = ""
        else:
            current += char
    parts.append(current)
    return [p.strip() for p in parts if p.strip()]


def unit_names(cell: str) -> list[tuple[str, str]]:
    """(name, role) pairs of a 负责单位 cell, in order."""
    text = re.sub(r"\s+", "", cell or "").replace("（", "(").replace("）", ")")
    groups = _split_outside_brackets(text, SEPARATORS_MAJOR)
    pairs: list[tuple[str, str]] = []
    for index, group in enumerate(groups):
        for name in _split_outside_brackets(group, SEPARATORS_MINOR):
            pairs.append((name, LEAD if index == 0 else CO))
    return pairs


def _endings(what: str) -> list[str]:
    """县(市)公安局 → [县公安局, 市公安局]."""
    match = PARENTHESISED.match(what)
    if not match:
        return [what]
    tail = match["after"]
    return [match["before"] + match["a"] + tail, match["before"] + match["b"] + tail]


class UnitMatcher:
    """Matches names against one body's tree; built once per import (three queries)."""

    def __init__(self, body: Organisation, aliases: dict[str, tuple[Organisation | None, bool]]):
        self.body = body
        self.aliases = aliases
        children = list(Organisation.objects.filter(parent=body, is_active=True).order_by("id"))
        self.units = [o for o in children if o.kind == Organisation.Kind.UNIT]
        self.bodies = [o for o in children if o.kind == Organisation.Kind.BODY]
        self.by_name = {o.name: o for o in children}
        self.by_name.setdefault(body.name, body)

    def match(self, name: str, role: str) -> UnitMatch:
        result = UnitMatch(name=name, role=role)
        if name in self.aliases:
            target, collective = self.aliases[name]
            if collective or target is None:
                result.collective = True
                result.reason = _("Mapped by the office: the units concerned, no one unit.")
            else:
                result.organisations = [target]
                result.reason = _("Mapped by the office to %(name)s.") % {"name": target.name}
            return result
        if name in self.by_name:
            result.organisations = [self.by_name[name]]
            result.reason = _("Exact name in the organisation tree.")
            return result
        collective_match = COLLECTIVE.match(name)
        if UNSPECIFIED.search(name):
            result.collective = True
            result.reason = _("The units concerned, named by no one: kept as text.")
            return result
        if collective_match:
            endings = _endings(collective_match["what"])
            found = [b for b in self.bodies if any(b.name.endswith(e) for e in endings)]
            if found:
                result.organisations = found
                result.reason = _(
                    "Every subordinate body whose name ends with %(endings)s (%(count)d)."
                ) % {"endings": "、".join(endings), "count": len(found)}
                return result
        prefixed = [o for o in self.units + self.bodies if o.name.startswith(name)]
        if len(name) >= 2 and len(prefixed) == 1:
            result.organisations = prefixed
            result.reason = _("Short for %(name)s (the only name that starts so).") % {
                "name": prefixed[0].name
            }
            return result
        result.unknown = True
        result.reason = _("Not in the organisation tree: map it once below.")
        return result

    def match_cell(self, cell: str) -> list[UnitMatch]:
        return [self.match(name, role) for name, role in unit_names(cell)]
