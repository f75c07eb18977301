"""Requests for a Host the hub is not reached at are refused (DNS rebinding)."""

import requests

from conftest import DEMO_TOKEN, auth
from nfdi_local_hub.hostcheck import allowed_hosts

FOREIGN = "attacker.example"


def get(url, host, **kwargs):
    return requests.get(url, headers={"Host": host, **auth(DEMO_TOKEN)}, timeout=30, **kwargs)


def test_allowed_hosts():
    hosts = allowed_hosts([8000], ["Tunnel.example:9000"])
    assert hosts == {
        "127.0.0.1:8000",
        "localhost:8000",
        "[::1]:8000",
        "tunnel.example:9000",
    }
    assert "localhost" in allowed_hosts([80])


# [F22]
def test_the_hub_refuses_a_foreign_host(demo_clean):
    hub = demo_clean
    port = hub.port
    for path in ("hub/api/", "hub/login", "hub/api/user", "hub/api/outpostflavors"):
        for host in (FOREIGN, f"{FOREIGN}:{port}", f"localhost:{port + 1}"):
            r = get(hub.url + path, host, allow_redirects=False)
            assert r.status_code == 403, (path, host, r.status_code)
            assert r.headers["Content-Type"].startswith("text/plain")
            assert "Host not allowed" in r.text
        for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}"):
            r = get(hub.url + path, host, allow_redirects=False)
            assert r.status_code in (200, 302), (path, host, r.status_code)
    # nothing is done for a refused request
    r = requests.post(
        hub.api + "/start", json={}, headers={"Host": FOREIGN, **auth(DEMO_TOKEN)}, timeout=30
    )
    assert r.status_code == 403
    assert hub.names() == set()


# [F22]
def test_a_server_refuses_a_foreign_host(demo_clean):
    hub = demo_clean
    r = hub.start_server({"name": "host check"})
    running = hub.wait_for(r.json()["status_url"], "running")
    url = running["next_url"] + "api/status"
    assert get(url, f"127.0.0.1:{hub.port}").status_code == 200
    assert get(url, f"localhost:{hub.port}").status_code == 200
    for host in (FOREIGN, f"{FOREIGN}:{hub.port}", f"localhost:{hub.port + 1}"):
        r = get(url, host)
        assert r.status_code == 403, (host, r.status_code)
        assert "Host not allowed" in r.text
    # the JupyterLab page and a websocket upgrade too
    assert get(running["next_url"] + "lab", FOREIGN).status_code == 403
    r = get(
        running["next_url"] + "api/events/subscribe",
        FOREIGN,
        allow_redirects=False,
    )
    assert r.status_code == 403
