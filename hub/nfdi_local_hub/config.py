"""The JupyterHub configuration of the local hub, built from the command line.

Everything is configured here, programmatically (the app reads no
jupyterhub_config.py). All network listeners are bound to 127.0.0.1.
"""

from __future__ import annotations

import copy
import secrets
import socket
from dataclasses import dataclass, field

from traitlets.config import Config

from . import constants
from .credentials import Credentials
from .faults import Faults
from .handlers import api_handlers
from .hostcheck import allowed_hosts
from .hubsettings import SETTINGS_KEY, LocalHubSettings
from .options import Systems
from .paths import CHP_COMMAND, StatePaths
from .spawner import NFDILocalSpawner


@dataclass
class LocalHubOptions:
    """The command line's choices (see cli.py)."""

    port: int = 8000
    base_url: str = "/"
    cors_origin: str = ""
    state_dir: str = ""
    start_wait: float = 1.0
    nfdi_quirks: bool = False
    reuse: bool = True
    api_server_lifetime: float = constants.DEFAULT_API_SERVER_LIFETIME
    page_token_scopes: list[str] = field(default_factory=list)
    #: {(system, flavor): max}, overriding the flavors' "max"
    flavor_max: dict[tuple[str, str], int] = field(default_factory=dict)
    status_creates_configuration: bool = True
    #: the password and API tokens (credentials.py)
    credentials: Credentials | None = None
    #: extra Host header values (host:port) the hub and its servers answer
    public_hosts: list[str] = field(default_factory=list)
    allow_root: bool = False
    #: faults switched on at start: {name: value} (faults.py)
    faults: dict[str, object] = field(default_factory=dict)


def systems_with_limits(flavor_max: dict[tuple[str, str], int]) -> Systems:
    """constants.SYSTEMS with the given flavors' "max" replaced."""
    systems = copy.deepcopy(constants.SYSTEMS)
    for (system, flavor), limit in flavor_max.items():
        systems[system][flavor]["max"] = limit
    return systems


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def normalize_base_url(base_url: str | None) -> str:
    """``/``, or the base URL with one leading and one trailing slash."""
    base_url = "/" + (base_url or "/").strip("/") + "/"
    return "/" if base_url == "//" else base_url


def build_config(opts: LocalHubOptions) -> Config:
    if opts.credentials is None:
        raise ValueError("the local hub needs credentials (credentials.load_or_create)")
    paths = StatePaths(opts.state_dir)
    base_url = normalize_base_url(opts.base_url)
    systems = systems_with_limits(opts.flavor_max)
    hub_port = free_port()

    c = Config()

    # --- the hub and its proxy ------------------------------------------------
    c.JupyterHub.bind_url = f"http://127.0.0.1:{opts.port}{base_url}"
    c.JupyterHub.hub_bind_url = f"http://127.0.0.1:{hub_port}"
    c.JupyterHub.db_url = f"sqlite:///{paths.db_file}"
    c.JupyterHub.cookie_secret_file = paths.cookie_secret_file
    c.JupyterHub.cleanup_servers = True
    c.JupyterHub.cleanup_proxy = True
    c.ConfigurableHTTPProxy.command = [CHP_COMMAND]
    c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{free_port()}"
    c.ConfigurableHTTPProxy.auth_token = secrets.token_hex(32)
    c.ConfigurableHTTPProxy.pid_file = paths.proxy_pid_file

    # --- users, password, tokens ------------------------------------------------
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = opts.credentials.password
    c.Authenticator.allowed_users = {constants.DEMO_USER, constants.OTHER_USER}
    c.JupyterHub.api_tokens = opts.credentials.api_tokens

    # --- servers -------------------------------------------------------------------
    c.JupyterHub.allow_named_servers = True
    c.JupyterHub.named_server_limit_per_user = constants.CONFIGURATION_LIMIT
    c.JupyterHub.spawner_class = NFDILocalSpawner
    c.NFDILocalSpawner.state_dir = paths.root
    c.NFDILocalSpawner.systems = systems
    # through the proxy, the servers see the hub's public Host
    c.NFDILocalSpawner.public_hosts = sorted(allowed_hosts([opts.port], opts.public_hosts))
    c.Spawner.default_url = "/lab"
    c.Spawner.ip = "127.0.0.1"
    # slow test images may sleep a while before JupyterLab starts
    c.Spawner.start_timeout = 120
    c.LocalProcessSpawner.interrupt_timeout = 5
    # what the page token of a spawned JupyterLab may do besides reaching its server
    c.Spawner.oauth_client_allowed_scopes = list(opts.page_token_scopes)

    # --- the NFDI API ------------------------------------------------------------------
    c.JupyterHub.extra_handlers = api_handlers()
    c.JupyterHub.tornado_settings = {
        SETTINGS_KEY: LocalHubSettings(
            start_wait=opts.start_wait,
            quirks=opts.nfdi_quirks,
            systems=systems,
            reuse=opts.reuse,
            api_server_lifetime=opts.api_server_lifetime,
            status_creates_configuration=opts.status_creates_configuration,
            page_token_scopes=list(opts.page_token_scopes),
            faults=Faults(opts.faults),
            demo_token=opts.credentials.demo_token,
        ),
    }

    # --- read by LocalJupyterHub (app.py) ---------------------------------------------
    c.LocalJupyterHub.state_dir = paths.root
    c.LocalJupyterHub.cors_origin = opts.cors_origin or ""
    c.LocalJupyterHub.nfdi_quirks = opts.nfdi_quirks
    # the hub answers at its public port and, for its servers, at its own port
    c.LocalJupyterHub.allowed_hosts = sorted(
        allowed_hosts([opts.port, hub_port], opts.public_hosts)
    )
    c.LocalJupyterHub.allow_root = opts.allow_root
    c.LocalJupyterHub.credentials_file = paths.credentials_file
    return c
