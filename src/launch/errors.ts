/**
 * Why a launch did not end with a running server.
 */
import type { HubError } from '../hub';

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
