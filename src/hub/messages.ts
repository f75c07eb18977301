/**
 * The hub client's error messages: what each failure means for a person, and
 * what to do next. Every one is a `HubError` with a kind, a short summary
 * that fits a notification, and a message with the details.
 *
 * Every text the hub sent passes through `redact` before it is quoted.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { HubError, HubErrorKind, IHubErrorOptions } from './errors';
import { hubMessageOf, parseRetryAfter, quoteHubText } from './hubText';

/** A hub message about the per-user limit of server configurations. */
const LIMIT_MESSAGE = /limit|maximum|configurations/i;

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

  /** A text the hub sent, without the token. */
  redact(text: string): string {
    return this._options.redact(text);
  }

  /** A value the hub sent, as a short redacted text to quote. */
  quote(value: unknown): string {
    return quoteHubText(value, this._options.redact);
  }

  /** No token is set: nothing can be sent. */
  noToken(): HubError {
    const trans = this._options.trans;
    return new HubError(
      'config',
      trans.__(
        'No API token is set. Create one at %1 and paste it into the NFDI launcher settings.',
        this._options.tokenPageUrl
      ),
      { summary: trans.__('No API token is set.') }
    );
  }

  /** The hub redirected instead of answering. */
  redirected(status: number): HubError {
    const trans = this._options.trans;
    return new HubError(
      'bad-response',
      trans.__(
        'The hub at %1 redirected the request instead of answering. Check the hub URL (https, base path).',
        this._options.baseUrl
      ),
      {
        status,
        summary: trans.__(
          'The hub redirected the request instead of answering; check the hub URL.'
        )
      }
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
    const hubMessage = hubMessageOf(text, this._options.redact);
    const make = (
      kind: HubErrorKind,
      message: string,
      summary: string,
      more: IHubErrorOptions = {}
    ) => new HubError(kind, message, { status, hubMessage, summary, ...more });
    const tokenPage = this._options.tokenPageUrl;

    if (status === 401 || status === 403) {
      if (hubMessage && /scope/i.test(hubMessage)) {
        return make(
          'auth',
          trans.__(
            'The API token is not allowed to do this (%1). Create a token with all of your permissions at %2 and paste it into the settings.',
            hubMessage,
            tokenPage
          ),
          trans.__('The API token is not allowed to do this.')
        );
      }
      return make(
        'auth',
        trans.__(
          'The hub did not accept the API token (it may be wrong, expired or revoked). Create a new token at %1 and paste it into the settings.',
          tokenPage
        ),
        trans.__('The hub refused the API token.')
      );
    }
    if (status === 404) {
      return make(
        'not-found',
        notFound || trans.__('Not found on the hub.'),
        trans.__('The hub did not find what was asked for (status 404).')
      );
    }
    if (status === 429) {
      const retryAfter = parseRetryAfter(retryAfterHeader);
      return retryAfter === undefined
        ? make(
            'rate-limited',
            trans.__(
              'The hub is busy starting other servers. Try again in a moment.'
            ),
            trans.__('The hub is busy; try again in a moment.')
          )
        : make(
            'rate-limited',
            trans.__(
              'The hub is busy starting other servers. Try again in %1 seconds.',
              retryAfter
            ),
            trans.__('The hub is busy; try again in %1 s.', retryAfter),
            { retryAfter }
          );
    }
    if (status === 400 && hubMessage && LIMIT_MESSAGE.test(hubMessage)) {
      return make(
        'limit',
        trans.__(
          "You have reached the hub's limit of server configurations: %1 Delete a server you no longer need, then start again.",
          hubMessage
        ),
        trans.__("You have reached the hub's limit of server configurations.")
      );
    }
    if (status >= 400 && status < 500) {
      return make(
        'bad-request',
        hubMessage
          ? trans.__('The hub rejected the request: %1', hubMessage)
          : trans.__('The hub rejected the request (HTTP %1).', status),
        trans.__('The hub rejected the request (status %1).', status)
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
          ),
      trans.__('The hub failed (status %1); try again later.', status)
    );
  }

  /** A request that got no answer. */
  network(timedOutAfter: number | null): HubError {
    const { trans, baseUrl, pageOrigin } = this._options;
    const crossOrigin = !!pageOrigin && pageOrigin !== new URL(baseUrl).origin;
    const make = (message: string, summary: string) =>
      new HubError('network', message, {
        crossOrigin,
        summary,
        timedOut: timedOutAfter !== null
      });
    if (timedOutAfter !== null) {
      return make(
        trans.__(
          'The hub at %1 did not answer within %2 seconds. Try again later.',
          baseUrl,
          timedOutAfter
        ),
        trans.__('The hub did not answer within %1 s.', timedOutAfter)
      );
    }
    if (globalThis.navigator?.onLine === false) {
      return make(
        trans.__(
          'You seem to be offline: the hub at %1 could not be reached. Check your connection.',
          baseUrl
        ),
        trans.__('You seem to be offline: the hub could not be reached.')
      );
    }
    if (crossOrigin) {
      return make(
        trans.__(
          "The browser blocked the request as cross-origin (CORS), or could not reach the hub at %1. Ask the hub's admins to allow requests from this JupyterLab (%2), or use the JupyterLab the hub itself serves.",
          baseUrl,
          pageOrigin
        ),
        trans.__('The browser blocked the request to the hub (CORS).')
      );
    }
    return make(
      trans.__(
        'Could not reach the hub at %1. Check your network connection and the hub URL.',
        baseUrl
      ),
      trans.__('Could not reach the hub.')
    );
  }

  /**
   * An answer that is not what the API promises; `what` says how, and
   * quotes the hub only through `quote`.
   */
  badResponse(what: string): HubError {
    const trans = this._options.trans;
    return new HubError(
      'bad-response',
      trans.__(
        'The hub at %1 sent an unexpected answer (%2). Check that the hub URL points to a Jupyter4NFDI-compatible JupyterHub.',
        this._options.baseUrl,
        what
      ),
      { summary: trans.__('The hub sent an answer the launcher cannot use.') }
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

  private readonly _options: IHubMessagesOptions;
}
