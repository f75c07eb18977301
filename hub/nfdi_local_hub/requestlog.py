"""The hub's request log: every request the hub's tornado application receives.

Kept in memory (the last ``MAX_ENTRIES``), for measuring how many requests a
client makes (``GET|DELETE hub/api/nfdi-local/requests``, requestlogapi.py).
Each entry is recorded when the request reaches a handler, so a long-lived
request (the progress stream) is in the log while it is still open; its
status is filled in with its first answer bytes.

Preflight ``OPTIONS`` requests are recorded like any other; the log
endpoint's own requests are not. Only the path is kept, never the query
string or any header but ``User-Agent`` and ``Origin``.
"""

from __future__ import annotations

import time
from collections import deque
from typing import Any

from tornado.httputil import HTTPHeaders, HTTPServerRequest
from tornado.web import OutputTransform

#: how many requests the log keeps (the oldest are dropped)
MAX_ENTRIES = 20000


class RequestLog:
    """The last requests, oldest first."""

    def __init__(self, max_entries: int = MAX_ENTRIES) -> None:
        self._entries: deque[dict[str, Any]] = deque(maxlen=max_entries)

    def record(self, request: HTTPServerRequest) -> dict[str, Any]:
        """Add one request; returns its entry (to fill in its status later)."""
        entry: dict[str, Any] = {
            "method": request.method,
            "path": request.path,
            # wall clock in ms, comparable with a client's Date.now() on this machine
            "time": round(time.time() * 1000, 1),
            "user_agent": request.headers.get("User-Agent", ""),
            "origin": request.headers.get("Origin", ""),
            "status": None,
        }
        self._entries.append(entry)
        return entry

    def entries(self) -> list[dict[str, Any]]:
        return [dict(entry) for entry in self._entries]

    def clear(self) -> None:
        self._entries.clear()


def make_request_log_transform(log: RequestLog, own_path: str) -> type[OutputTransform]:
    """An OutputTransform class recording each request in ``log``, except ``own_path``'s."""
    own = own_path.rstrip("/")

    class RequestLogTransform(OutputTransform):
        def __init__(self, request: HTTPServerRequest) -> None:
            super().__init__(request)
            # tornado makes the transforms when a request reaches its handler
            self.entry = None if request.path.rstrip("/") == own else log.record(request)

        def transform_first_chunk(
            self, status_code: int, headers: HTTPHeaders, chunk: bytes, finishing: bool
        ) -> tuple[int, HTTPHeaders, bytes]:
            if self.entry is not None:
                self.entry["status"] = status_code
            return status_code, headers, chunk

    return RequestLogTransform
