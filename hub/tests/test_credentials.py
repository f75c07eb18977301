"""No fixed password or token: random ones per state dir, kept 0600, explicit ones win."""

import os
import stat
import subprocess
import sys

import pytest
import requests

from conftest import LOCALHUB, auth
from nfdi_local_hub import cli, credentials
from nfdi_local_hub.paths import StatePaths


def mode(path):
    return stat.S_IMODE(os.stat(path).st_mode)


# [F24]
def test_made_once_per_state_dir_and_private(tmp_path):
    paths = StatePaths(tmp_path / "state")
    paths.make()
    assert mode(paths.root) == 0o700
    first = credentials.load_or_create(paths.credentials_file)
    assert mode(paths.credentials_file) == 0o600
    assert len({first.password, first.demo_token, first.other_token}) == 3
    assert min(len(first.password), len(first.demo_token)) >= credentials.MIN_LENGTH
    # the same state dir: the same values; another one: others
    assert credentials.load_or_create(paths.credentials_file) == first
    other = credentials.load_or_create(str(tmp_path / "credentials.json"))
    assert other.demo_token != first.demo_token and other.password != first.password


def test_explicit_values_win_and_are_kept(tmp_path):
    path = str(tmp_path / "credentials.json")
    made = credentials.load_or_create(path)
    given = credentials.load_or_create(path, password="p" * 20, demo_token="t" * 30)
    assert (given.password, given.demo_token) == ("p" * 20, "t" * 30)
    assert given.other_token == made.other_token
    assert credentials.read(path) == given
    assert mode(path) == 0o600
    with pytest.raises(credentials.CredentialsError, match="at least"):
        credentials.load_or_create(path, password="short")


def test_a_readable_file_is_made_private_again(tmp_path):
    path = str(tmp_path / "credentials.json")
    credentials.load_or_create(path)
    os.chmod(path, 0o644)
    credentials.load_or_create(path)
    assert mode(path) == 0o600


def test_values_from_the_environment_leave_it(monkeypatch):
    monkeypatch.setenv(credentials.ENV_DEMO_TOKEN, "x" * 32)
    assert credentials.explicit_from_env()["demo_token"] == "x" * 32
    assert credentials.ENV_DEMO_TOKEN not in os.environ


# [F24]
def test_the_hub_uses_the_values_of_its_state_dir(fault_hub):
    """fault_hub was given no credentials: it made them and keeps them in its state dir."""
    path = os.path.join(fault_hub.state_dir, "credentials.json")
    assert mode(path) == 0o600
    assert mode(fault_hub.state_dir) == 0o700
    r = requests.get(fault_hub.api + "/user", headers=auth(fault_hub.credentials.demo_token))
    assert r.status_code == 200 and r.json()["name"] == "demo", r.text
    r = requests.get(fault_hub.api + "/user", headers=auth(fault_hub.credentials.other_token))
    assert r.status_code == 200 and r.json()["name"] == "other", r.text
    # the tokens once fixed in the source are not accepted
    for old in ("nfdi-demo-token", "nfdi-other-token"):
        assert requests.get(fault_hub.api + "/user", headers=auth(old)).status_code == 403
    # printed at start, with the login
    output = fault_hub.output()
    assert f"login: demo / {fault_hub.credentials.password}" in output
    assert fault_hub.credentials.demo_token in output
    assert path in output


# [F23]
def test_root_is_refused_without_the_flag(monkeypatch, tmp_path):
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    with pytest.raises(SystemExit) as exit_info:
        cli.main(["--state-dir", str(tmp_path / "state")])
    assert "--allow-root" in str(exit_info.value.code)
    assert not (tmp_path / "state").exists()


# [F23]
@pytest.mark.skipif(os.geteuid() != 0, reason="needs root")
def test_root_is_refused_by_the_real_command(tmp_path):
    result = subprocess.run(
        [sys.executable, LOCALHUB, "--state-dir", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "--allow-root" in result.stderr


# [F23]
@pytest.mark.skipif(os.geteuid() != 0, reason="needs root")
def test_root_with_the_flag_warns(hub):
    assert "WARNING" in hub.output() and "run as root" in hub.output()
