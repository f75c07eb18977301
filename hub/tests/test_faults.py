"""Fault switches (faults.py): one test per fault, on fault_hub, switched with PUT."""

import json
import re

import pytest
import requests

from conftest import auth
from nfdi_local_hub.faultanswers import FOREIGN_ORIGIN, MARKUP, STOP_NOTE

FAILING = {"custom": {"customimage": "local/failing:fault"}}


def test_set_at_start_and_only_demo_may_switch(fault_hub):
    hub = fault_hub
    url = hub.api + "/nfdi-local/faults"
    creds = hub.credentials
    r = requests.get(url, headers=auth(creds.demo_token), timeout=10)
    assert r.status_code == 200 and r.json() == {"start-5xx": 503}, r.text
    # --fault start-5xx=503 from the command line
    r = hub.start_server({})
    assert r.status_code == 503 and r.headers["Content-Type"].startswith("text/html")
    assert hub.names() == set()
    for headers in ({}, auth(creds.other_token), auth("nonsense")):
        assert requests.get(url, headers=headers, timeout=10).status_code == 403
        r = requests.put(url, json={}, headers=headers, timeout=10)
        assert r.status_code == 403
    for bad in ({"no-such-fault": True}, {"start-5xx": "x"}, {"start-slow": -1}, [1]):
        r = requests.put(url, json=bad, headers=auth(creds.demo_token), timeout=10)
        assert r.status_code == 400, (bad, r.text)
    assert hub.set_faults({}) == {}
    assert hub.set_faults({"start-5xx": True, "config-limit": 3}) == {
        "start-5xx": 502,
        "config-limit": 3,
    }
    hub.set_faults({})


def test_api_down_hangs_up(faults_off):
    hub = faults_off
    hub.set_faults({"api-down": True})
    # straight to the hub: the connection is closed with no answer
    hosts = re.search(r"answers only for Host: (.*)", hub.output()).group(1)
    (hub_port,) = {int(port) for port in re.findall(r"127\.0\.0\.1:(\d+)", hosts)} - {hub.port}
    with pytest.raises(requests.ConnectionError):
        requests.post(
            f"http://127.0.0.1:{hub_port}/hub/api/start",
            json={},
            headers=auth(hub.token()),
            timeout=10,
        )
    # through the proxy: the proxy's error answer (no JSON), as a hub down behind one
    r = hub.start_server({})
    assert r.status_code >= 502 and not r.headers["Content-Type"].startswith("application/json")
    r = hub.status(hub.api + "/start/demo/anything")
    assert r.status_code >= 502
    hub.set_faults({})
    assert hub.names() == set()


def test_start_5xx_creates_nothing(faults_off):
    hub = faults_off
    hub.set_faults({"start-5xx": True})
    r = hub.start_server(FAILING)
    assert r.status_code == 502
    assert r.headers["Content-Type"].startswith("text/html")
    assert "<html>" in r.text.lower()
    assert hub.names() == set()


def only_name(hub):
    (name,) = hub.names()
    return name


def test_start_5xx_after_create(faults_off):
    hub = faults_off
    hub.set_faults({"start-5xx-after-create": 504})
    r = hub.start_server(FAILING)
    assert r.status_code == 504
    assert r.headers["Content-Type"].startswith("text/html")
    name = only_name(hub)
    hub.set_faults({})
    # it was started: the failing image ran and exited with its code
    assert hub.wait_for(f"{hub.api}/start/demo/{name}", "stopped")["exit_code"] == 3


def test_start_html(faults_off):
    hub = faults_off
    hub.set_faults({"start-html": True})
    r = hub.start_server(FAILING)
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/html")
    assert r.text.startswith("<!DOCTYPE html>")
    assert hub.names() != set()


def test_start_malformed(faults_off):
    hub = faults_off
    hub.set_faults({"start-malformed": True})
    r = hub.start_server(FAILING)
    assert r.status_code == 202
    with pytest.raises(json.JSONDecodeError):
        json.loads(r.text)
    assert r.text.startswith('{"status": "pending"')
    assert hub.names() != set()


def test_start_slow_outlasts_the_client(faults_off):
    hub = faults_off
    hub.set_faults({"start-slow": 4})
    with pytest.raises(requests.ReadTimeout):
        hub.start_server(FAILING, timeout=1)
    # the hub made the server all the same
    name = only_name(hub)
    hub.wait_for(f"{hub.api}/start/demo/{name}", "stopped")


def test_start_retry_after(faults_off):
    hub = faults_off
    hub.set_faults({"start-retry-after": 7})
    r = hub.start_server(FAILING)
    assert r.status_code == 429
    assert r.headers["Retry-After"] == "7"
    assert r.json()["status"] == 429 and "7 seconds" in r.json()["message"]
    assert hub.names() == set()


def test_status_403_while_the_server_starts(faults_off):
    hub = faults_off
    r = hub.start_server({"custom": {"customimage": "local/slow:3"}})
    status_url = r.json()["status_url"]
    hub.set_faults({"status-403": True})
    r = hub.status(status_url)
    assert r.status_code == 403
    assert r.json() == {"status": 403, "message": "Missing or invalid credentials."}
    hub.set_faults({})
    hub.wait_for(status_url, "running")


