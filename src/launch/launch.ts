/**
 * One server start, from the request to a running server (or a failure):
 * `POST /hub/api/start`, then following `status_url` until it runs.
 *
 * No screen here: views listen to `changed` and `progressChanged`.
 */
import { IDisposable } from '@lumino/disposable';

import { HubError, isHubError, StopResult } from '../hub';
import {
  asHubError,
  LaunchError,
  limitError,
  requestError,
  timeoutError
} from './errors';
import { follow, StatusOutcome } from './follow';
import { afterStartFailure } from './recover';
import { LaunchState } from './state';
import { ILaunchOptions, ILaunchResult, Reuse } from './types';

/**
 * The status checks' first and longest interval without a progress stream,
 * in ms: a start is never more than about 2 s late.
 */
export const POLL_INTERVAL = { first: 1000, max: 2000 };

/**
 * One server start. Call `run()` once.
 */
export class Launch extends LaunchState {
  constructor(options: ILaunchOptions) {
    super(options);
    this._options = options;
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
    this._stopWork();
    let hubError: HubError | undefined;
    if (this._result.deleteUrl) {
      try {
        await this._undo(this._result.deleteUrl);
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

  private async _run(): Promise<void> {
    try {
      const { reuse: known, recheck } = this._options;
      if (recheck) {
        this._setPhase('starting');
        // Without a say from the servers model: a new configuration.
        const reuse = (await recheck()) ?? { kind: 'new' };
        if (this._cancelled || this._landOn(reuse)) {
          return;
        }
        await this._send();
        return;
      }
      const reuse = known ?? { kind: 'new' };
      if (reuse.kind === 'running' || reuse.kind === 'full') {
        this._setPhase('starting');
        this._landOn(reuse);
        return;
      }
      this._landOn(reuse);
      // Nothing to ask first: the request leaves now, within the caller's
      // task (the user's click), before anyone hears of the launch.
      const sent = this._send();
      // Views hear of the launch once its tab is attached (`attachTab`), in
      // this same task: what they draw must not hold up the tab.
      this._setPhase('starting', true);
      await sent;
    } catch (error) {
      if (!this._cancelled) {
        this._fail(error);
      }
    }
  }

  /** Send the start request and follow what the hub accepted. */
  private async _send(): Promise<void> {
    const client = this._options.client;
    let started;
    try {
      started = await client.start(this._options.options);
    } catch (error) {
      if (!this._cancelled) {
        await this._recover(asHubError(error));
      }
      return;
    }
    if (this._cancelled) {
      // The user cancelled while the request was on its way: undo it.
      await this._undo(started.deleteUrl).catch(() => undefined);
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
    this._follow();
  }

  /**
   * After a failed start request: land on the server the hub made anyway,
   * wait out a busy hub once, or fail saying what is left on the hub.
   */
  private async _recover(error: HubError): Promise<void> {
    const { lookup, maxRetryAfter } = this._options;
    const next = await afterStartFailure(
      error,
      lookup,
      !this._retried,
      maxRetryAfter
    );
    if (this._cancelled || this.isDone) {
      return;
    }
    if (next.step === 'found') {
      this._recovered = true;
      if (this._landOn(next.reuse)) {
        return;
      }
      const { userName, server } = next.reuse;
      this._result = {
        ...this._result,
        ...this._options.client.serverUrls(userName, server.name)
      };
      this._setPhase('pending');
      this._follow();
    } else if (next.step === 'retry') {
      this._retried = true;
      this._retryAt = Date.now() + next.delay;
      this._emitChanged();
      this._retryTimer = setTimeout(() => {
        this._retryAt = null;
        this._emitChanged();
        this._send().catch(reason => this._fail(reason));
      }, next.delay);
    } else {
      this._finish('failed', requestError(error, next.leftOnHub));
    }
  }

  /**
   * Stop the server on the hub; one this start created goes with its
   * configuration, so cancelled starts do not use up the user's allowance.
   */
  private async _undo(deleteUrl: string): Promise<void> {
    const client = this._options.client;
    if (this._reuse !== 'new') {
      await client.stop(deleteUrl);
      return;
    }
    await client.remove(deleteUrl).catch(error => {
      if (!isHubError(error, 'not-found')) {
        throw error;
      }
    });
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
      this._emitChanged();
    }
    return false;
  }

  /** Follow the accepted start (`result` has its name and URLs). */
  private _follow(): void {
    const options = this._options;
    const { statusUrl, userName, name } = this._result as ILaunchResult;
    const remaining = options.timeout * 1000 - (Date.now() - this._startedAt);
    const timeout = () => this._finish('timeout', timeoutError(this._trans));
    this._timer = setTimeout(timeout, Math.max(0, remaining));
    this._following = follow(
      {
        client: options.client,
        statusUrl,
        name,
        userName,
        interval: options.pollInterval ?? POLL_INTERVAL,
        maxTransientErrors: options.maxTransientErrors ?? 5,
        stoppedGrace: (options.stoppedGrace ?? 20) * 1000,
        acceptedAt: Date.now(),
        confirmStopped: options.confirmStopped
      },
      outcome => this._onStatus(outcome),
      event => this._setProgress(event)
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

  protected _stopWork(): void {
    this._following?.dispose();
    this._following = null;
    clearTimeout(this._timer);
    clearTimeout(this._retryTimer);
  }

  private readonly _options: ILaunchOptions;
  private _following: IDisposable | null = null;
  private _timer: ReturnType<typeof setTimeout> | undefined = undefined;
  private _retryTimer: ReturnType<typeof setTimeout> | undefined = undefined;
  private _retried = false;
  private _started = false;
  private _cancelled = false;
  private _startedAt = 0;
}
