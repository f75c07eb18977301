/**
 * One row of the server list. Memoized: a refresh that leaves a server as
 * it was (the same object, see the servers model) does not redraw its row.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { Button } from '@jupyterlab/ui-components';
import * as React from 'react';

import { IServerModel } from '../hub';
import { serverState } from '../servers/state';
import { describeServer, serverTitle, stateLabel } from './serverLabels';

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
 * Props of a row: all compared by identity, so each must stay the same
 * object while it means the same.
 */
export interface IServerRowProps {
  server: IServerModel;
  /** Whether this JupyterLab runs in it. */
  current: boolean;
  /** Its time left, as shown, if any. */
  left: string | null;
  /** More about its time left, on hover. */
  leftTitle?: string;
  /** Whether its end is near. */
  leftNear?: boolean;
  actions: IServerActions;
  trans: TranslationBundle;
}

/**
 * One server: its name, state, what it runs, and what can be done with it.
 */
export const ServerRow = React.memo(ServerRowView);

function ServerRowView(props: IServerRowProps): JSX.Element {
  const { server, current, trans, actions, left } = props;
  const state = serverState(server);
  const title = serverTitle(server, trans);
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
          className={`jp-nfdi-server-detail jp-nfdi-time-left${props.leftNear ? ' jp-mod-warn' : ''}`}
          title={props.leftTitle}
        >
          {left}
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
            onClick={() => actions.onOpen(server)}
          />
        )}
        {!current && (state === 'running' || state === 'starting') && (
          <ActionButton
            label={trans.__('Stop')}
            title={trans.__('Stop the server; its configuration stays')}
            onClick={() => actions.onStop(server)}
          />
        )}
        {state === 'stopped' && actions.onStartAgain && (
          <ActionButton
            label={trans.__('Start again')}
            name={trans.__('Start %1 again', title)}
            title={trans.__('Start it again with its saved options')}
            onClick={() => actions.onStartAgain?.(server)}
          />
        )}
        {repo2docker && actions.onCopyLink && (
          <ActionButton
            label={trans.__('Copy link')}
            name={trans.__('Copy the launch link of %1', title)}
            title={trans.__(
              'Copy the hub’s direct link that starts this repository (no token in it)'
            )}
            onClick={() => actions.onCopyLink?.(server)}
          />
        )}
        {state === 'stopped' && (
          <ActionButton
            label={trans.__('Logs')}
            title={trans.__('Show the exit code and last log lines')}
            onClick={() => actions.onLogs(server)}
          />
        )}
        {!current && (
          <ActionButton
            label={trans.__('Delete')}
            title={trans.__('Stop the server and delete its configuration')}
            warn
            onClick={() => actions.onDelete(server)}
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
