"""The Jupyter4NFDI additions to the JupyterHub REST API, as JupyterHub extra handlers.

* ``POST /hub/api/start``                   start (or reuse) a server with NFDI user options
* ``GET  /hub/api/start/{user}/{server}``   running / pending / stopped (+ exit_code, logs)
* ``GET  /hub/api/outpostflavors``          systems and flavors (no authentication)
* ``GET|PUT /hub/api/nfdi-local/faults``    the faults switched on (demo's token only)
* ``GET|DELETE /hub/api/nfdi-local/requests``  the hub's request log (demo's token only)

JupyterHub's progress stream is replaced by progress.SwitchableProgressAPIHandler
(see app.py), for the fault ``progress-off``.

Stopping and removing servers is JupyterHub's own
``DELETE /hub/api/users/{user}/servers/{server}`` (with ``--nfdi-quirks``
replaced by quirks.QuirkyUserServerAPIHandler, see app.py).
"""

from __future__ import annotations

from .apibase import NFDIAPIHandler
from .faultsapi import FaultsAPIHandler
from .flavors import OutpostFlavorsAPIHandler
from .requestlogapi import RequestLogAPIHandler
from .start import StartAPIHandler
from .status import StartStatusAPIHandler


def api_handlers() -> list[tuple[str, type[NFDIAPIHandler]]]:
    """Handlers to add to JupyterHub (paths relative to the hub prefix)."""
    return [
        (r"/api/start/?", StartAPIHandler),
        (r"/api/start/([^/]+)/([^/]+)/?", StartStatusAPIHandler),
        (r"/api/outpostflavors/?", OutpostFlavorsAPIHandler),
        (r"/api/nfdi-local/faults/?", FaultsAPIHandler),
        (r"/api/nfdi-local/requests/?", RequestLogAPIHandler),
    ]
