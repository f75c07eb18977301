/**
 * The one error type the hub client throws.
 *
 * Every failure a user can meet maps to a kind, so the UI can decide what to
 * offer next (a link to the token page, the list of servers, a retry), and
 * carries a message written for a person.
 */

/**
 * What went wrong, from the user's point of view.
 */
export type HubErrorKind =
  /** The hub refused the token (403), or the token lacks a needed scope. */
  | 'auth'
  /** The server (or user) does not exist on the hub (404). */
  | 'not-found'
  /** The per-user limit of server configurations is reached. */
  | 'limit'
  /** The hub is busy (429); `retryAfter` says when to try again. */
  | 'rate-limited'
  /** The hub rejected the request (other 4xx), e.g. invalid options. */
  | 'bad-request'
  /** The hub failed (5xx). */
  | 'hub'
  /** The request never got an answer: offline, unreachable, or blocked cross-origin. */
  | 'network'
  /** The answer was not what the API promises (not JSON, wrong shape, foreign URL). */
  | 'bad-response'
  /** The client is not configured (no token, bad hub URL). */
  | 'config';

/**
 * Details attached to a hub error.
 */
export interface IHubErrorOptions {
  /** HTTP status of the response, if there was one. */
  status?: number;
  /** The hub's own message (from its JSON error body), if any. */
  hubMessage?: string;
  /** Seconds to wait before retrying, for `rate-limited`. */
  retryAfter?: number;
  /** For `network`: whether the request was cross-origin, so CORS is a likely cause. */
  crossOrigin?: boolean;
  /** For `network`: whether the request was given up after the timeout. */
  timedOut?: boolean;
  /**
   * One short sentence that fits a notification (what happened, what to
   * do), without URLs; the message holds the details. Default: the message.
   */
  summary?: string;
}

/**
 * An error talking to the hub.
 */
export class HubError extends Error {
  constructor(
    kind: HubErrorKind,
    message: string,
    options: IHubErrorOptions = {}
  ) {
    super(message);
    this.name = 'HubError';
    this.kind = kind;
    this.status = options.status;
    this.hubMessage = options.hubMessage;
    this.retryAfter = options.retryAfter;
    this.crossOrigin = options.crossOrigin ?? false;
    this.timedOut = options.timedOut ?? false;
    this.summary = options.summary ?? message;
  }

  /** What went wrong. */
  readonly kind: HubErrorKind;
  /** HTTP status, if the hub answered. */
  readonly status?: number;
  /** The hub's own message, if it sent one. */
  readonly hubMessage?: string;
  /** Seconds to wait before retrying (429 `Retry-After`). */
  readonly retryAfter?: number;
  /** Whether a network failure happened on a cross-origin request. */
  readonly crossOrigin: boolean;
  /** Whether a network failure was a request given up after the timeout. */
  readonly timedOut: boolean;
  /** A short sentence that fits a notification; `message` has the details. */
  readonly summary: string;
}

/**
 * Whether a value is a hub error (of a given kind, if given).
 */
export function isHubError(
  value: unknown,
  kind?: HubErrorKind
): value is HubError {
  return (
    value instanceof HubError && (kind === undefined || value.kind === kind)
  );
}
