"""``--nfdi-quirks``: JupyterHub's server handler, but DELETE of a stopped server answers 404.

The real hub was seen answering 404 there. ``{"remove": true}`` behaves as usual.
app.py puts this handler in place of JupyterHub's own (extra_handlers cannot
replace a built-in URL).
"""

from __future__ import annotations

from jupyterhub.apihandlers.users import UserServerAPIHandler
from jupyterhub.scopes import needs_scope
from tornado import web


class QuirkyUserServerAPIHandler(UserServerAPIHandler):
    """JupyterHub's ``/hub/api/users/{user}/servers/{server}`` with the 404 quirk."""

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
