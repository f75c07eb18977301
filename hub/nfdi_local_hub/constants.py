"""Every fixed value of the local hub, in one place.

No password or token is fixed here: credentials.py draws them per state
directory (and the hub prints them when it starts).
"""

# --- users and credentials -------------------------------------------------

#: the user the demo and most tests act as
DEMO_USER = "demo"
#: a second user, for isolation tests (may not see or touch demo's servers)
OTHER_USER = "other"

# --- the start API -----------------------------------------------------------

#: a user may own at most this many server configurations (running or not);
#: the extension has the same CONFIGURATION_LIMIT (src/servers/state.ts)
CONFIGURATION_LIMIT = 15

#: user options used by POST /hub/api/start; the request body is merged over them
DEFAULT_USER_OPTIONS = {
    "option": "custom",
    "custom": {"customimage": "jupyter/minimal-notebook:latest"},
    "system": "deNBI-Cloud",
    "flavor": "m1",
    "name": "POST API Server",
}

OPTION_KINDS = ("default", "custom", "repo2docker")
#: image that the "default" option stands for
DEFAULT_OPTION_IMAGE = "jupyter/datascience-notebook:latest"
REPO_TYPES = ("gh", "git", "gl", "gist", "zenodo", "figshare", "hydroshare", "dataverse", "ckan")
REPO_PATH_TYPES = ("file", "url")
MAX_NAME_LENGTH = 64

#: systems and flavors served by GET /hub/api/outpostflavors.
#: "current" is added at request time; "max" is how many servers of a flavor
#: may run at once (all users together; --flavor-max overrides it) and
#: "runtime" the maximum run time in seconds (the real hub's unit is not
#: documented).
SYSTEMS = {
    "deNBI-Cloud": {
        "m1": {
            "display_name": "m1 (2 GB, 1 vCPU)",
            "description": "2 GB memory, 1 vCPU",
            "max": 20,
            "runtime": 86400,
        },
        "l1": {
            "display_name": "l1 (4 GB, 1 vCPU)",
            "description": "4 GB memory, 1 vCPU",
            "max": 10,
            "runtime": 86400,
        },
    },
    "JSC-Cloud": {
        "m1": {
            "display_name": "m1 (2 GB, 1 vCPU)",
            "description": "2 GB memory, 1 vCPU",
            "max": 20,
            "runtime": 86400,
        },
        "l1": {
            "display_name": "l1 (4 GB, 1 vCPU)",
            "description": "4 GB memory, 1 vCPU",
            "max": 10,
            "runtime": 86400,
        },
        "l2": {
            "display_name": "l2 (8 GB, 2 vCPU)",
            "description": "8 GB memory, 2 vCPUs",
            "max": 5,
            "runtime": 43200,
        },
    },
}

#: seconds after a start through POST /hub/api/start until the hub stops the
#: server and deletes its configuration (the real hub's
#: StartAPIHandlerConfig.timeout); --api-server-lifetime, 0 = no limit
DEFAULT_API_SERVER_LIFETIME = 3600

#: oauth_client_allowed_scopes that break the login to a user's own server on
#: JupyterHub 5.4 (the hub refuses the expanded scope: oauth_callback
#: error=invalid_scope); --page-token-scopes refuses them
LOGIN_BREAKING_PAGE_SCOPES = ("access:servers!user",)

# --- test images (see README) -------------------------------------------------

#: image prefix of a server that logs a few lines and exits with FAILING_EXIT_CODE
FAILING_IMAGE_PREFIX = "local/failing:"
FAILING_EXIT_CODE = 3
#: image prefix of a server that sleeps N seconds (the tag) before it starts
SLOW_IMAGE_PREFIX = "local/slow:"
SLOW_DEFAULT_SECONDS = 20

# --- quirks of the real hub (--nfdi-quirks) -------------------------------------

#: the first status poll this soon after a 202 answers "stopped"
QUIRK_EARLY_STOPPED_SECONDS = 1.5

# --- the JupyterLab extension ----------------------------------------------------

#: settings file (relative to JUPYTERLAB_SETTINGS_DIR) that --preset-token writes
EXTENSION_SETTINGS_FILE = "jupyterlab-nfdi-launcher/plugin.jupyterlab-settings"

#: number of log lines kept and reported for a stopped server
LOG_TAIL_LINES = 200
