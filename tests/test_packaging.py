"""The extension installs the way users install it: `pip install .` from a
clean source tree into a new virtualenv gives an enabled, loadable
labextension."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
JUPYTERLAB = "jupyterlab==4.6.4"


def run(*args, cwd=None, env=None):
    result = subprocess.run(
        [str(a) for a in args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, (
        f"{' '.join(map(str, args))} failed ({result.returncode}):\n"
        f"{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    return result.stdout + result.stderr


@pytest.fixture(scope="module")
def source_tree(tmp_path_factory):
    """The project's files as a fresh clone has them: tracked and new files,
    no build output, no node_modules."""
    target = tmp_path_factory.mktemp("source") / "jupyterlab-nfdi-launcher"
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.split(b"\0")
    for name in filter(None, listed):
        source = ROOT / name.decode()
        if source.is_file():
            destination = target / name.decode()
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, destination)
    assert not (target / "jupyterlab_nfdi_launcher" / "labextension").exists()
    return target


@pytest.fixture(scope="module")
def installed(source_tree, tmp_path_factory):
    """A new virtualenv with JupyterLab and `pip install <source>`."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    run(python, "-m", "pip", "install", "--quiet", JUPYTERLAB, env=env)
    run(python, "-m", "pip", "install", "--quiet", source_tree, env=env)
    return venv, env


def test_labextension_is_listed_enabled_and_ok(installed):
    venv, env = installed
    output = run(venv / "bin" / "jupyter", "labextension", "list", env=env)
    output = re.sub(r"\x1b\[[0-9;]*m", "", output)  # colour codes
    line = next((l for l in output.splitlines() if "jupyterlab-nfdi-launcher" in l), None)
    assert line is not None, output
    assert re.search(r"jupyterlab-nfdi-launcher v\d+\.\d+\.\d+\S*\s+enabled\s+.*OK", line), line
    assert "(python, jupyterlab-nfdi-launcher)" in line


def test_installed_bundle_has_the_schema_and_a_production_build(installed):
    venv, _ = installed
    share = venv / "share" / "jupyter" / "labextensions" / "jupyterlab-nfdi-launcher"
    assert (share / "schemas" / "jupyterlab-nfdi-launcher" / "plugin.json").is_file()
    assert (share / "install.json").is_file()
    remote = list((share / "static").glob("remoteEntry.*.js"))
    assert remote, list((share / "static").iterdir())
    # A production bundle is minified: no source maps shipped beside it.
    assert not list((share / "static").glob("*.js.map"))


def test_jupyterlab_starts_with_it(installed):
    """JupyterLab's own start-up check (its browser part downloads a browser,
    which the UI tests replace with a real check in Debian chromium)."""
    venv, env = installed
    env = dict(env, JUPYTER_CONFIG_DIR=str(venv / "etc" / "jupyter-test"))
    args = [venv / "bin" / "python", "-m", "jupyterlab.browser_check", "--no-browser-test"]
    if os.geteuid() == 0:
        args.append("--allow-root")
    output = run(*args, env=env)
    assert "Traceback" not in output, output
