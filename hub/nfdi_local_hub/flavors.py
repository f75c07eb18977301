"""``GET /hub/api/outpostflavors`` and the flavors' limits.

Each flavor has ``display_name``, ``description``, ``max``, ``current`` and
``runtime`` (seconds). ``current`` counts the servers of that system and
flavor that run or are starting, of all users; ``POST /hub/api/start``
refuses a start that would go beyond ``max`` (``--flavor-max`` overrides it).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from .apibase import NFDIAPIHandler
from .options import Systems

if TYPE_CHECKING:
    from jupyterhub.user import User

FlavorKey = tuple[Any, Any]


def count_active(users: Iterable[User]) -> dict[FlavorKey, int]:
    """{(system, flavor): number of servers that run or are starting}."""
    current: dict[FlavorKey, int] = {}
    for user in users:
        for spawner in user.spawners.values():
            if spawner.active:
                opts = spawner.user_options or {}
                key = (opts.get("system"), opts.get("flavor"))
                current[key] = current.get(key, 0) + 1
    return current


def flavors_model(systems: Systems, users: Iterable[User]) -> dict[str, Any]:
    """What ``GET /hub/api/outpostflavors`` answers."""
    current = count_active(users)
    return {
        system: {
            flavor: {**info, "current": current.get((system, flavor), 0)}
            for flavor, info in flavors.items()
        }
        for system, flavors in systems.items()
    }


def full_flavor_message(systems: Systems, users: Iterable[User], options: dict[str, Any]) -> str:
    """Why a new server with these (valid) options may not start, or '' when it may."""
    system, flavor = options["system"], options["flavor"]
    info = systems[system][flavor]
    in_use = count_active(users).get((system, flavor), 0)
    if in_use < info["max"]:
        return ""
    return (
        f"The flavor {info.get('display_name', flavor)} on {system} is full:"
        f" {in_use} of {info['max']} servers of this flavor are in use."
        " Choose another flavor or system, or try again when one has stopped."
    )


class OutpostFlavorsAPIHandler(NFDIAPIHandler):
    """GET /hub/api/outpostflavors: {system: {flavor: {display_name, ..., current}}}."""

    def check_xsrf_cookie(self) -> None:
        # public, read-only endpoint
        return

    def get(self) -> None:
        self.write_json(flavors_model(self.nfdi.systems, self.users.values()))
