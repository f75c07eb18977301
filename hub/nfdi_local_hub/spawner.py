"""NFDILocalSpawner: real single-user JupyterLab servers as local processes.

A SimpleLocalProcessSpawner (no setuid: every process runs as the hub's own
system user, each hub user gets a home directory below the state dir) that

* applies the NFDI user options (merged over the defaults and validated) and
  exposes them to the server as NFDI_* environment variables;
* starts the server through ``launcher.py``, which imitates the requested
  image (including the failing and slow test images);
* writes the process's stdout/stderr to one log file per server, and keeps
  the exit code and the last lines of the log in the spawner state after the
  process ended (until the server configuration is removed);
* watches the process while it starts and fails at once when the process
  exits before it listens, instead of waiting for ``http_timeout``;
* makes each server refuse requests for a foreign ``Host`` (serverhost.py).
"""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import subprocess
import sys
from collections import deque
from collections.abc import Callable
from typing import Any

from jupyterhub.spawner import SimpleLocalProcessSpawner
from tornado import web
from traitlets import Any as AnyTrait
from traitlets import Dict, Float, Integer, List, Unicode, default

from . import constants, launcher, options
from .hostcheck import ENV_ALLOWED_HOSTS
from .options import Systems, UserOptions
from .paths import StatePaths
from .usersettings import write_quiet_notifications

#: bin directory of the Python environment the hub runs from (python, pip, jupyter)
ENV_BIN_DIR = os.path.dirname(os.path.abspath(sys.executable))
#: the folder holding the nfdi_local_hub package (for the server extension serverhost.py)
HUB_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
#: Jupyter config dir that enables serverhost.py in every server
SERVER_CONFIG_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "server_config")


def _prepend(path: str, existing: str | None) -> str:
    return os.pathsep.join([path, *(p for p in (existing or "").split(os.pathsep) if p)])


def terminal_shell() -> str:
    """The shell of JupyterLab's terminals: $SHELL, else bash, else sh."""
    return os.environ.get("SHELL") or shutil.which("bash") or shutil.which("sh") or "/bin/sh"


class ServerExitedError(RuntimeError):
    """The server process ended before it became ready."""


def _apply_nfdi_options(spawner: NFDILocalSpawner, user_options: UserOptions | None) -> None:
    """Spawner.apply_user_options hook: merge, validate and remember the options."""
    try:
        spawner.nfdi_options = options.normalize(user_options or {}, spawner.systems)
    except options.OptionsError as e:
        raise web.HTTPError(400, "%s", str(e)) from e


def read_log_tail(path: str, lines: int = constants.LOG_TAIL_LINES) -> list[str]:
    """The last ``lines`` lines of a log file (without line ends), [] if there is none."""
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            return [line.rstrip("\r\n") for line in deque(f, maxlen=lines)]
    except FileNotFoundError:
        return []


