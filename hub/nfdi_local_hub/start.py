"""``POST /hub/api/start``: start a server with NFDI user options.

The body is merged over the default options and checked. With ``--reuse``
(the default) a configuration of the user with identical options is used
(answered for at once when it runs or starts, started again when it is
stopped); otherwise a new configuration with a random name is made, if the
user has fewer than 15. A start that would put more servers on a flavor than
its ``max`` is refused. Every start through this API sets the server's
lifetime timer (lifetime.py).
"""

from __future__ import annotations

import secrets
from typing import TYPE_CHECKING, Any

from jupyterhub.scopes import needs_scope
from tornado import web

from . import faultanswers, options
from .apibase import NFDIAPIHandler
from .flavors import full_flavor_message
from .lifetime import LifetimeTimers
from .reuse import find_same_options

if TYPE_CHECKING:
    from jupyterhub.user import User

_NAME_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"


class StartAPIHandler(NFDIAPIHandler):
    """Create or reuse a server configuration and start it."""

    @property
    def slow_spawn_timeout(self) -> float:
        # BaseHandler.spawn_single_user waits this long before returning a pending spawn
        return self.nfdi.start_wait

    @property
    def lifetimes(self) -> LifetimeTimers:
        return self.nfdi.lifetime_timers

    async def post(self) -> None:
        if faultanswers.refuse_before_start(self):
            return
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
            server_name = find_same_options(user, opts) if self.nfdi.reuse else None
            if server_name is not None:
                answered = await self._answer_if_active(user, server_name)
                if answered:
                    return
                self.log.info("Start of %s/%s reuses its configuration", user.name, server_name)
            self._refuse_if_flavor_full(opts)
            is_new = server_name is None
            if server_name is None:
                server_name = self._new_configuration(user, opts)
            previous_exit_code = getattr(user.spawners[server_name], "exit_code", None)
            # until spawn_single_user marks it pending, other starts see it as starting
            self.nfdi.starting.add((user.name, server_name))

        faultanswers.schedule_stop_during_start(self, user, server_name)
        try:
            await self._spawn(user, server_name, opts, is_new)
        finally:
            self.nfdi.starting.discard((user.name, server_name))
        self.lifetimes.start(user, server_name, self.proxy)

        spawner = user.spawners[server_name]
        if spawner.ready:
            model, status = self.running_model(user, server_name), 200
        else:
            self.nfdi.note_pending(user.name, server_name, previous_exit_code)
            model, status = self.pending_model(user, server_name), 202
        if not await faultanswers.answer_after_start(self, model, status):
            self.write_json(model, status)

    async def _answer_if_active(self, user: User, server_name: str) -> bool:
        """Answer for a reused configuration that runs or starts; False if it is stopped."""
        spawner = user.spawners[server_name]
        if spawner.ready and await spawner.poll_and_notify() is None:
            self.write_json(self.running_model(user, server_name), 200)
            return True
        spawner = user.spawners[server_name]
        if spawner.pending == "spawn" or (user.name, server_name) in self.nfdi.starting:
            self.write_json(self.pending_model(user, server_name), 202)
            return True
        if spawner.pending == "stop" and spawner._stop_future is not None:
            # start it again once it has stopped
            await spawner._stop_future
        return False

    def _refuse_if_flavor_full(self, opts: dict[str, Any]) -> None:
        message = full_flavor_message(self.nfdi.systems, self.users.values(), opts)
        if message:
            raise web.HTTPError(400, "%s", message)

    def _new_configuration(self, user: User, opts: dict[str, Any]) -> str:
        """Save a new configuration with these options; refuse a 16th."""
        limit = faultanswers.configuration_limit(self.nfdi)
        if len([name for name in user.orm_spawners if name]) >= limit:
            raise web.HTTPError(
                400,
                "%s",
                f"You may only have {limit} Jupyter Server configurations."
                ' Delete one (DELETE its delete_url with {"remove": true})'
                " before starting another.",
            )
        server_name = self._new_server_name(user)
        spawner = user.spawners[server_name]  # creates the configuration in the database
        # saved at once, so that a second start with the same options finds it
        spawner.orm_spawner.user_options = opts
        self.db.commit()
        return server_name

    async def _spawn(
        self, user: User, server_name: str, opts: dict[str, Any], is_new: bool
    ) -> None:
        try:
            await self.spawn_single_user(user, server_name, options=opts)
        except web.HTTPError as e:
            if e.status_code == 429:
                # the hub is at its spawn limit: nothing was started
                if is_new:
                    self._remove_configuration(user, server_name)
                raise
            self.log.warning("Start of %s/%s failed: %s", user.name, server_name, e)
        except Exception as e:
            # the failure shows up as "stopped" (with exit code and logs) in the status
            self.log.warning("Start of %s/%s failed: %s", user.name, server_name, e)

    def _remove_configuration(self, user: User, server_name: str) -> None:
        user.spawners.pop(server_name, None)
        orm_spawner = user.orm_spawners.get(server_name)
        if orm_spawner is not None:
            self.db.delete(orm_spawner)
            self.db.commit()
        self.log.info("Removed configuration %s/%s after a refused start", user.name, server_name)

    @staticmethod
    def _new_server_name(user: User) -> str:
        while True:
            name = "".join(secrets.choice(_NAME_ALPHABET) for _ in range(8))
            if name not in user.orm_spawners:
                return name
