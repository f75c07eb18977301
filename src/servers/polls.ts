/**
 * When the servers model asks the hub: often while a view shows the list,
 * slowly while servers run in the background, never otherwise.
 */
import { IDisposable } from '@lumino/disposable';
import { Poll } from '@lumino/polling';

/**
 * The two polls of the servers model.
 */
export class ServerPolls implements IDisposable {
  /**
   * @param refresh - one refresh of the list (rejects when it failed)
   * @param options.refreshInterval - ms between refreshes while active (5 s)
   * @param options.watchInterval - ms between background refreshes (60 s)
   */
  constructor(
    refresh: () => Promise<void>,
    options: { refreshInterval?: number; watchInterval?: number } = {}
  ) {
    this._watchInterval = options.watchInterval ?? 60 * 1000;
    this._fast = new Poll({
      name: 'jupyterlab-nfdi-launcher:servers',
      factory: refresh,
      frequency: {
        interval: options.refreshInterval ?? 5000,
        backoff: true,
        max: 60 * 1000
      },
      standby: () => !this._active || 'when-hidden',
      auto: false
    });
    this._slow = new Poll({
      name: 'jupyterlab-nfdi-launcher:servers-watch',
      factory: refresh,
      frequency: {
        interval: this._watchInterval,
        backoff: true,
        max: 10 * 60 * 1000
      },
      // The fast poll covers an active model.
      standby: () => this._active || 'when-hidden',
      auto: false
    });
  }

  /** Refresh often (a view shows the list); refreshes at once when set. */
  get active(): boolean {
    return this._active;
  }
  set active(value: boolean) {
    if (value === this._active) {
      return;
    }
    this._active = value;
    if (value) {
      void this._fast.start().then(() => this._fast.refresh());
    } else {
      void this._fast.stop();
    }
  }

  /** Refresh slowly in the background; the first one a full interval later. */
  get watching(): boolean {
    return this._watching;
  }
  set watching(value: boolean) {
    if (value === this._watching) {
      return;
    }
    this._watching = value;
    if (value) {
      void this._slow.schedule({
        cancel: ({ phase }) =>
          phase !== 'constructed' && phase !== 'standby' && phase !== 'stopped',
        interval: this._watchInterval,
        phase: 'started'
      });
    } else {
      void this._slow.stop();
    }
  }

  /** Refresh on the active poll now (e.g. after the hub changed). */
  refreshActive(): void {
    if (this._active) {
      void this._fast.refresh();
    }
  }

  get isDisposed(): boolean {
    return this._fast.isDisposed;
  }

  dispose(): void {
    this._fast.dispose();
    this._slow.dispose();
  }

  private readonly _fast: Poll;
  private readonly _slow: Poll;
  private readonly _watchInterval: number;
  private _active = false;
  private _watching = false;
}
