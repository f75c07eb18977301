"""Layout of the state directory (``--state-dir``, default ``hub/.state``).

::

    <state>/credentials.json             password and API tokens (mode 0600)
    <state>/jupyterhub.sqlite            JupyterHub's database
    <state>/jupyterhub_cookie_secret     cookie secret
    <state>/jupyterhub-proxy.pid         pid of configurable-http-proxy
    <state>/logs/hub.log                 the hub's own log
    <state>/logs/<user>/<server>.log     output of each single-user server
    <state>/users/<user>/                the user's home dir (cwd of their servers)
        .jupyter/lab/user-settings/      JUPYTERLAB_SETTINGS_DIR (shared by the user's servers)
        .jupyter/lab/workspaces/<server>/ JUPYTERLAB_WORKSPACES_DIR (one per server)
"""

from __future__ import annotations

import os

from .credentials import make_private_dir

HUB_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_STATE_DIR = os.path.join(HUB_DIR, ".state")
CHP_COMMAND = os.path.join(HUB_DIR, "node_modules", ".bin", "configurable-http-proxy")


class StatePaths:
    """Where everything of one hub lives below its state directory."""

    def __init__(self, state_dir: str | os.PathLike[str]) -> None:
        self.root = os.path.abspath(state_dir)

    @property
    def credentials_file(self) -> str:
        return os.path.join(self.root, "credentials.json")

    @property
    def db_file(self) -> str:
        return os.path.join(self.root, "jupyterhub.sqlite")

    @property
    def cookie_secret_file(self) -> str:
        return os.path.join(self.root, "jupyterhub_cookie_secret")

    @property
    def proxy_pid_file(self) -> str:
        return os.path.join(self.root, "jupyterhub-proxy.pid")

    @property
    def log_dir(self) -> str:
        return os.path.join(self.root, "logs")

    @property
    def hub_log_file(self) -> str:
        return os.path.join(self.log_dir, "hub.log")

    @property
    def users_dir(self) -> str:
        return os.path.join(self.root, "users")

    def home_dir(self, username: str) -> str:
        return os.path.join(self.users_dir, username)

    def server_log_file(self, username: str, server_name: str) -> str:
        return os.path.join(self.log_dir, username, f"{server_name or 'default'}.log")

    def settings_dir(self, username: str) -> str:
        return os.path.join(self.home_dir(username), ".jupyter", "lab", "user-settings")

    def workspaces_dir(self, username: str, server_name: str) -> str:
        return os.path.join(
            self.home_dir(username), ".jupyter", "lab", "workspaces", server_name or "default"
        )

    def make(self) -> None:
        """Create the state directory (mode 0700), its log and users directories."""
        make_private_dir(self.root)
        os.makedirs(self.log_dir, exist_ok=True)
        os.makedirs(self.users_dir, exist_ok=True)
