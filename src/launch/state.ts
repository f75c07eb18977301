/**
 * What a launch is at any moment: its phase, what is known of the server,
 * how it ended, and the signals views listen to. How it gets there is
 * `Launch`'s (see `launch.ts`).
 */
import { nullTranslator, TranslationBundle } from '@jupyterlab/translation';
import { PromiseDelegate } from '@lumino/coreutils';
import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { IProgressEvent, StopResult } from '../hub';
import { LaunchError } from './errors';
import {
  ILaunch,
  ILaunchOptions,
  ILaunchResult,
  ILaunchTab,
  IStartArgs,
  LaunchPhase,
  ReuseKind
} from './types';

/**
 * A launch's state and signals; subclasses move it along.
 */
export abstract class LaunchState implements ILaunch, IDisposable {
  constructor(options: ILaunchOptions) {
    this._trans =
      options.trans ?? nullTranslator.load('jupyterlab_nfdi_launcher');
    this.label = options.label;
    this.args = options.args ?? {};
    this._tab = options.tab ?? null;
    this.hubUrl = options.client.baseUrl;
    this.hubHost = new URL(this.hubUrl).host;
    this.tokenPageUrl = options.client.tokenPageUrl;
    const known = options.reuse;
    this._reuse = known && 'server' in known ? known.kind : 'new';
    // Failures reach callers through `done`/`run()`; don't report them as unhandled.
    this._done.promise.catch(() => undefined);
  }

  readonly label: string;
  readonly args: IStartArgs;
  readonly hubHost: string;
  readonly hubUrl: string;
  readonly tokenPageUrl: string;

  get tab(): ILaunchTab | null {
    return this._tab;
  }

  /**
   * Hand over the tab to land in, opened after the launch began (its start
   * request may be on its way or answered). Refused (false) once the launch
   * is done, or when it has a tab already.
   */
  attachTab(tab: ILaunchTab | null): boolean {
    if (this.isDone || this._isDisposed) {
      return false;
    }
    const attached = tab !== null && !this._tab;
    if (attached) {
      this._tab = tab;
    }
    // Views hear of the launch (and its tab) now.
    this._emitChanged();
    return attached;
  }

  get recovered(): boolean {
    return this._recovered;
  }

  get retryAt(): number | null {
    return this._retryAt;
  }

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

  abstract cancel(): Promise<void>;

  abstract stop(): Promise<StopResult>;

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._stopWork();
    this._retryAt = null;
    Signal.clearData(this);
  }

  /** Stop whatever runs in the background (polls, timers). */
  protected abstract _stopWork(): void;

  /** End the launch (once): resolve or reject `done`. */
  protected _finish(phase: LaunchPhase, error?: LaunchError): void {
    if (this.isDone) {
      return;
    }
    this._stopWork();
    this._retryAt = null;
    this._error = error ?? null;
    this._setPhase(phase);
    if (phase === 'running') {
      this._done.resolve(this._result as ILaunchResult);
    } else {
      this._done.reject(error);
    }
  }

  /**
   * Enter `phase` and tell the views; `quiet`: tell them with the next
   * change, at the latest right after the caller's task (e.g. once the
   * waiting tab is open: what they draw must not hold it up).
   */
  protected _setPhase(phase: LaunchPhase, quiet = false): void {
    this._phase = phase;
    if (!quiet) {
      this._emitChanged();
      return;
    }
    this._untold = true;
    void Promise.resolve().then(() => {
      if (this._untold) {
        this._emitChanged();
      }
    });
  }

  /** Tell the views something changed within the phase. */
  protected _emitChanged(): void {
    this._untold = false;
    this._changed.emit(this._phase);
  }

  /** Pass on what the hub says while the server starts. */
  protected _setProgress(event: IProgressEvent): void {
    this._progress = event;
    this._progressChanged.emit(event);
  }

  protected readonly _trans: TranslationBundle;
  protected _reuse: ReuseKind;
  protected _result: Partial<ILaunchResult> = {};
  protected _recovered = false;
  protected _retryAt: number | null = null;
  private readonly _changed = new Signal<this, LaunchPhase>(this);
  private readonly _progressChanged = new Signal<this, IProgressEvent>(this);
  private readonly _done = new PromiseDelegate<ILaunchResult>();
  private _tab: ILaunchTab | null;
  private _progress: IProgressEvent | null = null;
  private _phase: LaunchPhase = 'starting';
  /** A phase entered quietly that the views have not heard of yet. */
  private _untold = false;
  private _error: LaunchError | null = null;
  private _isDisposed = false;
}
