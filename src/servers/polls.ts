/**
 * When the servers model asks the hub for the list.
 *
 * The cadence (every other request to the hub follows a user's action, a
 * launch, or a temporary server's end):
 *
 * | a view shows the list | something starts/stops | the list is asked     |
 * | --------------------- | ---------------------- | --------------------- |
 * | yes                   | yes                    | every 5 s (`fast`)    |
 * | yes                   | no                     | every 30 s (`slow`)   |
 * | no                    | yes                    | every 5 s (`fast`)    |
 * | no                    | no                     | never                 |
 *
 * "Something starts/stops" is one of the user's servers (other than this
 * JupyterLab's) listed with a pending spawn or stop: the status bar and the
 * running panel show those, and learn that they are done only from the list.
 * Servers that merely run need no requests: their time left is counted
 * down from the list already loaded. A view becoming visible asks at once.
 * While the browser tab is hidden, nothing is asked (`when-hidden`); after
 * a failure the interval grows up to 5 minutes.
 */
import { IDisposable } from '@lumino/disposable';
import { IPoll, Poll } from '@lumino/polling';

/** ms between refreshes while something starts or stops. */
export const FAST_INTERVAL = 5 * 1000;

/** ms between refreshes of a visible list while nothing starts or stops. */
export const SLOW_INTERVAL = 30 * 1000;

/** The longest wait after failures (ms). */
const MAX_INTERVAL = 5 * 60 * 1000;

/**
 * The poll of the servers model.
 */
export class ServerPolls implements IDisposable {
  /**
   * @param refresh - one refresh of the list (rejects when it failed)
   * @param options.refreshInterval - ms between refreshes while busy (5 s)
   * @param options.idleInterval - ms between refreshes while only active (30 s)
   */
  constructor(
    refresh: () => Promise<void>,
    options: { refreshInterval?: number; idleInterval?: number } = {}
  ) {
    this._fast = options.refreshInterval ?? FAST_INTERVAL;
    this._slow = options.idleInterval ?? SLOW_INTERVAL;
    this._poll = new Poll({
      name: 'jupyterlab-nfdi-launcher:servers',
      factory: refresh,
      frequency: this._frequency(),
      standby: 'when-hidden',
      auto: false
    });
  }

  /** A view shows the list: refresh at least slowly, and at once when set. */
  get active(): boolean {
    return this._active;
  }
  set active(value: boolean) {
    if (value === this._active) {
      return;
    }
    this._active = value;
    this._update(value);
  }

  /** Something starts or stops: refresh often, whether or not active. */
  get busy(): boolean {
    return this._busy;
  }
  set busy(value: boolean) {
    if (value === this._busy) {
      return;
    }
    this._busy = value;
    this._update(false);
  }

  /** Refresh now if active (e.g. after the hub changed). */
  refreshActive(): void {
    if (this._active) {
      void this._poll.refresh();
    }
  }

  get isDisposed(): boolean {
    return this._poll.isDisposed;
  }

  dispose(): void {
    this._poll.dispose();
  }

  private _frequency(): IPoll.Frequency {
    return {
      interval: this._busy ? this._fast : this._slow,
      backoff: true,
      max: Math.max(MAX_INTERVAL, this._slow)
    };
  }

  /** Run, re-time or stop the poll; `now`: refresh at once. */
  private _update(now: boolean): void {
    const poll = this._poll;
    if (!this._active && !this._busy) {
      void poll.stop();
      return;
    }
    poll.frequency = this._frequency();
    if (now) {
      void poll.refresh();
    } else {
      // The list was just read (that is how a change of cadence is known):
      // the next refresh is one interval from now.
      void poll.schedule({
        interval: poll.frequency.interval,
        phase: 'resolved'
      });
    }
  }

  private readonly _poll: Poll;
  private readonly _fast: number;
  private readonly _slow: number;
  private _active = false;
  private _busy = false;
}
