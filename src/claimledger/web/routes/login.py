"""Log in and out (``--auth`` mode): a signed session cookie, rate-limited."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from claimledger import access
from claimledger.web.context import store_of
from claimledger.web.pages import render
from claimledger.web.security import SESSION_COOKIE, guard

router = APIRouter(include_in_schema=False)


def _safe_next(target: str | None) -> str:
    # Only same-site paths: "//evil.example" and "https://..." would leave the site.
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return "/"


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request, next: Annotated[str | None, Query(max_length=2000)] = None
) -> HTMLResponse:
    return render(request, "login.html", {"next": _safe_next(next), "error": None})


@router.post("/login", response_model=None)
def login(
    request: Request,
    csrf_token: Annotated[str, Form()],
    name: Annotated[str, Form(max_length=80)],
    password: Annotated[str, Form(max_length=1000)],
    next: Annotated[str | None, Form(max_length=2000)] = None,
) -> Response:
    keeper = guard(request)
    keeper.check_csrf(request, csrf_token)
    client = request.client.host if request.client else "?"
    target = _safe_next(next)
    if keeper.limiter.blocked(client):
        error = "Too many failed logins; wait a minute and try again."
        return render(request, "login.html", {"next": target, "error": error}, status_code=429)
    user = access.authenticate(store_of(request), name, password)
    if user is None:
        keeper.limiter.failed(client)
        error = "Unknown user or wrong password."
        return render(request, "login.html", {"next": target, "error": error}, status_code=401)
    keeper.limiter.succeeded(client)
    keeper.start_session(request, user.name)
    response = RedirectResponse(target, status_code=303)
    keeper.save_session(request, response)
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: Annotated[str, Form()]) -> RedirectResponse:
    guard(request).check_csrf(request, csrf_token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE)
    return response
