/**
 * The sidebar's server list: every configuration the user has on the hub.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import { IServerModel } from '../hub';
import { ServersModel, ServerState, serverState } from '../servers/model';

/**
 * Props of the server list.
 */
export interface IServerListProps {
  model: ServersModel;
  trans: TranslationBundle;
  onOpen: (server: IServerModel) => void;
  onStop: (server: IServerModel) => void;
  onDelete: (server: IServerModel) => void;
  onLogs: (server: IServerModel) => void;
  onRefresh: () => void;
}

/**
 * What a server was started with, in a few words.
 */
export function describeServer(
  server: IServerModel,
  trans: TranslationBundle
): string {
  const options = server.userOptions as Record<string, any>;
  const parts: string[] = [];
  if (options.option === 'custom' && options.custom?.customimage) {
    parts.push(String(options.custom.customimage));
  } else if (options.option === 'repo2docker' && options.repo2docker) {
    const repo = options.repo2docker;
    parts.push(
      `${repo.repotype ?? ''}:${repo.repourl ?? ''}${repo.reporef ? '@' + repo.reporef : ''}`
    );
  } else if (options.option === 'default') {
    parts.push(trans.__('hub default'));
  }
  if (options.system) {
    parts.push(
      options.flavor ? `${options.system} · ${options.flavor}` : options.system
    );
  }
  return parts.join(' — ');
}

function stateLabel(state: ServerState, trans: TranslationBundle): string {
  switch (state) {
    case 'running':
      return trans.__('running');
    case 'starting':
      return trans.__('starting');
    case 'stopping':
      return trans.__('stopping');
    default:
      return trans.__('stopped');
  }
}

/**
 * The list.
 */
export function ServerList(props: IServerListProps): JSX.Element {
  const { model, trans } = props;
  const servers = model.servers;
  return (
    <section className="jp-nfdi-section jp-nfdi-servers">
      <div className="jp-nfdi-section-header">
        <h3 className="jp-nfdi-section-title">{trans.__('Your servers')}</h3>
        <button
          className="jp-mod-styled jp-nfdi-button jp-nfdi-refresh"
          type="button"
          onClick={props.onRefresh}
          title={trans.__('Refresh the list of servers')}
        >
          {trans.__('Refresh')}
        </button>
      </div>
      <p className="jp-nfdi-count">
        {trans.__('%1 of %2 configurations', servers.length, model.limit)}
      </p>
      {model.connection === 'connected' && servers.length === 0 && (
        <p className="jp-nfdi-empty">{trans.__('No servers yet.')}</p>
      )}
      <ul className="jp-nfdi-server-list">
        {servers.map(server => {
          const state = serverState(server);
          const options = server.userOptions as Record<string, unknown>;
          const current = model.isCurrent(server);
          const title =
            typeof options.name === 'string' && options.name
              ? options.name
              : server.name || trans.__('Default server');
          return (
            <li
              key={server.name}
              className={`jp-nfdi-server jp-mod-${state}`}
              data-server-name={server.name}
            >
              <div className="jp-nfdi-server-head">
                <span className="jp-nfdi-server-title" title={server.name}>
                  {title}
                </span>
                <span className={`jp-nfdi-badge jp-mod-${state}`}>
                  {stateLabel(state, trans)}
                </span>
              </div>
              {current && (
                <div className="jp-nfdi-server-detail">
                  {trans.__('This JupyterLab')}
                </div>
              )}
              <div className="jp-nfdi-server-detail">
                {describeServer(server, trans)}
              </div>
              <div className="jp-nfdi-server-actions">
                {state === 'running' && server.url && (
                  <ActionButton
                    label={trans.__('Open')}
                    title={trans.__('Open in a new browser tab')}
                    onClick={() => props.onOpen(server)}
                  />
                )}
                {!current && (state === 'running' || state === 'starting') && (
                  <ActionButton
                    label={trans.__('Stop')}
                    title={trans.__('Stop the server; its configuration stays')}
                    onClick={() => props.onStop(server)}
                  />
                )}
                {state === 'stopped' && (
                  <ActionButton
                    label={trans.__('Logs')}
                    title={trans.__('Show the exit code and last log lines')}
                    onClick={() => props.onLogs(server)}
                  />
                )}
                {!current && (
                  <ActionButton
                    label={trans.__('Delete')}
                    title={trans.__(
                      'Stop the server and delete its configuration'
                    )}
                    warn
                    onClick={() => props.onDelete(server)}
                  />
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ActionButton(props: {
  label: string;
  title: string;
  warn?: boolean;
  onClick: () => void;
}): JSX.Element {
  return (
    <button
      className={`jp-mod-styled jp-nfdi-button${props.warn ? ' jp-mod-warn' : ''}`}
      type="button"
      onClick={props.onClick}
      title={props.title}
    >
      {props.label}
    </button>
  );
}
