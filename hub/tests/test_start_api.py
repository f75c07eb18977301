"""The start API of a default local hub, over HTTP."""

import json
import os
import re
import signal
import time

import requests

from conftest import DEMO_TOKEN, OTHER_TOKEN, auth, process_env, server_processes

NAME_RE = re.compile(r"^[a-z0-9]{1,32}$")


def test_outpostflavors_needs_no_token(hub):
    r = requests.get(hub.api + "/outpostflavors", timeout=10)
    assert r.status_code == 200
    flavors = r.json()
    assert set(flavors) == {"deNBI-Cloud", "JSC-Cloud"}
    assert "m1" in flavors["deNBI-Cloud"]
    assert {name: f["display_name"] for name, f in flavors["JSC-Cloud"].items()} == {
        "m1": "m1 (2 GB, 1 vCPU)",
        "l1": "l1 (4 GB, 1 vCPU)",
        "l2": "l2 (8 GB, 2 vCPU)",
    }
    assert flavors["JSC-Cloud"]["l2"]["description"] == "8 GB memory, 2 vCPUs"
    for system in flavors.values():
        for flavor in system.values():
            assert {"display_name", "description", "max", "current", "runtime"} <= set(flavor)
            assert flavor["current"] == 0
            assert isinstance(flavor["max"], int) and flavor["max"] > 0
            assert isinstance(flavor["runtime"], int) and flavor["runtime"] > 0


