/**
 * One server start, from the request to a running server (or a failure):
 * `POST /hub/api/start`, then following `status_url` until it runs.
 *
 * No DOM here: the browser tab and notifications are driven by whoever
 * listens to `changed`.
 */
import { PromiseDelegate } from '@lumino/coreutils';
import { IDisposable } from '@lumino/disposable';
import { IPoll, Poll } from '@lumino/polling';
import { ISignal, Signal } from '@lumino/signaling';

import {
  HubClient,
  HubError,
  IProgressEvent,
  IUserOptions,
  ServerStatus
} from '../hub';

/**
 * Where a launch is.
 *
 * - `starting`: the start request is on its way;
 * - `pending`: the hub accepted it and the server is starting;
 * - `running`: done, `result` is complete;
 * - `failed`: the server stopped, the hub refused, or something broke;
 * - `timeout`: the server did not run within the start timeout (it may still);
 * - `cancelled`: the user cancelled; the server was stopped on the hub.
 */
export type LaunchPhase =
  'starting' | 'pending' | 'running' | 'failed' | 'timeout' | 'cancelled';

/**
 * What a successful launch resolves with.
 */
export interface ILaunchResult {
  /** The server's name on the hub. */
  name: string;
  /** The user it belongs to. */
  userName: string;
  /** Where the running server is. */
  nextUrl: string;
  /** Where to ask for its state. */
  statusUrl: string;
  /** Where to stop or remove it. */
  deleteUrl: string;
}

/**
 * Why a launch did not end with a running server.
 */
export class LaunchError extends Error {
  constructor(
    reason: 'stopped' | 'timeout' | 'cancelled' | 'error',
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

  /** `stopped`: the server ended; `error`: a request failed (see `hubError`). */
  readonly reason: 'stopped' | 'timeout' | 'cancelled' | 'error';
  /** Exit code of a stopped server, if the hub knows it. */
  readonly exitCode: number | null;
  /** Last log lines of a stopped server. */
  readonly logs: string[];
  /** The hub error behind an `error`. */
  readonly hubError: HubError | null;
}

/**
 * How to run a launch.
 */
export interface ILaunchOptions {
  /** The client for the hub. */
  client: HubClient;
  /** User options (merged over the client's defaults by the client). */
  options: IUserOptions;
  /** What the user calls this launch (preset title or server name). */
  label: string;
  /** Seconds to wait for the server to run. */
  timeout: number;
  /**
   * Seconds after the hub accepted the start during which a bare `stopped`
   * (no exit code, no logs) is taken as "not started yet": Jupyter4NFDI
   * briefly answers so right after a 202.
   */
  stoppedGrace?: number;
  /** First and longest interval between status checks, in ms. */
  pollInterval?: { first: number; max: number };
  /** Consecutive failed status checks tolerated for transient errors. */
  maxTransientErrors?: number;
}

const TRANSIENT: ReadonlyArray<HubError['kind']> = [
  'network',
  'hub',
  'rate-limited'
];

/**
 * One server start. Call `run()` once.
 */
export class Launch implements IDisposable {
  constructor(options: ILaunchOptions) {
    this._client = options.client;
    this.options = options.options;
    this.label = options.label;
    this._timeout = options.timeout * 1000;
    this._stoppedGrace = (options.stoppedGrace ?? 20) * 1000;
    this._interval = options.pollInterval ?? { first: 1000, max: 10000 };
    this._maxTransient = options.maxTransientErrors ?? 5;
    // Failures reach callers through `done`/`run()`; don't report them as unhandled.
    this._done.promise.catch(() => undefined);
  }

  /** The options this launch sends. */
  readonly options: IUserOptions;

  /** What the user calls it. */
  readonly label: string;

  /** Where it is. */
  get phase(): LaunchPhase {
    return this._phase;
  }

  /** What is known so far about the server (name and URLs once accepted). */
  get result(): Partial<ILaunchResult> {
    return { ...this._result };
  }

  /** Why it failed, once it did. */
  get error(): LaunchError | null {
    return this._error;
  }

  /** Whether it has ended (running, failed, timeout or cancelled). */
  get isDone(): boolean {
    return this._phase !== 'starting' && this._phase !== 'pending';
  }

  /** The latest progress the hub reported while the server starts. */
  get progress(): IProgressEvent | null {
    return this._progress;
  }

  /** Emitted when the hub reports progress. */
  get progressChanged(): ISignal<this, IProgressEvent> {
    return this._progressChanged;
  }

  /** Emitted on every phase change. */
  get changed(): ISignal<this, LaunchPhase> {
    return this._changed;
  }

