/**
 * The sidebar's server list: every configuration the user has on the hub.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import {
  Button,
  refreshIcon,
  ToolbarButtonComponent
} from '@jupyterlab/ui-components';
import * as React from 'react';

import { IServerModel } from '../hub';
import { serverState } from '../servers/state';
import type { IServersModel } from '../servers/types';
import { describeServer, stateLabel } from './serverLabels';

/**
 * What the list asks for; each is called inside the click handler.
 */
export interface IServerActions {
  onOpen: (server: IServerModel) => void;
  onStop: (server: IServerModel) => void;
  onDelete: (server: IServerModel) => void;
  onLogs: (server: IServerModel) => void;
  onRefresh: () => void;
}

/**
 * Props of the server list.
 */
export interface IServerListProps extends IServerActions {
  model: IServersModel;
  trans: TranslationBundle;
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
        <ToolbarButtonComponent
          className="jp-nfdi-refresh"
          icon={refreshIcon}
          label={trans.__('Refresh')}
          tooltip={trans.__('Refresh the list of servers')}
          onClick={props.onRefresh}
        />
      </div>
      <p className="jp-nfdi-count">
        {model.connection === 'connected'
          ? trans.__('%1 of %2 configurations', servers.length, model.limit)
          : trans.__('Up to %1 configurations', model.limit)}
      </p>
      {model.connection === 'connected' && servers.length === 0 && (
        <p className="jp-nfdi-empty">{trans.__('No servers yet.')}</p>
      )}
      <ul className="jp-nfdi-server-list">
        {servers.map(server => (
          <ServerRow
            key={server.name}
            server={server}
            current={model.isCurrent(server)}
            {...props}
          />
        ))}
      </ul>
    </section>
  );
}

/**
 * One server: its name, state, what it runs, and what can be done with it.
 */
function ServerRow(
  props: IServerActions & {
    server: IServerModel;
    current: boolean;
    trans: TranslationBundle;
  }
): JSX.Element {
  const { server, current, trans } = props;
  const state = serverState(server);
  const name = server.userOptions.name;
  const title =
    typeof name === 'string' && name
      ? name
      : server.name || trans.__('Default server');
  return (
    <li
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
            title={trans.__('Stop the server and delete its configuration')}
            warn
            onClick={() => props.onDelete(server)}
          />
        )}
      </div>
    </li>
  );
}

function ActionButton(props: {
  label: string;
  title: string;
  warn?: boolean;
  onClick: () => void;
}): JSX.Element {
  return (
    <Button
      className={`jp-mod-styled${props.warn ? ' jp-mod-warn' : ' jp-mod-reject'}`}
      small
      type="button"
      onClick={props.onClick}
      title={props.title}
    >
      {props.label}
    </Button>
  );
}
