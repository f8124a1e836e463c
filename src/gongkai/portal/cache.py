"""The portal's page cache is core's (shared with every app's public pages)."""

from gongkai.core.cache import (  # noqa: F401 - the portal's names for core's cache
    ELDER_COOKIE,
    PAGE_SECONDS,
    generation,
    is_elder,
    public_page,
)
from gongkai.core.cache import public_content_changed as cache_bump  # noqa: F401
