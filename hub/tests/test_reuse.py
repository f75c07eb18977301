"""Reuse of a configuration with identical options (--reuse, the default)."""

import requests

from conftest import DEMO_TOKEN, auth


def test_identical_options_reuse_the_configuration(demo_clean):
    hub = demo_clean
    body = {"custom": {"customimage": "local/slow:2"}, "name": "reuse me"}
    first = hub.start_server(body)
    assert first.status_code == 202, first.text
    started = first.json()
    name = started["status_url"].rsplit("/", 1)[1]

    # while it starts, the same options answer for the same configuration
    again = hub.start_server(body)
    assert again.status_code == 202, again.text
    assert again.json() == started
    assert hub.names() == {name}

    # options that merge to the same (the defaults spelled out) while it runs: 200 at once
    running = hub.wait_for(started["status_url"], "running")
    r = hub.start_server({**body, "option": "custom", "system": "deNBI-Cloud", "flavor": "m1"})
    assert r.status_code == 200, r.text
    assert r.json() == running
    assert hub.names() == {name}

    # different options, even only the name: a new configuration
    r = hub.start_server({**body, "name": "reuse me too"})
    assert r.status_code in (200, 202), r.text
    second = r.json()["status_url"].rsplit("/", 1)[1]
    assert second != name
    assert hub.names() == {name, second}

    # a stopped configuration is started again by a start with its options
    r = requests.delete(started["delete_url"], headers=auth(DEMO_TOKEN), timeout=60)
    assert r.status_code in (202, 204), r.text
    stopped = hub.wait_for(started["status_url"], "stopped", timeout=30)
    assert stopped["exit_code"] == 0, stopped  # a server stopped by the hub ends cleanly
    r = hub.start_server(body)
    assert r.status_code == 202, r.text
    assert r.json()["status_url"] == started["status_url"]
    hub.wait_for(started["status_url"], "running")
    assert hub.names() == {name, second}


def test_no_reuse_makes_a_new_configuration_each_time(cors_hub):
    hub = cors_hub
    body = {"custom": {"customimage": "local/failing:twice"}, "name": "twice"}
    try:
        names = set()
        for _ in range(2):
            r = hub.start_server(body)
            assert r.status_code == 202, r.text
            names.add(r.json()["status_url"].rsplit("/", 1)[1])
        assert len(names) == 2
        assert names <= hub.names()
    finally:
        hub.remove_all()
