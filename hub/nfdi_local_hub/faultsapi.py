"""``GET|PUT /hub/api/nfdi-local/faults``: the faults switched on (faults.py).

``GET`` answers the current set, ``{"NAME": value, ...}``; ``PUT`` with such
an object replaces it (``{}`` switches every fault off; ``true`` stands for a
fault's default value). Only the demo user's API token, in the
``Authorization`` header, may call it: anything else gets 403.
"""

from __future__ import annotations

from tornado import web

from .apibase import NFDIAPIHandler
from .faults import FaultError


class FaultsAPIHandler(NFDIAPIHandler):
    """Read or replace the set of faults."""

    def get(self) -> None:
        self.require_demo_token()
        self.write_json(self.nfdi.faults.as_json())

    def put(self) -> None:
        self.require_demo_token()
        try:
            self.nfdi.faults.replace(self.get_json_body() or {})
        except FaultError as e:
            raise web.HTTPError(400, "%s", str(e)) from e
        self.log.warning("Faults now: %s", self.nfdi.faults.describe())
        self.write_json(self.nfdi.faults.as_json())
