"""Flavor limits: --flavor-max JSC-Cloud/l2=1 on quirks_hub."""

import requests

from conftest import OTHER_TOKEN

L2 = {"system": "JSC-Cloud", "flavor": "l2"}


def l2_flavor(hub):
    r = requests.get(hub.api + "/outpostflavors", timeout=10)
    assert r.status_code == 200
    return r.json()["JSC-Cloud"]["l2"]


def test_a_full_flavor_refuses_new_servers(quirks_hub):
    hub = quirks_hub
    assert l2_flavor(hub)["max"] == 1
    assert l2_flavor(hub)["current"] == 0
    takes_l2 = {**L2, "custom": {"customimage": "local/slow:60"}, "name": "takes l2"}
    r = hub.start_server(takes_l2)
    assert r.status_code == 202, r.text
    started = r.json()
    try:
        assert l2_flavor(hub)["current"] == 1  # starting counts
        names = hub.names()

        for token_kwargs in ({}, {"token": OTHER_TOKEN}):
            r = hub.start_server({**L2, "name": "wants l2"}, **token_kwargs)
            assert r.status_code == 400, r.text
            message = r.json()["message"]
            assert "full" in message and "l2" in message and "1 of 1" in message, message
        assert hub.names() == names
        assert hub.names("other", OTHER_TOKEN) == set()

        # the same options follow the starting server instead
        r = hub.start_server(takes_l2)
        assert r.status_code == 202, r.text
        assert r.json() == started
        # other flavors are not affected
        r = hub.start_server({"system": "JSC-Cloud", "flavor": "l1", "name": "l1 is free"})
        assert r.status_code in (200, 202), r.text

        hub.remove(started["delete_url"])
        assert l2_flavor(hub)["current"] == 0
        r = hub.start_server({**L2, "custom": {"customimage": "local/failing:l2"}})
        assert r.status_code == 202, r.text
    finally:
        hub.remove_all()
