"""Fault switches: the registry of faults, their values, and the set switched on.

Each fault has a name (a contract: tests and docs use these names), the kind
of value it takes and a default value. ``--fault NAME[=VALUE]`` switches one
on at start; ``PUT hub/api/nfdi-local/faults`` (faultsapi.py) replaces the
whole set at run time. What each fault does to an answer is in
faultanswers.py, at the few places the handlers consult it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

FaultValue = Any


class FaultError(ValueError):
    """An unknown fault, or a value it does not take."""


def _flag(value: Any) -> bool:
    if value is True or (isinstance(value, str) and value.lower() == "true"):
        return True
    raise FaultError("takes no value (use true)")


def _status(value: Any) -> int:
    number = _number(value, int)
    if not 400 <= number <= 599:
        raise FaultError("takes an HTTP error status, 400 to 599")
    return number


def _seconds(value: Any) -> float:
    number = _number(value, float)
    if number < 0:
        raise FaultError("takes a number of seconds >= 0")
    return number


def _count(value: Any) -> int:
    number = _number(value, int)
    if number < 0:
        raise FaultError("takes a whole number >= 0")
    return number


def _markup_where(value: Any) -> bool | str:
    if isinstance(value, str) and value.lower() == "status":
        return "status"
    try:
        return _flag(value)
    except FaultError:
        raise FaultError("takes true or 'status'") from None


def _number(value: Any, kind: type) -> Any:
    if isinstance(value, bool):
        raise FaultError("takes a number")
    try:
        number = kind(value)
    except (TypeError, ValueError):
        raise FaultError("takes a number") from None
    if kind is int and isinstance(value, float) and value != number:
        raise FaultError("takes a whole number")
    return number


@dataclass(frozen=True)
class Fault:
    name: str
    #: value when switched on without one (``--fault NAME``, ``{"NAME": true}``)
    default: FaultValue
    parse: Callable[[Any], FaultValue]
    help: str


FAULTS: dict[str, Fault] = {
    fault.name: fault
    for fault in (
        Fault("api-down", True, _flag, "every hub/api/start* request: connection closed"),
        Fault("start-5xx", 502, _status, "POST start answers STATUS (HTML), creates nothing"),
        Fault(
            "start-5xx-after-create",
            502,
            _status,
            "POST start creates and starts the server, then answers STATUS (HTML)",
        ),
        Fault("start-html", True, _flag, "POST start creates, then answers 200 with an HTML page"),
        Fault("start-malformed", True, _flag, "POST start creates, then answers truncated JSON"),
        Fault("start-slow", 60.0, _seconds, "POST start creates, then waits SECONDS to answer"),
        Fault(
            "start-retry-after",
            10,
            _count,
            "POST start answers 429 with Retry-After: SECONDS, creates nothing",
        ),
        Fault("status-403", True, _flag, "every status GET answers 403 (token revoked)"),
        Fault(
            "stop-during-start",
            1.0,
            _seconds,
            "a server started through the API is stopped SECONDS after its start",
        ),
        Fault("flapping-status", True, _flag, "status alternates pending/stopped while starting"),
        Fault("config-limit", 1, _count, "the per-user configuration limit is N instead of 15"),
        Fault(
            "status-url-foreign-origin",
            True,
            _flag,
            "status_url points to http://attacker.invalid (same path)",
        ),
        Fault(
            "status-url-other-user",
            True,
            _flag,
            "status_url, delete_url and next_url name the user 'other'",
        ),
        Fault("next-url-logout", True, _flag, "next_url is <base>hub/logout"),
        Fault("progress-off", True, _flag, "the progress stream of every server answers 404"),
        Fault(
            "logs-markup",
            True,
            _markup_where,
            "stopped answers carry markup and the requesting token in logs and message"
            " ('status': in the status field too)",
        ),
    )
}


def parse(name: str, value: Any = True) -> FaultValue:
    """The value of fault ``name`` given ``value`` (True: its default)."""
    fault = FAULTS.get(name)
    if fault is None:
        raise FaultError(f"unknown fault {name!r}: known are {', '.join(FAULTS)}")
    if value is True:
        return fault.default
    try:
        return fault.parse(value)
    except FaultError as e:
        raise FaultError(f"fault {name!r} {e}, not {value!r}") from None


def parse_option(text: str) -> tuple[str, FaultValue]:
    """``--fault NAME`` or ``--fault NAME=VALUE``."""
    name, sep, value = text.partition("=")
    return name, parse(name, value if sep else True)


class Faults:
    """The faults switched on, shared by the handlers."""

    def __init__(self, initial: Mapping[str, Any] | None = None) -> None:
        self._active: dict[str, FaultValue] = {}
        #: flapping-status: how many status answers each starting server got
        self.flaps: dict[tuple[str, str], int] = {}
        self.replace(initial or {})

    def replace(self, wanted: Mapping[str, Any]) -> None:
        """Switch on exactly these faults (all checked before any is switched)."""
        if not isinstance(wanted, Mapping):
            raise FaultError('the body must be a JSON object, e.g. {"start-5xx": 503}')
        active = {name: parse(name, value) for name, value in wanted.items()}
        self._active = active
        self.flaps.clear()

    def get(self, name: str) -> FaultValue | None:
        """The value of fault ``name``, None when it is off."""
        if name not in FAULTS:
            raise KeyError(name)
        return self._active.get(name)

    def __contains__(self, name: str) -> bool:
        return self.get(name) is not None

    def as_json(self) -> dict[str, FaultValue]:
        return dict(self._active)

    def describe(self) -> str:
        """One line for the hub's start-up output."""
        if not self._active:
            return "none (PUT hub/api/nfdi-local/faults switches them)"
        return ", ".join(
            name if value is True else f"{name}={value}" for name, value in self._active.items()
        )
