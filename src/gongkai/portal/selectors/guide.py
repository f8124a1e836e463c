"""The 公开指南 (条例 art. 12) of a body."""

from __future__ import annotations

from gongkai.core.models import Organisation
from gongkai.portal.models import OpennessGuide


def guide_for(organisation: Organisation | None) -> OpennessGuide | None:
    if organisation is None:
        return None
    return OpennessGuide.objects.filter(organisation=organisation).first()
