"""Pages of disclosure on request: the portal (``public``) and the workbench (``staff``).

Views parse input, call one service or selector, and show a service's refusal on the page.
"""

from __future__ import annotations

from gongkai.foi.law import remedy_statement

__all__ = ["remedy_statement"]
