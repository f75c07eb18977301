/**
 * A starting server's progress stream (JupyterHub's event stream): what the
 * hub says, whether the stream is alive, and the moments worth asking the
 * server's status at once.
 */
import { IDisposable } from '@lumino/disposable';

import { IHubClient, IProgressEvent } from '../hub';

/**
 * Which stream to follow.
 */
export interface IProgressWatchOptions {
  client: IHubClient;
  userName: string;
  serverName: string;
  /**
   * Milliseconds without anything from the stream (not even a keep-alive,
   * which JupyterHub sends about every 8 s) after which it is taken for
   * dead, until it speaks again (default: 10000).
   */
  silence?: number;
}

/**
 * What a progress watch reports.
 */
export interface IProgressHandlers {
  /** What the hub says (events with a message or a progress). */
  onProgress(event: IProgressEvent): void;
  /** The stream came alive, or fell silent, ended or broke. */
  onAlive(alive: boolean): void;
  /**
   * The server may have changed: the hub said `ready` or `failed`, or the
   * stream ended or broke.
   */
  onHint(): void;
}

/** The default silence after which a stream is taken for dead, in ms. */
export const STREAM_SILENCE = 10000;

/**
 * Reads the progress stream of one start until disposed. One stream per
 * start: it is opened again once at most, after a break.
 */
export class ProgressWatch implements IDisposable {
  constructor(options: IProgressWatchOptions, handlers: IProgressHandlers) {
    this._options = options;
    this._handlers = handlers;
    void this._read();
  }

  get isDisposed(): boolean {
    return this._abort.signal.aborted;
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._abort.abort();
    clearTimeout(this._silenceTimer);
  }

  private async _read(): Promise<void> {
    const { client, userName, serverName } = this._options;
    const signal = this._abort.signal;
    let opened = false;
    let settled = false;
    let broke = false;
    try {
      for await (const event of client.progress(userName, serverName, signal)) {
        if (this.isDisposed) {
          return;
        }
        opened = true;
        this._heard();
        if (event.keepAlive) {
          continue;
        }
        if (event.message || event.progress !== null) {
          this._handlers.onProgress(event);
        }
        if (event.ready || event.failed) {
          settled = true;
          this._handlers.onHint();
        }
      }
    } catch {
      // Not opened (no stream on this hub, not allowed cross-origin, the
      // server not starting), or broken on the way.
      broke = opened;
    }
    if (this.isDisposed) {
      return;
    }
    clearTimeout(this._silenceTimer);
    this._setAlive(false);
    if (!opened || settled) {
      return;
    }
    // It ended or broke without a word on how the start went: ask.
    this._handlers.onHint();
    if (broke && !this._reopened) {
      this._reopened = true;
      void this._read();
    }
  }

  /** Something came: the stream is alive for another `silence` ms. */
  private _heard(): void {
    clearTimeout(this._silenceTimer);
    this._silenceTimer = setTimeout(
      () => this._setAlive(false),
      this._options.silence ?? STREAM_SILENCE
    );
    this._setAlive(true);
  }

  private _setAlive(alive: boolean): void {
    if (alive !== this._alive && !this.isDisposed) {
      this._alive = alive;
      this._handlers.onAlive(alive);
    }
  }

  private readonly _options: IProgressWatchOptions;
  private readonly _handlers: IProgressHandlers;
  private readonly _abort = new AbortController();
  private _alive = false;
  private _reopened = false;
  private _silenceTimer: ReturnType<typeof setTimeout> | undefined = undefined;
}
