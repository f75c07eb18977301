"""Fixtures: real local hubs (hub/localhub.py) running as subprocesses.

Each hub gets a free port and a temporary state dir; it is started once per
test session and stopped at the end (SIGTERM, which stops its servers; any
process still running below its state dir is killed afterwards).

The hubs get this session's random password and tokens (DEMO_TOKEN, ...)
through the environment, except those started with ``explicit=False``,
which make their own; every Hub reads the ones it uses from its state dir.
"""

import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import time

import pytest
import requests

HUB_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
LOCALHUB = os.path.join(HUB_DIR, "localhub.py")
sys.path.insert(0, HUB_DIR)

from processes import kill_processes_below, process_env, server_processes  # noqa: E402, F401

from nfdi_local_hub import credentials  # noqa: E402

#: this session's credentials, given to the hubs explicitly
PASSWORD = secrets.token_urlsafe(18)
DEMO_TOKEN = secrets.token_urlsafe(32)
OTHER_TOKEN = secrets.token_urlsafe(32)
CORS_ORIGIN = "http://127.0.0.1:9999"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def auth(token):
    return {"Authorization": f"token {token}"}


class Hub:
    """A running localhub.py process and helpers to talk to it."""

    def __init__(self, state_dir, *args, base_url="/", explicit=True):
        self.state_dir = str(state_dir)
        self.explicit = explicit
        self.port = free_port()
        self.base_url = base_url
        self.origin = f"http://127.0.0.1:{self.port}"
        self.url = self.origin + base_url  # e.g. http://127.0.0.1:1234/jhub/
        self.api = self.url + "hub/api"
        self.args = [
            sys.executable,
            LOCALHUB,
            "--port",
            str(self.port),
            "--state-dir",
            self.state_dir,
            "--base-url",
            base_url,
            # CI runs as root; the hub refuses that without the flag
            *(["--allow-root"] if os.geteuid() == 0 else []),
            *args,
        ]
        self.output_file = os.path.join(self.state_dir, "localhub.out")
        self.proc = None

    # --- process ----------------------------------------------------------

    def start(self, timeout=60):
        os.makedirs(self.state_dir, exist_ok=True)
        env = dict(os.environ)
        if self.explicit:
            env[credentials.ENV_PASSWORD] = PASSWORD
            env[credentials.ENV_DEMO_TOKEN] = DEMO_TOKEN
            env[credentials.ENV_OTHER_TOKEN] = OTHER_TOKEN
        with open(self.output_file, "wb") as out:
            self.proc = subprocess.Popen(
                self.args, stdout=out, stderr=subprocess.STDOUT, cwd=HUB_DIR, env=env
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"local hub exited with {self.proc.returncode}:\n{self.output()}"
                )
            try:
                if requests.get(self.api + "/", timeout=2).status_code == 200:
                    self.credentials = credentials.read(
                        os.path.join(self.state_dir, "credentials.json")
                    )
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"local hub did not answer within {timeout}s:\n{self.output()}")

    def output(self):
        with open(self.output_file, encoding="utf-8", errors="replace") as f:
            return f.read()

    def stop(self):
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        # servers run with their cwd below the state dir; the proxy has a pid file there
        kill_processes_below(self.state_dir)
        try:
            with open(os.path.join(self.state_dir, "jupyterhub-proxy.pid")) as f:
                os.kill(int(f.read().strip()), signal.SIGKILL)
        except (OSError, ValueError):
            pass

    # --- HTTP helpers -------------------------------------------------------

    def set_faults(self, faults):
        """PUT hub/api/nfdi-local/faults (demo's token): switch on exactly these."""
        r = requests.put(
            self.api + "/nfdi-local/faults",
            json=faults,
            headers=auth(self.credentials.demo_token),
            timeout=10,
        )
        assert r.status_code == 200, r.text
        return r.json()

    def token(self, token=None):
        """``token``, or the demo user's token of this hub."""
        return token or self.credentials.demo_token

    def start_server(self, body=None, token=None, timeout=60):
        data = None if body is None else json.dumps(body)
        return requests.post(
            self.api + "/start", data=data, headers=auth(self.token(token)), timeout=timeout
        )

    def status(self, status_url, token=None):
        return requests.get(status_url, headers=auth(self.token(token)), timeout=30)

    def wait_for(self, status_url, wanted, timeout=60, token=None):
        """Poll status_url until its status is `wanted`; return the last model."""
        deadline = time.monotonic() + timeout
        seen = []
        while time.monotonic() < deadline:
            r = self.status(status_url, token)
            assert r.status_code in (200, 202), r.text
            model = r.json()
            if model["status"] == wanted:
                return model
            if not seen or seen[-1] != model["status"]:
                seen.append(model["status"])
            time.sleep(0.25)
        raise AssertionError(f"{status_url} never became {wanted} (seen: {seen})")

    def names(self, user="demo", token=None):
        """Names of the user's configurations (without JupyterHub's default server)."""
        return {name for name in self.servers(user, token) if name}

    def servers(self, user="demo", token=None):
        r = requests.get(
            f"{self.api}/users/{user}?include_stopped_servers",
            headers=auth(self.token(token)),
            timeout=30,
        )
        assert r.status_code == 200, r.text
        return r.json()["servers"]

    def remove(self, delete_url, token=None):
        """Stop and remove a server; wait until the configuration is gone."""
        r = requests.delete(
            delete_url, json={"remove": True}, headers=auth(self.token(token)), timeout=60
        )
        assert r.status_code in (202, 204), r.text
        name = delete_url.rsplit("/", 1)[1]
        user = delete_url.rsplit("/", 3)[1]
        deadline = time.monotonic() + 30
        while name in self.servers(user, token):
            assert time.monotonic() < deadline, f"{name} was not removed"
            time.sleep(0.2)

    def remove_all(self, user="demo", token=None):
        for name in list(self.servers(user, token)):
            if name:  # "" is JupyterHub's default server, not a configuration
                self.remove(f"{self.api}/users/{user}/servers/{name}", token)


