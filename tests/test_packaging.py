"""The extension builds and installs the way it is released and installed:
`python -m build` of a checkout gives an sdist and a wheel that pass
`twine check` and carry the production build of the labextension (minified,
small), even where the development build was left in the checkout, and
`pip install` of that wheel into a new virtualenv gives an enabled, loadable
labextension."""

import email
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
JUPYTERLAB = "jupyterlab==4.6.4"
NAME = "jupyterlab-nfdi-launcher"
# package.json's version, as Python spells it (0.2.0-alpha.1 is 0.2.0a1)
VERSION = str(Version(json.loads((ROOT / "package.json").read_text())["version"]))
# Where the wheel puts the labextension (under <name>-<version>.data/data/).
SHARE = f"share/jupyter/labextensions/{NAME}"


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
    """The project's files as a checkout has them after the development
    set-up: tracked and new files, the npm packages, and the development build
    of the labextension (`jlpm build`: unminified, with source maps), which
    no build for release may pick up."""
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
    run("jlpm", "install", cwd=target)
    run("jlpm", "build", cwd=target)
    static = target / "jupyterlab_nfdi_launcher" / "labextension" / "static"
    assert list(static.glob("remoteEntry.*.js.map")), list(static.iterdir())
    return target


def only(paths):
    paths = list(paths)
    assert len(paths) == 1, paths
    return paths[0]


@pytest.fixture(scope="module")
def dist(source_tree, tmp_path_factory):
    """`python -m build` of the source tree, as a release is built: the sdist
    (with the production build of the labextension, built anew), then the
    wheel from it (without building again)."""
    out = tmp_path_factory.mktemp("dist")
    run(sys.executable, "-m", "build", "--outdir", out, source_tree)
    return only(out.glob("*.tar.gz")), only(out.glob("*.whl"))


@pytest.fixture(scope="module")
def wheel_files(dist):
    """The wheel's file names, the labextension's relative to its folder."""
    with zipfile.ZipFile(dist[1]) as wheel:
        names = wheel.namelist()
    prefix = f"{NAME.replace('-', '_')}-{VERSION}.data/data/{SHARE}/"
    return names, {n[len(prefix) :] for n in names if n.startswith(prefix)}


@pytest.fixture(scope="module")
def wheel_javascript(dist):
    """The wheel's static/*.js files: name -> content."""
    prefix = f"{NAME.replace('-', '_')}-{VERSION}.data/data/{SHARE}/static/"
    with zipfile.ZipFile(dist[1]) as wheel:
        return {
            n[len(prefix) :]: wheel.read(n)
            for n in wheel.namelist()
            if n.startswith(prefix) and n.endswith(".js")
        }


def code_lines(text):
    """The lines of JavaScript code with the text of its string and template
    literals taken out: a minified bundle keeps line breaks and indentation
    only inside those (the CSS, the waiting tab's script)."""
    lines, line, quote, i = [], [], None, 0
    while i < len(text):
        c = text[i]
        if quote is None and c in "'\"`":
            quote = c
        elif quote is None and c != "\n":
            line.append(c)
        elif quote is not None and c == "\\":
            i += 1  # an escaped character, the delimiter included
        elif c == quote:
            quote = None
        if c == "\n" and quote != "`":
            quote = None  # a quoted string does not go on past its line
            lines.append("".join(line))
            line = []
        i += 1
    return [*lines, "".join(line)]


@pytest.fixture(scope="module")
def installed(dist, tmp_path_factory):
    """A new virtualenv with JupyterLab and `pip install <the wheel>`."""
    venv = tmp_path_factory.mktemp("venv") / "env"
    run(sys.executable, "-m", "venv", venv)
    python = venv / "bin" / "python"
    env = {k: v for k, v in os.environ.items() if k != "VIRTUAL_ENV"}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env['PATH']}"
    run(python, "-m", "pip", "install", "--quiet", JUPYTERLAB, dist[1], env=env)
    return venv, env


