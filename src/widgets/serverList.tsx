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
import type { IServerLifetimes, IServersModel } from '../servers/types';
import {
  describeServer,
  serverTitle,
  stateLabel,
  timeLeftLabel
} from './serverLabels';

/**
 * What the list asks for; each is called inside the click handler. Without
 * `onStartAgain` or `onCopyLink` (their commands missing) the list offers
 * no such button.
 */
export interface IServerActions {
  onOpen: (server: IServerModel) => void;
  onStop: (server: IServerModel) => void;
  onDelete: (server: IServerModel) => void;
  onLogs: (server: IServerModel) => void;
  onRefresh: () => void;
  onStartAgain?: (server: IServerModel) => void;
  onCopyLink?: (server: IServerModel) => void;
}

/**
 * Props of the server list.
 */
export interface IServerListProps extends IServerActions {
  model: IServersModel;
  trans: TranslationBundle;
  /** Time left of servers the hub ends; none shown without it. */
  lifetimes?: IServerLifetimes | null;
  /** Minutes before the end the user is warned. */
  warningMinutes?: number;
  /** A problem with the lifetime settings, shown above the list. */
  lifetimeNotice?: string | null;
  /** The time to show time left at (default: the clock). */
  now?: number;
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
      <p className="jp-nfdi-count">{countText(model, trans)}</p>
      {model.connection === 'connected' && servers.length === 0 && (
        <p className="jp-nfdi-empty">{trans.__('No servers yet.')}</p>
      )}
      {props.lifetimeNotice && (
        <p className="jp-nfdi-notice jp-nfdi-lifetime-notice">
          {props.lifetimeNotice}
        </p>
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
 * How many configurations the user has, out of how many: only once the hub
 * listed them. Until then (no token, checking, or the last refresh failed)
 * the count is unknown and said to be, never shown as zero.
 */
export function countText(
  model: IServersModel,
  trans: TranslationBundle
): string {
  switch (model.connection) {
    case 'connected':
      return trans.__(
        '%1 of %2 configurations',
        model.servers.length,
        model.limit
      );
    case 'failed':
      return trans.__(
        'Configurations: unknown (the list could not be loaded; up to %1)',
        model.limit
      );
    default:
      return trans.__('Configurations: not loaded yet (up to %1)', model.limit);
  }
}

/**
 * One server: its name, state, what it runs, and what can be done with it.
 */
function ServerRow(
  props: IServerListProps & { server: IServerModel; current: boolean }
): JSX.Element {
  const { server, current, trans, lifetimes } = props;
  const state = serverState(server);
  const title = serverTitle(server, trans);
  const left =
    lifetimes && (state === 'running' || state === 'starting')
      ? timeLeftLabel(
          lifetimes.timeLeft(server, props.now),
          lifetimes.isTemporary(server),
          props.warningMinutes ?? 0,
          trans
        )
      : null;
  const repo2docker = server.userOptions.option === 'repo2docker';
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
      {left && (
        <div
          className={`jp-nfdi-server-detail jp-nfdi-time-left${left.near ? ' jp-mod-warn' : ''}`}
          title={left.title}
        >
          {left.text}
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
        {state === 'stopped' && props.onStartAgain && (
          <ActionButton
            label={trans.__('Start again')}
            name={trans.__('Start %1 again', title)}
            title={trans.__('Start it again with its saved options')}
            onClick={() => props.onStartAgain?.(server)}
          />
        )}
        {repo2docker && props.onCopyLink && (
          <ActionButton
            label={trans.__('Copy link')}
            name={trans.__('Copy the launch link of %1', title)}
            title={trans.__(
              'Copy the hub’s direct link that starts this repository (no token in it)'
            )}
            onClick={() => props.onCopyLink?.(server)}
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
  /** Accessible name, when the label alone does not say which server. */
  name?: string;
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
      aria-label={props.name}
    >
      {props.label}
    </Button>
  );
}
