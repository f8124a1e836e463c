"""The proactive app's operations under /api/v1/proactive/."""

from ninja import Router

router = Router(tags=["proactive"])
