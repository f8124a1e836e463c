"""The 公开指南 (条例 art. 12) of a body."""

from __future__ import annotations

from gongkai.portal.models import OpennessGuide


def guide_for(organisation) -> OpennessGuide | None:
    if organisation is None:
        return None
    return OpennessGuide.objects.filter(organisation=organisation).first()
