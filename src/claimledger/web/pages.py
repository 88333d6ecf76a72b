"""Render the workbench's HTML pages with the context every page needs."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse

from claimledger.web.security import guard


def render(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    """Render template ``name``; the page gets the user, auth mode and CSRF token."""
    keeper = guard(request)
    page = {
        "user": getattr(request.state, "user", None),
        "auth": keeper.auth is not None,
        "csrf_token": keeper.csrf_token(request),
        **context,
    }
    response: HTMLResponse = request.app.state.templates.TemplateResponse(
        request, name, page, status_code=status_code
    )
    keeper.save_session(request, response)
    return response
