/**
 * Asking a server's `status_url` until it runs or stops: at once when the
 * progress stream hints at a change, else polled as a fallback: rarely while
 * the stream is alive, often enough without one that a start is never more
 * than the poll's ceiling late.
 */
import { IDisposable } from '@lumino/disposable';
import { Poll } from '@lumino/polling';

import { HubError, IHubClient, ServerStatus } from '../hub';
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
  /**
   * First and longest interval between status checks while no progress
   * stream is alive, in ms.
   */
  interval: { first: number; max: number };
  /**
   * Interval between status checks while the progress stream is alive, in
   * ms (default: 10000): a few confirmations per start.
   */
  streamInterval?: number;
  /**
   * Intervals of the quick checks after a hint from the stream while the
   * status still says pending, in ms (default: 100, 250, 500): the hub's
   * stream and its status may disagree for a moment.
   */
  quickChecks?: ReadonlyArray<number>;
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

/** The default interval between status checks while the stream is alive. */
export const STREAM_INTERVAL = 10000;

/** The default quick checks after a hint. */
export const QUICK_CHECKS: ReadonlyArray<number> = [100, 250, 500];

/**
 * What ends a watch: the server runs, it stopped, or asking failed.
 */
export type StatusOutcome =
  | Extract<ServerStatus, { status: 'running' }>
  | Extract<ServerStatus, { status: 'stopped' }>
  | { status: 'error'; error: unknown };

/**
 * Asks the hub for a server's state until it runs or stops: at once when
 * told to (`check`), else at the pace set by `setStreamAlive`. Calls `onEnd`
 * once.
 */
export class StatusWatch implements IDisposable {
  constructor(
    options: IStatusWatchOptions,
    onEnd: (outcome: StatusOutcome) => void
  ) {
    this._options = options;
    this._onEnd = onEnd;
    this._confirm = { ...CONFIRM_STOPPED, ...options.confirmStopped };
    this._streamInterval = options.streamInterval ?? STREAM_INTERVAL;
    this._quickChecks = options.quickChecks ?? QUICK_CHECKS;
    const { client, statusUrl, interval } = options;
    this._fallback = interval.first;
    this._poll = new Poll<ServerStatus | null>({
      name: `jupyterlab-nfdi-launcher:launch:${options.name}`,
      // Each answer (or failure) is judged before the poll schedules the
      // next check, so the interval set here applies to the very next one.
      factory: async () => {
        this._asking = true;
        let status: ServerStatus;
        try {
          status = await client.status(statusUrl);
        } catch (error) {
          this._asking = false;
          this._onError(error);
          return null;
        }
        this._asking = false;
        this._onStatus(status);
        return status;
      },
      frequency: {
        interval: interval.first,
        backoff: false,
        max: Math.max(interval.max, this._streamInterval)
      },
      // The user is usually looking at the new tab while this runs.
      standby: 'never',
      auto: false
    });
    // The first check comes after the first interval, not at once.
    void this._poll.schedule({ interval: interval.first, phase: 'started' });
  }

  get isDisposed(): boolean {
    return this._poll.isDisposed;
  }

  dispose(): void {
    this._poll.dispose();
  }

  /**
   * Ask at once (the stream hinted at a change), then quickly a few times
   * while the answer is still pending. A check on its way counts as the
   * first: its answer is followed by the quick ones.
   */
  check(): void {
    if (this.isDisposed) {
      return;
    }
    this._quick = [...this._quickChecks];
    if (!this._asking) {
      void this._poll.schedule({
        interval: Poll.IMMEDIATE,
        phase: 'refreshed'
      });
    }
  }

  /**
   * Set the pace: rare checks while the progress stream is alive, the
   * fallback's otherwise.
   */
  setStreamAlive(alive: boolean): void {
    if (this.isDisposed || alive === this._streamAlive) {
      return;
    }
    this._streamAlive = alive;
    this._fallback = this._options.interval.first;
    if (this._asking || this._quick.length || this._stopped) {
      return; // The next answer sets when to ask again.
    }
    const interval = alive ? this._streamInterval : this._fallback;
    this._setInterval(interval);
    void this._poll.schedule({ interval, phase: 'refreshed' });
  }

  /** Judge a failed check: end the watch, or set when to ask again. */
  private _onError(error: unknown): void {
    if (this.isDisposed) {
      return;
    }
    this._transientErrors += 1;
    if (
      !(error instanceof HubError) ||
      !TRANSIENT.includes(error.kind) ||
      this._transientErrors > this._options.maxTransientErrors
    ) {
      this._end({ status: 'error', error });
      return;
    }
    // Less often after each failure in a row, whatever the pace was.
    const first = this._options.interval.first;
    this._setInterval(
      Math.min(
        Math.max(first, this._streamInterval),
        first * 2 ** (this._transientErrors - 1)
      )
    );
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
    this._stopped = null;
    this._setInterval(this._nextPending());
  }

  /** When to ask again after a pending answer. */
  private _nextPending(): number {
    const quick = this._quick.shift();
    if (quick !== undefined) {
      return quick;
    }
    if (this._streamAlive) {
      return this._streamInterval;
    }
    // No stream: ask less often as time goes by, up to the ceiling.
    const { max } = this._options.interval;
    this._fallback = Math.min(max, Math.round(this._fallback * 1.5));
    return this._fallback;
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
  private readonly _poll: Poll<ServerStatus | null>;
  private readonly _confirm: IConfirmStopped;
  private readonly _streamInterval: number;
  private readonly _quickChecks: ReadonlyArray<number>;
  private _transientErrors = 0;
  /** Whether a status request is on its way. */
  private _asking = false;
  private _streamAlive = false;
  /** The quick checks left after the latest hint. */
  private _quick: number[] = [];
  /** The latest interval of the fallback pace. */
  private _fallback: number;
  /** The early `stopped` being confirmed: its content, how often, since when. */
  private _stopped: { content: string; count: number; since: number } | null =
    null;
}
