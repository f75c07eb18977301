/**
 * The user's NFDI servers as a section of JupyterLab's "Running Terminals
 * and Kernels" panel: open, stop, time left.
 */
import type { IRunningSessions } from '@jupyterlab/running';
import { TranslationBundle } from '@jupyterlab/translation';
import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import { CommandIDs } from '../commandIds';
import { nfdiIcon } from '../icons';
import type { IServerModel } from '../hub';
import { refreshDelay } from '../servers/lifetime';
import { serverState } from '../servers/state';
import type { IServerLifetimes, IServersModel } from '../servers/types';
import {
  describeServer,
  displayName,
  serverTitle,
  stateLabel,
  timeLeftLabel
} from './serverLabels';

/**
 * The running-panel manager of the user's running and starting servers.
 * Actions go through the commands, as the sidebar's do.
 */
export class NFDIRunningServers
  implements IRunningSessions.IManager, IDisposable
{
  constructor(options: {
    servers: IServersModel;
    lifetimes?: IServerLifetimes | null;
    execute: (id: string, args: { server: string }) => void;
    warningMinutes: () => number;
    trans: TranslationBundle;
  }) {
    this._servers = options.servers;
    this._lifetimes = options.lifetimes ?? null;
    this._execute = options.execute;
    this._warningMinutes = options.warningMinutes;
    this._trans = options.trans;
    this.name = this._trans.__('NFDI servers');
    this.shutdownLabel = this._trans.__('Stop');
    this.shutdownAllLabel = this._trans.__('Stop All');
    this.shutdownAllConfirmationText = this._trans.__(
      'Stop all your NFDI servers? Their configurations stay; the server this JupyterLab runs in keeps running.'
    );
    this._servers.changed.connect(this._onChange, this);
    this._lifetimes?.changed.connect(this._onChange, this);
    this._onChange();
  }

  readonly name: string;
  readonly shutdownLabel: string;
  readonly shutdownAllLabel: string;
  readonly shutdownAllConfirmationText: string;

  get runningChanged(): ISignal<this, void> {
    return this._runningChanged;
  }

  get isDisposed(): boolean {
    return this._isDisposed;
  }

  running(): IRunningSessions.IRunningItem[] {
    if (this._servers.connection !== 'connected') {
      return [];
    }
    return this._shown().map(server => this._item(server));
  }

  refreshRunning(): void {
    void this._servers.refresh();
  }

  shutdownAll(): void {
    for (const server of this._shown()) {
      if (!this._servers.isCurrent(server)) {
        this._execute(CommandIDs.stop, { server: server.name });
      }
    }
  }

  dispose(): void {
    if (this._isDisposed) {
      return;
    }
    this._isDisposed = true;
    clearTimeout(this._tick);
    Signal.clearData(this);
  }

  private _shown(): IServerModel[] {
    return this._servers.servers.filter(server => {
      const state = serverState(server);
      return state === 'running' || state === 'starting';
    });
  }

  private _item(server: IServerModel): IRunningSessions.IRunningItem {
    const trans = this._trans;
    const state = serverState(server);
    const current = this._servers.isCurrent(server);
    const left = () =>
      this._lifetimes
        ? timeLeftLabel(
            this._lifetimes.timeLeft(server),
            this._lifetimes.isTemporary(server),
            this._warningMinutes(),
            trans
          )
        : null;
    return {
      className: 'jp-nfdi-running-item',
      context: server.name,
      icon: () => nfdiIcon,
      label: () => serverTitle(server, trans),
      labelTitle: () =>
        [
          displayName(server, trans),
          current ? trans.__('This JupyterLab') : stateLabel(state, trans),
          left()?.text,
          describeServer(server, trans),
          left()?.title
        ]
          .filter(Boolean)
          .join('\n'),
      detail: () => left()?.text ?? stateLabel(state, trans),
      open:
        state === 'running' && server.url
          ? () => this._execute(CommandIDs.open, { server: server.name })
          : undefined,
      shutdown: current
        ? undefined
        : () => this._execute(CommandIDs.stop, { server: server.name })
    };
  }

  /** Re-list, and again when a time left shown needs it. */
  private _onChange(): void {
    if (this._isDisposed) {
      return;
    }
    this._runningChanged.emit();
    clearTimeout(this._tick);
    const shortest = this._lifetimes?.summary().shortest ?? null;
    if (shortest !== null && this._servers.connection === 'connected') {
      this._tick = setTimeout(() => this._onChange(), refreshDelay(shortest));
    }
  }

  private readonly _servers: IServersModel;
  private readonly _lifetimes: IServerLifetimes | null;
  private readonly _execute: (id: string, args: { server: string }) => void;
  private readonly _warningMinutes: () => number;
  private readonly _trans: TranslationBundle;
  private readonly _runningChanged = new Signal<this, void>(this);
  private _tick: ReturnType<typeof setTimeout> | undefined = undefined;
  private _isDisposed = false;
}
