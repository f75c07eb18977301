/**
 * The NFDI sidebar: connection, start form, and the user's servers.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { ReactWidget, UseSignal } from '@jupyterlab/ui-components';
import { CommandRegistry } from '@lumino/commands';
import { Message } from '@lumino/messaging';
import * as React from 'react';

import { CommandIDs } from '../commandIds';
import { nfdiIcon } from '../icons';
import type { IHubConnection } from '../connection/types';
import type { IServersModel } from '../servers/types';
import { ConnectionSection } from './connection';
import { ServerList } from './serverList';
import { StartForm } from './startForm';

/**
 * The sidebar widget. Watches the servers only while visible.
 */
export class NFDISidebar extends ReactWidget {
  constructor(options: {
    hub: IHubConnection;
    model: IServersModel;
    commands: CommandRegistry;
    trans: TranslationBundle;
  }) {
    super();
    this._hub = options.hub;
    this._model = options.model;
    this._commands = options.commands;
    this._trans = options.trans;
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
    const trans = this._trans;
    const exec = (id: string, args: Record<string, any> = {}) => {
      void this._commands.execute(id, args);
    };
    return (
      <UseSignal signal={this._hub.changed}>
        {() => (
          <UseSignal signal={this._model.changed}>
            {() => (
              <div className="jp-nfdi-sidebar-content">
                <h2 className="jp-nfdi-title">{trans.__('NFDI servers')}</h2>
                <ConnectionSection
                  hub={this._hub}
                  model={this._model}
                  trans={trans}
                  onSaveToken={token => this._hub.setToken(token)}
                />
                <StartForm
                  key={JSON.stringify(this._hub.settings.defaultOptions)}
                  defaults={this._hub.defaultOptions}
                  systems={this._model.systems}
                  fallbackSystems={this._hub.settings.systems}
                  blocked={
                    this._model.atLimit
                      ? trans.__(
                          'You have %1 of %2 server configurations. Delete one below to start another.',
                          this._model.servers.length,
                          this._model.limit
                        )
                      : null
                  }
                  trans={trans}
                  onStart={options => exec(CommandIDs.start, { options })}
                />
                <ServerList
                  model={this._model}
                  trans={trans}
                  onOpen={server =>
                    exec(CommandIDs.open, { server: server.name })
                  }
                  onStop={server =>
                    exec(CommandIDs.stop, { server: server.name })
                  }
                  onDelete={server =>
                    exec(CommandIDs.deleteServer, { server: server.name })
                  }
                  onLogs={server =>
                    exec(CommandIDs.showLogs, { server: server.name })
                  }
                  onRefresh={() => exec(CommandIDs.refresh)}
                />
              </div>
            )}
          </UseSignal>
        )}
      </UseSignal>
    );
  }

  protected onAfterShow(msg: Message): void {
    super.onAfterShow(msg);
    this._model.active = true;
  }

  protected onAfterHide(msg: Message): void {
    super.onAfterHide(msg);
    this._model.active = false;
  }

  protected onAfterAttach(msg: Message): void {
    super.onAfterAttach(msg);
    this._model.active = this.isVisible;
  }

  protected onBeforeDetach(msg: Message): void {
    this._model.active = false;
    super.onBeforeDetach(msg);
  }

  private readonly _hub: IHubConnection;
  private readonly _model: IServersModel;
  private readonly _commands: CommandRegistry;
  private readonly _trans: TranslationBundle;
}
