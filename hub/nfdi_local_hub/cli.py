"""Command line of the local hub: ``python hub/localhub.py [options]``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from . import constants
from .paths import CHP_COMMAND, DEFAULT_STATE_DIR, StatePaths


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="localhub.py",
        description=(
            "Run a local JupyterHub that behaves like the Jupyter4NFDI hub"
            " (start API, outpost flavors) in the foreground. Ctrl-C stops it"
            " and every server it started."
        ),
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="public port on 127.0.0.1 (default 8000)"
    )
    parser.add_argument(
        "--base-url", default="/", help="URL prefix of the hub (default /), e.g. /jhub/"
    )
    parser.add_argument(
        "--cors-origin",
        default="",
        metavar="ORIGIN",
        help="allow this one extra origin (e.g. http://127.0.0.1:9999) on /hub/api/"
        " (default: none)",
    )
    parser.add_argument(
        "--state-dir",
        default=DEFAULT_STATE_DIR,
        metavar="DIR",
        help=f"database, cookie secret, logs and user homes (default {DEFAULT_STATE_DIR})",
    )
    parser.add_argument(
        "--start-wait",
        type=float,
        default=1.0,
        metavar="SECONDS",
        help="how long POST /hub/api/start waits for a server before answering 202 (default 1.0)",
    )
    parser.add_argument(
        "--nfdi-quirks",
        action="store_true",
        help="emulate the real hub's quirks: an early 'stopped' status after a 202,"
        " 404 on DELETE of a stopped server",
    )
    parser.add_argument(
        "--preset-token",
        action="store_true",
        help=f"write the demo token into {constants.DEMO_USER}'s JupyterLab settings"
        " of the extension",
    )
    args = parser.parse_args(argv)
    if args.start_wait < 0:
        parser.error("--start-wait must not be negative")
    if args.cors_origin and not args.cors_origin.startswith(("http://", "https://")):
        parser.error("--cors-origin must be an origin like http://127.0.0.1:9999")
    args.cors_origin = args.cors_origin.rstrip("/")
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if not os.path.exists(CHP_COMMAND):
        sys.exit(
            f"configurable-http-proxy not found at {CHP_COMMAND}: run `npm install` in"
            f" {os.path.dirname(os.path.dirname(CHP_COMMAND))}"
        )

    # imported late: jupyterhub is slow to import and not needed for --help
    from .app import LocalJupyterHub
    from .config import LocalHubOptions, build_config
    from .usersettings import write_preset_token

    paths = StatePaths(args.state_dir)
    paths.make()
    if args.preset_token:
        path = write_preset_token(paths)
        print(f"Wrote the demo token into {path}", flush=True)

    config = build_config(
        LocalHubOptions(
            port=args.port,
            base_url=args.base_url,
            cors_origin=args.cors_origin,
            state_dir=paths.root,
            start_wait=args.start_wait,
            nfdi_quirks=args.nfdi_quirks,
        )
    )
    LocalJupyterHub.instance(config=config)
    LocalJupyterHub.launch_instance([])
