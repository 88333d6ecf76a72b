"""``claimledger serve``, ``users`` and ``tokens``: the analyst's workbench."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from claimledger.access import ROLES, add_user, create_token, revoke_tokens, users
from claimledger.cli.app import DbOption, app, console, errors, reported_errors
from claimledger.store import open_store

users_app = typer.Typer(help="Workbench users for `serve --auth`.", no_args_is_help=True)
tokens_app = typer.Typer(help="API tokens for scripts (`serve --auth`).", no_args_is_help=True)
app.add_typer(users_app, name="users")
app.add_typer(tokens_app, name="tokens")


@app.command("serve")
def serve_command(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to bind; keep 127.0.0.1 unless --auth.")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    auth: Annotated[
        bool, typer.Option("--auth", help="Require login (users, roles, API tokens).")
    ] = False,
) -> None:
    """Serve the workbench (web pages and JSON API) over the ledger."""
    import uvicorn

    from claimledger.web import AuthConfig, create_app

    with reported_errors():
        store = open_store(db)
        if auth and not users(store):
            errors.print(
                "error: no users yet; add one with `claimledger users add NAME --role admin`"
            )
            raise typer.Exit(1)
    if not auth and host not in ("127.0.0.1", "localhost", "::1"):
        errors.print(f"warning: serving without --auth on {host}: anyone who can reach it can edit")
    secret = os.environ.get("CLAIMLEDGER_SECRET_KEY")
    config = (AuthConfig(secret_key=secret) if secret else AuthConfig()) if auth else None
    console.print(f"workbench on http://{host}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(create_app(store=store, auth=config), host=host, port=port, log_level="warning")


@users_app.command("add")
def users_add_command(
    name: Annotated[str, typer.Argument(help="User name.")],
    role: Annotated[str, typer.Option(help=f"One of {', '.join(ROLES)}.")] = "reader",
    password: Annotated[
        str,
        typer.Option(
            prompt=True,
            hide_input=True,
            confirmation_prompt=True,
            envvar="CLAIMLEDGER_PASSWORD",
            help="Login password (prompted).",
        ),
    ] = "",
    db: DbOption = None,
) -> None:
    """Add a user (or change an existing user's role and password)."""
    with reported_errors():
        user = add_user(open_store(db), name, role=role, password=password or None)
    console.print(f"user {user.name} ({user.role})")


@users_app.command("list")
def users_list_command(db: DbOption = None) -> None:
    """List users and their roles."""
    with reported_errors():
        found = users(open_store(db))
    for user in found:
        console.print(f"{user.name}\t{user.role}")


@tokens_app.command("create")
def tokens_create_command(
    name: Annotated[str, typer.Argument(help="User the token acts as.")],
    db: DbOption = None,
) -> None:
    """Create an API token; it is printed once and stored only hashed."""
    with reported_errors():
        token = create_token(open_store(db), name)
    print(token)


@tokens_app.command("revoke")
def tokens_revoke_command(
    name: Annotated[str, typer.Argument(help="User whose tokens to revoke.")],
    db: DbOption = None,
) -> None:
    """Revoke every API token of a user."""
    with reported_errors():
        count = revoke_tokens(open_store(db), name)
    console.print(f"revoked {count} token(s) of {name}")
