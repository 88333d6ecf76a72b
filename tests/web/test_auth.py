"""--auth mode: nothing leaks without a login or token; readers cannot write."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fastapi.routing import APIRoute
from webledger import asgi_client, ledger_store

from claimledger.access import (
    add_user,
    authenticate,
    create_token,
    hash_secret,
    revoke_tokens,
    user_for_token,
    verify_secret,
)
from claimledger.errors import AccessError
from claimledger.web import AuthConfig, create_app

pytestmark = pytest.mark.anyio

_WRITES = {"POST", "PUT", "PATCH", "DELETE"}
_PUBLIC = {"/login", "/logout"}


@pytest.fixture
def ledger(tmp_path: Path):
    store = ledger_store(tmp_path)
    add_user(store, "rita", role="reader", password="reader-pw")
    add_user(store, "ana", role="analyst", password="analyst-pw")
    tokens = {"reader": create_token(store, "rita"), "analyst": create_token(store, "ana")}
    app = create_app(store=store, auth=AuthConfig(secret_key="test-secret", login_attempts=3))
    return app, tokens


def _concrete(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "doc1:c1", path)


def _api_operations(app):
    for path, item in app.openapi()["paths"].items():
        for method in item:
            yield method.upper(), _concrete(path)


def _all_routes(app):
    for route in app.routes:
        if isinstance(route, APIRoute) and route.path not in _PUBLIC:
            for method in route.methods:
                yield method, _concrete(route.path)


async def test_auth_every_api_operation_refuses_without_token(ledger):
    app, _ = ledger
    operations = list(_api_operations(app))
    async with asgi_client(app) as http:
        for method, path in operations:
            response = await http.request(method, path, json={})
            assert response.status_code == 401, (method, path)
            assert "Port Elmar" not in response.text
    assert len(operations) >= 12


@pytest.mark.parametrize("token", ["", "clt_nope_nope", "Bearer", "clt_abc"])
async def test_auth_every_api_operation_refuses_bad_token(ledger, token):
    app, _ = ledger
    async with asgi_client(app, authorization=f"Bearer {token}") as http:
        for method, path in _api_operations(app):
            response = await http.request(method, path, json={})
            assert response.status_code == 401, (method, path)


async def test_auth_no_page_leaks_to_anonymous(ledger):
    app, _ = ledger
    async with asgi_client(app) as http:
        for method, path in _all_routes(app):
            response = await http.request(method, path)
            assert response.status_code in (303, 401), (method, path)
            assert "Port Elmar" not in response.text and "Coastal" not in response.text
            if response.status_code == 303:
                assert response.headers["location"].startswith("/login")


async def test_auth_reader_token_reads_but_cannot_write(ledger):
    app, tokens = ledger
    writes = [(m, p) for m, p in _api_operations(app) if m in _WRITES]
    async with asgi_client(app, authorization=f"Bearer {tokens['reader']}") as http:
        read = await http.get("/api/claims")
        for method, path in writes:
            response = await http.request(method, path, json={"action": "confirm"})
            assert response.status_code == 403, (method, path)
        reviews = (await http.get("/api/reviews")).json()
    assert read.status_code == 200 and read.json()["total"] == 4
    assert len(writes) >= 3
    assert reviews == []


async def test_auth_analyst_token_writes_without_csrf(ledger):
    app, tokens = ledger
    async with asgi_client(app, authorization=f"Bearer {tokens['analyst']}") as http:
        response = await http.post("/api/claims/doc1:c1/reviews", json={"action": "confirm"})
    assert response.status_code == 201
    assert response.json()["who"] == "ana"


async def test_auth_login_logout_in_browser(ledger):
    app, _ = ledger
    async with asgi_client(app) as http:
        redirected = await http.get("/claims")
        page = (await http.get("/login")).text
        token = page.split('name="csrf_token" value="')[1].split('"')[0]
        wrong = await http.post(
            "/login", data={"csrf_token": token, "name": "ana", "password": "x"}
        )
        login = await http.post(
            "/login",
            data={"csrf_token": token, "name": "ana", "password": "analyst-pw", "next": "/claims"},
        )
        claims = await http.get("/claims")
        api = await http.get("/api/claims")
        home = (await http.get("/")).text
        new_token = home.split('name="csrf_token" value="')[1].split('"')[0]
        stale = await http.post("/logout", data={"csrf_token": token})
        logout = await http.post("/logout", data={"csrf_token": new_token})
        after = await http.get("/claims")
    assert redirected.status_code == 303 and redirected.headers["location"] == "/login?next=/claims"
    assert wrong.status_code == 401
    assert (login.status_code, login.headers["location"]) == (303, "/claims")
    assert claims.status_code == 200 and "Port Elmar" in claims.text
    assert api.status_code == 200
    assert "ana <small>(analyst)</small>" in home
    assert stale.status_code == 403, "a login starts a new session with a new CSRF token"
    assert logout.status_code == 303
    assert after.status_code == 303


async def test_auth_login_is_rate_limited(ledger):
    app, _ = ledger
    async with asgi_client(app) as http:
        token = (await http.get("/login")).text.split('name="csrf_token" value="')[1].split('"')[0]
        statuses = []
        for password in ["a", "b", "c", "analyst-pw"]:
            form = {"csrf_token": token, "name": "ana", "password": password}
            statuses.append((await http.post("/login", data=form)).status_code)
    assert statuses == [401, 401, 401, 429]


@pytest.mark.parametrize("target", ["//evil.example/", "https://evil.example/", "/\\evil"])
async def test_auth_login_never_redirects_off_site(ledger, target):
    app, _ = ledger
    async with asgi_client(app) as http:
        token = (await http.get("/login")).text.split('name="csrf_token" value="')[1].split('"')[0]
        form = {"csrf_token": token, "name": "ana", "password": "analyst-pw", "next": target}
        response = await http.post("/login", data=form)
    assert response.headers["location"] == "/"


async def test_auth_reader_sees_no_review_forms(ledger):
    app, _ = ledger
    async with asgi_client(app) as http:
        token = (await http.get("/login")).text.split('name="csrf_token" value="')[1].split('"')[0]
        await http.post(
            "/login", data={"csrf_token": token, "name": "rita", "password": "reader-pw"}
        )
        page = (await http.get("/claims/doc1:c1")).text
        home = (await http.get("/")).text
        fresh = home.split('name="csrf_token" value="')[1].split('"')[0]
        posted = await http.post(
            "/claims/doc1:c1/review", data={"csrf_token": fresh, "action": "reject"}
        )
    assert "review-form" not in page
    assert posted.status_code == 403


def test_access_secrets_are_hashed_and_verified(tmp_path):
    store = ledger_store(tmp_path)
    add_user(store, "ana", role="admin", password="pw")
    token = create_token(store, "ana")
    hashed = hash_secret("pw")
    assert hashed.startswith("scrypt$") and "pw" not in hashed
    assert verify_secret("pw", hashed) and not verify_secret("pW", hashed)
    assert not verify_secret("pw", "garbage")
    assert authenticate(store, "ana", "pw").role == "admin"
    assert authenticate(store, "ana", "nope") is None and authenticate(store, "bob", "pw") is None
    assert user_for_token(store, token).name == "ana"
    assert revoke_tokens(store, "ana") == 1
    assert user_for_token(store, token) is None
    with pytest.raises(AccessError):
        add_user(store, "x", role="king")
    with pytest.raises(AccessError):
        create_token(store, "nobody")
