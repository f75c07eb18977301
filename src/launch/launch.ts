/**
 * One server start, from the request to a running server (or a failure):
 * `POST /hub/api/start`, then following `status_url` until it runs.
 *
 * No screen here: views listen to `changed` and `progressChanged`.
 */
import { nullTranslator, TranslationBundle } from '@jupyterlab/translation';
import { PromiseDelegate } from '@lumino/coreutils';
import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { HubError, IProgressEvent, StopResult } from '../hub';
import { LaunchError, limitError, requestError, timeoutError } from './errors';
import { follow, StatusOutcome } from './follow';
import {
  ILaunch,
  ILaunchOptions,
  ILaunchResult,
  ILaunchTab,
  IStartArgs,
  LaunchPhase,
  Reuse,
  ReuseKind
} from './types';

/**
 * One server start. Call `run()` once.
 */
export class Launch implements ILaunch, IDisposable {
  constructor(options: ILaunchOptions) {
    this._options = options;
    this._trans =
      options.trans ?? nullTranslator.load('jupyterlab_nfdi_launcher');
    this.label = options.label;
    this.args = options.args ?? {};
    this.tab = options.tab ?? null;
    this.hubHost = new URL(options.client.baseUrl).host;
    const known = options.reuse;
    this._reuse = known && 'server' in known ? known.kind : 'new';
    // Failures reach callers through `done`/`run()`; don't report them as unhandled.
    this._done.promise.catch(() => undefined);
  }

  readonly label: string;
  readonly args: IStartArgs;
  readonly tab: ILaunchTab | null;
  readonly hubHost: string;

  get phase(): LaunchPhase {
    return this._phase;
  }

  get reuse(): ReuseKind {
    return this._reuse;
  }

  get result(): Partial<ILaunchResult> {
    return { ...this._result };
  }

  get error(): LaunchError | null {
    return this._error;
  }

  get isDone(): boolean {
    return this._phase !== 'starting' && this._phase !== 'pending';
  }

  get progress(): IProgressEvent | null {
    return this._progress;
  }

  get progressChanged(): ISignal<this, IProgressEvent> {
    return this._progressChanged;
  }

  get changed(): ISignal<this, LaunchPhase> {
    return this._changed;
  }