  /** Settles when the launch ends: the running server, or a `LaunchError`. */
  get done(): Promise<ILaunchResult> {
    return this._done.promise;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /**
   * Start the server and follow it until it runs.
   */
  run(): Promise<ILaunchResult> {
    if (!this._started) {
      this._started = true;
      this._startedAt = Date.now();
      void this._run();
    }
    return this.done;
  }

  /**
   * Cancel: stop following, and stop the server on the hub if it was
   * accepted. Resolves once the hub has been asked.
   */
  async cancel(): Promise<void> {
    if (this.isDone) {
      return;
    }
    this._cancelled = true;
    this._poll?.dispose();
    const deleteUrl = this._result.deleteUrl;
    let hubError: HubError | undefined;
    if (deleteUrl) {
      try {
        await this._client.stop(deleteUrl);
      } catch (error) {
        hubError = error instanceof HubError ? error : undefined;
      }
    }
    this._finish(
      'cancelled',
      new LaunchError('cancelled', 'Cancelled.', { hubError })
    );
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._progressAbort?.abort();
    this._poll?.dispose();
    clearTimeout(this._timer);
    Signal.clearData(this);
  }

  private async _run(): Promise<void> {
    this._setPhase('starting');
    try {
      const started = await this._client.start(this.options);
      if (this._cancelled) {
        // The user cancelled while the request was on its way: undo it.
        await this._client.stop(started.deleteUrl).catch(() => undefined);
        return;
      }
      this._result = {
        name: started.serverName,
        userName: started.userName,
        statusUrl: started.statusUrl,
        deleteUrl: started.deleteUrl
      };
      if (started.status === 'running' && started.nextUrl) {
        this._result.nextUrl = started.nextUrl;
        this._finish('running');
        return;
      }
      this._acceptedAt = Date.now();
      this._setPhase('pending');
      this._follow(started.statusUrl);
      void this._watchProgress(started.userName, started.serverName);
    } catch (error) {
      if (!this._cancelled) {
        this._fail(error);
      }
    }
  }

  private _follow(statusUrl: string): void {
    const remaining = Math.max(
      0,
      this._timeout - (Date.now() - this._startedAt)
    );
    this._timer = setTimeout(() => this._onTimeout(), remaining);
    this._poll = new Poll<ServerStatus, HubError>({
      name: `jupyterlab-nfdi-launcher:launch:${this._result.name}`,
      factory: () => this._client.status(statusUrl),
      frequency: {
        interval: this._interval.first,
        backoff: true,
        max: this._interval.max
      },
      // The user is usually looking at the new tab while this runs.
      standby: 'never',
      auto: false
    });
    this._poll.ticked.connect(this._onTick, this);
    // The first check comes after the first interval, not at once.
    void this._poll.schedule({
      interval: this._interval.first,
      phase: 'started'
    });
  }

  private _onTick(
    poll: Poll<ServerStatus, HubError>,
    state: IPoll.State<ServerStatus, HubError, 'standby'>
  ): void {
    if (this.isDone) {
      return;
    }
    if (state.phase === 'rejected') {
      const error = state.payload;
      this._transientErrors += 1;
      if (
        !(error instanceof HubError) ||
        !TRANSIENT.includes(error.kind) ||
        this._transientErrors > this._maxTransient
      ) {
        this._fail(error);
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
      this._result = {
        ...this._result,
        nextUrl: status.nextUrl,
        statusUrl: status.statusUrl,
        deleteUrl: status.deleteUrl
      };
      this._finish('running');
      return;
    }
    if (status.status === 'stopped') {
      const bare = status.exitCode === null && status.logs.length === 0;
      if (!(bare && Date.now() - this._acceptedAt < this._stoppedGrace)) {
        this._finish(
          'failed',
          new LaunchError('stopped', 'The server stopped.', {
            exitCode: status.exitCode,
            logs: status.logs
          })
        );
        return;
      }
    }
    // Still starting: ask less often as time goes by, within bounds.
    const frequency = poll.frequency;
    const next = Math.min(
      this._interval.max,
      Math.round(frequency.interval * 1.5)
    );
    if (next !== frequency.interval) {
      poll.frequency = { ...frequency, interval: next };
    }
  }

  /**
   * Show what the hub says while the server starts. A nicety: the status
   * checks decide, so a hub without the progress stream changes nothing.
   */
  private async _watchProgress(
    userName: string,
    serverName: string
  ): Promise<void> {
    if (typeof AbortController === 'undefined') {
      return;
    }
    this._progressAbort = new AbortController();
    try {
      for await (const event of this._client.progress(
        userName,
        serverName,
        this._progressAbort.signal
      )) {
        if (this.isDone) {
          return;
        }
        if (event.message || event.progress !== null) {
          this._progress = event;
          this._progressChanged.emit(event);
        }
      }
    } catch {
      // No stream here (another hub, a CORS rule without it): no details.
    }
  }

  private _onTimeout(): void {
    if (this.isDone) {
      return;
    }
    this._finish(
      'timeout',
      new LaunchError('timeout', 'The server did not start in time.')
    );
  }

  private _fail(error: unknown): void {
    const hubError =
      error instanceof HubError
        ? error
        : new HubError('bad-response', String(error));
    this._finish(
      'failed',
      new LaunchError('error', hubError.message, { hubError })
    );
  }

  private _finish(phase: LaunchPhase, error?: LaunchError): void {
    if (this.isDone) {
      return;
    }
    this._progressAbort?.abort();
    this._poll?.dispose();
    this._poll = null;
    clearTimeout(this._timer);
    this._error = error ?? null;
    this._setPhase(phase);
    if (phase === 'running') {
      this._done.resolve(this._result as ILaunchResult);
    } else {
      this._done.reject(error);
    }
  }

  private _setPhase(phase: LaunchPhase): void {
    this._phase = phase;
    this._changed.emit(phase);
  }

  private readonly _client: HubClient;
  private readonly _timeout: number;
  private readonly _stoppedGrace: number;
  private readonly _interval: { first: number; max: number };
  private readonly _maxTransient: number;
  private readonly _changed = new Signal<this, LaunchPhase>(this);
  private readonly _progressChanged = new Signal<this, IProgressEvent>(this);
  private _progress: IProgressEvent | null = null;
  private _progressAbort: AbortController | null = null;
  private readonly _done = new PromiseDelegate<ILaunchResult>();
  private _phase: LaunchPhase = 'starting';
  private _result: Partial<ILaunchResult> = {};
  private _error: LaunchError | null = null;
  private _poll: Poll<ServerStatus, HubError> | null = null;
  private _timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private _started = false;
  private _cancelled = false;
  private _isDisposed = false;
  private _startedAt = 0;
  private _acceptedAt = 0;
  private _transientErrors = 0;
}
