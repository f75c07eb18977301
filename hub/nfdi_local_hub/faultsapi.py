"""``GET|PUT /hub/api/nfdi-local/faults``: the faults switched on (faults.py).

``GET`` answers the current set, ``{"NAME": value, ...}``; ``PUT`` with such
an object replaces it (``{}`` switches every fault off; ``true`` stands for a
fault's default value). Only the demo user's API token, in the
``Authorization`` header, may call it: anything else gets 403.
"""

from __future__ import annotations

import hmac

from tornado import web

from .apibase import NFDIAPIHandler
from .faultanswers import request_token
from .faults import FaultError


class FaultsAPIHandler(NFDIAPIHandler):
    """Read or replace the set of faults."""

    def _check_demo_token(self) -> None:
        expected = self.nfdi.demo_token
        token = request_token(self)
        if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
            raise web.HTTPError(403, "Only the demo user's API token may switch faults.")

    def get(self) -> None:
        self._check_demo_token()
        self.write_json(self.nfdi.faults.as_json())

    def put(self) -> None:
        self._check_demo_token()
        try:
            self.nfdi.faults.replace(self.get_json_body() or {})
        except FaultError as e:
            raise web.HTTPError(400, "%s", str(e)) from e
        self.log.warning("Faults now: %s", self.nfdi.faults.describe())
        self.write_json(self.nfdi.faults.as_json())
