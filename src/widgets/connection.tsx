/**
 * The sidebar's connection section: which hub, which user, which token is in
 * use (this JupyterLab's hub login or the settings'), whether it works, what
 * it cannot do and what to do about it; a masked field to paste a token.
 * The token itself is never shown, only typed (and shown on request).
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { Button } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { IHubConnection } from '../connection/types';
import { IServerGrants, serverGrants } from '../hub';
import type { IServersModel } from '../servers/types';
import { SecretField } from './secretField';
import { TokenScopes } from './tokenScopes';

/**
 * Props of the connection section.
 */
export interface IConnectionProps {
  hub: IHubConnection;
  model: IServersModel;
  trans: TranslationBundle;
  /** Save a new token (into the settings). */
  onSaveToken: (token: string) => Promise<void>;
}

/**
 * The connection section.
 */
export function ConnectionSection(props: IConnectionProps): JSX.Element {
  const { hub, model, trans } = props;
  const [token, setToken] = React.useState('');
  const [saving, setSaving] = React.useState(false);
  const [saveError, setSaveError] = React.useState<string | null>(null);
  const inputId = React.useId();
  const tokenPage = hub.client?.tokenPageUrl ?? null;

  const save = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!token.trim()) {
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      await props.onSaveToken(token);
      setToken('');
    } catch (error) {
      // Keep what was typed so nothing is lost; never quote it.
      const reason = error instanceof Error ? error.message : String(error);
      setSaveError(
        trans.__('Could not save the token: %1', redact(reason, token.trim()))
      );
    } finally {
      setSaving(false);
    }
  };

  let status: JSX.Element;
  switch (model.connection) {
    case 'connected':
      status = (
        <p className="jp-nfdi-status jp-mod-ok">
          {trans.__('Signed in as %1.', model.user?.name ?? '')}
        </p>
      );
      break;
    case 'checking':
      status = (
        <p className="jp-nfdi-status">
          {hub.pageLogin?.state === 'checking'
            ? trans.__("Checking this JupyterLab's hub login…")
            : trans.__('Checking the token…')}
        </p>
      );
      break;
    case 'failed':
      status = (
        <p className="jp-nfdi-status jp-mod-error" role="alert">
          {model.error?.kind === 'auth'
            ? trans.__('The hub refused the token.')
            : trans.__('The hub could not be reached.')}{' '}
          {model.problem}
          {model.error?.kind === 'auth' && hub.tokenSource === 'page'
            ? ` ${trans.__("This JupyterLab's hub login may have expired: reload the page to log in again, or paste an API token below.")}`
            : null}
        </p>
      );
      break;
    default:
      status =
        hub.pageLogin?.state === 'checking' && !hub.hasToken ? (
          <p className="jp-nfdi-status">
            {trans.__("Checking this JupyterLab's hub login…")}
          </p>
        ) : (
          <p className="jp-nfdi-status jp-mod-warning">
            {model.problem ??
              (hub.hasToken
                ? trans.__('Not connected.')
                : trans.__(
                    'No API token set. Get one on the hub, then paste it below.'
                  ))}
          </p>
        );
  }

  // What the token in use cannot do; without one, what the hub login lacks.
  const grants = grantsInUse(hub, model);
  const scopes =
    hub.tokenSource && grants ? (
      <TokenScopes grants={grants} source={hub.tokenSource} trans={trans} />
    ) : !hub.tokenSource && hub.pageLogin?.state === 'ok' ? (
      <TokenScopes grants={hub.pageLogin.grants} source="page" trans={trans} />
    ) : null;

  return (
    <section className="jp-nfdi-section jp-nfdi-connection">
      <h3 className="jp-nfdi-section-title">{trans.__('Hub')}</h3>
      <p className="jp-nfdi-hub-url" title={hub.hubUrl}>
        {hub.hubUrl}
      </p>
      {status}
      {hub.tokenSource && (
        <p className="jp-nfdi-token-source" data-source={hub.tokenSource}>
          {hub.tokenSource === 'page'
            ? trans.__("Using this JupyterLab's hub login (no token needed).")
            : trans.__('Using the API token from the settings.')}
        </p>
      )}
      {scopes}
      {tokenPage && (
        <a
          className="jp-nfdi-token-link"
          href={tokenPage}
          target="_blank"
          rel="noopener noreferrer"
        >
          {trans.__('Get an API token on the hub')}
        </a>
      )}
      <form className="jp-nfdi-token-form" onSubmit={save}>
        <div className="jp-nfdi-field">
          <label htmlFor={inputId}>
            {hub.settings.token
              ? trans.__('Replace the API token')
              : trans.__('API token')}
          </label>
          <SecretField
            id={inputId}
            inputClassName="jp-nfdi-token-input"
            value={token}
            placeholder={trans.__('Paste your token')}
            trans={trans}
            onChange={setToken}
          />
        </div>
        <Button
          className="jp-mod-styled jp-mod-accept"
          type="submit"
          small
          disabled={saving || !token.trim()}
        >
          {trans.__('Save token')}
        </Button>
        {saveError && (
          <p className="jp-nfdi-status jp-mod-error" role="alert">
            {saveError}
          </p>
        )}
      </form>
    </section>
  );
}

/**
 * What the token in use may do: as the connection checked it, else from the
 * scopes the hub listed for the signed-in user (`null` if the hub lists
 * none, as hubs before JupyterHub 2 do).
 */
function grantsInUse(
  hub: IHubConnection,
  model: IServersModel
): IServerGrants | null {
  if (!hub.tokenSource) {
    return null;
  }
  if (hub.grants) {
    return hub.grants;
  }
  const user = model.user;
  return user && user.scopes.length > 0
    ? serverGrants(user.name, user.scopes)
    : null;
}

/** `text` without any occurrence of `secret`. */
function redact(text: string, secret: string): string {
  return secret ? text.split(secret).join('***') : text;
}
