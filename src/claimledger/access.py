"""Workbench users with roles, passwords and API tokens, stored in the ledger.

Passwords and tokens are hashed at rest with scrypt (stdlib ``hashlib``). A
token reads ``clt_<id>_<secret>``: the id finds the row, the secret is checked
against its hash, so a stolen database holds no usable token.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlalchemy as sa

from claimledger.errors import AccessError
from claimledger.store import Store, schema

__all__ = [
    "ROLES",
    "User",
    "add_user",
    "authenticate",
    "create_token",
    "hash_secret",
    "revoke_tokens",
    "user",
    "user_for_token",
    "users",
    "verify_secret",
]

#: Roles in increasing power: readers read; analysts also review and ingest;
#: admins also manage users (from the command line).
ROLES = ("reader", "analyst", "admin")

# scrypt at n=2**14, r=8 costs ~16 MiB and tens of milliseconds: slow enough
# to make guessing expensive, fast enough for a login.
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}
_TOKEN_PREFIX = "clt_"


@dataclass(frozen=True, slots=True)
class User:
    """A workbench user."""

    name: str
    role: str

    def can(self, role: str) -> bool:
        """Return True if this user's role is at least ``role``."""
        return ROLES.index(self.role) >= ROLES.index(role)


def hash_secret(secret: str) -> str:
    """Return a salted scrypt hash of ``secret`` as ``scrypt$<salt>$<hash>``."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode("utf-8"), salt=salt, **_SCRYPT)
    return f"scrypt${salt.hex()}${digest.hex()}"


def verify_secret(secret: str, hashed: str) -> bool:
    """Return True if ``secret`` matches a hash made by :func:`hash_secret`."""
    try:
        scheme, salt, digest = hashed.split("$")
        expected = bytes.fromhex(digest)
        salt_bytes = bytes.fromhex(salt)
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    actual = hashlib.scrypt(secret.encode("utf-8"), salt=salt_bytes, **_SCRYPT)
    return hmac.compare_digest(actual, expected)


def add_user(store: Store, name: str, *, role: str, password: str | None = None) -> User:
    """Add a user, or change an existing user's role (and password if given).

    Example:
        >>> add_user(store, "ana", role="analyst", password="correct horse")
    """
    if role not in ROLES:
        raise AccessError(f"unknown role {role!r}; expected one of {', '.join(ROLES)}")
    if not name or len(name) > 80 or not name.isprintable():
        raise AccessError(f"invalid user name {name!r}")
    values: dict[str, object] = {"role": role}
    if password is not None:
        values["password_hash"] = hash_secret(password)
    table = schema.users
    with store.engine.begin() as connection:
        found = connection.execute(sa.select(table.c.name).where(table.c.name == name)).first()
        if found is None:
            values |= {"name": name, "created_at": datetime.now(UTC)}
            connection.execute(table.insert(), [values])
        else:
            connection.execute(table.update().where(table.c.name == name).values(**values))
    return User(name=name, role=role)


def user(store: Store, name: str) -> User | None:
    """Return the user called ``name``, or None."""
    table = schema.users
    with store.engine.connect() as connection:
        row = connection.execute(sa.select(table).where(table.c.name == name)).mappings().first()
    return User(name=row["name"], role=row["role"]) if row else None


def users(store: Store) -> list[User]:
    """Return all users by name."""
    table = schema.users
    with store.engine.connect() as connection:
        found = connection.execute(sa.select(table).order_by(table.c.name)).mappings().all()
    return [User(name=r["name"], role=r["role"]) for r in found]


def authenticate(store: Store, name: str, password: str) -> User | None:
    """Return the user if ``password`` is theirs, else None."""
    table = schema.users
    with store.engine.connect() as connection:
        row = connection.execute(sa.select(table).where(table.c.name == name)).mappings().first()
    if row is None or not row["password_hash"]:
        # Hash anyway so a missing user takes as long as a wrong password.
        verify_secret(password, hash_secret("-"))
        return None
    if not verify_secret(password, row["password_hash"]):
        return None
    return User(name=row["name"], role=row["role"])


def create_token(store: Store, name: str) -> str:
    """Create an API token for user ``name`` and return it (shown only once)."""
    if user(store, name) is None:
        raise AccessError(f"no user {name!r}; add one with `claimledger users add`")
    token_id = secrets.token_hex(6)
    secret = secrets.token_urlsafe(24)
    row = {
        "id": token_id,
        "user_name": name,
        "token_hash": hash_secret(secret),
        "created_at": datetime.now(UTC),
        "revoked": False,
    }
    with store.engine.begin() as connection:
        connection.execute(schema.api_tokens.insert(), [row])
    return f"{_TOKEN_PREFIX}{token_id}_{secret}"


def user_for_token(store: Store, token: str) -> User | None:
    """Return the user a token belongs to, or None if it is unknown or revoked."""
    if not token.startswith(_TOKEN_PREFIX) or token.count("_") < 2:
        return None
    token_id, _, secret = token[len(_TOKEN_PREFIX) :].partition("_")
    tokens, people = schema.api_tokens, schema.users
    query = (
        sa.select(tokens.c.token_hash, people.c.name, people.c.role)
        .join(people, people.c.name == tokens.c.user_name)
        .where(tokens.c.id == token_id, tokens.c.revoked.is_(False))
    )
    with store.engine.connect() as connection:
        row = connection.execute(query).mappings().first()
    if row is None or not verify_secret(secret, row["token_hash"]):
        return None
    return User(name=row["name"], role=row["role"])


def revoke_tokens(store: Store, name: str) -> int:
    """Revoke every token of user ``name``; return how many were live."""
    table = schema.api_tokens
    with store.engine.begin() as connection:
        result = connection.execute(
            table.update()
            .where(table.c.user_name == name, table.c.revoked.is_(False))
            .values(revoked=True)
        )
    return int(result.rowcount)
