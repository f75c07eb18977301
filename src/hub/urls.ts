/**
 * Where the hub is, and which URLs belong to it.
 */

/** The public Jupyter4NFDI hub, used when nothing else is configured. */
export const NFDI_HUB_URL = 'https://hub.nfdi-jupyter.de/';

/**
 * What JupyterLab's page config says about the hub that spawned it.
 */
export interface IHubPageConfig {
  /** `hubHost`: the hub's origin, empty when it is this page's origin. */
  hubHost?: string;
  /** `hubPrefix`: the hub's path, e.g. `/hub/` or `/jhub/hub/`. */
  hubPrefix?: string;
}

// Pages of the hub's own UI a person may paste instead of the base URL.
const HUB_PAGE = /\/hub(\/(home|token|login|spawn|admin)?\/?)?$/;

// `host:port` typed without a scheme: `host:` is not a scheme there.
const HOST_PORT = /^(\[[0-9a-f:.]+\]|[^\s/:?#@[\]]+):\d+(?=[/?#]|$)/i;

// This machine: a hub here is rarely served with a certificate.
const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])(:\d+)?(?=[/?#]|$)/i;

/**
 * Normalise a hub URL to the hub's base URL, ending in `/`.
 *
 * Accepts what a person may paste: `hub.example.org`, `hub.example.org:8443`,
 * `https://hub.example.org/hub/home`, `https://example.org/jhub/hub/token`.
 * Without a scheme, `https://` is assumed, except for this machine
 * (`localhost`, `127.x.x.x`, `[::1]`), which gets `http://`.
 * Query and fragment are dropped. Throws a `TypeError` if it is not an
 * http(s) URL.
 */
export function normalizeHubUrl(value: string): string {
  let text = value.trim();
  if (HOST_PORT.test(text) || !/^[a-z][a-z0-9+.-]*:/i.test(text)) {
    text = `${LOOPBACK.test(text) ? 'http' : 'https'}://${text}`;
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`Not a URL: ${value}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`Not an http(s) URL: ${url.protocol}`);
  }
  if (url.username || url.password) {
    throw new TypeError('A hub URL must not contain a user name or password.');
  }
  let path = url.pathname.replace(HUB_PAGE, '/');
  if (!path.endsWith('/')) {
    path += '/';
  }
  return `${url.origin}${path}`;
}

/**
 * The hub URL to use: the setting if given; else the hub this JupyterLab
 * runs under (from its page config); else the public Jupyter4NFDI hub.
 *
 * @param setting - the `hubUrl` setting, may be empty
 * @param pageConfig - `hubHost` and `hubPrefix` from JupyterLab's page config
 * @param pageOrigin - the origin of the current page
 */
export function resolveHubUrl(
  setting: string,
  pageConfig: IHubPageConfig,
  pageOrigin: string
): string {
  if (setting.trim()) {
    return normalizeHubUrl(setting);
  }
  const prefix = pageConfig.hubPrefix;
  if (prefix) {
    // hubPrefix is the hub's own path (`<base>hub/`); the base URL is above it.
    const base = prefix.replace(/hub\/?$/, '');
    const origin = pageConfig.hubHost || pageOrigin;
    return normalizeHubUrl(
      `${origin}${base.startsWith('/') ? '' : '/'}${base}`
    );
  }
  return NFDI_HUB_URL;
}

/**
 * Resolve a URL the hub returned and check that it is an http(s) URL on
 * the hub's origin. Returns the absolute URL, or `null` if it must not be
 * followed (another origin, another scheme, credentials, malformed).
 */
export function checkHubUrl(value: unknown, hubBaseUrl: string): string | null {
  if (typeof value !== 'string' || !value) {
    return null;
  }
  let url: URL;
  try {
    url = new URL(value, hubBaseUrl);
  } catch {
    return null;
  }
  const hub = new URL(hubBaseUrl);
  if (
    (url.protocol !== 'https:' && url.protocol !== 'http:') ||
    url.origin !== hub.origin ||
    url.username ||
    url.password
  ) {
    return null;
  }
  return url.href;
}
