/**
 * How a server is named and described to a person.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { IServerModel } from '../hub';
import { ServerState } from '../servers/state';

/**
 * A server's display name and its name on the hub, e.g. "Analysis (s1)".
 */
export function displayName(
  server: IServerModel,
  trans: TranslationBundle
): string {
  const name = server.userOptions.name;
  const id = server.name || trans.__('default');
  return typeof name === 'string' && name ? `${name} (${id})` : id;
}

/**
 * What a server is doing, in words.
 */
export function stateLabel(
  state: ServerState,
  trans: TranslationBundle
): string {
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
