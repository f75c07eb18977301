"""``GET|DELETE /hub/api/nfdi-local/requests``: the hub's request log (requestlog.py).

``GET`` answers ``{"requests": [{"method", "path", "time", "user_agent",
"origin", "status"}, ...]}``, oldest first (``time``: ms since the epoch);
``DELETE`` empties the log (204). Only the demo user's API token may call it.
"""

from __future__ import annotations

from .apibase import NFDIAPIHandler


class RequestLogAPIHandler(NFDIAPIHandler):
    """Read or empty the request log."""

    def get(self) -> None:
        self.require_demo_token()
        self.write_json({"requests": self.nfdi.requests.entries()})

    def delete(self) -> None:
        self.require_demo_token()
        self.nfdi.requests.clear()
        self.set_status(204)
        self.finish()
