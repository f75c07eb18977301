/**
 * Tells the user before the hub ends a server, and quietly when it did.
 */
import { Notification } from '@jupyterlab/apputils';
import { TranslationBundle } from '@jupyterlab/translation';
import { CommandRegistry } from '@lumino/commands';
import { IDisposable } from '@lumino/disposable';

import { CommandIDs } from '../commandIds';
import { formatDuration } from '../servers/lifetime';
import type {
  ILifetimeEvent,
  IServerLifetimes,
  IServersModel
} from '../servers/types';
import { notify } from './notify';
import { displayName } from './serverLabels';

/** How long the note about a removed server stays (ms). */
const REMOVED_NOTE_TIME = 10 * 1000;

/**
 * Shows the lifetime warnings and removal notes of a lifetimes tracker.
 */
export class LifetimeNotifier implements IDisposable {
  constructor(options: {
    lifetimes: IServerLifetimes;
    servers: IServersModel;
    commands: CommandRegistry;
    trans: TranslationBundle;
  }) {
    this._lifetimes = options.lifetimes;
    this._servers = options.servers;
    this._commands = options.commands;
    this._trans = options.trans;
    this._lifetimes.warning.connect(this._onWarning, this);
    this._lifetimes.expired.connect(this._onExpired, this);
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    this._lifetimes.warning.disconnect(this._onWarning, this);
    this._lifetimes.expired.disconnect(this._onExpired, this);
  }

  private _onWarning(_: IServerLifetimes, event: ILifetimeEvent): void {
    const trans = this._trans;
    const { server } = event;
    const name = displayName(server, trans);
    const left = formatDuration(event.left, trans);
    const message = event.temporary
      ? trans.__(
          '%1 ends in %2: the hub stops it and deletes its configuration. Save your work.',
          name,
          left
        )
      : trans.__(
          '%1 ends in %2: the hub stops it when its flavor’s runtime is over. Save your work.',
          name,
          left
        );
    const actions: Notification.IAction[] = [];
    if (!this._servers.isCurrent(server)) {
      actions.push({
        label: trans.__('Open'),
        caption: trans.__('Open %1 in a new browser tab', name),
        callback: () => {
          void this._commands.execute(CommandIDs.open, {
            server: server.name
          });
        }
      });
    }
    this._dismiss(server.name);
    this._warnings.set(
      server.name,
      notify(message, 'warning', { actions, autoClose: false }, trans)
    );
  }

  private _onExpired(_: IServerLifetimes, event: ILifetimeEvent): void {
    const trans = this._trans;
    // The warning has had its day.
    this._dismiss(event.server.name);
    notify(
      trans.__(
        '%1 reached its time limit and was removed by the hub.',
        displayName(event.server, trans)
      ),
      'info',
      { autoClose: REMOVED_NOTE_TIME },
      trans
    );
  }

  private _dismiss(name: string): void {
    const id = this._warnings.get(name);
    if (id !== undefined) {
      Notification.dismiss(id);
      this._warnings.delete(name);
    }
  }

  private readonly _lifetimes: IServerLifetimes;
  private readonly _servers: IServersModel;
  private readonly _commands: CommandRegistry;
  private readonly _trans: TranslationBundle;
  private readonly _warnings = new Map<string, string>();
  private _isDisposed = false;
}
