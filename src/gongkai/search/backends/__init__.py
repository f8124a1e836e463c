"""Backend selection: the embedded tantivy index unless the database is PostgreSQL.

``settings.GONGKAI_SEARCH_BACKEND`` overrides the choice: "tantivy", "postgres", or the
dotted path of a ``SearchBackend`` subclass. ``settings.GONGKAI_SEARCH_DIR`` moves the
tantivy index (default ``VAR_DIR / "search"``).
"""

from __future__ import annotations

import threading
from pathlib import Path

from django.conf import settings
from django.core.signals import setting_changed
from django.db import connection
from django.dispatch import receiver
from django.utils.module_loading import import_string

from .base import SearchBackend

_lock = threading.Lock()
_cache: dict[tuple, SearchBackend] = {}


def backend_name() -> str:
    configured = getattr(settings, "GONGKAI_SEARCH_BACKEND", "") or ""
    if configured:
        return configured
    return "postgres" if connection.vendor == "postgresql" else "tantivy"


def index_dir() -> Path:
    configured = getattr(settings, "GONGKAI_SEARCH_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "search"


def _build(name: str) -> SearchBackend:
    if name == "tantivy":
        from .embedded import EmbeddedBackend

        return EmbeddedBackend(index_dir())
    if name == "postgres":
        from .postgres import PostgresBackend

        return PostgresBackend()
    return import_string(name)()


def get_backend() -> SearchBackend:
    """The process-wide backend (one tantivy Index object per process and directory)."""
    key = (backend_name(), str(index_dir()))
    with _lock:
        if key not in _cache:
            _cache[key] = _build(key[0])
        return _cache[key]


def reset_backend() -> None:
    with _lock:
        _cache.clear()


@receiver(setting_changed)
def _on_setting_changed(*, setting, **kwargs):
    if setting in {"GONGKAI_SEARCH_BACKEND", "GONGKAI_SEARCH_DIR", "VAR_DIR"}:
        reset_backend()


__all__ = ["SearchBackend", "backend_name", "get_backend", "index_dir", "reset_backend"]
