"""Server configuration for the Galata UI tests.

The UI tests use a JupyterLab started with::

    jupyter lab --config jupyter_server_test_config.py

(``jlpm start`` in this folder; Playwright's ``webServer`` does it for you).

The port is 8888 unless ``NFDI_UI_TEST_PORT`` says otherwise; the project's
local JupyterHub uses other ports (8000 and ephemeral ones), so the two do not
collide. ``playwright.config.js`` reads the same variable.

.. warning::

    Never use this configuration in production: it removes all security
    protections (no token, no XSRF check) and runs as root.
"""

import atexit
import json
import os
import shutil
from pathlib import Path
from tempfile import mkdtemp

from jupyterlab.galata import configure_jupyter_server


def _temporary_dir(prefix):
    """Make a temporary folder that is removed when the server exits."""
    path = mkdtemp(prefix=prefix)
    atexit.register(shutil.rmtree, path, ignore_errors=True)
    return path


configure_jupyter_server(c)  # noqa: F821 (``c`` is injected by traitlets)

# Bound to the loopback interface only, on a port tests and server agree on;
# fail loudly rather than drift to another port.
c.ServerApp.ip = "127.0.0.1"  # noqa: F821
c.ServerApp.port = int(os.environ.get("NFDI_UI_TEST_PORT", "8888"))  # noqa: F821
c.ServerApp.port_retries = 0  # noqa: F821

# The test machines (containers) run as root.
c.ServerApp.allow_root = True  # noqa: F821

# A fresh, temporary root dir, unless JUPYTERLAB_GALATA_ROOT_DIR names one
# (as galata's helper does), and fresh workspaces.
c.ServerApp.root_dir = os.environ.get(  # noqa: F821
    "JUPYTERLAB_GALATA_ROOT_DIR"
) or _temporary_dir("nfdi-ui-tests-root-")
c.LabApp.workspaces_dir = _temporary_dir("nfdi-ui-tests-workspaces-")  # noqa: F821

# Settings saved by the tests go to a throwaway folder, never to
# ~/.jupyter/lab/user-settings: tests that disable Galata's settings mock
# write real settings files.
_user_settings = Path(_temporary_dir("nfdi-ui-tests-settings-"))
c.LabApp.user_settings_dir = str(_user_settings)  # noqa: F821

# This network is closed: do not ask about or fetch Jupyter news or check for
# updates (Galata's settings mock does the same for mocked tests; this covers
# tests that use the real settings).
_notification = _user_settings / "@jupyterlab" / "apputils-extension"
_notification.mkdir(parents=True)
(_notification / "notification.jupyterlab-settings").write_text(
    json.dumps({"checkForUpdates": False, "fetchNews": "false"}), encoding="utf-8"
)

# Playwright shows the server's output: keep it to warnings and errors
# (set NFDI_UI_TEST_LOG_LEVEL=INFO or DEBUG to see more).
c.Application.log_level = os.environ.get("NFDI_UI_TEST_LOG_LEVEL", "WARN")  # noqa: F821
