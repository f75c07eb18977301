"""The lifetime of servers started through ``POST /hub/api/start``.

Like the real hub (``StartAPIHandlerConfig.timeout``): every start through
the start API sets a timer; when it fires, the hub stops the server and
deletes its configuration. A start that reuses a stopped configuration sets
its timer again. Servers started in other ways (JupyterHub's own pages and
API) get no timer. Timers live in the hub's memory: a restarted hub (which
stops every server anyway) forgets them.
"""

from __future__ import annotations

import asyncio
import logging
from typing import TYPE_CHECKING, Any

from jupyterhub.utils import maybe_future

if TYPE_CHECKING:
    from jupyterhub.proxy import Proxy
    from jupyterhub.user import User

log = logging.getLogger("JupyterHub")


class LifetimeTimers:
    """One timer per configuration started through the start API."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._timers: dict[tuple[str, str], asyncio.TimerHandle] = {}
        self._tasks: set[asyncio.Task[Any]] = set()

    def start(self, user: User, server_name: str, proxy: Proxy) -> None:
        """(Re)start the timer of ``user``'s configuration ``server_name``."""
        if self.seconds <= 0:
            return
        key = (user.name, server_name)
        old = self._timers.pop(key, None)
        if old is not None:
            old.cancel()
        orm_spawner = user.orm_spawners.get(server_name)
        if orm_spawner is None:
            return  # deleted meanwhile (e.g. by its previous timer)
        orm_id = orm_spawner.id
        loop = asyncio.get_running_loop()
        self._timers[key] = loop.call_later(
            self.seconds, self._fire, user, server_name, orm_id, proxy
        )

    def _fire(self, user: User, server_name: str, orm_id: int, proxy: Proxy) -> None:
        self._timers.pop((user.name, server_name), None)
        task = asyncio.ensure_future(expire(user, server_name, orm_id, proxy))
        # keep a reference until it is done (asyncio keeps only weak ones)
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)


async def expire(user: User, server_name: str, orm_id: int, proxy: Proxy) -> None:
    """Stop ``user``'s server ``server_name`` and delete its configuration.

    Nothing happens when the configuration was removed meanwhile (``orm_id``
    tells a configuration apart from a later one with the same name).
    """
    orm_spawner = user.orm_spawners.get(server_name)
    if orm_spawner is None or orm_spawner.id != orm_id:
        return
    spawner = user.spawners[server_name]
    log.info(
        "Lifetime of %s is over: stopping it and deleting its configuration", spawner._log_name
    )
    try:
        if spawner.pending == "spawn" and spawner._spawn_future is not None:
            spawner._spawn_future.cancel()
            await asyncio.sleep(1)  # as JupyterHub's DELETE does, give the cancel a moment
        if spawner._stop_pending:
            if spawner._stop_future is not None:
                await spawner._stop_future
        elif spawner.active or spawner.ready or getattr(spawner, "pid", 0):
            try:
                await proxy.delete_user(user, server_name)
            except Exception as e:
                log.warning("No proxy route to remove for %s: %s", spawner._log_name, e)
            await user.stop(server_name)
    except Exception:
        # keep the configuration: the server may still run
        log.exception("Could not stop %s at the end of its lifetime", spawner._log_name)
        return
    orm_spawner = user.orm_spawners.get(server_name)
    if orm_spawner is None or orm_spawner.id != orm_id:
        return
    # user.stop() drops its Spawner object: delete through the current one
    spawner = user.spawners[server_name]
    await maybe_future(user._delete_spawner(spawner))
    user.db.delete(spawner.orm_spawner)
    user.spawners.pop(server_name, None)
    user.db.commit()
    log.info("Deleted the configuration %s at the end of its lifetime", spawner._log_name)