  get done(): Promise<ILaunchResult> {
    return this._done.promise;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  /** Start the server and follow it until it runs. */
  run(): Promise<ILaunchResult> {
    if (!this._started) {
      this._started = true;
      this._startedAt = Date.now();
      void this._run();
    }
    return this.done;
  }

  async cancel(): Promise<void> {
    if (this.isDone) {
      return;
    }
    this._cancelled = true;
    this._stopFollowing();
    let hubError: HubError | undefined;
    if (this._result.deleteUrl) {
      try {
        await this._options.client.stop(this._result.deleteUrl);
      } catch (error) {
        hubError = error instanceof HubError ? error : undefined;
      }
    }
    this._finish(
      'cancelled',
      new LaunchError('cancelled', this._trans.__('Cancelled.'), { hubError })
    );
  }

  async stop(): Promise<StopResult> {
    const deleteUrl = this._result.deleteUrl;
    if (!deleteUrl) {
      throw new LaunchError(
        'error',
        this._trans.__('The hub has not accepted this start: nothing to stop.')
      );
    }
    return this._options.client.stop(deleteUrl);
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._stopFollowing();
    Signal.clearData(this);
  }

  private async _run(): Promise<void> {
    const client = this._options.client;
    this._setPhase('starting');
    try {
      const { reuse: known, recheck } = this._options;
      // Without a say from the servers model: a new configuration.
      const reuse = (recheck ? await recheck() : known) ?? { kind: 'new' };
      if (this._cancelled || this._landOn(reuse)) {
        return;
      }
      const started = await client.start(this._options.options);
      if (this._cancelled) {
        // The user cancelled while the request was on its way: undo it.
        await client.stop(started.deleteUrl).catch(() => undefined);
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
      this._setPhase('pending');
      this._follow(started.statusUrl, started.userName, started.serverName);
    } catch (error) {
      if (!this._cancelled) {
        this._fail(error);
      }
    }
  }

  /** Take in what the start amounts to; true if nothing is to be sent. */
  private _landOn(reuse: Reuse): boolean {
    if (reuse.kind === 'full') {
      this._finish('failed', limitError(reuse.limit, this.label, this._trans));
      return true;
    }
    const before = this._reuse;
    this._reuse = reuse.kind;
    if (reuse.kind === 'new') {
      this._result = {};
    } else {
      const { server, userName } = reuse;
      this._result = { name: server.name, userName };
      if (reuse.kind === 'running') {
        this._result = {
          ...this._result,
          ...this._options.client.serverUrls(userName, server.name),
          nextUrl: server.url as string
        };
        this._finish('running');
        return true;
      }
    }
    if (this._reuse !== before) {
      this._changed.emit(this._phase);
    }
    return false;
  }

  private _follow(statusUrl: string, user: string, server: string): void {
    const options = this._options;
    const remaining = options.timeout * 1000 - (Date.now() - this._startedAt);
    const timeout = () => this._finish('timeout', timeoutError(this._trans));
    this._timer = setTimeout(timeout, Math.max(0, remaining));
    this._following = follow(
      {
        client: options.client,
        statusUrl,
        name: server,
        userName: user,
        interval: options.pollInterval ?? { first: 1000, max: 10000 },
        maxTransientErrors: options.maxTransientErrors ?? 5,
        stoppedGrace: (options.stoppedGrace ?? 20) * 1000,
        acceptedAt: Date.now(),
        confirmStopped: options.confirmStopped
      },
      outcome => this._onStatus(outcome),
      event => {
        this._progress = event;
        this._progressChanged.emit(event);
      }
    );
  }

  private _onStatus(outcome: StatusOutcome): void {
    switch (outcome.status) {
      case 'running':
        this._result = {
          ...this._result,
          nextUrl: outcome.nextUrl,
          statusUrl: outcome.statusUrl,
          deleteUrl: outcome.deleteUrl
        };
        this._finish('running');
        return;
      case 'stopped':
        this._finish(
          'failed',
          new LaunchError('stopped', this._trans.__('The server stopped.'), {
            exitCode: outcome.exitCode,
            logs: outcome.logs
          })
        );
        return;
      default:
        this._fail(outcome.error);
    }
  }

  private _fail(error: unknown): void {
    this._finish('failed', requestError(error));
  }

  private _finish(phase: LaunchPhase, error?: LaunchError): void {
    if (this.isDone) {
      return;
    }
    this._stopFollowing();
    this._error = error ?? null;
    this._setPhase(phase);
    if (phase === 'running') {
      this._done.resolve(this._result as ILaunchResult);
    } else {
      this._done.reject(error);
    }
  }

  private _stopFollowing(): void {
    this._following?.dispose();
    this._following = null;
    clearTimeout(this._timer);
  }

  private _setPhase(phase: LaunchPhase): void {
    this._phase = phase;
    this._changed.emit(phase);
  }

  private readonly _options: ILaunchOptions;
  private readonly _trans: TranslationBundle;
  private readonly _changed = new Signal<this, LaunchPhase>(this);
  private readonly _progressChanged = new Signal<this, IProgressEvent>(this);
  private readonly _done = new PromiseDelegate<ILaunchResult>();
  private _progress: IProgressEvent | null = null;
  private _phase: LaunchPhase = 'starting';
  private _reuse: ReuseKind;
  private _result: Partial<ILaunchResult> = {};
  private _error: LaunchError | null = null;
  private _following: IDisposable | null = null;
  private _timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private _started = false;
  private _cancelled = false;
  private _isDisposed = false;
  private _startedAt = 0;
}
