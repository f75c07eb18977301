"""NFDIAPIHandler: what the Jupyter4NFDI API handlers share (URLs, JSON answers)."""

from __future__ import annotations

import hmac
import json
from typing import TYPE_CHECKING, Any

from jupyterhub.apihandlers.base import APIHandler
from jupyterhub.utils import url_escape_path, url_path_join
from tornado import web

from . import faultanswers
from .hubsettings import SETTINGS_KEY, LocalHubSettings

if TYPE_CHECKING:
    from jupyterhub.user import User


class NFDIAPIHandler(APIHandler):
    """Common helpers of the NFDI API handlers."""

    @property
    def nfdi(self) -> LocalHubSettings:
        return self.settings[SETTINGS_KEY]

    def origin(self) -> str:
        """The hub's public origin: public_url if configured, else where the client reached us."""
        public_url = self.settings.get("public_url")
        if public_url:
            return f"{public_url.scheme}://{public_url.netloc}"
        return f"{self.request.protocol}://{self.request.host}"

    def server_urls(self, user: User, server_name: str) -> dict[str, str]:
        """next_url, status_url and delete_url of a server, absolute."""
        origin = self.origin()
        escaped = url_escape_path(server_name)
        name = faultanswers.url_user_name(self.nfdi, user.escaped_name)
        urls = {
            "next_url": origin + url_path_join(self.base_url, "user", name, escaped, "/"),
            "status_url": origin + url_path_join(self.hub.base_url, "api/start", name, escaped),
            "delete_url": origin
            + url_path_join(self.hub.base_url, "api/users", name, "servers", escaped),
        }
        return faultanswers.rewrite_urls(self.nfdi, urls, origin, self.hub.base_url)

    def running_model(self, user: User, server_name: str) -> dict[str, str]:
        return {"status": "running", **self.server_urls(user, server_name)}

    def pending_model(self, user: User, server_name: str) -> dict[str, str]:
        urls = self.server_urls(user, server_name)
        return {
            "status": "pending",
            "status_url": urls["status_url"],
            "delete_url": urls["delete_url"],
        }

    def require_demo_token(self) -> None:
        """403 unless the request carries the demo user's API token (the hub's own endpoints)."""
        expected = self.nfdi.demo_token
        token = faultanswers.request_token(self)
        if not expected or not hmac.compare_digest(token.encode(), expected.encode()):
            raise web.HTTPError(403, "Only the demo user's API token may use this endpoint.")

    def write_json(self, model: dict[str, Any], status: int = 200) -> None:
        self.set_status(status)
        self.finish(json.dumps(model))
