/**
 * Following a server the hub accepted: its `status_url` until it runs or
 * stops, and its progress stream for what to show meanwhile.
 */
import { IDisposable } from '@lumino/disposable';
import { IPoll, Poll } from '@lumino/polling';

import { HubError, IHubClient, IProgressEvent, ServerStatus } from '../hub';

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
   * Milliseconds after `acceptedAt` during which a bare `stopped` (no exit
   * code, no logs) is taken as "not started yet": Jupyter4NFDI briefly
   * answers so right after a 202.
   */
  stoppedGrace: number;
  /** When the hub accepted the start (ms since the epoch). */
  acceptedAt: number;
}

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
    const { client, statusUrl, interval } = options;
    this._poll = new Poll<ServerStatus, HubError>({
      name: `jupyterlab-nfdi-launcher:launch:${options.name}`,
      factory: () => client.status(statusUrl),
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
    if (this.isDisposed) {
      return;
    }
    if (state.phase === 'rejected') {
      const error = state.payload;
      this._transientErrors += 1;
      if (
        !(error instanceof HubError) ||
        !TRANSIENT.includes(error.kind) ||
        this._transientErrors > this._options.maxTransientErrors
      ) {
        this._end({ status: 'error', error });
      }
      return;
    }
    // After a rejected tick, a success is 'reconnected'.
    if (
      (state.phase !== 'resolved' && state.phase !== 'reconnected') ||
      !state.payload
    ) {
      return;
    }
    this._transientErrors = 0;
    const status = state.payload;
    if (status.status === 'running') {
      this._end(status);
      return;
    }
    if (status.status === 'stopped') {
      const bare = status.exitCode === null && status.logs.length === 0;
      const early =
        Date.now() - this._options.acceptedAt < this._options.stoppedGrace;
      if (!(bare && early)) {
        this._end(status);
        return;
      }
    }
    // Still starting: ask less often as time goes by, within bounds.
    const frequency = poll.frequency;
    const next = Math.min(
      this._options.interval.max,
      Math.round(frequency.interval * 1.5)
    );
    if (next !== frequency.interval) {
      poll.frequency = { ...frequency, interval: next };
    }
  }

  private _end(outcome: StatusOutcome): void {
    this.dispose();
    this._onEnd(outcome);
  }

  private readonly _options: IStatusWatchOptions;
  private readonly _onEnd: (outcome: StatusOutcome) => void;
  private readonly _poll: Poll<ServerStatus, HubError>;
  private _transientErrors = 0;
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
