"""Stand-in for a container: what a single-user "image" does before JupyterLab.

The spawner runs ``python launcher.py -- <jupyterhub-singleuser command>`` with
the server's environment (NFDI_IMAGE, NFDI_OPTION, NFDI_USER_OPTIONS, ...).
There is no container runtime on the local hub, so this script only imitates
what the image would do, writes that to its output (which the spawner keeps
as the server's log), and then replaces itself with the real JupyterLab
server (same pid):

* ``local/failing:<anything>``: logs a failed image start and exits with 3;
* ``local/slow:<N>``: sleeps N seconds (default 20 when the tag is not a
  number), then starts JupyterLab;
* repo2docker options: logs what repo2docker would build (nothing is fetched),
  then starts JupyterLab;
* any other image: starts JupyterLab.
"""

from __future__ import annotations

import json
import os
import sys
import time
from typing import NoReturn, TextIO

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

from nfdi_local_hub import constants  # noqa: E402


def log(message: str, stream: TextIO = sys.stdout) -> None:
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    print(f"[{stamp}] {message}", file=stream, flush=True)


def fail(image: str) -> NoReturn:
    log(f"Pulling image {image} ...")
    time.sleep(0.2)
    log(f"Pulled image {image}")
    log("Creating container ...")
    time.sleep(0.2)
    log(
        'Error: failed to start container: exec: "start-singleuser.sh":'
        " executable file not found in $PATH",
        sys.stderr,
    )
    log(f"Error: server exited with code {constants.FAILING_EXIT_CODE}", sys.stderr)
    sys.exit(constants.FAILING_EXIT_CODE)


def slow_seconds(image: str) -> int:
    tag = image[len(constants.SLOW_IMAGE_PREFIX) :]
    try:
        return max(0, int(tag))
    except ValueError:
        return constants.SLOW_DEFAULT_SECONDS


def main(argv: list[str]) -> int:
    if "--" not in argv:
        print("usage: launcher.py -- COMMAND [ARGS...]", file=sys.stderr)
        return 2
    command = argv[argv.index("--") + 1 :]
    image = os.environ.get("NFDI_IMAGE", "")
    option = os.environ.get("NFDI_OPTION", "")
    user_options = json.loads(os.environ.get("NFDI_USER_OPTIONS") or "{}")

    if image.startswith(constants.FAILING_IMAGE_PREFIX):
        fail(image)
    if option == "repo2docker":
        r2d = user_options.get("repo2docker", {})
        log(
            f"repo2docker would build {r2d.get('repotype')} repository {r2d.get('repourl')!r}"
            f" at ref {r2d.get('reporef') or 'HEAD'!r}"
            + (f" (path {r2d['repopath']!r})" if r2d.get("repopath") else "")
        )
        log(
            "Local hub: no network and no container runtime here;"
            " starting the local JupyterLab instead."
        )
    elif image.startswith(constants.SLOW_IMAGE_PREFIX):
        seconds = slow_seconds(image)
        log(f"Pulling image {image} (this takes {seconds} s) ...")
        time.sleep(seconds)
        log(f"Pulled image {image}")
    else:
        log(
            f"Starting image {image}"
            " (local hub: no container runtime, running the local JupyterLab)"
        )
    log(f"Starting: {' '.join(command)}")
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(command[0], command)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
