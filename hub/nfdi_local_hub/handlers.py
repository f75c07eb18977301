"""The Jupyter4NFDI additions to the JupyterHub REST API.

* ``POST /hub/api/start``                   start a new server with NFDI user options
* ``GET  /hub/api/start/{user}/{server}``   running / pending / stopped (+ exit_code, logs)
* ``GET  /hub/api/outpostflavors``          systems and flavors (no authentication)

and, only with ``--nfdi-quirks``, a replacement for JupyterHub's
``/hub/api/users/{user}/servers/{server}`` handler whose DELETE answers 404
for a server that is already stopped (as the real hub was seen doing).

Stopping and removing servers is JupyterHub's own
``DELETE /hub/api/users/{user}/servers/{server}``.
"""

from __future__ import annotations

import asyncio
import json
import secrets
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from jupyterhub.apihandlers.base import APIHandler
from jupyterhub.apihandlers.users import UserServerAPIHandler
from jupyterhub.scopes import needs_scope
from jupyterhub.utils import url_escape_path, url_path_join
from tornado import web

from . import constants, options
from .options import Systems
from .spawner import read_log_tail

if TYPE_CHECKING:
    from jupyterhub.spawner import Spawner
    from jupyterhub.user import User

#: key of LocalHubSettings in the tornado settings
SETTINGS_KEY = "nfdi_local_hub"

_NAME_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


@dataclass
class LocalHubSettings:
    """What the NFDI handlers need to know, passed in ``tornado_settings``."""

    start_wait: float = 1.0
    quirks: bool = False
    systems: Systems = field(default_factory=lambda: constants.SYSTEMS)
    configuration_limit: int = constants.CONFIGURATION_LIMIT
    # run-time bookkeeping
    start_locks: dict[str, asyncio.Lock] = field(default_factory=dict, repr=False)
    answered_pending: dict[tuple[str, str], float] = field(default_factory=dict, repr=False)

    def __deepcopy__(self, memo: dict[int, Any]) -> LocalHubSettings:
        # traitlets copies config values; this object is shared on purpose
        return self

    def start_lock(self, user_name: str) -> asyncio.Lock:
        """The lock that makes one user's starts count their configurations in turn."""
        return self.start_locks.setdefault(user_name, asyncio.Lock())

    def note_pending(self, user_name: str, server_name: str) -> None:
        """Remember that a start of this server was just answered with 202."""
        self.answered_pending[(user_name, server_name)] = time.monotonic()

    def take_early_poll(self, user_name: str, server_name: str) -> bool:
        """True once for the first status poll soon after a 202 (quirk mode only)."""
        since = self.answered_pending.pop((user_name, server_name), None)
        return (
            self.quirks
            and since is not None
            and time.monotonic() - since < constants.QUIRK_EARLY_STOPPED_SECONDS
        )


class NFDIAPIHandler(APIHandler):
    """Common helpers of the NFDI API handlers."""

    @property
    def nfdi(self) -> LocalHubSettings:
        return self.settings[SETTINGS_KEY]

    def origin(self) -> str:
        """The hub's public origin: public_url if configured, else where the client reached us."""
        public_url = self.settings.get("public_url")
        if public_url:
            return f"{public_url.scheme}://{public_url.netloc}"
        return f"{self.request.protocol}://{self.request.host}"

    def server_urls(self, user: User, server_name: str) -> dict[str, str]:
        """next_url, status_url and delete_url of a server, absolute."""
        origin = self.origin()
        escaped = url_escape_path(server_name)
        return {
            "next_url": origin + url_path_join(user.url, escaped, "/"),
            "status_url": origin
            + url_path_join(self.hub.base_url, "api/start", user.escaped_name, escaped),
            "delete_url": origin
            + url_path_join(self.hub.base_url, "api/users", user.escaped_name, "servers", escaped),
        }

    def running_model(self, user: User, server_name: str) -> dict[str, str]:
        return {"status": "running", **self.server_urls(user, server_name)}

    def pending_model(self, user: User, server_name: str) -> dict[str, str]:
        urls = self.server_urls(user, server_name)
        return {
            "status": "pending",
            "status_url": urls["status_url"],
            "delete_url": urls["delete_url"],
        }

    def write_json(self, model: dict[str, Any], status: int = 200) -> None:
        self.set_status(status)
        self.finish(json.dumps(model))


