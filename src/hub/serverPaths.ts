/**
 * Where the URLs of a user's server lie on a hub, and which server a URL
 * names.
 *
 * For user `U`'s server `S` on a hub with base path `<base>`:
 * - `status_url` is `<base>hub/api/start/U/S`,
 * - `delete_url` is `<base>hub/api/users/U/servers/S`,
 * - `next_url` lies under `<base>user/U/S/`, or under `/user/U/S/` (the
 *   start API builds it from the host alone, whatever the base path).
 *
 * `new URL` has already resolved `.` and `..` (also percent-encoded ones);
 * names are compared decoded, so `al%20ice` is `al ice`, and a segment that
 * decodes to something with a `/` in it (`alice%2F..%2Fbob`) names nobody.
 */

/** A user and one of their servers (`''`: the default server). */
export interface IServerPath {
  user: string;
  server: string;
}

/** Which start API URL: `status` (`status_url`) or `delete` (`delete_url`). */
export type ServerApiUrl = 'status' | 'delete';

/**
 * The user and server an absolute `status_url` or `delete_url` names, or
 * `null` if it is not exactly such a URL of the hub at `baseUrl`.
 */
export function apiServerPath(
  value: string,
  baseUrl: string,
  kind: ServerApiUrl
): IServerPath | null {
  const url = parse(value);
  const base = parse(baseUrl);
  if (!url || !base || url.origin !== base.origin || url.search || url.hash) {
    return null;
  }
  const api = kind === 'status' ? 'hub/api/start/' : 'hub/api/users/';
  const parts = below(url.pathname, base.pathname + api)
    ?.replace(/\/$/, '')
    .split('/');
  if (
    !parts ||
    parts.length !== (kind === 'status' ? 2 : 3) ||
    (kind === 'delete' && parts[1] !== 'servers')
  ) {
    return null;
  }
  const user = decodeName(parts[0]);
  const server = decodeName(parts[parts.length - 1]);
  return user && server ? { user, server } : null;
}

/**
 * The base URL (ending in `/`) of the server of `user` that the absolute
 * `value` lies in, on the hub at `baseUrl`; `null` if it lies elsewhere, or
 * in another server than `server` when that is given.
 *
 * A default server (`''`) is recognised only by its base URL itself: below
 * it, a path cannot be told from a named server's.
 */
export function serverBaseUrl(
  value: string,
  baseUrl: string,
  user: string,
  server?: string
): string | null {
  const url = parse(value);
  const base = parse(baseUrl);
  if (!url || !base || url.origin !== base.origin) {
    return null;
  }
  for (const prefix of new Set([`${base.pathname}user/`, '/user/'])) {
    const parts = below(url.pathname, prefix)?.split('/');
    if (!parts || parts.length < 2 || decodeName(parts[0]) !== user) {
      continue;
    }
    const name = parts.length === 2 && parts[1] === '' ? '' : parts[1];
    const decoded = name === '' ? '' : decodeName(name);
    if (decoded !== null && (server === undefined || decoded === server)) {
      return `${url.origin}${prefix}${parts[0]}/${name ? `${name}/` : ''}`;
    }
  }
  return null;
}

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** The rest of `path` after `prefix`, or `null` if it does not start so. */
function below(path: string, prefix: string): string | null {
  return path.startsWith(prefix) ? path.slice(prefix.length) : null;
}

/**
 * A user or server name from a path segment: decoded, or `null` if it is
 * empty, badly encoded, or holds a `/` or only dots.
 */
function decodeName(segment: string): string | null {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    return null;
  }
  return name && !name.includes('/') && !/^\.{1,2}$/.test(name) ? name : null;
}
