"""The request log (GET|DELETE hub/api/nfdi-local/requests)."""

import requests

from conftest import CORS_ORIGIN, auth


def log_url(hub):
    return hub.api + "/nfdi-local/requests"


def read_log(hub):
    r = requests.get(log_url(hub), headers=auth(hub.token()), timeout=10)
    assert r.status_code == 200, r.text
    return r.json()["requests"]


def clear_log(hub):
    r = requests.delete(log_url(hub), headers=auth(hub.token()), timeout=10)
    assert r.status_code == 204, r.text


def test_only_demo_may_read_or_clear(hub):
    for headers in ({}, auth(hub.credentials.other_token), auth("nonsense")):
        assert requests.get(log_url(hub), headers=headers, timeout=10).status_code == 403
        assert requests.delete(log_url(hub), headers=headers, timeout=10).status_code == 403


def test_records_requests_not_its_own(hub):
    clear_log(hub)
    assert read_log(hub) == []
    headers = {**auth(hub.token()), "User-Agent": "bench-probe/1", "Origin": "http://x.invalid"}
    requests.get(hub.api + "/user?secret=1", headers=headers, timeout=10)
    requests.options(hub.api + "/start", headers=headers, timeout=10)
    requests.get(hub.url + "hub/login", headers={"User-Agent": "bench-probe/1"}, timeout=10)
    entries = [e for e in read_log(hub) if e["user_agent"] == "bench-probe/1"]
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("GET", "/hub/api/user", 200),
        ("OPTIONS", "/hub/api/start", 200),
        ("GET", "/hub/login", 200),
    ]
    assert entries[0]["origin"] == "http://x.invalid"
    assert entries[2]["origin"] == ""
    assert entries[0]["time"] <= entries[1]["time"] <= entries[2]["time"]
    # neither the query string nor the token is kept; the log's own requests are not in it
    text = requests.get(log_url(hub), headers=auth(hub.token()), timeout=10).text
    assert "secret" not in text and hub.token() not in text
    assert not any("nfdi-local/requests" in e["path"] for e in read_log(hub))
    clear_log(hub)
    assert read_log(hub) == []


def test_preflights_recorded_as_answered(cors_hub):
    clear_log(cors_hub)
    preflight = {
        "Origin": CORS_ORIGIN,
        "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "authorization",
        "User-Agent": "bench-probe/2",
    }
    r = requests.options(
        cors_hub.api + "/users/demo/servers/abc/progress", headers=preflight, timeout=10
    )
    assert r.status_code == 204
    (entry,) = [e for e in read_log(cors_hub) if e["user_agent"] == "bench-probe/2"]
    assert entry["method"] == "OPTIONS"
    assert entry["path"] == "/jhub/hub/api/users/demo/servers/abc/progress"
    assert entry["origin"] == CORS_ORIGIN
    assert entry["status"] == 204
