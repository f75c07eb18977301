"""A hub with --api-server-lifetime LIFETIME and --no-status-creates-configuration."""

import time

import requests

from conftest import DEMO_TOKEN, LIFETIME, auth, server_processes


def wait_until_gone(hub, name, timeout):
    """Poll until ``name`` is no longer one of demo's configurations; when that was."""
    deadline = time.monotonic() + timeout
    while name in hub.names():
        assert time.monotonic() < deadline, f"{name} was not deleted within {timeout} s"
        time.sleep(0.2)
    return time.monotonic()


def test_api_servers_are_stopped_and_deleted_after_their_lifetime(lifetime_hub):
    hub = lifetime_hub
    t0 = time.monotonic()
    runs = hub.start_server({"name": "runs"})
    pending = hub.start_server({"custom": {"customimage": "local/slow:60"}, "name": "pending"})
    assert runs.status_code in (200, 202), runs.text
    assert pending.status_code == 202, pending.text
    # started through JupyterHub's own API: no lifetime
    r = requests.post(
        hub.api + "/users/demo/servers/own", headers=auth(DEMO_TOKEN), json={}, timeout=60
    )
    assert r.status_code in (201, 202), r.text
    try:
        names = {
            "runs": runs.json()["status_url"].rsplit("/", 1)[1],
            "pending": pending.json()["status_url"].rsplit("/", 1)[1],
        }
        for name in names.values():
            gone = wait_until_gone(hub, name, LIFETIME + 30)
            assert gone - t0 >= LIFETIME, "deleted before its lifetime was over"
            assert server_processes("demo", name) == []
            # polling it now says "stopped", and (--no-status-creates-configuration) makes nothing
            r = hub.status(f"{hub.api}/start/demo/{name}")
            assert r.status_code == 200
            assert r.json() == {"status": "stopped", "exit_code": None, "logs": []}
            assert name not in hub.names()
        own = hub.servers()["own"]
        assert own["stopped"] is False
        assert own["ready"] or own["pending"] == "spawn"
    finally:
        hub.remove_all()


def test_a_reuse_start_restarts_the_lifetime(lifetime_hub):
    hub = lifetime_hub
    body = {"custom": {"customimage": "local/failing:again"}, "name": "again"}
    r = hub.start_server(body)
    t0 = time.monotonic()
    assert r.status_code == 202, r.text
    status_url = r.json()["status_url"]
    name = status_url.rsplit("/", 1)[1]
    try:
        hub.wait_for(status_url, "stopped", timeout=LIFETIME - 1)
        time.sleep(max(0.0, t0 + 3 - time.monotonic()))
        r = hub.start_server(body)  # the same configuration starts (and fails) again
        t1 = time.monotonic()
        assert r.status_code == 202, r.text
        assert r.json()["status_url"] == status_url
        # the first timer would have fired by t0 + LIFETIME
        time.sleep(max(0.0, t0 + LIFETIME + 1.5 - time.monotonic()))
        assert name in hub.names()
        gone = wait_until_gone(hub, name, LIFETIME + 30)
        assert gone - t1 >= LIFETIME - 1
    finally:
        hub.remove_all()


def test_status_of_an_unknown_name_creates_nothing(lifetime_hub):
    hub = lifetime_hub
    r = hub.status(hub.api + "/start/demo/neverthere")
    assert r.status_code == 200
    assert r.json() == {"status": "stopped", "exit_code": None, "logs": []}
    assert "neverthere" not in hub.names()
