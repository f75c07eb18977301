"""Reuse of a configuration whose options are identical (``--reuse``, the default).

Like the real hub's start handler: the request's options are merged over the
default options, hashed as sorted JSON, and compared with the saved user
options of each of the user's configurations. A match is started (or
answered for) instead of making a new configuration.
"""

from __future__ import annotations

import hashlib
import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from jupyterhub.user import User


def options_hash(user_options: dict[str, Any] | None) -> str:
    """The hash of user options: SHA-256 of their JSON with sorted keys."""
    text = json.dumps(user_options or {}, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def find_same_options(user: User, merged_options: dict[str, Any]) -> str | None:
    """Name of one of ``user``'s configurations saved with these options, else None.

    If several match (made with --no-reuse, or through JupyterHub's own API),
    a running one wins over a starting one, and that over a stopped one.
    """
    wanted = options_hash(merged_options)
    matches = [
        name
        for name, orm_spawner in user.orm_spawners.items()
        if name and options_hash(orm_spawner.user_options) == wanted
    ]
    if not matches:
        return None

    def rank(name: str) -> int:
        spawner = user.spawners[name]
        if spawner.ready:
            return 0
        if spawner.pending == "spawn":
            return 1
        return 2

    return min(matches, key=lambda name: (rank(name), name))
