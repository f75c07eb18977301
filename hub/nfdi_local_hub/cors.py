"""Optional CORS for the hub API (``--cors-origin ORIGIN``).

Stock JupyterHub 5.4 answers ``OPTIONS`` on API URLs with an empty 200 and
sends ``Access-Control-Allow-Origin`` only on ``GET /hub/api/`` (``*``).
``c.JupyterHub.tornado_settings['headers']`` would add headers to every
response of the hub, HTML pages included, and cannot change a status code.

This output transform is added to the hub's tornado application instead. For
requests below ``<base_url>hub/api/`` it sets

    Access-Control-Allow-Origin:  ORIGIN (exactly the one configured origin)
    Access-Control-Allow-Headers: Authorization, Content-Type
    Access-Control-Allow-Methods: GET, POST, DELETE, OPTIONS

on every response (errors too, so a browser can read a 403/404), and turns
the empty 200 of a preflight ``OPTIONS`` into a 204.
"""

from __future__ import annotations

from tornado.httputil import HTTPHeaders, HTTPServerRequest
from tornado.web import OutputTransform

ALLOW_HEADERS = "Authorization, Content-Type"
ALLOW_METHODS = "GET, POST, DELETE, OPTIONS"
MAX_AGE_SECONDS = "600"


def make_cors_transform(origin: str, api_prefix: str) -> type[OutputTransform]:
    """An OutputTransform class allowing ``origin`` on URLs below ``api_prefix``."""

    class CORSTransform(OutputTransform):
        def __init__(self, request: HTTPServerRequest) -> None:
            super().__init__(request)
            self.applies = request.path.startswith(api_prefix)
            self.preflight = request.method == "OPTIONS"

        def transform_first_chunk(
            self, status_code: int, headers: HTTPHeaders, chunk: bytes, finishing: bool
        ) -> tuple[int, HTTPHeaders, bytes]:
            if not self.applies:
                return status_code, headers, chunk
            headers["Access-Control-Allow-Origin"] = origin
            headers["Access-Control-Allow-Headers"] = ALLOW_HEADERS
            headers["Access-Control-Allow-Methods"] = ALLOW_METHODS
            headers["Vary"] = "Origin"
            if self.preflight:
                headers["Access-Control-Max-Age"] = MAX_AGE_SECONDS
                if status_code == 200 and finishing and not chunk:
                    status_code = 204
                    for name in ("Content-Length", "Content-Type"):
                        headers.pop(name, None)
            return status_code, headers, chunk

    return CORSTransform
