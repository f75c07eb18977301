"""Refuse requests whose ``Host`` is not one the local hub is reached at.

A web page can reach a server on 127.0.0.1 through DNS rebinding: its own
name resolves to 127.0.0.1, and the browser sends ``Host: <its name>``.
Checking the Host header closes that door. Allowed are the loopback names
(``127.0.0.1``, ``localhost``, ``[::1]``) with the given ports, plus any
extra ``host:port`` (``--public-host``); everything else gets 403 with a
short text body, before any handler runs.

The check is a rule put first in a tornado application's router, so it
covers every URL of that application: the hub's pages and API (app.py), and
each single-user server (serverhost.py, a Jupyter server extension), which
configurable-http-proxy reaches with the browser's Host header unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from tornado.httputil import HTTPServerRequest
from tornado.routing import Matcher, Rule
from tornado.web import Application, RequestHandler

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
#: environment variable with the extra allowed hosts of a single-user server
ENV_ALLOWED_HOSTS = "NFDI_LOCAL_HUB_ALLOWED_HOSTS"
REFUSED_MESSAGE = "Host not allowed: this server answers only at its own address.\n"


def allowed_hosts(ports: Iterable[int], extra: Iterable[str] = ()) -> frozenset[str]:
    """Host header values (lower case) to accept: loopback names with ``ports``, and ``extra``."""
    hosts = {f"{name}:{port}" for port in ports for name in LOOPBACK_NAMES}
    if 80 in ports:
        # browsers leave out the default port
        hosts.update(LOOPBACK_NAMES)
    hosts.update(host.strip().lower() for host in extra if host.strip())
    return frozenset(hosts)


class RefusedHostMatcher(Matcher):
    """Matches the requests whose Host is not allowed."""

    def __init__(self, hosts: frozenset[str]) -> None:
        self.hosts = hosts

    def match(self, request: HTTPServerRequest) -> dict[str, Any] | None:
        host = request.headers.get("Host", "").strip().lower()
        return None if host in self.hosts else {}


class RefusedHostHandler(RequestHandler):
    """403 with a short text, whatever the method (websocket upgrades included)."""

    def prepare(self) -> None:
        self.set_status(403)
        self.set_header("Content-Type", "text/plain; charset=utf-8")
        self.finish(REFUSED_MESSAGE)

    def check_xsrf_cookie(self) -> None:
        # nothing is done for these requests: the answer is always the refusal
        return


def install(app: Application, hosts: frozenset[str]) -> None:
    """Put the check first in ``app``'s router."""
    app.default_router.rules.insert(0, Rule(RefusedHostMatcher(hosts), RefusedHostHandler))
