/**
 * Connection settings for a sibling server (one of the token owner's
 * servers on the hub), for `@jupyterlab/services`.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';

/**
 * Settings for the server at `baseUrl`: the token goes in the
 * `Authorization` header only; it is not appended to WebSocket URLs.
 */
export function siblingSettings(
  baseUrl: string,
  token: string
): ServerConnection.ISettings {
  return ServerConnection.makeSettings({
    baseUrl,
    appUrl: URLExt.join(baseUrl, 'lab'),
    wsUrl: baseUrl.replace(/^http/, 'ws'),
    token,
    appendToken: false,
    // `no-cache`, not `no-store` (a timestamp in every URL): a Jupyter
    // server's contents answers carry `Last-Modified` without
    // `Cache-Control`, so `default` mode could reuse them stale.
    init: { cache: 'no-cache', credentials: 'omit' }
  });
}
