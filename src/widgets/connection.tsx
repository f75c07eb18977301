/**
 * The sidebar's connection section: which hub, which user, whether the token
 * works and what to do if not; a password field to paste a new token.
 */
import { TranslationBundle } from '@jupyterlab/translation';
import { Button } from '@jupyterlab/ui-components';
import * as React from 'react';

import type { IHubConnection } from '../connection/types';
import type { IServersModel } from '../servers/types';

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
      // Keep what was typed so nothing is lost.
      setSaveError(
        trans.__(
          'Could not save the token: %1',
          error instanceof Error ? error.message : String(error)
        )
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
        <p className="jp-nfdi-status">{trans.__('Checking the token…')}</p>
      );
      break;
    case 'failed':
      status = (
        <p className="jp-nfdi-status jp-mod-error" role="alert">
          {model.error?.kind === 'auth'
            ? trans.__('The hub refused the token.')
            : trans.__('The hub could not be reached.')}{' '}
          {model.problem}
        </p>
      );
      break;
    default:
      status = (
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

  return (
    <section className="jp-nfdi-section jp-nfdi-connection">
      <h3 className="jp-nfdi-section-title">{trans.__('Hub')}</h3>
      <p className="jp-nfdi-hub-url" title={hub.hubUrl}>
        {hub.hubUrl}
      </p>
      {status}
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
        <label className="jp-nfdi-field">
          <span>
            {hub.hasToken
              ? trans.__('Replace the API token')
              : trans.__('API token')}
          </span>
          <input
            className="jp-mod-styled jp-nfdi-token-input"
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            placeholder={trans.__('Paste your token')}
            onChange={event => setToken(event.target.value)}
          />
        </label>
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
