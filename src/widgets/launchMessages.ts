/**
 * What the launch notifications say: short sentences that fit a
 * notification, with the hub's full message kept for "Details".
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { HubError } from '../hub';
import type { ILaunch } from '../launch/types';

/** A summary longer than this is replaced by the short text of its kind. */
const SHORT = 100;

/**
 * A short sentence for a hub error: its own summary when it has one that
 * fits, else a short text for its kind.
 */
export function shortReason(error: HubError, trans: TranslationBundle): string {
  if (error.summary.length <= SHORT) {
    return error.summary;
  }
  switch (error.kind) {
    case 'auth':
      return trans.__('The hub did not accept the API token.');
    case 'not-found':
      return trans.__('The hub does not know this server or API.');
    case 'limit':
      return trans.__(
        'You have as many server configurations as the hub allows.'
      );
    case 'rate-limited':
      return trans.__('The hub is busy starting other servers.');
    case 'bad-request':
      return trans.__('The hub rejected the request.');
    case 'hub':
      return trans.__('The hub failed.');
    case 'network':
      return error.crossOrigin
        ? trans.__('The browser blocked the request as cross-origin (CORS).')
        : trans.__('The hub could not be reached.');
    case 'bad-response':
      return trans.__('The hub sent an answer that could not be used.');
    default:
      return trans.__('The extension is not set up for this hub.');
  }
}

/**
 * The line shown while a launch starts (also on its waiting tab).
 *
 * @param now - the time, for a countdown to the next try
 */
export function progressMessage(
  launch: ILaunch,
  trans: TranslationBundle,
  now: number = Date.now()
): string {
  const { label, hubHost } = launch;
  const pending = launch.phase === 'pending';
  if (launch.retryAt !== null) {
    const seconds = Math.max(0, Math.ceil((launch.retryAt - now) / 1000));
    return trans.__(
      'The hub is busy. Trying again in %1 s to start %2…',
      seconds,
      label
    );
  }
  if (launch.recovered) {
    return trans.__(
      'The hub had started %1 after all. It is starting on %2 (pending)…',
      label,
      hubHost
    );
  }
  switch (launch.reuse) {
    case 'again':
      return pending
        ? trans.__(
            'Your existing server %1 is starting again on %2 (pending)…',
            label,
            hubHost
          )
        : trans.__(
            'Starting your existing server %1 again on %2…',
            label,
            hubHost
          );
    case 'following':
      return pending
        ? trans.__('%1 is starting on %2 (pending)…', label, hubHost)
        : trans.__('%1 is already starting on %2…', label, hubHost);
    default:
      return pending
        ? trans.__('%1 is starting on %2 (pending)…', label, hubHost)
        : trans.__('Starting %1 on %2…', label, hubHost);
  }
}

/** What the hub last said about the start, e.g. "40%: Pulling image". */
export function progressDetail(
  launch: ILaunch,
  trans: TranslationBundle
): string {
  const progress = launch.progress;
  if (!progress) {
    return '';
  }
  if (progress.progress === null) {
    return progress.message;
  }
  const percent = Math.round(progress.progress);
  return progress.message
    ? trans.__('%1%: %2', percent, progress.message)
    : trans.__('%1%', percent);
}

/** The line shown when a launch runs. */
export function runningMessage(
  launch: ILaunch,
  landed: boolean,
  trans: TranslationBundle
): string {
  const label = launch.label;
  if (launch.recovered) {
    return landed
      ? trans.__(
          'The hub had started %1 after all. It is running and opened in a new tab.',
          label
        )
      : trans.__('The hub had started %1 after all. It is running.', label);
  }
  const already = launch.reuse === 'running';
  return landed
    ? already
      ? trans.__('%1 is already running. It opened in a new tab.', label)
      : trans.__('%1 is running. It opened in a new tab.', label)
    : already
      ? trans.__('%1 is already running.', label)
      : trans.__('%1 is running.', label);
}

/**
 * Why a start failed, in a sentence or two, and what to do: after a request
 * that may have reached the hub, whether a server may be there.
 */
export function failureMessage(
  launch: ILaunch,
  trans: TranslationBundle
): string {
  const label = launch.label;
  const error = launch.error;
  const hubError = error?.hubError;
  const reason = hubError
    ? shortReason(hubError, trans)
    : (error?.message ?? trans.__('unknown error'));
  if (launch.result.deleteUrl) {
    // The hub accepted the start: the server is there.
    return hubError?.kind === 'auth'
      ? trans.__(
          '%1 may still be starting, but the hub no longer accepts the API token.',
          label
        )
      : trans.__(
          'Lost track of %1: %2 It may still be starting on the hub.',
          label,
          reason
        );
  }
  // An answer refused for what it held: the hub did something with the
  // start, whatever its list says.
  const refused = hubError?.kind === 'bad-response';
  switch (
    refused && error?.leftOnHub === 'nothing' ? 'unknown' : error?.leftOnHub
  ) {
    case 'stopped':
      return trans.__(
        'Could not start %1: %2 Your servers show it stopped: start it again.',
        label,
        reason
      );
    case 'unknown':
      return trans.__(
        'Could not start %1: %2 A server may be running on the hub.',
        label,
        reason
      );
    default:
      return trans.__('Could not start %1: %2', label, reason);
  }
}
