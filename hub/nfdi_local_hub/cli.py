"""Command line of the local hub: ``python hub/localhub.py [options]``."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence

from . import constants, credentials, faults
from .paths import CHP_COMMAND, DEFAULT_STATE_DIR, StatePaths

ROOT_REFUSAL = (
    "The local hub would run every server (and its terminals) as root, for anyone who"
    " can reach it. Run it as an ordinary user, or pass --allow-root if you mean it."
)
ROOT_WARNING = (
    "WARNING: --allow-root: the hub runs as root; every server it spawns, and each"
    " server's terminals, run as root too."
)


def scope_list(text: str) -> list[str]:
    """--page-token-scopes: comma-separated JupyterHub scopes, checked."""
    scopes = [scope.strip() for scope in text.split(",") if scope.strip()]
    for scope in scopes:
        if scope in constants.LOGIN_BREAKING_PAGE_SCOPES:
            raise argparse.ArgumentTypeError(
                f"{scope!r} breaks the login to the user's own server on JupyterHub 5.4"
                " (oauth_callback error=invalid_scope); use 'access:servers' instead"
                " (JupyterHub limits it to the user's own servers)"
            )
    if scopes:
        # imported late: jupyterhub is slow to import and not needed for --help
        from jupyterhub.scopes import ScopeNotFound, _check_scopes_exist

        try:
            _check_scopes_exist(scopes, "--page-token-scopes")
        except ScopeNotFound as e:
            raise argparse.ArgumentTypeError(str(e)) from e
    return scopes


def flavor_limit(text: str) -> tuple[tuple[str, str], int]:
    """--flavor-max SYSTEM/FLAVOR=N: ((system, flavor), N) of a known flavor."""
    key, sep, number = text.partition("=")
    system, slash, flavor = key.partition("/")
    if not sep or not slash:
        raise argparse.ArgumentTypeError(f"{text!r} is not SYSTEM/FLAVOR=N, e.g. JSC-Cloud/l2=1")
    if flavor not in constants.SYSTEMS.get(system, {}):
        known = ", ".join(f"{s}/{f}" for s, flavors in constants.SYSTEMS.items() for f in flavors)
        raise argparse.ArgumentTypeError(f"unknown flavor {key!r}: known are {known}")
    try:
        limit = int(number)
    except ValueError:
        limit = -1
    if limit < 0:
        raise argparse.ArgumentTypeError(f"{number!r} in {text!r} is not a number >= 0")
    return (system, flavor), limit


def fault_option(text: str) -> tuple[str, object]:
    """--fault NAME[=VALUE]: a known fault and its value."""
    try:
        return faults.parse_option(text)
    except faults.FaultError as e:
        raise argparse.ArgumentTypeError(str(e)) from e


def host_option(text: str) -> str:
    """--public-host HOST:PORT, as a browser sends it in the Host header."""
    host, sep, port = text.strip().rpartition(":")
    if not sep or not host or not port.isdigit() or "/" in host:
        raise argparse.ArgumentTypeError(f"{text!r} is not HOST:PORT, e.g. localhost:9000")
    return text.strip().lower()


def secret_option(name: str) -> Callable[[str], str]:
    def check(text: str) -> str:
        try:
            return credentials.check(name, text)
        except credentials.CredentialsError as e:
            raise argparse.ArgumentTypeError(str(e)) from e

    return check


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
        "--reuse",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="a start whose options equal those of one of the user's configurations"
        " starts (or answers for) that one, as the real hub does (default: on)",
    )
    parser.add_argument(
        "--api-server-lifetime",
        type=float,
        default=constants.DEFAULT_API_SERVER_LIFETIME,
        metavar="SECONDS",
        help="stop a server started through POST /hub/api/start and delete its configuration"
        f" this long after the start (default {constants.DEFAULT_API_SERVER_LIFETIME},"
        " 0 = never)",
    )
    parser.add_argument(
        "--page-token-scopes",
        type=scope_list,
        default=[],
        metavar="LIST",
        help="comma-separated scopes that the page token of a spawned JupyterLab gets"
        " (Spawner.oauth_client_allowed_scopes), e.g. servers!user,access:servers"
        " (default: none)",
    )
    parser.add_argument(
        "--flavor-max",
        type=flavor_limit,
        action="append",
        default=[],
        metavar="SYSTEM/FLAVOR=N",
        help="at most N servers of this flavor at once (overrides its max in"
        " /hub/api/outpostflavors; repeatable)",
    )
    parser.add_argument(
        "--status-creates-configuration",
        action=argparse.BooleanOptionalAction,
        default=True,
        help="a status request for a server name the user does not have creates an empty"
        " configuration, as JupyterHub 5.4 does on the real hub (default: on)",
    )
    parser.add_argument(
        "--password",
        type=secret_option("--password"),
        default=None,
        help="the users' password (default: random, kept in <state-dir>/credentials.json;"
        f" or ${credentials.ENV_PASSWORD}, which other local users cannot read)",
    )
    parser.add_argument(
        "--demo-token",
        type=secret_option("--demo-token"),
        default=None,
        help=f"{constants.DEMO_USER}'s API token (default: random, kept with the password;"
        f" or ${credentials.ENV_DEMO_TOKEN})",
    )
    parser.add_argument(
        "--public-host",
        type=host_option,
        action="append",
        default=[],
        metavar="HOST:PORT",
        help="also answer requests for this Host, e.g. localhost:9000 behind an SSH tunnel"
        " (default: only 127.0.0.1, localhost and [::1] with --port; repeatable)",
    )
    parser.add_argument(
        "--allow-root",
        action="store_true",
        help="run as root, and every server (and its terminals) as root too;"
        " refused without this flag",
    )
    parser.add_argument(
        "--fault",
        type=fault_option,
        action="append",
        default=[],
        metavar="NAME[=VALUE]",
        help="switch a fault on from the start (see hub/README.md: "
        + ", ".join(faults.FAULTS)
        + "; repeatable)",
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
    if args.api_server_lifetime < 0:
        parser.error("--api-server-lifetime must not be negative (0 = no limit)")
    args.flavor_max = dict(args.flavor_max)
    if args.cors_origin and not args.cors_origin.startswith(("http://", "https://")):
        parser.error("--cors-origin must be an origin like http://127.0.0.1:9999")
    args.cors_origin = args.cors_origin.rstrip("/")
    args.fault = dict(args.fault)
    return args


def main(argv: Sequence[str] | None = None) -> None:
    args = parse_args(argv)
    if os.geteuid() == 0:
        if not args.allow_root:
            sys.exit(ROOT_REFUSAL)
        print(ROOT_WARNING, file=sys.stderr, flush=True)
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
    explicit = credentials.explicit_from_env()
    try:
        creds = credentials.load_or_create(
            paths.credentials_file,
            password=args.password or explicit["password"],
            demo_token=args.demo_token or explicit["demo_token"],
            other_token=explicit["other_token"],
        )
    except credentials.CredentialsError as e:
        sys.exit(str(e))
    if args.preset_token:
        path = write_preset_token(paths, token=creds.demo_token)
        print(f"Wrote the demo token into {path}", flush=True)

    config = build_config(
        LocalHubOptions(
            port=args.port,
            base_url=args.base_url,
            cors_origin=args.cors_origin,
            state_dir=paths.root,
            start_wait=args.start_wait,
            nfdi_quirks=args.nfdi_quirks,
            reuse=args.reuse,
            api_server_lifetime=args.api_server_lifetime,
            page_token_scopes=args.page_token_scopes,
            flavor_max=args.flavor_max,
            status_creates_configuration=args.status_creates_configuration,
            credentials=creds,
            public_hosts=args.public_host,
            allow_root=args.allow_root,
            faults=args.fault,
        )
    )
    LocalJupyterHub.instance(config=config)
    LocalJupyterHub.launch_instance([])
