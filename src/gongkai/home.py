"""The data home: ``var/`` (database, media, search index, static files, secret key).

Settings only compute paths; the entry points make the folders (``prepare``): the
``gongkai`` command, the WSGI application and the test run. So importing settings (a type
checker, a linter, a documentation build) never writes to disk.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
SECRET_KEY_FILE = "secret_key"  # noqa: S105 (a file name, not a secret)


def base_dir() -> Path:
    """``GONGKAI_HOME``, else the checkout of an editable install, else the working folder."""
    configured = os.environ.get("GONGKAI_HOME")
    if configured:
        return Path(configured).resolve()
    checkout = PACKAGE_DIR.parent.parent
    if (checkout / "pyproject.toml").exists():
        return checkout.resolve()
    return Path.cwd().resolve()


def var_dir() -> Path:
    return base_dir() / "var"


def prepare() -> Path:
    """Make ``var/`` and ``var/static``, and (outside production, without ``SECRET_KEY``)
    the development secret key file; the ``var/`` path. Idempotent."""
    var = var_dir()
    (var / "static").mkdir(parents=True, exist_ok=True)
    production = os.environ.get("GONGKAI_PRODUCTION", "").strip().lower() in {
        "1",
        "true",
        "yes",
        "on",
    }
    key = var / SECRET_KEY_FILE
    if not production and not os.environ.get("SECRET_KEY") and not key.exists():
        key.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key.chmod(0o600)
    return var