def test_start_poll_run_stop_remove(demo_clean):
    hub = demo_clean
    body = {
        "custom": {"customimage": "quay.io/example/lab:1.0"},
        "system": "JSC-Cloud",
        "flavor": "l2",
        "name": "My analysis",
        "service": "jupyterlab",
        "profile": "custom",
    }
    r = hub.start_server(body)
    assert r.status_code == 202, r.text  # a JupyterLab needs more than --start-wait (1 s)
    started = r.json()
    assert started["status"] == "pending"
    assert set(started) == {"status", "status_url", "delete_url"}
    name = started["status_url"].rsplit("/", 1)[1]
    assert NAME_RE.match(name), name
    assert started["status_url"] == f"{hub.origin}/hub/api/start/demo/{name}"
    assert started["delete_url"] == f"{hub.origin}/hub/api/users/demo/servers/{name}"

    # the first poll right after the 202 is an honest "pending" (no quirks here)
    first = hub.status(started["status_url"])
    assert first.json()["status"] in ("pending", "running"), first.text

    running = hub.wait_for(started["status_url"], "running")
    assert running == {
        "status": "running",
        "next_url": f"{hub.origin}/user/demo/{name}/",
        "status_url": started["status_url"],
        "delete_url": started["delete_url"],
    }
    assert hub.status(started["status_url"]).status_code == 200

    # a real JupyterLab answers at next_url, with the app exposed for browser tests
    r = requests.get(running["next_url"] + "api/status", headers=auth(DEMO_TOKEN), timeout=30)
    assert r.status_code == 200, r.text
    assert "started" in r.json()
    r = requests.get(running["next_url"], headers=auth(DEMO_TOKEN), timeout=30)
    assert r.status_code == 200, r.text
    assert r.url.startswith(running["next_url"] + "lab")
    page_config = json.loads(
        re.search(
            r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', r.text, re.S
        ).group(1)
    )
    assert page_config["exposeAppInBrowser"] is True
    assert page_config["hubServerName"] == name
    assert page_config["hubUser"] == "demo"

    # the options are recorded, merged over the defaults
    expected_options = {
        "option": "custom",
        "custom": {"customimage": "quay.io/example/lab:1.0"},
        "system": "JSC-Cloud",
        "flavor": "l2",
        "name": "My analysis",
        "service": "jupyterlab",
        "profile": "custom",
    }
    assert hub.servers()[name]["user_options"] == expected_options

    # ... and exposed to the server process
    pids = server_processes("demo", name)
    assert len(pids) == 1, pids
    env = process_env(pids[0])
    assert env["NFDI_IMAGE"] == "quay.io/example/lab:1.0"
    assert env["NFDI_OPTION"] == "custom"
    assert env["NFDI_SYSTEM"] == "JSC-Cloud"
    assert env["NFDI_FLAVOR"] == "l2"
    assert env["NFDI_SERVER_DISPLAY_NAME"] == "My analysis"
    assert json.loads(env["NFDI_USER_OPTIONS"]) == expected_options
    home = os.path.join(hub.state_dir, "users", "demo")
    assert env["HOME"] == home
    assert env["JUPYTERLAB_SETTINGS_DIR"] == os.path.join(home, ".jupyter", "lab", "user-settings")
    assert env["JUPYTERLAB_WORKSPACES_DIR"] == os.path.join(
        home, ".jupyter", "lab", "workspaces", name
    )
    with open(f"/proc/{pids[0]}/cmdline", "rb") as f:
        cmdline = f.read().split(b"\0")
    assert b"--LabApp.expose_app_in_browser=True" in cmdline

    # counted by outpostflavors
    flavors = requests.get(hub.api + "/outpostflavors", timeout=10).json()
    assert flavors["JSC-Cloud"]["l2"]["current"] == 1
    assert flavors["deNBI-Cloud"]["m1"]["current"] == 0

    # another user cannot see or stop it
    assert hub.status(started["status_url"], OTHER_TOKEN).status_code == 404
    r = requests.delete(started["delete_url"], headers=auth(OTHER_TOKEN), timeout=30)
    assert r.status_code == 404, r.text
    assert hub.status(started["status_url"]).json()["status"] == "running"

    # stop: JupyterHub's own DELETE
    r = requests.delete(started["delete_url"], headers=auth(DEMO_TOKEN), timeout=60)
    assert r.status_code in (202, 204), r.text
    stopped = hub.wait_for(started["status_url"], "stopped", timeout=30)
    assert set(stopped) == {"status", "exit_code", "logs"}
    assert isinstance(stopped["exit_code"], int)
    assert stopped["logs"] and all(isinstance(line, str) for line in stopped["logs"])
    assert any("Jupyter Server" in line for line in stopped["logs"]), stopped["logs"]
    assert server_processes("demo", name) == []
    assert (
        requests.get(hub.api + "/outpostflavors", timeout=10).json()["JSC-Cloud"]["l2"]["current"]
        == 0
    )

    # a stopped configuration is kept (and still reported) until removed
    server = hub.servers()[name]
    assert server["stopped"] is True
    assert server["user_options"] == expected_options
    assert hub.status(started["status_url"]).json() == stopped
    # stock JupyterHub: DELETE of a stopped server answers 204
    r = requests.delete(started["delete_url"], headers=auth(DEMO_TOKEN), timeout=30)
    assert r.status_code == 204, r.text

    # remove
    r = requests.delete(
        started["delete_url"], json={"remove": True}, headers=auth(DEMO_TOKEN), timeout=30
    )
    assert r.status_code == 204, r.text
    assert name not in hub.servers()
    # as on the real hub, polling the removed server says "stopped" (and
    # JupyterHub's get_spawner makes an empty configuration of that name again)
    r = hub.status(started["status_url"])
    assert r.status_code == 200
    assert r.json() == {"status": "stopped", "exit_code": None, "logs": []}
    assert hub.servers()[name]["user_options"] == {}


def test_failing_image_reports_exit_code_and_logs(demo_clean):
    hub = demo_clean
    t0 = time.monotonic()
    r = hub.start_server({"custom": {"customimage": "local/failing:latest"}})
    assert r.status_code == 202, r.text
    assert r.json()["status"] == "pending"
    stopped = hub.wait_for(r.json()["status_url"], "stopped", timeout=20)
    assert time.monotonic() - t0 < 8, "a failing server must be noticed long before http_timeout"
    assert stopped["exit_code"] == 3
    assert any(line.endswith("Pulling image local/failing:latest ...") for line in stopped["logs"])
    assert any("Error:" in line for line in stopped["logs"]), stopped["logs"]
    # still reported the same way later, and the configuration exists until removed
    assert hub.status(r.json()["status_url"]).json() == stopped
    name = r.json()["status_url"].rsplit("/", 1)[1]
    assert hub.servers()[name]["stopped"] is True


