"""The workbench in a real browser: Playwright driving Debian's Chromium.

A server is started with ``claimledger serve`` on 127.0.0.1 on a free port.
Screenshots go to ``test-artifacts/``. These tests skip only when
``/usr/bin/chromium`` is missing (CI installs it with apt).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from webledger import ledger_store

from claimledger.access import add_user

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path("test-artifacts")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(
        not CHROMIUM.exists(), reason="needs Debian's Chromium at /usr/bin/chromium"
    ),
]
playwright_api = pytest.importorskip("playwright.sync_api")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _serve(db: Path, *flags: str) -> Iterator[str]:
    port = _free_port()
    command = [sys.executable, "-m", "claimledger", "serve", "--db", str(db), "--port", str(port)]
    server = subprocess.Popen([*command, *flags], env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/login", timeout=1)
                break
            except httpx.TransportError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the workbench server did not start") from None
                time.sleep(0.2)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="module")
def ledger_file(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("browser")
    store = ledger_store(folder)
    add_user(store, "ana", role="analyst", password="analyst-pw")
    store.engine.dispose()
    return folder / "ledger.db"


@pytest.fixture(scope="module")
def server(ledger_file) -> Iterator[str]:
    yield from _serve(ledger_file)


@pytest.fixture(scope="module")
def auth_server(ledger_file) -> Iterator[str]:
    yield from _serve(ledger_file, "--auth")


@pytest.fixture(scope="module")
def browser():
    ARTIFACTS.mkdir(exist_ok=True)
    with playwright_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 760})
    page = context.new_page()
    errors: list[str] = []
    outside: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    def local_only(route):
        # Nothing may leave the machine: refuse, and remember, any other request.
        if route.request.url.startswith("http://127.0.0.1:"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", local_only)
    yield page
    context.close()
    assert errors == []
    assert outside == []


def _shot(page, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/documents",
        "/claims",
        "/conflicts",
        "/estimates",
        "/sources",
        "/map",
        "/timeline",
        "/ingest",
    ],
)
def test_browser_every_page_opens(server, page, path):
    page.goto(server + path)
    assert page.locator("header.top").is_visible()
    assert page.title().endswith("claimledger")
    _shot(page, "page" + path.replace("/", "-").rstrip("-"))


def test_browser_reads_a_document_with_highlights(server, page):
    page.goto(server + "/documents")
    page.get_by_role("link", name="Toll reported near Port Elmar").click()
    reader = page.locator("#reader")
    assert reader.locator("mark.hl-source").first.inner_text() == "The Coastal Ministry"
    assert reader.locator("mark.hl-figure").first.inner_text() == "120 soldiers"
    assert "<propaganda> & lies" in reader.inner_text()
    _shot(page, "reader")
    reader.locator("mark.hl-figure").first.click()
    page.wait_for_url("**/claims/doc1:c1")
    assert "120 soldiers" in page.locator("blockquote").inner_text()


def test_browser_opens_a_conflict(server, page):
    page.goto(server + "/conflicts")
    conflict = page.locator("article#x1")
    sides = conflict.locator("section.side")
    assert sides.count() == 2
    assert "Coastal Ministry" in sides.nth(0).inner_text()
    assert "Lakeside Monitor" in sides.nth(1).inner_text()
    assert page.locator(".revisions article#x2").count() == 1
    _shot(page, "conflict")


def test_browser_corrects_a_claim_and_the_change_is_recorded(server, page, ledger_file):
    page.goto(server + "/claims/doc2:c1")
    _shot(page, "claim")
    form = page.locator("#review-form")
    form.locator("select[name=action]").select_option("correct")
    form.locator("select[name=status]").select_option("estimated")
    form.locator("input[name=value]").fill("45")
    form.locator("textarea[name=note]").fill("monitor revised its count")
    form.locator("#review-submit").click()
    page.wait_for_url("**/claims/doc2:c1#history")
    assert "corrected" in page.locator("#reviewed").inner_text()
    assert "reported" in page.locator("#extracted").inner_text(), "the extraction is kept"
    _shot(page, "claim-corrected")
    api = httpx.get(f"{server}/api/claims/doc2:c1").json()
    exported = subprocess.run(
        [sys.executable, "-m", "claimledger", "export", "--db", str(ledger_file)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    ledger = json.loads(exported)
    claim = next(c for c in ledger["claims"] if c["id"] == "doc2:c1")
    figure = next(q for q in ledger["quantities"] if q["id"] == "doc2:q1")
    assert api["review"]["values"] == {"status": "estimated"}
    assert (claim["status"], claim["review"]["verdict"]) == ("estimated", "corrected")
    assert claim["review"]["original"] == {"status": "reported"}
    assert claim["review"]["note"] == "monitor revised its count"
    assert (figure["value"], figure["review"]["original"]) == (45, {"value": 40.0})


def test_browser_logs_in_and_out(auth_server, page):
    page.goto(auth_server + "/claims")
    page.wait_for_url("**/login?next=/claims")
    _shot(page, "login")
    page.fill("input[name=name]", "ana")
    page.fill("input[name=password]", "wrong")
    page.click("#login-submit")
    assert "wrong password" in page.locator(".error").inner_text()
    page.fill("input[name=name]", "ana")
    page.fill("input[name=password]", "analyst-pw")
    page.click("#login-submit")
    page.wait_for_url("**/claims")
    assert "ana" in page.locator(".who").inner_text()
    page.click("#logout")
    page.wait_for_url("**/login")
    page.goto(auth_server + "/sources")
    assert "/login" in page.url
    assert httpx.get(f"{auth_server}/api/claims").status_code == 401