def test_twine_check_passes_on_the_sdist_and_the_wheel(dist):
    output = run(sys.executable, "-m", "twine", "check", "--strict", *dist)
    assert output.count("PASSED") == 2, output


def test_both_are_named_with_the_version_from_package_json(dist):
    sdist, wheel = dist
    assert sdist.name == f"{NAME.replace('-', '_')}-{VERSION}.tar.gz"
    assert wheel.name == f"{NAME.replace('-', '_')}-{VERSION}-py3-none-any.whl"


def test_wheel_metadata_is_complete(dist):
    with zipfile.ZipFile(dist[1]) as wheel:
        metadata = email.message_from_bytes(
            wheel.read(f"{NAME.replace('-', '_')}-{VERSION}.dist-info/METADATA")
        )
    assert metadata["Name"] == NAME
    assert metadata["Version"] == VERSION
    assert metadata["Summary"]
    assert metadata["Description-Content-Type"] == "text/markdown"
    assert metadata["Requires-Python"]
    assert metadata["Author"]
    assert metadata.get_all("Keywords")
    urls = dict(u.split(", ", 1) for u in metadata.get_all("Project-URL"))
    assert {"Homepage", "Repository", "Bug Tracker"} <= set(urls), urls
    classifiers = metadata.get_all("Classifier")
    assert "License :: OSI Approved :: BSD License" in classifiers
    assert "Framework :: Jupyter :: JupyterLab :: Extensions :: Prebuilt" in classifiers
    assert any(c.startswith("Programming Language :: Python :: 3.") for c in classifiers)


def test_wheel_has_the_labextension_its_schema_and_a_production_build(wheel_files):
    names, labextension = wheel_files
    assert "package.json" in labextension, names
    assert "install.json" in labextension, names
    assert f"schemas/{NAME}/plugin.json" in labextension, names
    assert any(re.fullmatch(r"static/remoteEntry\.\w+\.js", n) for n in labextension), names
    # A production bundle is minified: no source maps shipped beside it.
    assert not [n for n in labextension if n.endswith(".js.map")]
    # Only the production build writes the licences of what it bundles.
    assert "static/third-party-licenses.json" in labextension, names


def test_wheel_bundle_is_minified(wheel_javascript):
    """The entry point and the chunks it loads (`<name>.<hash>.js`): their code
    (outside its string literals) has no indentation and no comments."""
    bundle = {
        n: t for n, t in wheel_javascript.items() if re.fullmatch(r"\w+\.[0-9a-f]{8,}\.js", n)
    }
    assert len(bundle) >= 2, sorted(wheel_javascript)
    assert any(n.startswith("remoteEntry.") for n in bundle), sorted(bundle)
    for name, text in bundle.items():
        lines = code_lines(text.decode())
        loose = [line for line in lines if re.match(r"\s+\S|\s*(//|/\*(?!!))", line)]
        assert not loose, (
            f"{name} is not minified: {len(loose)} of its {len(lines)} lines of code "
            f"are indented or comments, e.g. {loose[:3]}"
        )


def test_wheel_javascript_is_under_60_kb_gzipped(wheel_javascript):
    sizes = {n: len(gzip.compress(t)) for n, t in wheel_javascript.items()}
    assert sum(sizes.values()) < 60 * 1024, sizes


def test_sdist_has_the_built_labextension_and_no_local_folders(dist):
    """So that `pip install` of the sdist needs no Node.js."""
    with tarfile.open(dist[0]) as sdist:
        names = [n.split("/", 1)[1] for n in sdist.getnames() if "/" in n]
    assert "jupyterlab_nfdi_launcher/labextension/package.json" in names
    assert "package.json" in names and "schema/plugin.json" in names
    for folder in ("node_modules/", ".venv/", "hub/node_modules/", "ui-tests/node_modules/"):
        assert not [n for n in names if n.startswith(folder)], folder


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
