"""A hub with --nfdi-quirks (and --preset-token)."""

import json
import os
import time

import requests

from conftest import DEMO_TOKEN, auth

NEVER_RAN = {"status": "stopped", "exit_code": None, "logs": []}


def test_quirks_early_stopped_and_404_on_delete_of_stopped(quirks_hub):
    hub = quirks_hub
    r = hub.start_server({"custom": {"customimage": "local/slow:3"}})
    assert r.status_code == 202, r.text
    t_202 = time.monotonic()
    started = r.json()
    try:
        # the first poll soon after a 202 says "stopped", without exit code
        # (a new configuration never ran) or logs ...
        first = hub.status(started["status_url"])
        assert time.monotonic() - t_202 < 1.5
        assert first.status_code == 200
        assert first.json() == NEVER_RAN
        # ... but only the first one
        assert hub.status(started["status_url"]).json()["status"] == "pending"

        # stop the pending server; then DELETE of the stopped server answers 404
        r = requests.delete(started["delete_url"], headers=auth(DEMO_TOKEN), timeout=60)
        assert r.status_code in (202, 204), r.text
        hub.wait_for(started["status_url"], "stopped", timeout=30)
        r = requests.delete(started["delete_url"], headers=auth(DEMO_TOKEN), timeout=30)
        assert r.status_code == 404, r.text
        assert r.json()["status"] == 404
    finally:
        # remove still works on a stopped server
        r = requests.delete(
            started["delete_url"], json={"remove": True}, headers=auth(DEMO_TOKEN), timeout=60
        )
        assert r.status_code in (202, 204), r.text
    assert hub.status(started["status_url"]).json() == NEVER_RAN
    hub.remove_all()


def test_quirks_late_first_poll_is_honest(quirks_hub):
    hub = quirks_hub
    r = hub.start_server({"custom": {"customimage": "local/failing:x"}})
    assert r.status_code == 202
    time.sleep(1.6)
    try:
        stopped = hub.wait_for(r.json()["status_url"], "stopped", timeout=20)
        assert stopped["exit_code"] == 3
    finally:
        hub.remove(r.json()["delete_url"])


def restart_and_take_first_poll(hub, body, status_url):
    """Start a stopped configuration again by its options; the first status answer."""
    r = hub.start_server(body)
    assert r.status_code == 202, r.text
    assert r.json()["status_url"] == status_url  # reused
    return hub.status(status_url).json()


def test_quirks_first_poll_of_a_reused_configuration_has_its_last_exit_code(quirks_hub):
    hub = quirks_hub
    clean = {"name": "ran before"}
    failing = {"custom": {"customimage": "local/failing:again"}, "name": "failed before"}
    try:
        r = hub.start_server(clean)
        assert r.status_code == 202, r.text
        clean_url, clean_delete = r.json()["status_url"], r.json()["delete_url"]
        assert hub.status(clean_url).json() == NEVER_RAN
        hub.wait_for(clean_url, "running")
        r = requests.delete(clean_delete, headers=auth(DEMO_TOKEN), timeout=60)
        assert r.status_code in (202, 204), r.text
        assert hub.wait_for(clean_url, "stopped", timeout=30)["exit_code"] == 0

        first = restart_and_take_first_poll(hub, clean, clean_url)
        assert first == {"status": "stopped", "exit_code": 0, "logs": []}
        hub.wait_for(clean_url, "running")

        r = hub.start_server(failing)
        assert r.status_code == 202, r.text
        failing_url = r.json()["status_url"]
        assert hub.status(failing_url).json() == NEVER_RAN
        stopped = hub.wait_for(failing_url, "stopped", timeout=20)
        assert stopped["exit_code"] == 3 and stopped["logs"]

        first = restart_and_take_first_poll(hub, failing, failing_url)
        assert first == {"status": "stopped", "exit_code": 3, "logs": []}
        again = hub.wait_for(failing_url, "stopped", timeout=20)
        assert again["exit_code"] == 3 and any("Error:" in line for line in again["logs"])
    finally:
        hub.remove_all()


def test_preset_token_merges_into_the_settings_file(quirks_hub):
    path = os.path.join(
        quirks_hub.state_dir,
        "users/demo/.jupyter/lab/user-settings/jupyterlab-nfdi-launcher/plugin.jupyterlab-settings",
    )
    with open(path) as f:
        settings = json.load(f)
    assert settings == {"hubUrl": "http://example.invalid/", "token": DEMO_TOKEN}
