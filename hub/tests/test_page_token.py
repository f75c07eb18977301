"""--page-token-scopes servers!user,access:servers: a spawned JupyterLab's page token
can list, start and stop its user's servers (quirks_hub, as in the demo)."""

import json
import re
import subprocess
import sys

import requests

from conftest import DEMO_TOKEN, LOCALHUB, OTHER_TOKEN, PASSWORD, auth
from nfdi_local_hub import constants


def log_in(hub):
    """A browser-like session logged in to the hub as demo (cookie login, no token)."""
    session = requests.Session()
    r = session.get(hub.url + "hub/login", timeout=30)
    assert r.status_code == 200, r.text
    r = session.post(
        hub.url + "hub/login",
        data={
            "username": constants.DEMO_USER,
            "password": PASSWORD,
            "_xsrf": session.cookies.get("_xsrf"),
        },
        timeout=30,
    )
    assert r.status_code == 200, r.text
    return session


def page_config(html):
    match = re.search(
        r'<script id="jupyter-config-data" type="application/json">(.*?)</script>', html, re.S
    )
    assert match, html[:2000]
    return json.loads(match.group(1))


def test_the_page_token_lists_starts_and_stops_servers(quirks_hub):
    hub = quirks_hub
    r = hub.start_server({"name": "holds the page token"})
    assert r.status_code in (200, 202), r.text
    try:
        running = hub.wait_for(r.json()["status_url"], "running")
        session = log_in(hub)
        # JupyterLab's OAuth login with the hub, as a browser follows it
        r = session.get(running["next_url"], timeout=60)
        assert r.status_code == 200, r.text
        assert r.url.startswith(running["next_url"] + "lab"), r.url
        token = page_config(r.text)["token"]
        assert token and token not in (DEMO_TOKEN, OTHER_TOKEN)

        r = requests.get(hub.api + "/user", headers=auth(token), timeout=30)
        assert r.status_code == 200, r.text
        scopes = set(r.json()["scopes"])
        for scope in ("servers", "read:servers", "delete:servers", "access:servers"):
            assert f"{scope}!user=demo" in scopes, scopes

        r = requests.get(
            hub.api + "/users/demo?include_stopped_servers", headers=auth(token), timeout=30
        )
        assert r.status_code == 200, r.text
        assert running["status_url"].rsplit("/", 1)[1] in r.json()["servers"]
        assert hub.start_server({}, token=token).status_code in (200, 202)
        r = hub.start_server({"custom": {"customimage": "local/failing:page"}}, token=token)
        assert r.status_code == 202, r.text
        hub.wait_for(r.json()["status_url"], "stopped", token=token)
        hub.remove(r.json()["delete_url"], token=token)
        # only demo's own servers
        r = requests.get(hub.api + "/users/other", headers=auth(token), timeout=30)
        assert r.status_code in (403, 404), r.text
    finally:
        hub.remove_all()


def test_the_scope_that_breaks_the_login_is_refused_at_start():
    result = subprocess.run(
        [sys.executable, LOCALHUB, "--page-token-scopes", "servers!user,access:servers!user"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "access:servers!user" in result.stderr
    assert "breaks the login" in result.stderr
    result = subprocess.run(
        [sys.executable, LOCALHUB, "--page-token-scopes", "servers!user,no:such-scope"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 2
    assert "no:such-scope" in result.stderr
