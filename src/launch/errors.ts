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
    } = {}
  ) {
    super(message);
    this.name = 'LaunchError';
    this.reason = reason;
    this.exitCode = details.exitCode ?? null;
    this.logs = details.logs ?? [];
    this.hubError = details.hubError ?? null;
  }

  /** What ended it. */
  readonly reason: LaunchErrorReason;
  /** Exit code of a stopped server, if the hub knows it. */
  readonly exitCode: number | null;
  /** Last log lines of a stopped server. */
  readonly logs: string[];
  /** The hub error behind an `error` (or a `refused` for want of a token). */
  readonly hubError: HubError | null;
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
export function requestError(error: unknown): LaunchError {
  const hubError =
    error instanceof HubError
      ? error
      : new HubError('bad-response', String(error));
  return new LaunchError('error', hubError.message, { hubError });
}

/** The server did not run within the start timeout. */
export function timeoutError(trans: TranslationBundle): LaunchError {
  return new LaunchError(
    'timeout',
    trans.__('The server did not start in time.')
  );
}
