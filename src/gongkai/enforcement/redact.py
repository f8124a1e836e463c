"""Removing personal data from a decision before it is published.

A natural person is named by surname + 某 (王某, 欧阳某), wherever the full name appears in
the free text too; the rest of the free text goes through ``gongkai.privacy``'s detector,
told what is public by law here (the officers' names and certificate numbers, the body's
own phones and addresses), so it never flags them. The reviewer sees every finding and may
keep one (a public place name the detector took for an address); everything else is masked.
"""

from __future__ import annotations

from gongkai.core.models import Organisation
from gongkai.enforcement.law import PARTY_MASK, PartyKind
from gongkai.privacy import Finding, detect, mask_finding
from gongkai.privacy.detect import PublicData
from gongkai.privacy.names import surname_length

SCANNED_FIELDS = ("facts", "content")


def party_public(kind: str, name: str) -> str:
    """A legal person's name as it is; a natural person's surname and 某."""
    name = name.strip()
    if kind != PartyKind.NATURAL or not name:
        return name
    return name[: max(1, surname_length(name))] + PARTY_MASK


def public_data(organisation: Organisation, officer_names: list[str]) -> PublicData:
    nodes = [organisation, *Organisation.objects.filter(parent=organisation)]
    return PublicData.of(
        names=officer_names,
        phones=[n.phone for n in nodes if n.phone],
        addresses=[n.address for n in nodes if n.address],
    )


def scan(values: dict[str, str], *, party_kind: str, party_name: str, public: PublicData) -> list:
    """Findings in each scanned field: the party's full name first, then the detector's."""
    found: list[dict] = []
    for field in SCANNED_FIELDS:
        text = values.get(field, "")
        spans: list[Finding] = []
        if party_kind == PartyKind.NATURAL and len(party_name.strip()) >= 2:
            name = party_name.strip()
            start = text.find(name)
            while start != -1:
                spans.append(Finding("name", start, start + len(name), name))
                start = text.find(name, start + len(name))
        for finding in detect(text, public=public):
            if not any(s.start < finding.end and finding.start < s.end for s in spans):
                spans.append(finding)
        found.extend(
            {"field": field, "type": f.type, "start": f.start, "end": f.end, "text": f.text}
            for f in sorted(spans, key=lambda f: f.start)
        )
    return found


def replacement(finding: dict) -> str:
    if finding["type"] == "name":
        return party_public(PartyKind.NATURAL, finding["text"])
    return mask_finding(Finding(finding["type"], finding["start"], finding["end"], finding["text"]))


def redacted(text: str, findings: list[dict]) -> str:
    """``text`` with each finding replaced (findings of this one field, any order)."""
    parts, pos = [], 0
    for f in sorted(findings, key=lambda f: f["start"]):
        if f["start"] < pos:
            continue
        parts += [text[pos : f["start"]], replacement(f)]
        pos = f["end"]
    parts.append(text[pos:])
    return "".join(parts)
