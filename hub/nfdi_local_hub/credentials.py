"""The password and API tokens of one state directory.

Nothing secret is fixed in the source: the first start with a state
directory draws a random password and a random API token per user
(``secrets.token_urlsafe``) and keeps them in ``<state>/credentials.json``,
created with mode 0600 (the state directory itself is made 0700). Later
starts with the same state directory reuse them. Values given explicitly
(``--password``, ``--demo-token``, ``--other-token`` or their environment
variables) win, and are what the file then holds: the file always has the
credentials the running hub accepts, for the tests and scripts that read it.
"""

from __future__ import annotations

import json
import os
import secrets
import stat
from dataclasses import asdict, dataclass

from . import constants

#: environment variables that may hold explicit values (read once, then removed)
ENV_PASSWORD = "NFDI_LOCAL_HUB_PASSWORD"
ENV_DEMO_TOKEN = "NFDI_LOCAL_HUB_DEMO_TOKEN"
ENV_OTHER_TOKEN = "NFDI_LOCAL_HUB_OTHER_TOKEN"

#: a token or password shorter than this is refused (explicit values too)
MIN_LENGTH = 16


class CredentialsError(ValueError):
    """The credentials file or an explicit value cannot be used."""


@dataclass(frozen=True)
class Credentials:
    """The shared password of the users and each user's API token."""

    password: str
    demo_token: str
    other_token: str

    @property
    def api_tokens(self) -> dict[str, str]:
        """token -> user name, for ``c.JupyterHub.api_tokens``."""
        return {self.demo_token: constants.DEMO_USER, self.other_token: constants.OTHER_USER}

    def token_of(self, user_name: str) -> str:
        return self.demo_token if user_name == constants.DEMO_USER else self.other_token


def generate() -> Credentials:
    return Credentials(
        password=secrets.token_urlsafe(18),
        demo_token=secrets.token_urlsafe(32),
        other_token=secrets.token_urlsafe(32),
    )


def make_private_dir(path: str) -> None:
    """Create ``path`` (and parents) with mode 0700; an existing one of ours is made 0700."""
    os.makedirs(path, mode=0o700, exist_ok=True)
    info = os.stat(path)
    if info.st_uid == os.geteuid() and stat.S_IMODE(info.st_mode) != 0o700:
        os.chmod(path, 0o700)


def _read(path: str) -> dict[str, str]:
    info = os.stat(path)
    if stat.S_IMODE(info.st_mode) & 0o077:
        # readable by others: tighten it (the values may already have leaked)
        os.chmod(path, 0o600)
    with open(path, encoding="utf-8") as f:
        try:
            data = json.load(f)
        except json.JSONDecodeError as e:
            raise CredentialsError(f"{path} is not valid JSON ({e}); delete it") from e
    fields = set(Credentials.__dataclass_fields__)
    if not isinstance(data, dict) or not all(isinstance(data.get(k), str) for k in fields):
        raise CredentialsError(f"{path} lacks {', '.join(sorted(fields))}; delete it")
    return {key: data[key] for key in fields}


def _write(path: str, credentials: Credentials) -> None:
    tmp = f"{path}.{os.getpid()}.tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(asdict(credentials), f, indent=2)
        f.write("\n")
    os.replace(tmp, path)


def read(path: str) -> Credentials:
    """The credentials kept in ``path``."""
    return Credentials(**_read(path))


def check(name: str, value: str) -> str:
    if len(value) < MIN_LENGTH or any(c.isspace() for c in value):
        raise CredentialsError(
            f"{name} must be at least {MIN_LENGTH} characters long, without spaces"
        )
    return value


def load_or_create(
    path: str,
    password: str | None = None,
    demo_token: str | None = None,
    other_token: str | None = None,
) -> Credentials:
    """The credentials kept in ``path`` (made on first use), with explicit values applied."""
    stored = _read(path) if os.path.exists(path) else asdict(generate())
    explicit = {"password": password, "demo_token": demo_token, "other_token": other_token}
    for key, value in explicit.items():
        if value is not None:
            stored[key] = check(key.replace("_", " "), value)
    credentials = Credentials(**stored)
    if not os.path.exists(path) or _read(path) != asdict(credentials):
        _write(path, credentials)
    return credentials


def explicit_from_env() -> dict[str, str | None]:
    """Explicit values from the environment, removed from it so no child process inherits them."""
    return {
        "password": os.environ.pop(ENV_PASSWORD, None),
        "demo_token": os.environ.pop(ENV_DEMO_TOKEN, None),
        "other_token": os.environ.pop(ENV_OTHER_TOKEN, None),
    }