def test_slow_image_stays_pending_then_runs(demo_clean):
    hub = demo_clean
    t0 = time.monotonic()
    r = hub.start_server({"custom": {"customimage": "local/slow:4"}, "name": "slow one"})
    assert r.status_code == 202, r.text
    status_url = r.json()["status_url"]
    # pending for (at least) the 4 s the image sleeps
    while time.monotonic() - t0 < 3.5:
        model = hub.status(status_url).json()
        assert model == {
            "status": "pending",
            "status_url": status_url,
            "delete_url": r.json()["delete_url"],
        }
        assert hub.status(status_url).status_code == 202
        time.sleep(0.5)
    running = hub.wait_for(status_url, "running", timeout=60)
    assert time.monotonic() - t0 >= 4
    assert (
        requests.get(
            running["next_url"] + "api/status", headers=auth(DEMO_TOKEN), timeout=30
        ).status_code
        == 200
    )


def test_repo2docker_runs_a_local_lab_and_logs_the_build(demo_clean):
    hub = demo_clean
    body = {
        "option": "repo2docker",
        "repo2docker": {
            "repotype": "gh",
            "repourl": "binder-examples/requirements",
            "reporef": "HEAD",
        },
        "service": "jupyterlab",
        "profile": "repo2docker",
    }
    r = hub.start_server(body)
    assert r.status_code in (200, 202), r.text
    status_url = r.json()["status_url"]
    hub.wait_for(status_url, "running")
    name = status_url.rsplit("/", 1)[1]
    (pid,) = server_processes("demo", name)
    env = process_env(pid)
    assert env["NFDI_IMAGE"] == "r2d:gh:binder-examples/requirements@HEAD"
    assert env["NFDI_OPTION"] == "repo2docker"
    assert hub.servers()[name]["user_options"]["profile"] == "repo2docker"
    # a server that dies is reported as stopped at the next status poll
    # (not only after JupyterHub's 30 s poll interval), with its exit code
    os.kill(pid, signal.SIGKILL)
    stopped = hub.wait_for(status_url, "stopped", timeout=3)
    assert stopped["exit_code"] == -signal.SIGKILL
    assert hub.servers()[name]["stopped"] is True
    assert any(
        "repo2docker would build gh repository 'binder-examples/requirements'" in line
        for line in stopped["logs"]
    )


def test_missing_or_bad_token_is_403(hub):
    for headers in ({}, auth("not-a-token")):
        r = requests.post(hub.api + "/start", headers=headers, timeout=10)
        assert r.status_code == 403
        assert r.json() == {"status": 403, "message": "Missing or invalid credentials."}
        r = requests.get(hub.api + "/start/demo/whatever", headers=headers, timeout=10)
        assert r.status_code == 403
        assert r.json()["status"] == 403
    assert "whatever" not in hub.servers()


def test_unknown_servers_are_stopped_and_foreign_ones_404(demo_clean):
    hub = demo_clean
    # a name demo does not have: "stopped" without exit code, and (by default,
    # as JupyterHub 5.4 on the real hub) an empty configuration of that name
    r = hub.status(hub.api + "/start/demo/nosuchserver")
    assert r.status_code == 200
    assert r.json() == {"status": "stopped", "exit_code": None, "logs": []}
    server = hub.servers()["nosuchserver"]
    assert server["user_options"] == {} and server["stopped"] is True
    assert hub.status(hub.api + "/start/demo/nosuchserver").json()["status"] == "stopped"

    r = hub.start_server({"custom": {"customimage": "local/failing:x"}})
    status_url = r.json()["status_url"]
    assert hub.status(status_url).status_code in (200, 202)
    r = hub.status(status_url, OTHER_TOKEN)
    assert r.status_code == 404
    assert r.json()["status"] == 404
    # nothing was made for other, and other cannot make names for demo
    assert hub.status(hub.api + "/start/demo/fromother", OTHER_TOKEN).status_code == 404
    assert "fromother" not in hub.servers()
    assert hub.names("other", OTHER_TOKEN) == set()
    # a user that does not exist
    assert hub.status(hub.api + "/start/nobody/x").status_code == 404