class NFDILocalSpawner(SimpleLocalProcessSpawner):
    state_dir = Unicode(
        help="The local hub's state directory (homes and server logs live below it)."
    ).tag(config=True)

    systems = Dict(help="{system: {flavor: info}} that the options are checked against.").tag(
        config=True
    )

    ready_check_interval = Float(
        0.1, help="Seconds between checks whether a starting server listens."
    ).tag(config=True)

    log_tail_lines = Integer(
        constants.LOG_TAIL_LINES, help="Number of log lines kept after a server ended."
    ).tag(config=True)

    public_hosts = List(
        Unicode(), help="Host header values (host:port) the servers answer besides their own."
    ).tag(config=True)

    #: normalized NFDI user options of the current/last start
    nfdi_options = Dict()
    #: exit code of the last process (None: unknown or still running)
    exit_code = AnyTrait(None, allow_none=True)
    #: last lines of the last process's log, kept after it ended
    log_tail = List()
    #: a line added to the log tail when the process ends (why the hub stopped it)
    stop_note = Unicode("")

    @default("systems")
    def _default_systems(self) -> Systems:
        return constants.SYSTEMS

    @default("apply_user_options")
    def _default_apply_user_options(
        self,
    ) -> Callable[[NFDILocalSpawner, UserOptions | None], None]:
        return _apply_nfdi_options

    @default("home_dir")
    def _default_home_dir(self) -> str:
        return self.paths.home_dir(self.user.name)

    @default("cmd")
    def _default_cmd(self) -> list[str]:
        singleuser = os.path.join(os.path.dirname(sys.executable), "jupyterhub-singleuser")
        return [sys.executable, launcher.__file__, "--", singleuser]

    @default("args")
    def _default_args(self) -> list[str]:
        args = [
            "--LabApp.expose_app_in_browser=True",
            # JupyterLab's terminals would run a login shell, whose /etc/profile
            # resets PATH: keep the environment's PATH (see get_env) instead
            f"--ServerApp.terminado_settings=shell_command={json.dumps([terminal_shell()])}",
        ]
        if os.getuid() == 0:
            args.append("--ServerApp.allow_root=True")
        return args

    @property
    def paths(self) -> StatePaths:
        return StatePaths(self.state_dir or os.getcwd())

    @property
    def log_file(self) -> str:
        return self.paths.server_log_file(self.user.name, self.name)

    # --- state: pid (from the base class), exit code and log tail ------------
    # clear_state() (the base class's, when a server stops) forgets the pid
    # only: exit code and log tail are saved with get_state() afterwards and
    # survive until the configuration is removed. start() resets them.

    def load_state(self, state: dict[str, Any]) -> None:
        super().load_state(state)
        self.exit_code = state.get("exit_code")
        self.log_tail = state.get("log_tail", [])

    def get_state(self) -> dict[str, Any]:
        state = super().get_state()
        if self.exit_code is not None:
            state["exit_code"] = self.exit_code
        if self.log_tail:
            state["log_tail"] = self.log_tail
        return state

    # --- environment ---------------------------------------------------------

    def get_env(self) -> dict[str, str]:
        env = super().get_env()
        opts = self.nfdi_options or options.normalize({}, self.systems)
        env.update(
            {
                "NFDI_IMAGE": options.image_of(opts),
                "NFDI_OPTION": opts["option"],
                "NFDI_SYSTEM": opts["system"],
                "NFDI_FLAVOR": opts["flavor"],
                "NFDI_SERVER_DISPLAY_NAME": opts["name"],
                "NFDI_USER_OPTIONS": json.dumps(opts),
                "JUPYTERLAB_SETTINGS_DIR": self.paths.settings_dir(self.user.name),
                "JUPYTERLAB_WORKSPACES_DIR": self.paths.workspaces_dir(self.user.name, self.name),
                # like an image: python, pip and jupyter of the hub's environment come first
                "PATH": _prepend(ENV_BIN_DIR, env.get("PATH")),
                # the Host check of serverhost.py
                "PYTHONPATH": _prepend(HUB_DIR, env.get("PYTHONPATH")),
                "JUPYTER_CONFIG_PATH": _prepend(SERVER_CONFIG_DIR, env.get("JUPYTER_CONFIG_PATH")),
                ENV_ALLOWED_HOSTS: ",".join(self.public_hosts),
            }
        )
        return env

    # --- process lifecycle ---------------------------------------------------

    def delete_forever(self) -> None:
        """The configuration is removed: its log goes too (a later one may get its name)."""
        try:
            os.remove(self.log_file)
        except FileNotFoundError:
            pass

    def _record_exit(self, status: int | None) -> None:
        self.exit_code = status
        self.log_tail = read_log_tail(self.log_file, self.log_tail_lines)
        if self.stop_note:
            self.log_tail.append(self.stop_note)
        self.log.info(
            "Server %s ended with exit code %s",
            self._log_name,
            "unknown" if status is None else status,
        )

    async def start(self) -> tuple[str, int]:
        self.exit_code = None
        self.log_tail = []
        self.stop_note = ""
        os.makedirs(self.home_dir, exist_ok=True)
        os.makedirs(self.paths.settings_dir(self.user.name), exist_ok=True)
        write_quiet_notifications(self.paths.settings_dir(self.user.name))
        os.makedirs(self.paths.workspaces_dir(self.user.name, self.name), exist_ok=True)
        os.makedirs(os.path.dirname(self.log_file), exist_ok=True)

        configured_kwargs = self.popen_kwargs
        with open(self.log_file, "wb") as log_fd:
            # the child gets its own copy of the descriptor
            self.popen_kwargs = dict(configured_kwargs, stdout=log_fd, stderr=subprocess.STDOUT)
            try:
                ip, port = await super().start()
            finally:
                self.popen_kwargs = configured_kwargs
        await self._wait_until_listening(ip, port)
        return ip, port

    async def _wait_until_listening(self, ip: str, port: int) -> None:
        """Return once the server accepts connections; raise if its process exits first."""
        while True:
            status = self.proc.poll() if self.proc is not None else None
            if status is not None:
                await self.poll()  # records exit code and log tail
                raise ServerExitedError(
                    f"The server process exited with code {status} before it was ready;"
                    f" see its log {self.log_file}"
                )
            try:
                _, writer = await asyncio.open_connection(ip, port)
            except OSError:
                await asyncio.sleep(self.ready_check_interval)
                continue
            writer.close()
            try:
                await writer.wait_closed()
            except OSError:
                pass
            return

    async def poll(self) -> int | None:
        had_process = bool(self.pid)
        popen = self.proc
        status = await super().poll()
        if status is not None and had_process:
            # first time we see this process gone (the base class cleared the pid);
            # without a Popen handle (hub restarted) the exit code is unknown
            self._record_exit(status if popen is not None else None)
        return status
