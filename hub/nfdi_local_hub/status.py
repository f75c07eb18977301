"""``GET /hub/api/start/{user}/{server}``: running, pending or stopped (+ exit code, logs)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from jupyterhub.scopes import needs_scope
from tornado import web

from . import faultanswers
from .apibase import NFDIAPIHandler
from .spawner import read_log_tail

if TYPE_CHECKING:
    from jupyterhub.spawner import Spawner

#: the answer for a configuration that never ran (or no longer exists)
NEVER_RAN = {"status": "stopped", "exit_code": None, "logs": []}


class StartStatusAPIHandler(NFDIAPIHandler):
    """How is this server doing?"""

    async def get(self, user_name: str, server_name: str) -> None:
        if faultanswers.refuse_before_status(self):
            return
        await self._get(user_name, server_name)

    @needs_scope("read:servers")
    async def _get(self, user_name: str, server_name: str) -> None:
        user = self.find_user(user_name)
        if user is None:
            raise web.HTTPError(404, "%s", f"No user named '{user_name}'")
        if server_name not in user.orm_spawners:
            # as the real hub: "stopped", and JupyterHub 5.4's get_spawner
            # creates (and saves) an empty configuration on the way
            if self.nfdi.status_creates_configuration:
                user.spawners[server_name]
                self.log.info("Status of unknown server %s/%s created it", user.name, server_name)
            self.write_json(faultanswers.add_markup(self, dict(NEVER_RAN)))
            return

        early = self.nfdi.take_early_poll(user.name, server_name)
        if early is not None:
            # quirk of the real hub: before its spawn task runs, the status
            # says "stopped" with the configuration's previous exit code
            self.write_json(
                {"status": "stopped", "exit_code": early.previous_exit_code, "logs": []}
            )
            return

        spawner = user.spawners[server_name]
        if spawner.ready:
            # notice at once when a running server died
            if await spawner.poll_and_notify() is None:
                self.write_json(self.running_model(user, server_name))
                return
            spawner = user.spawners[server_name]
        if spawner.pending == "spawn" or (user.name, server_name) in self.nfdi.starting:
            if faultanswers.flapping_model(self.nfdi, user.name, server_name):
                self.write_json(dict(NEVER_RAN))
            else:
                self.write_json(self.pending_model(user, server_name), 202)
            return
        self.write_json(faultanswers.add_markup(self, self.stopped_model(spawner)))

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
