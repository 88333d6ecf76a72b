"""The analyst's workbench: a FastAPI app with a JSON API and HTML pages.

Build it with :func:`create_app`; nothing is created at import time.
"""

from __future__ import annotations

from claimledger.web.app import create_app
from claimledger.web.security import AuthConfig

__all__ = ["AuthConfig", "create_app"]
