"""Jupyter server extension: the Host check (hostcheck.py) in each single-user server.

The spawner makes it load (a ``jupyter_server_config.d`` file on
``JUPYTER_CONFIG_PATH``) and passes the public host in
``NFDI_LOCAL_HUB_ALLOWED_HOSTS``. Allowed are that, and the loopback names
with the server's own port (the hub checks the server there).
"""

from __future__ import annotations

import os
from typing import Any

from .hostcheck import ENV_ALLOWED_HOSTS, allowed_hosts, install


def _jupyter_server_extension_points() -> list[dict[str, str]]:
    return [{"module": "nfdi_local_hub.serverhost"}]


def _load_jupyter_server_extension(serverapp: Any) -> None:
    extra = os.environ.get(ENV_ALLOWED_HOSTS, "").split(",")
    hosts = allowed_hosts([serverapp.port], extra)
    install(serverapp.web_app, hosts)
    serverapp.log.info("Requests are answered only for Host %s", ", ".join(sorted(hosts)))
