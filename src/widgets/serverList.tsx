/**
 * The sidebar's server list: every configuration the user has on the hub.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { refreshIcon, ToolbarButtonComponent } from '@jupyterlab/ui-components';
import * as React from 'react';

import { IServerModel } from '../hub';
import { serverState } from '../servers/state';
import type { IServerLifetimes, IServersModel } from '../servers/types';
import { timeLeftLabel } from './serverLabels';
import { IServerActions, ServerRow } from './serverRow';

export type { IServerActions } from './serverRow';

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
 * The list. Rows whose server, time left and actions did not change are not
 * redrawn: pass callbacks that stay the same between renders.
 */
export function ServerList(props: IServerListProps): JSX.Element {
  const { model, trans, lifetimes } = props;
  const servers = model.servers;
  const { onOpen, onStop, onDelete, onLogs, onRefresh } = props;
  const { onStartAgain, onCopyLink } = props;
  const actions = React.useMemo<IServerActions>(
    () => ({
      onOpen,
      onStop,
      onDelete,
      onLogs,
      onRefresh,
      onStartAgain,
      onCopyLink
    }),
    [onOpen, onStop, onDelete, onLogs, onRefresh, onStartAgain, onCopyLink]
  );
  const timeLeft = (server: IServerModel) => {
    const state = serverState(server);
    return lifetimes && (state === 'running' || state === 'starting')
      ? timeLeftLabel(
          lifetimes.timeLeft(server, props.now),
          lifetimes.isTemporary(server),
          props.warningMinutes ?? 0,
          trans
        )
      : null;
  };
  return (
    <section className="jp-nfdi-section jp-nfdi-servers">
      <div className="jp-nfdi-section-header">
        <h3 className="jp-nfdi-section-title">{trans.__('Your servers')}</h3>
        <ToolbarButtonComponent
          className="jp-nfdi-refresh"
          icon={refreshIcon}
          label={trans.__('Refresh')}
          tooltip={trans.__('Refresh the list of servers')}
          onClick={onRefresh}
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
        {servers.map(server => {
          const left = timeLeft(server);
          return (
            <ServerRow
              key={server.name}
              server={server}
              current={model.isCurrent(server)}
              left={left?.text ?? null}
              leftTitle={left?.title}
              leftNear={left?.near}
              actions={actions}
              trans={trans}
            />
          );
        })}
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
