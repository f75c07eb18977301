/**
 * What a token cannot do with the user's servers, naming the scopes it
 * lacks, and how to get them.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import * as React from 'react';

import type { TokenSource } from '../connection/types';
import {
  ACTION_SCOPES,
  GrantLevel,
  IServerGrants,
  missingActions,
  missingScopes,
  ServerAction
} from '../hub';

/**
 * Props of the missing-scopes notice.
 */
export interface ITokenScopesProps {
  /** What the token may do. */
  grants: IServerGrants;
  /** Whose token it is. */
  source: TokenSource;
  trans: TranslationBundle;
}

/** The actions the user would miss (not just reaching a server). */
const CORE: ReadonlyArray<ServerAction> = ['list', 'start', 'stop', 'delete'];

/**
 * The notice, or nothing if the token may do everything.
 */
export function TokenScopes(props: ITokenScopesProps): JSX.Element | null {
  const { grants, source, trans } = props;
  const missing = missingActions(grants);
  if (missing.length === 0) {
    return null;
  }
  const labels: Record<ServerAction, string> = {
    list: trans.__('see your servers'),
    start: trans.__('start servers'),
    stop: trans.__('stop servers'),
    delete: trans.__('delete servers'),
    access: trans.__("reach your servers' kernels and files")
  };
  const limits: Partial<Record<GrantLevel, string>> = {
    group: trans.__(
      'granted only to a group; the hub does not tell whether you are in it'
    ),
    'some-servers': trans.__('granted only for some servers')
  };
  const scopes = missingScopes(grants).join(', ');
  const serious = missing.some(action => CORE.includes(action));
  return (
    <div
      className={`jp-nfdi-scopes${serious ? ' jp-mod-warning' : ''}`}
      role="note"
    >
      <p className="jp-nfdi-scopes-title">
        {source === 'page'
          ? trans.__("This JupyterLab's hub login cannot:")
          : trans.__('The API token from the settings cannot:')}
      </p>
      <ul className="jp-nfdi-scopes-list">
        {missing.map(action => {
          const limit = limits[grants.levels[action]];
          return (
            <li
              key={action}
              className="jp-nfdi-scopes-action"
              data-action={action}
            >
              {limit
                ? trans.__(
                    '%1 (needs %2; %3)',
                    labels[action],
                    ACTION_SCOPES[action],
                    limit
                  )
                : trans.__(
                    '%1 (needs %2)',
                    labels[action],
                    ACTION_SCOPES[action]
                  )}
            </li>
          );
        })}
      </ul>
      <p className="jp-nfdi-scopes-next">
        {source === 'page'
          ? trans.__(
              "Missing scopes: %1. Create an API token on the hub (one made without choosing scopes has all of yours) and paste it below, or ask the hub's admins to grant these scopes to JupyterLab.",
              scopes
            )
          : trans.__(
              'Missing scopes: %1. Create a token on the hub that has them (one made without choosing scopes has all of yours) and paste it below.',
              scopes
            )}
      </p>
    </div>
  );
}
