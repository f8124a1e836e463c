"""The participation app's operations under /api/v1/participation/."""

from ninja import Router

router = Router(tags=["participation"])