@pytest.fixture(scope="session")
def hub(tmp_path_factory):
    """A hub with the default options."""
    h = Hub(tmp_path_factory.mktemp("hub-default")).start()
    yield h
    h.stop()


@pytest.fixture(scope="session")
def cors_hub(tmp_path_factory):
    """A hub below /jhub/ that allows CORS_ORIGIN, waits up to 15 s in POST /start
    and never reuses a configuration (--no-reuse)."""
    h = Hub(
        tmp_path_factory.mktemp("hub-cors"),
        "--cors-origin",
        CORS_ORIGIN,
        "--start-wait",
        "15",
        "--no-reuse",
        base_url="/jhub/",
    ).start()
    yield h
    h.stop()


#: the page token scopes the demo uses
PAGE_TOKEN_SCOPES = "servers!user,access:servers"
#: seconds a server started through the start API lives on lifetime_hub
LIFETIME = 5


@pytest.fixture(scope="session")
def quirks_hub(tmp_path_factory):
    """A hub with --nfdi-quirks, --preset-token (and an existing settings file),
    the demo's page token scopes, and room for one JSC-Cloud/l2 server."""
    state = tmp_path_factory.mktemp("hub-quirks")
    settings = (
        state / "users" / "demo" / ".jupyter" / "lab" / "user-settings" / "jupyterlab-nfdi-launcher"
    )
    settings.mkdir(parents=True)
    (settings / "plugin.jupyterlab-settings").write_text(
        '{\n  // written by a user\n  "hubUrl": "http://example.invalid/",\n  "token": "old"\n}\n'
    )
    h = Hub(
        state,
        "--nfdi-quirks",
        "--preset-token",
        "--page-token-scopes",
        PAGE_TOKEN_SCOPES,
        "--flavor-max",
        "JSC-Cloud/l2=1",
    ).start()
    yield h
    h.stop()


@pytest.fixture(scope="session")
def lifetime_hub(tmp_path_factory):
    """A hub whose API-started servers live LIFETIME seconds, and whose status
    requests never create a configuration."""
    h = Hub(
        tmp_path_factory.mktemp("hub-lifetime"),
        "--api-server-lifetime",
        str(LIFETIME),
        "--no-status-creates-configuration",
    ).start()
    yield h
    h.stop()


@pytest.fixture
def demo_clean(hub):
    """The default hub, with every configuration of demo removed after the test."""
    yield hub
    hub.remove_all("demo")


@pytest.fixture(scope="session")
def fault_hub(tmp_path_factory):
    """A hub that makes its own credentials (none given) and starts with one fault on
    (--fault start-5xx=503); tests switch faults with PUT and leave them off."""
    h = Hub(tmp_path_factory.mktemp("hub-faults"), "--fault", "start-5xx=503", explicit=False)
    h.start()
    yield h
    h.stop()


@pytest.fixture
def faults_off(fault_hub):
    """fault_hub with no fault on, and every configuration of demo removed after the test."""
    fault_hub.set_faults({})
    yield fault_hub
    fault_hub.set_faults({})
    fault_hub.remove_all("demo")
