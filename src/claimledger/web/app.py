"""The workbench's FastAPI application, built by :func:`create_app`."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import HTTPException
from fastapi.responses import JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from claimledger import __version__
from claimledger.errors import ClaimLedgerError, InputError, ReviewError
from claimledger.store import Store
from claimledger.web.pages import render
from claimledger.web.routes import ROUTERS
from claimledger.web.routes.ingest import Ingester, LibraryIngester
from claimledger.web.security import AuthConfig, Guard, NotAuthenticated

_PACKAGE = resources.files("claimledger.web")


def create_app(
    *, store: Store, auth: AuthConfig | None = None, ingester: Ingester | None = None
) -> FastAPI:
    """Build the workbench over ``store``; ``auth`` turns on users and tokens.

    ``ingester`` replaces the library's ingest (tests pass a fake one).

    Example:
        >>> app = create_app(store=open_store("ledger.db"))
        >>> uvicorn.run(app, host="127.0.0.1", port=8000)
    """
    app = FastAPI(
        title="claimledger workbench",
        version=__version__,
        description="Browse, cross-check and review a claim ledger. JSON API under /api/.",
        # The interactive docs pages load their scripts from a CDN; the
        # workbench must work offline, so only the schema is served.
        docs_url=None,
        redoc_url=None,
        # Served by a route of its own, behind the same access check as the API.
        openapi_url=None,
    )
    app.state.store = store
    app.state.guard = Guard(store=store, auth=auth)
    app.state.ingester = ingester or LibraryIngester()
    app.state.templates = Jinja2Templates(directory=Path(str(_PACKAGE / "templates")))
    app.mount("/static", StaticFiles(directory=Path(str(_PACKAGE / "static"))), name="static")
    for router in ROUTERS:
        app.include_router(router)
    _add_error_handlers(app)
    return app


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(NotAuthenticated)
    async def not_authenticated(request: Request, _exc: NotAuthenticated) -> Response:
        if _wants_json(request):
            return JSONResponse(
                {"detail": "authentication required"},
                status_code=401,
                headers={"WWW-Authenticate": "Bearer"},
            )
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        return RedirectResponse(f"/login?next={_quote(target)}", status_code=303)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request) or request.method not in ("GET", "POST"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return render(
            request,
            "error.html",
            {"status": exc.status_code, "detail": exc.detail},
            status_code=exc.status_code,
        )

    @app.exception_handler(ClaimLedgerError)
    async def ledger_error(request: Request, exc: ClaimLedgerError) -> Response:
        status = 400 if isinstance(exc, ReviewError | InputError) else 500
        return await http_error(request, HTTPException(status, str(exc)))


def _quote(path: str) -> str:
    from urllib.parse import quote

    return quote(path, safe="/")
