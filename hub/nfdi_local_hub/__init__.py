"""A local stand-in for the Jupyter4NFDI hub, built on the real JupyterHub.

See hub/README.md. Modules:

- constants: users, defaults, systems/flavors, limits
- credentials: the random password and API tokens kept per state directory
- hostcheck: refusing requests for a foreign Host (serverhost: the same in each server)
- faults, faultanswers, faultsapi: fault switches, what they do, and their endpoint
- progress: JupyterHub's progress stream, switchable off (fault progress-off)
- requestlog, requestlogapi: every request the hub received, and its endpoint
- options:   merging and validating the start API's user options
- paths:     layout of the state directory
- launcher:  the stand-in for a container image (run inside each server process)
- spawner:   NFDILocalSpawner, a SimpleLocalProcessSpawner with logs and exit codes
- handlers:  /hub/api/start, /hub/api/start/{user}/{server}, /hub/api/outpostflavors
- cors:      the optional CORS transform for /hub/api/
- config:    the JupyterHub configuration built from the command line
- app:       LocalJupyterHub, the JupyterHub application subclass
- usersettings: JupyterLab settings the hub writes (--preset-token, no news prompt)
- cli:       the command line (hub/localhub.py)
"""
