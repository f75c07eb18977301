"""What the NFDI handlers know about the hub's behaviours, and their run-time bookkeeping.

One LocalHubSettings object is built by config.py from the command line and
shared by every handler through JupyterHub's ``tornado_settings``.
"""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from typing import Any

from . import constants
from .faults import Faults
from .lifetime import LifetimeTimers
from .options import Systems
from .requestlog import RequestLog

#: key of LocalHubSettings in the tornado settings
SETTINGS_KEY = "nfdi_local_hub"


@dataclass
class EarlyPoll:
    """A start that answered 202: its first status poll may still say ``stopped``."""

    since: float
    previous_exit_code: int | None


@dataclass
class LocalHubSettings:
    """The behaviours the command line chose (see cli.py and the README)."""

    start_wait: float = 1.0
    quirks: bool = False
    systems: Systems = field(default_factory=lambda: constants.SYSTEMS)
    configuration_limit: int = constants.CONFIGURATION_LIMIT
    reuse: bool = True
    api_server_lifetime: float = constants.DEFAULT_API_SERVER_LIFETIME
    status_creates_configuration: bool = True
    page_token_scopes: list[str] = field(default_factory=list)
    #: the faults switched on (faults.py), changed at run time by faultsapi.py
    faults: Faults = field(default_factory=Faults)
    #: the demo user's API token: the only one that may switch faults
    demo_token: str = field(default="", repr=False)
    #: every request the hub received (requestlog.py), read through requestlogapi.py
    requests: RequestLog = field(default_factory=RequestLog, repr=False)
    # run-time bookkeeping
    start_locks: dict[str, asyncio.Lock] = field(default_factory=dict, repr=False)
    early_polls: dict[tuple[str, str], EarlyPoll] = field(default_factory=dict, repr=False)
    #: configurations a POST /hub/api/start is starting right now
    starting: set[tuple[str, str]] = field(default_factory=set, repr=False)
    lifetime_timers: LifetimeTimers = field(init=False, repr=False)
    #: tasks started by faults (kept referenced until done)
    background_tasks: set[asyncio.Future[None]] = field(default_factory=set, repr=False)

    def __post_init__(self) -> None:
        self.lifetime_timers = LifetimeTimers(self.api_server_lifetime)

    def __deepcopy__(self, memo: dict[int, Any]) -> LocalHubSettings:
        # traitlets copies config values; this object is shared on purpose
        return self

    def start_lock(self, user_name: str) -> asyncio.Lock:
        """The lock that makes one user's starts look at their configurations in turn."""
        return self.start_locks.setdefault(user_name, asyncio.Lock())

    def note_pending(
        self, user_name: str, server_name: str, previous_exit_code: int | None
    ) -> None:
        """Remember that a start of this server was just answered with 202."""
        self.early_polls[(user_name, server_name)] = EarlyPoll(time.monotonic(), previous_exit_code)

    def take_early_poll(self, user_name: str, server_name: str) -> EarlyPoll | None:
        """The pending start, once, for the first status poll soon after a 202 (quirks only)."""
        early = self.early_polls.pop((user_name, server_name), None)
        if (
            self.quirks
            and early is not None
            and time.monotonic() - early.since < constants.QUIRK_EARLY_STOPPED_SECONDS
        ):
            return early
        return None

    def describe(self) -> list[str]:
        """One line per behaviour, as the hub prints them when it is ready."""
        lifetime = (
            f"stopped and deleted {self.api_server_lifetime:g} s after their start"
            if self.api_server_lifetime
            else "no lifetime limit"
        )
        limits = [
            f"{system}/{flavor}={info['max']}"
            for system, flavors in self.systems.items()
            for flavor, info in flavors.items()
        ]
        return [
            "  reuse of a configuration with identical options: "
            + ("on" if self.reuse else "off (--no-reuse)"),
            f"  servers started through POST hub/api/start: {lifetime}",
            "  status of an unknown server name: stopped, "
            + (
                "and an empty configuration is created"
                if self.status_creates_configuration
                else "no configuration created (--no-status-creates-configuration)"
            ),
            "  page token scopes of spawned JupyterLabs: "
            + (", ".join(self.page_token_scopes) or "none (paste a token)"),
            "  flavor limits: " + ", ".join(limits),
            "  the real hub's quirks: "
            + (
                "on (--nfdi-quirks: early 'stopped' with the previous exit code,"
                " 404 on DELETE of a stopped server)"
                if self.quirks
                else "off"
            ),
            "  faults: " + self.faults.describe(),
        ]
