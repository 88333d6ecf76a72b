"""``claimledger users`` and ``tokens``: thin commands over claimledger.access."""

from __future__ import annotations

from typer.testing import CliRunner

from claimledger.access import authenticate, user_for_token
from claimledger.cli import app
from claimledger.store import open_store


def test_cli_users_add_and_tokens_create(tmp_path):
    db = str(tmp_path / "ledger.db")
    runner = CliRunner()
    added = runner.invoke(
        app, ["users", "add", "ana", "--role", "analyst", "--db", db], input="s3cret\ns3cret\n"
    )
    created = runner.invoke(app, ["tokens", "create", "ana", "--db", db])
    missing = runner.invoke(app, ["tokens", "create", "bob", "--db", db])
    bad_role = runner.invoke(
        app, ["users", "add", "x", "--role", "king", "--db", db], input="a\na\n"
    )
    store = open_store(db)
    assert added.exit_code == 0, added.output
    assert authenticate(store, "ana", "s3cret").role == "analyst"
    assert user_for_token(store, created.output.strip()).name == "ana"
    assert missing.exit_code == 1 and "no user 'bob'" in missing.output
    assert bad_role.exit_code == 1 and "unknown role" in bad_role.output


def test_cli_serve_with_auth_needs_a_user(tmp_path):
    result = CliRunner().invoke(app, ["serve", "--auth", "--db", str(tmp_path / "l.db")])
    assert result.exit_code == 1
    assert "no users yet" in result.output
