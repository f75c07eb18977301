"""JupyterHub's progress stream, with the ``progress-off`` fault (faults.py).

With the fault on, ``GET hub/api/users/{user}/servers/{server}/progress``
answers 404, as on a hub (or a proxy in front of it) that has no such
stream. app.py puts this handler in place of JupyterHub's own.
"""

from __future__ import annotations

from jupyterhub.apihandlers.users import SpawnProgressAPIHandler
from tornado import web

from .hubsettings import SETTINGS_KEY


class SwitchableProgressAPIHandler(SpawnProgressAPIHandler):
    """The progress stream, or 404 while the fault ``progress-off`` is on."""

    async def get(self, user_name: str, server_name: str = "") -> None:
        nfdi = self.settings.get(SETTINGS_KEY)
        if nfdi is not None and "progress-off" in nfdi.faults:
            raise web.HTTPError(404, "No progress stream here (fault progress-off)")
        await super().get(user_name, server_name)
