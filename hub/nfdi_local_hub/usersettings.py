"""JupyterLab user settings written by the hub (``--preset-token``).

The demo user's JupyterLab servers share one JUPYTERLAB_SETTINGS_DIR (see
paths.py). Writing the extension's settings file there before the servers
start makes the demo ready to use: the launcher extension already has a token.
"""

import json
import os

import json5

from . import constants
from .paths import StatePaths


def extension_settings_file(paths: StatePaths, username):
    return os.path.join(paths.settings_dir(username), constants.EXTENSION_SETTINGS_FILE)


def write_preset_token(paths: StatePaths, username=constants.DEMO_USER, token=constants.DEMO_TOKEN):
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
