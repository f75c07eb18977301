/**
 * What to do when a start request fails: the hub may have created the
 * server anyway (no answer, a failing proxy, an answer that could not be
 * used), so before anything is offered or sent again, the user's servers
 * are searched for the configuration with the same options.
 */
import { HubError } from '../hub';
import { LeftOnHub, mayHaveStarted } from './errors';
import type { Reuse } from './types';

/** Longest `Retry-After`, in seconds, a launch waits out by default. */
export const MAX_RETRY_AFTER = 120;

/**
 * The next step after a failed start request:
 *
 * - `found`: the hub had started it after all: land on it or follow it;
 * - `retry`: the hub was busy: send the same start again in `delay` ms;
 * - `fail`: end the launch; `leftOnHub` says whether trying again is safe.
 */
export type NextStep =
  | { step: 'found'; reuse: Extract<Reuse, { server: unknown }> }
  | { step: 'retry'; delay: number }
  | { step: 'fail'; leftOnHub: LeftOnHub };

/**
 * Decide the next step after `error` ended a start request.
 *
 * @param lookup - the configuration with the same options (`null` for
 *   none); throws when the user's servers could not be read
 * @param canRetry - whether a busy hub may be asked once more
 * @param maxRetryAfter - the longest wait, in seconds, for that
 */
export async function afterStartFailure(
  error: HubError,
  lookup: (() => Promise<Reuse | null>) | undefined,
  canRetry: boolean,
  maxRetryAfter: number = MAX_RETRY_AFTER
): Promise<NextStep> {
  if (!mayHaveStarted(error)) {
    return { step: 'fail', leftOnHub: 'nothing' };
  }
  let found: Reuse | null = null;
  let lookupError: unknown = null;
  try {
    found = lookup ? await lookup() : null;
  } catch (reason) {
    lookupError = reason;
  }
  if (found?.kind === 'running' || found?.kind === 'following') {
    return { step: 'found', reuse: found };
  }
  const wait = error.retryAfter;
  if (
    error.kind === 'rate-limited' &&
    canRetry &&
    wait !== undefined &&
    wait <= maxRetryAfter &&
    found?.kind !== 'full'
  ) {
    // The same options again: the hub runs the stopped configuration, if
    // there is one, rather than make another.
    return { step: 'retry', delay: wait * 1000 };
  }
  if (!found) {
    return {
      step: 'fail',
      leftOnHub: blockedCrossOrigin(error, lookupError) ? 'nothing' : 'unknown'
    };
  }
  return {
    step: 'fail',
    leftOnHub: found.kind === 'again' ? 'stopped' : 'nothing'
  };
}

/**
 * Whether the start never left the browser: it failed at once (no timeout)
 * as a cross-origin request, and so did the lookup after it. A start carries
 * the `Authorization` header, so the browser asks the hub first (a CORS
 * preflight); when the hub does not allow this origin, the start is not sent.
 */
function blockedCrossOrigin(error: HubError, lookupError: unknown): boolean {
  const blocked = (e: unknown) =>
    e instanceof HubError &&
    e.kind === 'network' &&
    e.crossOrigin &&
    !e.timedOut;
  return blocked(error) && blocked(lookupError);
}