class StartAPIHandler(NFDIAPIHandler):
    """POST /hub/api/start: create a server configuration and start it."""

    @property
    def slow_spawn_timeout(self) -> float:
        # BaseHandler.spawn_single_user waits this long before returning a pending spawn
        return self.nfdi.start_wait

    async def post(self) -> None:
        user = self.current_user
        if user is None:
            raise web.HTTPError(403, "Missing or invalid credentials.")
        if getattr(user, "kind", "user") != "user":
            raise web.HTTPError(400, "Only users can start servers.")
        await self._start(user.name)

    @needs_scope("servers")
    async def _start(self, user_name: str) -> None:
        user = self.find_user(user_name)
        try:
            opts = options.normalize(self.get_json_body(), self.nfdi.systems)
        except options.OptionsError as e:
            raise web.HTTPError(400, "%s", str(e)) from e

        async with self.nfdi.start_lock(user.name):
            configs = list(user.all_spawners(include_default=False))
            limit = self.nfdi.configuration_limit
            if len(configs) >= limit:
                raise web.HTTPError(
                    400,
                    "%s",
                    f"You may only have {limit} Jupyter Server configurations."
                    ' Delete one (DELETE its delete_url with {"remove": true})'
                    " before starting another.",
                )
            server_name = self._new_server_name(user)
            user.spawners[server_name]  # creates the configuration in the database

        try:
            await self.spawn_single_user(user, server_name, options=opts)
        except web.HTTPError as e:
            if e.status_code == 429:
                # the hub is at its spawn limit: nothing was started, drop the configuration
                self._remove_configuration(user, server_name)
                raise
            self.log.warning("Start of %s/%s failed: %s", user.name, server_name, e)
        except Exception as e:
            # the failure shows up as "stopped" (with exit code and logs) in the status
            self.log.warning("Start of %s/%s failed: %s", user.name, server_name, e)

        spawner = user.spawners[server_name]
        if spawner.ready:
            self.write_json(self.running_model(user, server_name), 200)
        else:
            self.nfdi.note_pending(user.name, server_name)
            self.write_json(self.pending_model(user, server_name), 202)

    def _remove_configuration(self, user: User, server_name: str) -> None:
        spawner = user.spawners.pop(server_name, None)
        orm_spawner = user.orm_spawners.get(server_name)
        if orm_spawner is not None:
            self.db.delete(orm_spawner)
            self.db.commit()
        if spawner is not None:
            self.log.info("Removed configuration %s after a refused start", spawner._log_name)

    @staticmethod
    def _new_server_name(user: User) -> str:
        while True:
            name = "".join(secrets.choice(_NAME_ALPHABET) for _ in range(8))
            if name not in user.orm_spawners:
                return name


class StartStatusAPIHandler(NFDIAPIHandler):
    """GET /hub/api/start/{user}/{server}: how is this server doing?"""

    @needs_scope("read:servers")
    async def get(self, user_name: str, server_name: str) -> None:
        user = self.find_user(user_name)
        if user is None or server_name not in user.orm_spawners:
            raise web.HTTPError(404, "%s", f"{user_name} has no server named '{server_name}'")

        if self.nfdi.take_early_poll(user.name, server_name):
            # quirk of the real hub: right after a 202 the status may say "stopped"
            self.write_json({"status": "stopped", "exit_code": None, "logs": []})
            return

        spawner = user.spawners[server_name]
        if spawner.ready:
            # notice at once when a running server died
            if await spawner.poll_and_notify() is None:
                self.write_json(self.running_model(user, server_name))
                return
            spawner = user.spawners[server_name]
        if spawner.pending == "spawn":
            self.write_json(self.pending_model(user, server_name), 202)
            return
        self.write_json(self.stopped_model(spawner))

    def stopped_model(self, spawner: Spawner) -> dict[str, Any]:
        exit_code = getattr(spawner, "exit_code", None)
        logs = list(getattr(spawner, "log_tail", []) or [])
        if not logs and hasattr(spawner, "log_file"):
            logs = read_log_tail(spawner.log_file)
        future = spawner._spawn_future
        if not logs and future is not None and future.done() and not future.cancelled():
            error = future.exception()
            if error is not None:
                logs = [f"Error: {error}"]
        return {"status": "stopped", "exit_code": exit_code, "logs": logs}


class OutpostFlavorsAPIHandler(NFDIAPIHandler):
    """GET /hub/api/outpostflavors: {system: {flavor: {display_name, max, current, runtime}}}."""

    def check_xsrf_cookie(self) -> None:
        # public, read-only endpoint
        return

    def get(self) -> None:
        current: dict[tuple[str | None, str | None], int] = {}
        for user in self.users.values():
            for spawner in user.spawners.values():
                if spawner.active:
                    opts = spawner.user_options or {}
                    key = (opts.get("system"), opts.get("flavor"))
                    current[key] = current.get(key, 0) + 1
        model = {
            system: {
                flavor: {**info, "current": current.get((system, flavor), 0)}
                for flavor, info in flavors.items()
            }
            for system, flavors in self.nfdi.systems.items()
        }
        self.write_json(model)


class QuirkyUserServerAPIHandler(UserServerAPIHandler):
    """JupyterHub's server handler, but DELETE of a stopped server answers 404.

    Only used with --nfdi-quirks. ``{"remove": true}`` behaves as usual.
    """

    @needs_scope("delete:servers")
    async def delete(self, user_name: str, server_name: str = "") -> None:
        body = self.get_json_body() or {}
        user = self.find_user(user_name)
        if (
            user is not None
            and server_name
            and server_name in user.orm_spawners
            and not body.get("remove")
        ):
            spawner = user.spawners[server_name]
            if spawner.ready and await spawner.poll_and_notify() is not None:
                spawner = user.spawners[server_name]
            if not spawner.active:
                raise web.HTTPError(
                    404, "%s", f"Server {server_name} of {user_name} is not running"
                )
        return await super().delete(user_name, server_name)


def api_handlers() -> list[tuple[str, type[NFDIAPIHandler]]]:
    """Handlers to add to JupyterHub (paths relative to the hub prefix)."""
    return [
        (r"/api/start/?", StartAPIHandler),
        (r"/api/start/([^/]+)/([^/]+)/?", StartStatusAPIHandler),
        (r"/api/outpostflavors/?", OutpostFlavorsAPIHandler),
    ]
