"""LocalJupyterHub: JupyterHub 5.4 with the local hub's few additions.

* no config file: all configuration comes from config.build_config();
* the hub's log is also written to <state>/logs/hub.log;
* --nfdi-quirks swaps JupyterHub's /api/users/{user}/servers/{server} handler
  for handlers.QuirkyUserServerAPIHandler (extra_handlers cannot replace a
  built-in URL: they are routed after JupyterHub's own);
* --cors-origin adds the CORS transform of cors.py for <base_url>hub/api/;
* every request is recorded in the request log (requestlog.py);
* the progress stream is progress.SwitchableProgressAPIHandler (fault progress-off);
* requests for a foreign Host are refused (hostcheck.py);
* a clear line on stdout once the hub is ready, then the login, the tokens
  and which of the real hub's behaviours are on.
"""

from __future__ import annotations

import logging
import os
from typing import Any

from jupyterhub.apihandlers.users import SpawnProgressAPIHandler, UserServerAPIHandler
from jupyterhub.app import JupyterHub
from traitlets import Bool, List, Unicode

from . import constants, credentials, hostcheck
from .cors import make_cors_transform
from .hubsettings import SETTINGS_KEY, LocalHubSettings
from .paths import StatePaths
from .progress import SwitchableProgressAPIHandler
from .quirks import QuirkyUserServerAPIHandler
from .requestlog import make_request_log_transform

READY_MARKER = "NFDI local hub ready"
ROOT_WARNING = (
    "  WARNING: running as root (--allow-root): every server and its terminals run as root"
)


class LocalJupyterHub(JupyterHub):
    name = "nfdi-local-hub"

    state_dir = Unicode(help="State directory (db, cookie secret, logs, homes).").tag(config=True)
    cors_origin = Unicode("", help="Extra origin allowed on the hub API ('' = none).").tag(
        config=True
    )
    nfdi_quirks = Bool(False, help="Emulate quirks of the real Jupyter4NFDI hub.").tag(config=True)
    allowed_hosts = List(Unicode(), help="Host header values the hub answers.").tag(config=True)
    allow_root = Bool(False, help="Servers run as root (checked by cli.py).").tag(config=True)
    credentials_file = Unicode(help="Where the password and tokens are kept.").tag(config=True)

    def load_config_file(self, *args: Any, **kwargs: Any) -> None:
        """The local hub is configured programmatically; ignore jupyterhub_config.py."""
        return

    def init_logging(self) -> None:
        super().init_logging()
        paths = StatePaths(self.state_dir)
        os.makedirs(paths.log_dir, exist_ok=True)
        handler = logging.FileHandler(paths.hub_log_file)
        handler.setFormatter(
            logging.Formatter(
                "[%(levelname)1.1s %(asctime)s %(name)s %(module)s:%(lineno)d] %(message)s"
            )
        )
        self.log.addHandler(handler)

    def init_handlers(self) -> None:
        super().init_handlers()
        replaced: dict[type, type] = {SpawnProgressAPIHandler: SwitchableProgressAPIHandler}
        if self.nfdi_quirks:
            replaced[UserServerAPIHandler] = QuirkyUserServerAPIHandler
        self.handlers = [
            (route[0], replaced[route[1]], *route[2:])
            if len(route) > 1 and route[1] in replaced
            else route
            for route in self.handlers
        ]

    def init_tornado_application(self) -> None:
        super().init_tornado_application()
        if self.cors_origin:
            api_prefix = self.hub_prefix.rstrip("/") + "/api/"
            self.tornado_application.add_transform(
                make_cors_transform(self.cors_origin, api_prefix)
            )
        nfdi = self.tornado_settings.get(SETTINGS_KEY)
        if isinstance(nfdi, LocalHubSettings):
            # last, so that it records the status the client gets (a preflight's 204)
            own_path = self.hub_prefix.rstrip("/") + "/api/nfdi-local/requests"
            self.tornado_application.add_transform(
                make_request_log_transform(nfdi.requests, own_path)
            )
        hostcheck.install(self.tornado_application, frozenset(self.allowed_hosts))

    async def start(self) -> None:
        await super().start()
        url = self.bind_url
        creds = credentials.read(self.credentials_file)
        users = ", ".join(f"{user} (token {token})" for token, user in creds.api_tokens.items())
        lines = [
            f"{READY_MARKER}: {url}",
            f"  login: {constants.DEMO_USER} / {creds.password}"
            f"   (also: {constants.OTHER_USER}, same password)",
            f"  API tokens: {users}",
            f"  start API: POST {url}hub/api/start   (Authorization: token {creds.demo_token})",
            f"  credentials: {self.credentials_file} (kept for this state directory)",
            "  answers only for Host: " + ", ".join(self.allowed_hosts),
        ]
        if self.allow_root:
            lines.append(ROOT_WARNING)
        if self.cors_origin:
            lines.append(f"  CORS allowed for: {self.cors_origin}")
        nfdi = self.tornado_settings.get(SETTINGS_KEY)
        if isinstance(nfdi, LocalHubSettings):
            lines.extend(nfdi.describe())
        lines.append(f"  state: {self.state_dir}")
        print("\n".join(lines), flush=True)
