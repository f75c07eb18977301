/**
 * The hub client's error messages: what each failure means for a person, and
 * what to do next. Every one is a `HubError` with a kind.
 *
 * Our own messages never contain the token; the hub's own message is
 * redacted before it is quoted.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { HubError, HubErrorKind } from './errors';
import { isRecord } from './guards';

/** A hub message about the per-user limit of server configurations. */
const LIMIT_MESSAGE = /limit|maximum|configurations/i;

/**
 * Seconds to wait from a `Retry-After` header (seconds or an HTTP date).
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now()
): number | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return parseInt(trimmed, 10);
  }
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * What the messages need to know about the client.
 */
export interface IHubMessagesOptions {
  /** The hub's base URL, ending in `/`. */
  baseUrl: string;
  /** The hub's token page. */
  tokenPageUrl: string;
  /** The page's origin, to tell CORS blocks apart. */
  pageOrigin: string;
  /** Remove the token from a text the hub sent. */
  redact: (text: string) => string;
  trans: TranslationBundle;
}

/**
 * Builds the hub errors of one client.
 */
export class HubMessages {
  constructor(options: IHubMessagesOptions) {
    this._options = options;
  }

  /** No token is set: nothing can be sent. */
  noToken(): HubError {
    return new HubError(
      'config',
      this._options.trans.__(
        'No API token is set. Create one at %1 and paste it into the NFDI launcher settings.',
        this._options.tokenPageUrl
      )
    );
  }

  /** The hub redirected instead of answering. */
  redirected(status: number): HubError {
    return new HubError(
      'bad-response',
      this._options.trans.__(
        'The hub at %1 redirected the request instead of answering. Check the hub URL (https, base path).',
        this._options.baseUrl
      ),
      { status }
    );
  }

  /**
   * The error a non-2xx answer stands for.
   *
   * @param notFound - what a 404 means for this request
   */
  status(
    status: number,
    text: string,
    retryAfterHeader: string | null,
    notFound: string
  ): HubError {
    const trans = this._options.trans;
    const hubMessage = this._hubMessage(text);
    const details = { status, hubMessage };
    const make = (kind: HubErrorKind, message: string) =>
      new HubError(kind, message, details);
    const tokenPage = this._options.tokenPageUrl;

    if (status === 401 || status === 403) {
      if (hubMessage && /scope/i.test(hubMessage)) {
        return make(
          'auth',
          trans.__(
            'The API token is not allowed to do this (%1). Create a token with all of your permissions at %2 and paste it into the settings.',
            hubMessage,
            tokenPage
          )
        );
      }
      return make(
        'auth',
        trans.__(
          'The hub did not accept the API token (it may be wrong, expired or revoked). Create a new token at %1 and paste it into the settings.',
          tokenPage
        )
      );
    }
    if (status === 404) {
      return make('not-found', notFound || trans.__('Not found on the hub.'));
    }
    if (status === 429) {
      const retryAfter = parseRetryAfter(retryAfterHeader);
      return new HubError(
        'rate-limited',
        retryAfter === undefined
          ? trans.__(
              'The hub is busy starting other servers. Try again in a moment.'
            )
          : trans.__(
              'The hub is busy starting other servers. Try again in %1 seconds.',
              retryAfter
            ),
        { ...details, retryAfter }
      );
    }
    if (status === 400 && hubMessage && LIMIT_MESSAGE.test(hubMessage)) {
      return make(
        'limit',
        trans.__(
          "You have reached the hub's limit of server configurations: %1 Delete a server you no longer need, then start again.",
          hubMessage
        )
      );
    }
    if (status >= 400 && status < 500) {
      return make(
        'bad-request',
        hubMessage
          ? trans.__('The hub rejected the request: %1', hubMessage)
          : trans.__('The hub rejected the request (HTTP %1).', status)
      );
    }
    return make(
      'hub',
      hubMessage
        ? trans.__(
            'The hub failed (HTTP %1): %2 Try again later.',
            status,
            hubMessage
          )
        : trans.__(
            "The hub failed (HTTP %1). Try again later; if it persists, tell the hub's admins.",
            status
          )
    );
  }

  /** A request that got no answer. */
  network(timedOutAfter: number | null): HubError {
    const { trans, baseUrl, pageOrigin } = this._options;
    const crossOrigin = !!pageOrigin && pageOrigin !== new URL(baseUrl).origin;
    const make = (message: string) =>
      new HubError('network', message, { crossOrigin });
    if (timedOutAfter !== null) {
      return make(
        trans.__(
          'The hub at %1 did not answer within %2 seconds. Try again later.',
          baseUrl,
          timedOutAfter
        )
      );
    }
    if (globalThis.navigator?.onLine === false) {
      return make(
        trans.__(
          'You seem to be offline: the hub at %1 could not be reached. Check your connection.',
          baseUrl
        )
      );
    }
    if (crossOrigin) {
      return make(
        trans.__(
          // The cause first: notifications show only the first 140 characters.
          "The browser blocked the request as cross-origin (CORS), or could not reach the hub at %1. Ask the hub's admins to allow requests from this JupyterLab (%2), or use the JupyterLab the hub itself serves.",
          baseUrl,
          pageOrigin
        )
      );
    }
    return make(
      trans.__(
        'Could not reach the hub at %1. Check your network connection and the hub URL.',
        baseUrl
      )
    );
  }

  /** An answer that is not what the API promises. */
  badResponse(what: string): HubError {
    return new HubError(
      'bad-response',
      this._options.trans.__(
        'The hub at %1 sent an unexpected answer (%2). Check that the hub URL points to a Jupyter4NFDI-compatible JupyterHub.',
        this._options.baseUrl,
        what
      )
    );
  }

  /** A URL that is not on the hub: the token is not sent there. */
  outsideHub(): HubError {
    return this.badResponse(this._options.trans.__('a URL outside the hub'));
  }

  /** An answer that is not JSON. */
  notJson(isWebPage: boolean): HubError {
    const trans = this._options.trans;
    return this.badResponse(
      isWebPage
        ? trans.__('a web page instead of data')
        : trans.__('an answer that is not JSON')
    );
  }

  /** The hub's own message from a JSON error body, redacted. */
  private _hubMessage(text: string): string | undefined {
    try {
      const body = JSON.parse(text);
      if (isRecord(body)) {
        const message = body.message ?? body.error ?? body.reason;
        if (typeof message === 'string' && message.trim()) {
          return this._options.redact(message.trim());
        }
      }
    } catch {
      // Not JSON (e.g. a proxy's HTML error page): no hub message to show.
    }
    return undefined;
  }

  private readonly _options: IHubMessagesOptions;
}
