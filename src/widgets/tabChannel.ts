/**
 * How a waiting tab finds its server after the JupyterLab that opened it
 * reloaded: the tab asks on a `BroadcastChannel` where its server is, and
 * every JupyterLab of the same origin answers for the launches it follows.
 *
 * Messages are checked both ways: the tab (see `waitingScript.ts`) goes
 * only to an http(s) URL on the hub origin it was given when it opened, on
 * the path of its own server; this side answers only with a launch's
 * checked `next_url` on that launch's hub.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { IDisposable } from '@lumino/disposable';

import { checkHubUrl } from '../hub';
import { ILaunch, ILaunches } from '../launch/types';
import { BrowserTab } from './browserTab';
import {
  IServerAddress,
  ITabChannel,
  readQuestion,
  TabAnswer,
  TabMessageKind
} from './tabProtocol';

/** How long the end of a launch is still told to a tab that asks (ms). */
const REMEMBER = 30 * 60 * 1000;

/**
 * Answers waiting tabs about the launches of this JupyterLab: those in
 * flight, and those that ended in the last half hour.
 */
export class WaitingTabAnswerer implements IDisposable {
  constructor(options: {
    launches: ILaunches;
    channel: ITabChannel;
    trans: TranslationBundle;
    now?: () => number;
  }) {
    this._launches = options.launches;
    this._channel = options.channel;
    this._trans = options.trans;
    this._now = options.now ?? Date.now;
    this._channel.onmessage = event => this._onQuestion(event.data);
    this._launches.changed.connect(this._onLaunch, this);
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._launches.changed.disconnect(this._onLaunch, this);
    this._channel.onmessage = null;
    this._channel.close();
    this._ended.clear();
  }

  private _onLaunch(_: ILaunches, launch: ILaunch): void {
    const address = addressOf(launch);
    if (!address) {
      return;
    }
    if (!launch.isDone) {
      // Its tab may outlive this page: tell it which server it waits for.
      if (launch.tab instanceof BrowserTab) {
        launch.tab.track(address.user, address.server);
      }
      return;
    }
    const now = this._now();
    for (const [key, ended] of this._ended) {
      if (now - ended.at >= REMEMBER) {
        this._ended.delete(key);
      }
    }
    const answer = this._endAnswer(launch, address);
    if (answer) {
      this._ended.set(keyOf(address), { answer, at: now });
      // Answer a tab that asked just before.
      this._channel.postMessage(answer);
    }
  }

  private _onQuestion(data: unknown): void {
    const question = readQuestion(data);
    if (!question) {
      return;
    }
    const key = keyOf(question);
    const following = this._launches.launches.some(launch => {
      const address = addressOf(launch);
      return !launch.isDone && !!address && keyOf(address) === key;
    });
    if (following) {
      this._channel.postMessage({
        kind: TabMessageKind.starting,
        hub: question.hub,
        user: question.user,
        server: question.server
      } satisfies TabAnswer);
      return;
    }
    const ended = this._ended.get(key);
    if (ended && this._now() - ended.at < REMEMBER) {
      this._channel.postMessage(ended.answer);
    }
  }

  /** What to tell a tab about a launch that ended, or `null`. */
  private _endAnswer(
    launch: ILaunch,
    address: IServerAddress
  ): TabAnswer | null {
    if (launch.phase === 'running') {
      // The checked next_url of this launch, on this launch's hub.
      const url = checkHubUrl(launch.result.nextUrl, `${address.hub}/`);
      return url ? { kind: TabMessageKind.running, ...address, url } : null;
    }
    const message =
      launch.phase === 'cancelled'
        ? this._trans.__('Cancelled starting %1.', launch.label)
        : this._trans.__(
            '%1 did not start. The NFDI sidebar in JupyterLab tells more.',
            launch.label
          );
    return { kind: TabMessageKind.ended, ...address, message };
  }

  private readonly _launches: ILaunches;
  private readonly _channel: ITabChannel;
  private readonly _trans: TranslationBundle;
  private readonly _now: () => number;
  private readonly _ended = new Map<
    string,
    { answer: TabAnswer; at: number }
  >();
  private _isDisposed = false;
}

/**
 * Where a launch's server is, once the hub accepted it: the hub's origin
 * from its checked `status_url`.
 */
export function addressOf(launch: ILaunch): IServerAddress | null {
  const { name, userName, statusUrl } = launch.result;
  if (!name || !userName || !statusUrl) {
    return null;
  }
  try {
    return { hub: new URL(statusUrl).origin, user: userName, server: name };
  } catch {
    return null;
  }
}

function keyOf(address: IServerAddress): string {
  return JSON.stringify([address.hub, address.user, address.server]);
}
