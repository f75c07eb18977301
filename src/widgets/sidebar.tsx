/**
 * The NFDI sidebar: connection, start form, and the user's servers.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget, UseSignal } from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';
import { Message } from '@lumino/messaging';
import * as React from 'react';

import { CommandIDs } from '../commandIds';
import type { IServerModel, IUserOptions } from '../hub';
import { nfdiIcon } from '../icons';
import type { IHubConnection } from '../connection/types';
import { MIN_LIFETIME, refreshDelay } from '../servers/lifetime';
import type { IServerLifetimes, IServersModel } from '../servers/types';
import { ConnectionSection } from './connection';
import { SIDEBAR_RENDER, useRenderTiming } from './renderTiming';
import { IServerActions, ServerList } from './serverList';
import { StartForm } from './startForm';

/**
 * The sidebar widget. Watches the servers, and counts their time left down,
 * only while visible.
 */
export class NFDISidebar extends ReactWidget {
  constructor(options: {
    hub: IHubConnection;
    model: IServersModel;
    commands: CommandRegistry;
    trans: TranslationBundle;
    lifetimes?: IServerLifetimes | null;
  }) {
    super();
    this._hub = options.hub;
    this._model = options.model;
    this._commands = options.commands;
    this._trans = options.trans;
    this._lifetimes = options.lifetimes ?? null;
    this._actions = this._makeActions();
    this._model.changed.connect(this._scheduleTick, this);
    this._lifetimes?.changed.connect(this._onLifetimesChanged, this);
    // Start again and launch links appear when their commands exist.
    this._commands.commandChanged.connect(this._onCommandChanged, this);
    this.id = 'jp-nfdi-sidebar';
    this.addClass('jp-nfdi-root');
    this.addClass('jp-nfdi-sidebar');
    this.title.icon = nfdiIcon;
    this.title.caption = this._trans.__('NFDI servers');
  }

  /** The servers model shown. */
  get model(): IServersModel {
    return this._model;
  }

  protected render(): JSX.Element {
    return (
      <UseSignal signal={this._hub.changed}>
        {() => (
          <UseSignal signal={this._model.changed}>
            {() => <Timed>{this._content()}</Timed>}
          </UseSignal>
        )}
      </UseSignal>
    );
  }

  /**
   * The content. Every callback is the same at each render, so the start
   * form and the rows whose server did not change are not redrawn.
   */
  private _content(): JSX.Element {
    const trans = this._trans;
    const model = this._model;
    const settings = this._hub.settings;
    return (
      <div className="jp-nfdi-sidebar-content">
        <h2 className="jp-nfdi-title">{trans.__('NFDI servers')}</h2>
        <ConnectionSection
          hub={this._hub}
          model={model}
          trans={trans}
          onSaveToken={this._saveToken}
        />
        <StartForm
          key={JSON.stringify(settings.defaultOptions)}
          defaults={this._hub.defaultOptions}
          systems={model.systems}
          fallbackSystems={settings.systems}
          blocked={
            model.atLimit
              ? trans.__(
                  'You have %1 of %2 server configurations. Delete one below to start another.',
                  model.servers.length,
                  model.limit
                )
              : null
          }
          trans={trans}
          onStart={this._start}
        />
        <ServerList
          model={model}
          trans={trans}
          lifetimes={this._lifetimes}
          warningMinutes={settings.lifetimeWarning}
          lifetimeNotice={this._lifetimeNotice()}
          now={Date.now()}
          {...this._actions}
        />
      </div>
    );
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    clearTimeout(this._tick);
    this._model.changed.disconnect(this._scheduleTick, this);
    this._lifetimes?.changed.disconnect(this._onLifetimesChanged, this);
    this._commands.commandChanged.disconnect(this._onCommandChanged, this);
    super.dispose();
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    this._model.active = true;
    this._scheduleTick();
  }

  protected onAfterHide(msg: Message): void {
    super.onAfterHide(msg);
    this._model.active = false;
    clearTimeout(this._tick);
  }

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    this._model.active = this.isVisible;
    this._scheduleTick();
  }

  protected onBeforeDetach(msg: Message): void {
    this._model.active = false;
    clearTimeout(this._tick);
    super.onBeforeDetach(msg);
  }

  /** Why time left is not shown, when the lifetime setting is too short. */
  private _lifetimeNotice(): string | null {
    const lifetime = this._hub.settings.serverLifetime;
    if (!this._lifetimes || lifetime <= 0 || lifetime >= MIN_LIFETIME) {
      return null;
    }
    return this._trans.__(
      'The server lifetime setting (%1 s) is shorter than the %2 s the list can follow, so no time left is shown. Set it to the hub’s limit in Settings → NFDI Launcher, or 0 if the hub has none.',
      lifetime,
      MIN_LIFETIME
    );
  }

  private _onLifetimesChanged(): void {
    this.update();
    this._scheduleTick();
  }

  private _onCommandChanged(
    _: CommandRegistry,
    change: CommandRegistry.ICommandChangedArgs
  ): void {
    if (
      change.id === CommandIDs.startAgain ||
      change.id === CommandIDs.copyLaunchLink
    ) {
      this._actions = this._makeActions();
      this.update();
    }
  }

  /** The list's actions, through the commands; new only when those change. */
  private _makeActions(): IServerActions {
    const exec = (id: string, args: ReadonlyPartialJSONObject = {}) => {
      void this._commands.execute(id, args);
    };
    const onServer = (id: string) => (server: IServerModel) =>
      exec(id, { server: server.name });
    const has = (id: string) => this._commands.hasCommand(id);
    return {
      onOpen: onServer(CommandIDs.open),
      onStop: onServer(CommandIDs.stop),
      onDelete: onServer(CommandIDs.deleteServer),
      onLogs: onServer(CommandIDs.showLogs),
      onRefresh: () => exec(CommandIDs.refresh),
      onStartAgain: has(CommandIDs.startAgain)
        ? onServer(CommandIDs.startAgain)
        : undefined,
      onCopyLink: has(CommandIDs.copyLaunchLink)
        ? onServer(CommandIDs.copyLaunchLink)
        : undefined
    };
  }

  private readonly _start = (options: IUserOptions) => {
    void this._commands.execute(CommandIDs.start, {
      options: options as ReadonlyPartialJSONObject
    });
  };

  private readonly _saveToken = (token: string) => this._hub.setToken(token);

  /** While visible, re-render as often as the shortest time left needs. */
  private _scheduleTick(): void {
    clearTimeout(this._tick);
    if (!this._lifetimes || !this.isVisible) {
      return;
    }
    const shortest = this._lifetimes.summary().shortest;
    if (shortest === null) {
      return;
    }
    this._tick = setTimeout(() => {
      this.update();
      this._scheduleTick();
    }, refreshDelay(shortest));
  }

  private readonly _hub: IHubConnection;
  private readonly _model: IServersModel;
  private readonly _commands: CommandRegistry;
  private readonly _trans: TranslationBundle;
  private readonly _lifetimes: IServerLifetimes | null;
  private _tick: ReturnType<typeof setTimeout> | undefined = undefined;
  private _actions: IServerActions;
}

/** The root of each render: its time is recorded for benchmarks. */
function Timed(props: { children: JSX.Element }): JSX.Element {
  useRenderTiming(SIDEBAR_RENDER);
  return props.children;
}
