"""Parts of the local hub that need no running hub."""

import argparse
import json

import pytest

from nfdi_local_hub import constants, options
from nfdi_local_hub.cli import flavor_limit, scope_list
from nfdi_local_hub.config import normalize_base_url, systems_with_limits
from nfdi_local_hub.hubsettings import LocalHubSettings
from nfdi_local_hub.paths import StatePaths
from nfdi_local_hub.reuse import options_hash
from nfdi_local_hub.usersettings import (
    NOTIFICATION_SETTINGS_FILE,
    write_preset_token,
    write_quiet_notifications,
)


def test_defaults_and_deep_merge():
    assert options.normalize(None) == constants.DEFAULT_USER_OPTIONS
    merged = options.normalize({"custom": {"extra": 1}, "flavor": "l1"})
    assert merged["custom"] == {"customimage": "jupyter/minimal-notebook:latest", "extra": 1}
    assert merged["flavor"] == "l1"
    # the defaults are not modified by merging
    assert constants.DEFAULT_USER_OPTIONS["custom"] == {
        "customimage": "jupyter/minimal-notebook:latest"
    }


def test_image_of():
    assert options.image_of(options.normalize({})) == "jupyter/minimal-notebook:latest"
    r2d = options.normalize(
        {
            "option": "repo2docker",
            "repo2docker": {"repotype": "zenodo", "repourl": "10.5281/zenodo.1"},
        }
    )
    assert options.image_of(r2d) == "r2d:zenodo:10.5281/zenodo.1@HEAD"
    assert (
        options.image_of(options.normalize({"option": "default"})) == constants.DEFAULT_OPTION_IMAGE
    )


@pytest.mark.parametrize("repotype", constants.REPO_TYPES)
def test_all_repotypes_accepted(repotype):
    options.normalize(
        {"option": "repo2docker", "repo2docker": {"repotype": repotype, "repourl": "x"}}
    )


def test_name_limit():
    options.normalize({"name": "x" * 64})
    with pytest.raises(options.OptionsError, match="64"):
        options.normalize({"name": "x" * 65})


def test_base_url_normalized():
    assert normalize_base_url("/") == "/"
    assert normalize_base_url("") == "/"
    assert normalize_base_url("jhub") == "/jhub/"
    assert normalize_base_url("/jhub/") == "/jhub/"


def test_preset_token_creates_and_merges(tmp_path):
    paths = StatePaths(tmp_path)
    path = write_preset_token(paths, "a-token-of-demo")
    with open(path) as f:
        assert json.load(f) == {"token": "a-token-of-demo"}
    with open(path, "w") as f:
        f.write('{\n  // comment\n  "other": [1, 2,],\n  "token": "x"\n}')
    write_preset_token(paths, "a-token-of-demo")
    with open(path) as f:
        assert json.load(f) == {"other": [1, 2], "token": "a-token-of-demo"}


def test_quiet_notifications_written_once(tmp_path):
    write_quiet_notifications(str(tmp_path))
    path = tmp_path / NOTIFICATION_SETTINGS_FILE
    assert json.loads(path.read_text()) == {"checkForUpdates": False, "fetchNews": "false"}
    # The user's own choice is kept.
    path.write_text('{"fetchNews": "true"}')
    write_quiet_notifications(str(tmp_path))
    assert json.loads(path.read_text()) == {"fetchNews": "true"}


def test_options_hash_ignores_key_order_only():
    a = options.normalize({"custom": {"customimage": "x/y:1"}, "name": "n"})
    b = {key: a[key] for key in reversed(list(a))}
    assert options_hash(a) == options_hash(b)
    assert options_hash(a) != options_hash({**a, "name": "m"})
    assert options_hash(None) == options_hash({})


def test_flavor_max_overrides_only_its_flavor():
    assert flavor_limit("JSC-Cloud/l2=1") == (("JSC-Cloud", "l2"), 1)
    for bad in ("JSC-Cloud/l2", "JSC-Cloud=1", "JSC-Cloud/l9=1", "JSC-Cloud/l2=-1", "a/b=x"):
        with pytest.raises(argparse.ArgumentTypeError):
            flavor_limit(bad)
    systems = systems_with_limits({("JSC-Cloud", "l2"): 0})
    assert systems["JSC-Cloud"]["l2"]["max"] == 0
    assert systems["JSC-Cloud"]["l1"] == constants.SYSTEMS["JSC-Cloud"]["l1"]
    assert constants.SYSTEMS["JSC-Cloud"]["l2"]["max"] == 5  # not modified


def test_page_token_scopes_are_checked():
    assert scope_list("servers!user, access:servers") == ["servers!user", "access:servers"]
    assert scope_list("") == []
    with pytest.raises(argparse.ArgumentTypeError, match="breaks the login"):
        scope_list("servers!user,access:servers!user")
    with pytest.raises(argparse.ArgumentTypeError, match="nonsense"):
        scope_list("nonsense")


def test_settings_describe_every_behaviour():
    text = "\n".join(
        LocalHubSettings(
            reuse=False,
            api_server_lifetime=0,
            status_creates_configuration=False,
            page_token_scopes=["servers!user"],
        ).describe()
    )
    assert "--no-reuse" in text
    assert "no lifetime limit" in text
    assert "--no-status-creates-configuration" in text
    assert "servers!user" in text
