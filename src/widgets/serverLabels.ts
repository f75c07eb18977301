/**
 * How a server is named and described to a person.
 */
import { TranslationBundle } from '@jupyterlab/translation';

import { IServerModel } from '../hub';
import { formatDuration, TimeLeft } from '../servers/lifetime';
import { ServerState } from '../servers/state';

/**
 * A server's title: the name the user gave it, else its name on the hub.
 */
export function serverTitle(
  server: IServerModel,
  trans: TranslationBundle
): string {
  const name = server.userOptions.name;
  return typeof name === 'string' && name
    ? name
    : server.name || trans.__('Default server');
}

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

/**
 * A server's time left for a person: the text, a tooltip that says why,
 * and whether the end is near (within the warning). `null` when no limit
 * applies or nothing useful can be said (a stopped server).
 */
export function timeLeftLabel(
  left: TimeLeft,
  temporary: boolean,
  warningMinutes: number,
  trans: TranslationBundle
): { text: string; title: string; near: boolean } | null {
  if (left.kind === 'unknown' && left.reason === 'bad-start') {
    return {
      text: trans.__('time left unknown'),
      title: trans.__(
        'The hub gave no readable start time for this server, so its time left cannot be told.'
      ),
      near: false
    };
  }
  if (left.kind !== 'limited') {
    return null;
  }
  const end = new Date(left.endsAt).toLocaleTimeString([], {
    hour: '2-digit',
    minute: '2-digit'
  });
  const title = temporary
    ? trans.__(
        'Started through the hub’s start API: the hub stops this server and deletes its configuration at about %1.',
        end
      )
    : trans.__(
        'Its flavor’s runtime ends at about %1: the hub stops this server then.',
        end
      );
  return {
    text:
      left.left > 0
        ? trans.__('%1 left', formatDuration(left.left, trans))
        : trans.__('ending now'),
    title,
    near: left.left <= Math.max(warningMinutes * 60 * 1000, 60 * 1000)
  };
}
