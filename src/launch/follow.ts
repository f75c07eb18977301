/**
 * Following a server the hub accepted: its `status_url` until it runs or
 * stops, and its progress stream for what to show meanwhile.
 */
import { DisposableDelegate, IDisposable } from '@lumino/disposable';
import { IPoll, Poll } from '@lumino/polling';

import { HubError, IHubClient, IProgressEvent, ServerStatus } from '../hub';
import type { IConfirmStopped } from './types';

/** Errors worth asking again after: the next check may well succeed. */
const TRANSIENT: ReadonlyArray<HubError['kind']> = [
  'network',
  'hub',
  'rate-limited'
];

/**
 * How to follow a status URL.
 */
export interface IStatusWatchOptions {
  client: IHubClient;
  statusUrl: string;
  /** The server's name, for the poll's name. */
  name: string;
  /** First and longest interval between status checks, in ms. */
  interval: { first: number; max: number };
  /** Consecutive failed checks tolerated for transient errors. */
  maxTransientErrors: number;
  /**
   * Milliseconds after `acceptedAt` during which a `stopped` is not believed
   * until it holds (see `confirmStopped`): right after a start, Jupyter4NFDI
   * can answer `stopped` with the configuration's previous exit code (0 for
   * a reused one that ended cleanly, `null` for a new one) before its spawn
   * begins.
   */
  stoppedGrace: number;
  /** When the hub accepted the start (ms since the epoch). */
  acceptedAt: number;
  /**
   * When a `stopped` within the grace counts: `checks` consecutive answers
   * with the same exit code and logs, spanning at least `span` ms, asked
   * every `interval` ms (default: 3 checks, 2000 ms, 1000 ms).
   */
  confirmStopped?: Partial<IConfirmStopped>;
}

/** The default confirmation of an early `stopped`. */
export const CONFIRM_STOPPED: IConfirmStopped = {
  checks: 3,
  span: 2000,
  interval: 1000
};

/**
 * What ends a watch: the server runs, it stopped, or asking failed.
 */
export type StatusOutcome =
  | Extract<ServerStatus, { status: 'running' }>
  | Extract<ServerStatus, { status: 'stopped' }>
  | { status: 'error'; error: unknown };

/**
 * Asks the hub for a server's state, ever less often, until it runs or stops.
 * Calls `onEnd` once.
 */
export class StatusWatch implements IDisposable {
  constructor(
    options: IStatusWatchOptions,
    onEnd: (outcome: StatusOutcome) => void
  ) {
    this._options = options;
    this._onEnd = onEnd;
    this._confirm = { ...CONFIRM_STOPPED, ...options.confirmStopped };
    const { client, statusUrl, interval } = options;
    this._poll = new Poll<ServerStatus, HubError>({
      name: `jupyterlab-nfdi-launcher:launch:${options.name}`,
      // Each answer is judged before the poll schedules the next check, so
      // the interval set here applies to the very next one.
      factory: async () => {
        const status = await client.status(statusUrl);
        this._onStatus(status);
        return status;
      },
      frequency: { interval: interval.first, backoff: true, max: interval.max },
      // The user is usually looking at the new tab while this runs.
      standby: 'never',
      auto: false
    });
    this._poll.ticked.connect(this._onTick, this);
    // The first check comes after the first interval, not at once.
    void this._poll.schedule({ interval: interval.first, phase: 'started' });
  }

  get isDisposed(): boolean {
    return this._poll.isDisposed;
  }

  dispose(): void {
    this._poll.dispose();
  }

  private _onTick(
    poll: Poll<ServerStatus, HubError>,
    state: IPoll.State<ServerStatus, HubError, 'standby'>
  ): void {
    if (this.isDisposed || state.phase !== 'rejected') {
      return;
    }
    const error = state.payload;
    this._transientErrors += 1;
    if (
      !(error instanceof HubError) ||
      !TRANSIENT.includes(error.kind) ||
      this._transientErrors > this._options.maxTransientErrors
    ) {
      this._end({ status: 'error', error });
    }
  }

  /** Judge one answer: end the watch, or set when to ask next. */
  private _onStatus(status: ServerStatus): void {
    if (this.isDisposed) {
      return;
    }
    this._transientErrors = 0;
    if (status.status === 'running') {
      this._end(status);
      return;
    }
    if (status.status === 'stopped') {
      const now = Date.now();
      if (now - this._options.acceptedAt >= this._options.stoppedGrace) {
        this._end(status);
        return;
      }
      // Early: believe it only once the same answer has held for a while.
      const content = JSON.stringify([status.exitCode, status.logs]);
      const seen = this._stopped;
      if (seen && seen.content === content) {
        seen.count += 1;
      } else {
        this._stopped = { content, count: 1, since: now };
      }
      const held = this._stopped!;
      if (
        held.count >= this._confirm.checks &&
        now - held.since >= this._confirm.span
      ) {
        this._end(status);
        return;
      }
      this._setInterval(
        Math.min(this._confirm.interval, this._options.interval.max)
      );
      return;
    }
    // Still starting: ask less often as time goes by, within bounds.
    const wasStopped = this._stopped !== null;
    this._stopped = null;
    const current = this._poll.frequency.interval;
    this._setInterval(
      wasStopped
        ? Math.max(current, this._options.interval.first)
        : Math.min(this._options.interval.max, Math.round(current * 1.5))
    );
  }

  private _setInterval(interval: number): void {
    const frequency = this._poll.frequency;
    if (interval !== frequency.interval) {
      this._poll.frequency = { ...frequency, interval };
    }
  }

  private _end(outcome: StatusOutcome): void {
    this.dispose();
    this._onEnd(outcome);
  }

  private readonly _options: IStatusWatchOptions;
  private readonly _onEnd: (outcome: StatusOutcome) => void;
  private readonly _poll: Poll<ServerStatus, HubError>;
  private readonly _confirm: IConfirmStopped;
  private _transientErrors = 0;
  /** The early `stopped` being confirmed: its content, how often, since when. */
  private _stopped: { content: string; count: number; since: number } | null =
    null;
}

/**
 * Pass on what the hub says while a server starts, until `signal` aborts.
 * A nicety: a hub without the progress stream (or a CORS rule without it)
 * just shows no details.
 */
export async function watchProgress(
  client: IHubClient,
  userName: string,
  serverName: string,
  signal: AbortSignal,
  onEvent: (event: IProgressEvent) => void
): Promise<void> {
  try {
    for await (const event of client.progress(userName, serverName, signal)) {
      if (signal.aborted) {
        return;
      }
      if (event.message || event.progress !== null) {
        onEvent(event);
      }
    }
  } catch {
    // No stream here: no details.
  }
}

/**
 * Follow an accepted start: its status until it runs or stops (`onEnd`,
 * once) and what the hub says meanwhile (`onProgress`). Dispose to stop.
 */
export function follow(
  options: IStatusWatchOptions & { userName: string },
  onEnd: (outcome: StatusOutcome) => void,
  onProgress: (event: IProgressEvent) => void
): IDisposable {
  const watch = new StatusWatch(options, onEnd);
  const abort = new AbortController();
  void watchProgress(
    options.client,
    options.userName,
    options.name,
    abort.signal,
    onProgress
  );
  return new DisposableDelegate(() => {
    abort.abort();
    watch.dispose();
  });
}
