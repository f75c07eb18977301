/**
 * The launches in flight, with a guard against starting the same thing twice.
 */
import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { HubClient, IUserOptions } from '../hub';
import { ILaunchResult, Launch } from './launch';

/**
 * What a launch request says.
 */
export interface ILaunchRequest {
  /**
   * What makes two requests the same (e.g. the preset title, or the
   * options as JSON): a request with the key of a launch in flight gets
   * that launch instead of a new one.
   */
  key: string;
  /** What the user calls it. */
  label: string;
  /** User options to send. */
  options: IUserOptions;
}

/**
 * Keeps the launches in flight.
 */
export class LaunchManager implements IDisposable {
  constructor(options: {
    /** Seconds a launch may take (read at each launch). */
    timeout: () => number;
    /** Extra launch options, for tests. */
    launchOptions?: Partial<
      Pick<
        ConstructorParameters<typeof Launch>[0],
        'stoppedGrace' | 'pollInterval' | 'maxTransientErrors'
      >
    >;
  }) {
    this._timeout = options.timeout;
    this._launchOptions = options.launchOptions ?? {};
  }

  /** The launches in flight. */
  get launches(): ReadonlyArray<Launch> {
    return Array.from(this._inFlight.values());
  }

  /** Emitted when a launch is added, changes phase, or ends. */
  get changed(): ISignal<this, Launch> {
    return this._changed;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** The launch in flight for a key, if any. */
  find(key: string): Launch | undefined {
    return this._inFlight.get(key);
  }

  /**
   * Start a launch, or return the one in flight for the same key
   * (`isNew` says which).
   */
  launch(
    client: HubClient,
    request: ILaunchRequest
  ): { launch: Launch; isNew: boolean } {
    const existing = this._inFlight.get(request.key);
    if (existing) {
      return { launch: existing, isNew: false };
    }
    const launch = new Launch({
      ...this._launchOptions,
      client,
      options: request.options,
      label: request.label,
      timeout: this._timeout()
    });
    this._inFlight.set(request.key, launch);
    launch.changed.connect(this._onLaunchChanged, this);
    void launch.run().catch(() => undefined);
    this._changed.emit(launch);
    return { launch, isNew: true };
  }

  /** Cancel every launch in flight and forget them. */
  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    for (const launch of this._inFlight.values()) {
      launch.dispose();
    }
    this._inFlight.clear();
    Signal.clearData(this);
  }

  private _onLaunchChanged(launch: Launch): void {
    if (launch.isDone) {
      for (const [key, value] of this._inFlight) {
        if (value === launch) {
          this._inFlight.delete(key);
        }
      }
      launch.changed.disconnect(this._onLaunchChanged, this);
    }
    this._changed.emit(launch);
  }

  private readonly _timeout: () => number;
  private readonly _launchOptions: Record<string, unknown>;
  private readonly _inFlight = new Map<string, Launch>();
  private readonly _changed = new Signal<this, Launch>(this);
  private _isDisposed = false;
}

export type { ILaunchResult };
