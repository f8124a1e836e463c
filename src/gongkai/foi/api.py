"""The foi app's operations under /api/v1/foi/."""

from ninja import Router

router = Router(tags=["foi"])