def test_invalid_options_are_400_with_a_message(hub):
    cases = [
        ({"custom": {"customimage": ""}}, "customimage"),
        ({"custom": {"customimage": "   "}}, "customimage"),
        (
            {"option": "repo2docker", "repo2docker": {"repotype": "svn", "repourl": "x/y"}},
            "repotype",
        ),
        ({"option": "repo2docker", "repo2docker": {"repotype": "gh"}}, "repourl"),
        ({"option": "repo2docker"}, "repo2docker"),
        (
            {
                "option": "repo2docker",
                "repo2docker": {"repotype": "gh", "repourl": "a/b", "repopathtype": "dir"},
            },
            "repopathtype",
        ),
        ({"option": "docker"}, "option"),
        ({"system": "Mars-Cloud"}, "Mars-Cloud"),
        ({"system": "deNBI-Cloud", "flavor": "l2"}, "flavor"),
        ({"name": "x" * 65}, "64"),
        ({"name": 5}, "name"),
        ([], "JSON object"),
    ]
    before = set(hub.servers())
    for body, word in cases:
        r = hub.start_server(body)
        assert r.status_code == 400, (body, r.text)
        model = r.json()
        assert model["status"] == 400
        assert word in model["message"], (body, model)
    r = requests.post(hub.api + "/start", data="{not json", headers=auth(DEMO_TOKEN), timeout=10)
    assert r.status_code == 400
    assert set(hub.servers()) == before


def test_sixteenth_configuration_is_refused_but_reuse_works(hub):
    """15 configurations (cheap: failing image) for user other, then the limit."""

    def body(i):
        return {"custom": {"customimage": "local/failing:limit"}, "name": f"limit {i}"}

    urls = []
    try:
        for i in range(15):
            r = hub.start_server(body(i), OTHER_TOKEN)
            assert r.status_code == 202, r.text
            urls.append(r.json())
        assert len(hub.names("other", OTHER_TOKEN)) == 15
        r = hub.start_server(body(15), OTHER_TOKEN)
        assert r.status_code == 400
        assert r.json()["status"] == 400
        assert "15" in r.json()["message"]
        assert len(hub.names("other", OTHER_TOKEN)) == 15
        # options identical to one of the 15: that configuration starts again
        hub.wait_for(urls[3]["status_url"], "stopped", token=OTHER_TOKEN)
        r = hub.start_server(body(3), OTHER_TOKEN)
        assert r.status_code == 202, r.text
        assert r.json()["status_url"] == urls[3]["status_url"]
        assert len(hub.names("other", OTHER_TOKEN)) == 15
        # JupyterHub's own API keeps the same limit
        r = requests.post(
            hub.api + "/users/other/servers/extra", headers=auth(OTHER_TOKEN), json={}, timeout=30
        )
        assert r.status_code == 400
        # stopped ones count too; removing one makes room again
        hub.wait_for(urls[0]["status_url"], "stopped", token=OTHER_TOKEN)
        hub.remove(urls.pop(0)["delete_url"], OTHER_TOKEN)
        r = hub.start_server(body(15), OTHER_TOKEN)
        assert r.status_code == 202, r.text
        urls.append(r.json())
    finally:
        hub.remove_all("other", OTHER_TOKEN)
    # demo was never affected
    assert hub.names("demo", DEMO_TOKEN) == set()


def test_no_cors_headers_without_the_flag(hub):
    headers = {
        "Origin": "http://127.0.0.1:9999",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization,content-type",
    }
    for path in ("/start", "/users/demo/servers/x", "/start/demo/x"):
        r = requests.options(hub.api + path, headers=headers, timeout=10)
        assert "Access-Control-Allow-Origin" not in r.headers, (path, dict(r.headers))
    r = requests.get(
        hub.api + "/users/demo",
        headers={**auth(DEMO_TOKEN), "Origin": "http://127.0.0.1:9999"},
        timeout=10,
    )
    assert r.status_code == 200
    assert "Access-Control-Allow-Origin" not in r.headers
