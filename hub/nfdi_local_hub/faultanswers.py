"""What each fault (faults.py) does to the NFDI API's answers.

The handlers call these few functions at fixed points; each returns quickly
and changes nothing when its faults are off:

* ``refuse_before_start`` / ``refuse_before_status``: answers that replace the
  whole request (api-down, start-5xx, start-retry-after, status-403);
* ``answer_after_start``: answers of a start that did create its server
  (start-5xx-after-create, start-html, start-malformed, start-slow);
* ``url_user_name``, ``rewrite_urls``: status-url-other-user,
  status-url-foreign-origin, next-url-logout;
* ``flapping_model``, ``add_markup``, ``configuration_limit`` and
  ``schedule_stop_during_start`` for the rest.
"""

from __future__ import annotations

import asyncio
import json
from typing import TYPE_CHECKING, Any

from tornado import web

from . import constants

if TYPE_CHECKING:
    from jupyterhub.user import User

    from .apibase import NFDIAPIHandler
    from .hubsettings import LocalHubSettings

FOREIGN_ORIGIN = "http://attacker.invalid"
MARKUP = "<img src=x onerror=\"document.title='pwned'\">"
STOP_NOTE = "Stopped by the hub during the start (fault stop-during-start)"

_ERROR_PAGE = """<!DOCTYPE html>
<html><head><title>{status} {reason}</title></head>
<body><h1>{status} {reason}</h1>
<p>The server is temporarily unable to service your request.</p>
<hr><address>nginx</address></body></html>
"""

_LOGIN_PAGE = """<!DOCTYPE html>
<html><head><title>Sign in</title></head>
<body><h1>Sign in</h1>
<form action="/hub/login" method="post">
<input name="username"><input name="password" type="password">
<button type="submit">Sign in</button></form></body></html>
"""


def _html(handler: NFDIAPIHandler, status: int, page: str) -> None:
    handler.set_status(status)
    handler.set_header("Content-Type", "text/html; charset=utf-8")
    handler.finish(page.format(status=status, reason=handler._reason))


def _close_connection(handler: NFDIAPIHandler) -> None:
    """Hang up without an answer (a proxy in front answers 502/503 instead)."""
    handler.log.warning("Fault api-down: closing the connection of %s", handler.request.path)
    handler.request.connection.stream.close()
    raise web.Finish()


def refuse_before_start(handler: NFDIAPIHandler) -> bool:
    """api-down, start-5xx, start-retry-after: answer before anything is created."""
    faults = handler.nfdi.faults
    if "api-down" in faults:
        _close_connection(handler)
    status = faults.get("start-5xx")
    if status is not None:
        _html(handler, status, _ERROR_PAGE)
        return True
    seconds = faults.get("start-retry-after")
    if seconds is not None:
        handler.set_status(429)
        handler.set_header("Retry-After", str(seconds))
        handler.finish(
            json.dumps(
                {
                    "status": 429,
                    "message": "Too many users trying to start right now."
                    f" Try again in {seconds} seconds.",
                }
            )
        )
        return True
    return False


def refuse_before_status(handler: NFDIAPIHandler) -> bool:
    """api-down, status-403."""
    faults = handler.nfdi.faults
    if "api-down" in faults:
        _close_connection(handler)
    if "status-403" in faults:
        handler.set_status(403)
        handler.finish(json.dumps({"status": 403, "message": "Missing or invalid credentials."}))
        return True
    return False


async def answer_after_start(handler: NFDIAPIHandler, model: dict[str, Any], status: int) -> bool:
    """Answers of a start that created its server; False: answer ``model`` as usual."""
    faults = handler.nfdi.faults
    error_status = faults.get("start-5xx-after-create")
    if error_status is not None:
        _html(handler, error_status, _ERROR_PAGE)
        return True
    if "start-html" in faults:
        _html(handler, 200, _LOGIN_PAGE)
        return True
    if "start-malformed" in faults:
        text = json.dumps(model)
        handler.set_status(202)
        handler.finish(text[: len(text) // 2])
        return True
    seconds = faults.get("start-slow")
    if seconds is not None:
        handler.log.warning("Fault start-slow: answering in %g s", seconds)
        await asyncio.sleep(seconds)
    return False


def url_user_name(settings: LocalHubSettings, escaped_name: str) -> str:
    """status-url-other-user: the user named in the URLs of a server."""
    return constants.OTHER_USER if "status-url-other-user" in settings.faults else escaped_name


def rewrite_urls(
    settings: LocalHubSettings, urls: dict[str, str], origin: str, hub_prefix: str
) -> dict[str, str]:
    """status-url-foreign-origin, next-url-logout."""
    faults = settings.faults
    urls = dict(urls)
    if "status-url-foreign-origin" in faults:
        urls["status_url"] = FOREIGN_ORIGIN + urls["status_url"][len(origin) :]
    if "next-url-logout" in faults:
        urls["next_url"] = origin + hub_prefix.rstrip("/") + "/logout"
    return urls


def flapping_model(settings: LocalHubSettings, user_name: str, server_name: str) -> bool:
    """flapping-status: True when this pending answer should say ``stopped`` instead."""
    if "flapping-status" not in settings.faults:
        return False
    key = (user_name, server_name)
    count = settings.faults.flaps.get(key, 0)
    settings.faults.flaps[key] = count + 1
    return count % 2 == 1


def request_token(handler: NFDIAPIHandler) -> str:
    kind, _, token = handler.request.headers.get("Authorization", "").partition(" ")
    return token.strip() if kind.lower() in ("token", "bearer") else "(no token)"


def add_markup(handler: NFDIAPIHandler, model: dict[str, Any]) -> dict[str, Any]:
    """logs-markup: a stopped answer with markup and the requesting token."""
    where = handler.nfdi.faults.get("logs-markup")
    if where is None:
        return model
    token = request_token(handler)
    echoed = f"{MARKUP} failed for token {token}"
    model = {
        **model,
        "logs": [*model.get("logs", []), MARKUP, f"Authorization: token {token}"],
        "message": echoed,
    }
    if where == "status":
        model["status"] = f"stopped {echoed}"
    return model


def configuration_limit(settings: LocalHubSettings) -> int:
    """config-limit: the per-user limit of configurations."""
    limit = settings.faults.get("config-limit")
    return settings.configuration_limit if limit is None else limit


def schedule_stop_during_start(handler: NFDIAPIHandler, user: User, server_name: str) -> None:
    """stop-during-start: kill the server's process SECONDS after its start."""
    seconds = handler.nfdi.faults.get("stop-during-start")
    if seconds is None:
        return
    log = handler.log

    async def stop() -> None:
        await asyncio.sleep(seconds)
        spawner = user.spawners.get(server_name)
        for _ in range(300):  # the process exists once the spawner has started it
            proc = getattr(spawner, "proc", None)
            if proc is not None:
                break
            await asyncio.sleep(0.1)
        else:
            return
        if proc.poll() is None:
            log.warning("Fault stop-during-start: stopping %s/%s", user.name, server_name)
            spawner.stop_note = STOP_NOTE
            proc.kill()

    # keep a reference until it is done (the loop only holds weak ones)
    task = asyncio.ensure_future(stop())
    handler.nfdi.background_tasks.add(task)
    task.add_done_callback(handler.nfdi.background_tasks.discard)
