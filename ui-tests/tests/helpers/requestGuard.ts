/**
 * Where a hub token may travel, checked on recorded browser requests.
 *
 * A token may go only in the `Authorization` header (`token <t>` or
 * `bearer <t>`), and only to the origin of the hub that issued it. The one
 * exception is saving the extension's settings, whose body holds the token
 * the user typed (the README says so).
 */

/** One request as the browser sent it. */
export interface IRecordedRequest {
  method: string;
  url: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** The request body as text, or null. */
  body: string | null;
}

/** A secret and the origins it may be sent to. */
export interface IWatchedToken {
  token: string;
  /** e.g. `http://127.0.0.1:41234` */
  origins: string[];
}

/** A request that carried a token where it must not go. */
export interface ITokenLeak {
  method: string;
  /** The URL with every watched token replaced by `<token>`. */
  url: string;
  /** e.g. `URL`, `header cookie`, `body`, `Authorization header to http://…` */
  where: string[];
}

/** The settings plugin whose saved body may hold the token. */
export const SETTINGS_PLUGIN = 'jupyterlab-nfdi-launcher:plugin';

/** Tokens shorter than this are not watched: they match by chance. */
const MIN_TOKEN_LENGTH = 8;

/**
 * Whether `request` saves the extension's settings on a JupyterLab server
 * (the standalone one or one the hub serves, under any base path; JupyterLab
 * adds a cache-busting query).
 */
export function isSettingsSave(
  request: IRecordedRequest,
  labOrigins: string[]
): boolean {
  if (request.method.toUpperCase() !== 'PUT') {
    return false;
  }
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    return false;
  }
  const suffix = `/lab/api/settings/${SETTINGS_PLUGIN}`;
  return (
    labOrigins.includes(url.origin) &&
    (url.pathname.endsWith(suffix) ||
      url.pathname.endsWith(suffix.replace(':', '%3A')))
  );
}

/** Where in `request` the token appears, as the failure message says it. */
export function tokenPlaces(
  request: IRecordedRequest,
  watched: IWatchedToken,
  labOrigins: string[]
): string[] {
  const { token, origins } = watched;
  const places: string[] = [];
  if (contains(request.url, token)) {
    places.push('URL');
  }
  for (const [name, value] of Object.entries(request.headers)) {
    if (!contains(value, token)) {
      continue;
    }
    if (name.toLowerCase() !== 'authorization') {
      places.push(`header ${name.toLowerCase()}`);
      continue;
    }
    const scheme = /^(token|bearer) +(\S+)\s*$/i.exec(value);
    if (!scheme || scheme[2] !== token) {
      places.push('Authorization header, not as "token <t>" or "bearer <t>"');
      continue;
    }
    const origin = originOf(request.url);
    if (!origins.includes(origin)) {
      places.push(
        `Authorization header to ${origin || 'an unparsable URL'} (the token's hub: ${origins.join(', ')})`
      );
    }
  }
  if (
    request.body !== null &&
    contains(request.body, token) &&
    !isSettingsSave(request, labOrigins)
  ) {
    places.push('body');
  }
  return places;
}

/** Every request that carries a watched token where it must not go. */
export function findTokenLeaks(
  requests: IRecordedRequest[],
  tokens: IWatchedToken[],
  labOrigins: string[]
): ITokenLeak[] {
  const watched = mergeTokens(tokens);
  const secrets = watched.map(w => w.token);
  const leaks: ITokenLeak[] = [];
  for (const request of requests) {
    const where = watched.flatMap(w => tokenPlaces(request, w, labOrigins));
    if (where.length) {
      leaks.push({
        method: request.method,
        url: redact(request.url, secrets),
        where
      });
    }
  }
  return leaks;
}

/** The failure message for `leaks` (no token in it). */
export function describeLeaks(leaks: ITokenLeak[]): string {
  const lines = leaks.map(
    leak => `  ${leak.method} ${leak.url}: token in ${leak.where.join('; ')}`
  );
  return [
    `${leaks.length} request(s) carried a hub token outside the Authorization header of its hub:`,
    ...lines
  ].join('\n');
}

/** Throw with the failure message if any request leaks a watched token. */
export function assertNoTokenLeaks(
  requests: IRecordedRequest[],
  tokens: IWatchedToken[],
  labOrigins: string[]
): void {
  const leaks = findTokenLeaks(requests, tokens, labOrigins);
  if (leaks.length) {
    throw new Error(describeLeaks(leaks));
  }
}

/** `text` with each of `secrets` (raw or percent-encoded) as `<token>`. */
export function redact(text: string, secrets: string[]): string {
  let result = text;
  for (const secret of secrets) {
    for (const form of encodings(secret)) {
      result = result.split(form).join('<token>');
    }
  }
  return result;
}

/** One entry per token, with the origins of every hub that holds it. */
function mergeTokens(tokens: IWatchedToken[]): IWatchedToken[] {
  const byToken = new Map<string, Set<string>>();
  for (const { token, origins } of tokens) {
    if (token.length < MIN_TOKEN_LENGTH) {
      continue;
    }
    const set = byToken.get(token) ?? new Set<string>();
    origins.forEach(origin => set.add(origin));
    byToken.set(token, set);
  }
  return [...byToken].map(([token, origins]) => ({
    token,
    origins: [...origins]
  }));
}

/** Whether `text` holds `secret` as is or in an encoded form. */
function contains(text: string, secret: string): boolean {
  return encodings(secret).some(form => text.includes(form));
}

/** The forms a token takes in URLs, form bodies and JSON. */
function encodings(secret: string): string[] {
  return [
    ...new Set([
      secret,
      encodeURIComponent(secret),
      encodeURIComponent(secret).replace(/%20/g, '+')
    ])
  ];
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
