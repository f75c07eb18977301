"""Parts of the local hub that need no running hub."""

import json

import pytest

from nfdi_local_hub import constants, options
from nfdi_local_hub.config import normalize_base_url
from nfdi_local_hub.paths import StatePaths
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
    path = write_preset_token(paths)
    with open(path) as f:
        assert json.load(f) == {"token": constants.DEMO_TOKEN}
    with open(path, "w") as f:
        f.write('{\n  // comment\n  "other": [1, 2,],\n  "token": "x"\n}')
    write_preset_token(paths)
    with open(path) as f:
        assert json.load(f) == {"other": [1, 2], "token": constants.DEMO_TOKEN}


def test_quiet_notifications_written_once(tmp_path):
    write_quiet_notifications(str(tmp_path))
    path = tmp_path / NOTIFICATION_SETTINGS_FILE
    assert json.loads(path.read_text()) == {"checkForUpdates": False, "fetchNews": "false"}
    # The user's own choice is kept.
    path.write_text('{"fetchNews": "true"}')
    write_quiet_notifications(str(tmp_path))
    assert json.loads(path.read_text()) == {"fetchNews": "true"}
