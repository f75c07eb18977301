/**
 * Why a launch did not end with a running server.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { HubError } from '../hub';

/**
 * What ended a launch that did not run.
 *
 * - `refused`: nothing was sent (no token, unknown preset, invalid options);
 * - `stopped`: the server ended while starting (see `exitCode`, `logs`);
 * - `timeout`: it did not run within the start timeout;
 * - `cancelled`: the user cancelled;
 * - `error`: a request failed (see `hubError`).
 */
export type LaunchErrorReason =
  'refused' | 'stopped' | 'timeout' | 'cancelled' | 'error';

/**
 * What a start whose request failed before the hub accepted it left on the
 * hub, as far as the user's servers tell:
 *
 * - `nothing`: no server (the hub refused the request, or the user has no
 *   configuration with these options): trying again is safe;
 * - `stopped`: a stopped configuration with these options, the one a new
 *   start would run again;
 * - `unknown`: the hub may have created a server and its list could not be
 *   read.
 */
export type LeftOnHub = 'nothing' | 'stopped' | 'unknown';

/**
 * Why a launch did not end with a running server.
 */
export class LaunchError extends Error {
  constructor(
    reason: LaunchErrorReason,
    message: string,
    details: {
      exitCode?: number | null;
      logs?: string[];
      hubError?: HubError;
      leftOnHub?: LeftOnHub;
    } = {}
  ) {
    super(message);
    this.name = 'LaunchError';
    this.reason = reason;
    this.exitCode = details.exitCode ?? null;
    this.logs = details.logs ?? [];
    this.hubError = details.hubError ?? null;
    this.leftOnHub = details.leftOnHub ?? null;
  }

  /** What ended it. */
  readonly reason: LaunchErrorReason;
  /** Exit code of a stopped server, if the hub knows it. */
  readonly exitCode: number | null;
  /** Last log lines of a stopped server. */
  readonly logs: string[];
  /** The hub error behind an `error` (or a `refused` for want of a token). */
  readonly hubError: HubError | null;
  /**
   * For a start request that failed: what it left on the hub; `null` when
   * the hub accepted the start or nothing was sent.
   */
  readonly leftOnHub: LeftOnHub | null;
}

/**
 * Whether a start request that failed this way may still have made the hub
 * create the server: no answer (timeout, network), a failing hub or proxy
 * (5xx), an answer that could not be used, or a 408/429 from a proxy in
 * front of it. Any other refusal came before the hub accepted anything.
 */
export function mayHaveStarted(error: HubError): boolean {
  return (
    error.kind === 'network' ||
    error.kind === 'hub' ||
    error.kind === 'bad-response' ||
    error.kind === 'rate-limited' ||
    error.status === 408
  );
}

/**
 * A start refused because it needs a new configuration and the user has
 * `limit` already (the same kind of error as the hub's own refusal);
 * reason `refused` when nothing was sent.
 */
export function limitError(
  limit: number,
  label: string,
  trans: TranslationBundle,
  reason: 'refused' | 'error' = 'error'
): LaunchError {
  const message = trans.__(
    'You have %1 server configurations, as many as the hub allows. Delete one you no longer need, then start %2 again.',
    limit,
    label
  );
  return new LaunchError(reason, message, {
    hubError: new HubError('limit', message)
  });
}

/**
 * A failed request as a launch error (anything but a `HubError` is an
 * answer the client could not make sense of).
 */
export function requestError(
  error: unknown,
  leftOnHub?: LeftOnHub
): LaunchError {
  const hubError = asHubError(error);
  return new LaunchError('error', hubError.message, { hubError, leftOnHub });
}

/** A failure as a hub error (anything else: an answer not understood). */
export function asHubError(error: unknown): HubError {
  return error instanceof HubError
    ? error
    : new HubError('bad-response', String(error));
}

/** The server did not run within the start timeout. */
export function timeoutError(trans: TranslationBundle): LaunchError {
  return new LaunchError(
    'timeout',
    trans.__('The server did not start in time.')
  );
}
