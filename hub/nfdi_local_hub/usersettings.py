"""JupyterLab user settings written by the hub (``--preset-token``).

The demo user's JupyterLab servers share one JUPYTERLAB_SETTINGS_DIR (see
paths.py). Writing the extension's settings file there before the servers
start makes the demo ready to use: the launcher extension already has a token.
"""

from __future__ import annotations

import json
import os

import json5

from . import constants
from .paths import StatePaths


def extension_settings_file(paths: StatePaths, username: str) -> str:
    """The extension's settings file of ``username``."""
    return os.path.join(paths.settings_dir(username), constants.EXTENSION_SETTINGS_FILE)


NOTIFICATION_SETTINGS_FILE = os.path.join(
    "@jupyterlab", "apputils-extension", "notification.jupyterlab-settings"
)


def write_quiet_notifications(settings_dir: str | os.PathLike[str]) -> None:
    """Keep JupyterLab from asking about Jupyter news or checking for updates.

    The local hub runs on machines without internet access, where the news
    prompt only gets in the way. An existing file (the user's choice) is kept.
    """
    path = os.path.join(settings_dir, NOTIFICATION_SETTINGS_FILE)
    if os.path.exists(path):
        return
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump({"checkForUpdates": False, "fetchNews": "false"}, f, indent=2)
        f.write("\n")


def write_preset_token(paths: StatePaths, token: str, username: str = constants.DEMO_USER) -> str:
    """Set ``"token"`` in the extension's settings of ``username``.

    An existing settings file (JSON5, as JupyterLab writes it) is merged:
    its other keys are kept. Returns the file's path.
    """
    path = extension_settings_file(paths, username)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    settings = {}
    if os.path.exists(path):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        if text.strip():
            settings = json5.loads(text)
            if not isinstance(settings, dict):
                raise ValueError(f"{path} does not hold a JSON object")
    settings["token"] = token
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        json.dump(settings, f, indent=2)
        f.write("\n")
    os.replace(tmp, path)
    return path