def test_stop_during_start(faults_off):
    hub = faults_off
    hub.set_faults({"stop-during-start": 0.5})
    r = hub.start_server({"custom": {"customimage": "local/slow:30"}})
    stopped = hub.wait_for(r.json()["status_url"], "stopped")
    assert stopped["exit_code"] == -9
    assert stopped["logs"][-1] == STOP_NOTE
    assert any("Pulling image local/slow:30" in line for line in stopped["logs"])


def test_flapping_status(faults_off):
    hub = faults_off
    hub.set_faults({"flapping-status": True})
    r = hub.start_server({"custom": {"customimage": "local/slow:2"}})
    status_url = r.json()["status_url"]
    seen = []
    for _ in range(400):
        model = hub.status(status_url).json()
        seen.append(model["status"])
        if model["status"] == "running":
            break
        if model["status"] == "stopped":
            assert model == {"status": "stopped", "exit_code": None, "logs": []}
    assert seen[-1] == "running", seen
    assert seen[:3] == ["pending", "stopped", "pending"], seen


def test_config_limit(faults_off):
    hub = faults_off
    hub.set_faults({"config-limit": 2})
    for i in range(2):
        assert hub.start_server({**FAILING, "name": f"n{i}"}).status_code == 202
    r = hub.start_server({**FAILING, "name": "n2"})
    assert r.status_code == 400
    assert "You may only have 2 Jupyter Server configurations" in r.json()["message"]
    assert len(hub.names()) == 2


def test_logs_markup(faults_off):
    hub = faults_off
    r = hub.start_server(FAILING)
    status_url = r.json()["status_url"]
    hub.wait_for(status_url, "stopped")
    token = hub.token()
    hub.set_faults({"logs-markup": True})
    model = hub.status(status_url).json()
    assert model["status"] == "stopped" and model["exit_code"] == 3
    assert MARKUP in model["logs"]
    assert any(token in line for line in model["logs"])
    assert MARKUP in model["message"] and token in model["message"]
    hub.set_faults({"logs-markup": "status"})
    model = hub.status(status_url).json()
    assert model["status"].startswith("stopped ") and token in model["status"]


@pytest.fixture(scope="module")
def running(fault_hub):
    """One running server of demo on fault_hub for the URL faults: (options, its URLs)."""
    fault_hub.set_faults({})
    options = {"name": "runs for the URL faults"}
    r = fault_hub.start_server(options)
    yield options, fault_hub.wait_for(r.json()["status_url"], "running")
    fault_hub.set_faults({})
    fault_hub.remove_all("demo")


@pytest.fixture
def url_faults(fault_hub, running):
    """fault_hub with its running server and no fault on (also after the test)."""
    fault_hub.set_faults({})
    yield fault_hub, running
    fault_hub.set_faults({})


def test_status_url_foreign_origin(url_faults):
    hub, (options, urls) = url_faults
    hub.set_faults({"status-url-foreign-origin": True})
    answer = hub.start_server(options).json()  # the same options: answered at once
    path = urls["status_url"][len(hub.origin) :]
    assert answer["status_url"] == FOREIGN_ORIGIN + path
    assert hub.status(urls["status_url"]).json()["status_url"] == FOREIGN_ORIGIN + path
    assert answer["delete_url"] == urls["delete_url"]
    assert answer["next_url"] == urls["next_url"]


def test_status_url_other_user(url_faults):
    hub, (options, urls) = url_faults
    hub.set_faults({"status-url-other-user": True})
    answer = hub.start_server(options).json()
    for key, part in (("status_url", "/start/"), ("delete_url", "/users/"), ("next_url", "/user/")):
        assert answer[key] == urls[key].replace(f"{part}demo/", f"{part}other/"), key
        assert "/demo/" not in answer[key]


def test_next_url_logout(url_faults):
    hub, (options, urls) = url_faults
    hub.set_faults({"next-url-logout": True})
    answer = hub.start_server(options).json()
    assert answer["next_url"] == hub.url + "hub/logout"
    assert answer["status_url"] == urls["status_url"]


def progress_of(hub, urls):
    """GET the progress stream of the server at urls["delete_url"] (its API URL)."""
    return requests.get(urls["delete_url"] + "/progress", headers=auth(hub.token()), timeout=30)


def test_progress_off(url_faults):
    hub, (_options, urls) = url_faults
    # the stream of a running server says "ready" at once and ends
    r = progress_of(hub, urls)
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("text/event-stream")
    assert '"ready": true' in r.text
    hub.set_faults({"progress-off": True})
    r = progress_of(hub, urls)
    assert r.status_code == 404, r.text
    assert "progress-off" in r.json()["message"]
    # the rest of the API is unchanged
    assert hub.status(urls["status_url"]).json()["status"] == "running"
    hub.set_faults({})
    assert progress_of(hub, urls).status_code == 200
