"""A hub below --base-url /jhub/ with --cors-origin http://127.0.0.1:9999."""

import time

import requests

from conftest import CORS_ORIGIN, DEMO_TOKEN, auth

PREFLIGHT = {
    "Origin": CORS_ORIGIN,
    "Access-Control-Request-Method": "POST",
    "Access-Control-Request-Headers": "authorization,content-type",
}


def assert_cors(headers):
    assert headers.get("Access-Control-Allow-Origin") == CORS_ORIGIN, dict(headers)
    allowed_headers = {
        h.strip().lower() for h in headers["Access-Control-Allow-Headers"].split(",")
    }
    assert {"authorization", "content-type"} <= allowed_headers
    allowed_methods = {m.strip() for m in headers["Access-Control-Allow-Methods"].split(",")}
    assert {"GET", "POST", "DELETE", "OPTIONS"} <= allowed_methods


def test_preflight_answers_204_with_cors_headers(cors_hub):
    for path in (
        "/start",
        "/start/demo/abc",
        "/users/demo/servers/abc",
        "/users/demo",
        "/outpostflavors",
        "/user",
    ):
        r = requests.options(cors_hub.api + path, headers=PREFLIGHT, timeout=10)
        assert r.status_code == 204, (path, r.status_code, r.text)
        assert r.content == b""
        assert_cors(r.headers)


def test_cors_headers_on_answers_and_errors(cors_hub):
    r = requests.get(
        cors_hub.api + "/user", headers={**auth(DEMO_TOKEN), "Origin": CORS_ORIGIN}, timeout=10
    )
    assert r.status_code == 200
    assert r.json()["name"] == "demo"
    assert_cors(r.headers)
    # a browser must be able to read a 403 too
    r = requests.post(
        cors_hub.api + "/start", headers={**auth("bad"), "Origin": CORS_ORIGIN}, timeout=10
    )
    assert r.status_code == 403
    assert_cors(r.headers)
    # only exactly the configured origin is named, and only on the API
    r = requests.get(cors_hub.url + "hub/login", headers={"Origin": CORS_ORIGIN}, timeout=10)
    assert r.status_code == 200
    assert "Access-Control-Allow-Origin" not in r.headers


def test_start_under_base_url(cors_hub):
    """With --start-wait 15 the start answers 200 "running" at once."""
    hub = cors_hub
    assert hub.base_url == "/jhub/"
    r = hub.start_server({})
    assert r.status_code == 200, r.text
    started = r.json()
    name = started["status_url"].rsplit("/", 1)[1]
    assert started == {
        "status": "running",
        "next_url": f"{hub.origin}/jhub/user/demo/{name}/",
        "status_url": f"{hub.origin}/jhub/hub/api/start/demo/{name}",
        "delete_url": f"{hub.origin}/jhub/hub/api/users/demo/servers/{name}",
    }
    try:
        running = hub.wait_for(started["status_url"], "running", timeout=2)
        assert running == started
        r = requests.get(running["next_url"] + "api/status", headers=auth(DEMO_TOKEN), timeout=30)
        assert r.status_code == 200, r.text
        assert hub.servers()[name]["user_options"]["name"] == "POST API Server"
    finally:
        hub.remove(started["delete_url"])
    assert name not in hub.servers()


def test_failing_start_answers_before_the_wait_is_over(cors_hub):
    hub = cors_hub
    t0 = time.monotonic()
    r = hub.start_server({"custom": {"customimage": "local/failing:now"}})
    assert r.status_code == 202, r.text
    assert time.monotonic() - t0 < 5, "a start that fails must not wait for --start-wait"
    try:
        stopped = hub.status(r.json()["status_url"]).json()
        assert stopped["status"] == "stopped"
        assert stopped["exit_code"] == 3
    finally:
        hub.remove(r.json()["delete_url"])


def test_progress_stream_allowed_across_origins(cors_hub):
    """A client on the allowed origin can follow a start by the progress stream, and the
    browser may keep the preflight (Access-Control-Max-Age)."""
    hub = cors_hub
    r = requests.options(
        hub.api + "/users/demo/servers/abc/progress",
        headers={**PREFLIGHT, "Access-Control-Request-Method": "GET"},
        timeout=10,
    )
    assert r.status_code == 204
    assert_cors(r.headers)
    assert int(r.headers["Access-Control-Max-Age"]) >= 60
    r = hub.start_server({})
    assert r.status_code == 200, r.text
    started = r.json()
    try:
        r = requests.get(
            started["delete_url"] + "/progress",
            headers={**auth(DEMO_TOKEN), "Origin": CORS_ORIGIN},
            timeout=30,
        )
        assert r.status_code == 200
        assert r.headers["Content-Type"].startswith("text/event-stream")
        assert_cors(r.headers)
        assert '"ready": true' in r.text
    finally:
        hub.remove(started["delete_url"])
