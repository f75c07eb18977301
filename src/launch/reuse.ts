/**
 * Whether a start lands on a configuration the user already has.
 *
 * The hub merges a start's options over its defaults and, if one of the
 * user's configurations was started with the same options (it compares
 * hashes of sorted JSON), starts or answers for that one instead of making a
 * new one. The same rule here tells, before anything is sent, whether a
 * start opens a running server, starts a stopped one again, or needs a new
 * configuration (refused when the user already has as many as allowed).
 */
import {
  DEFAULT_USER_OPTIONS,
  IHubClient,
  IServerModel,
  isRecord,
  IUserOptions,
  mergeOptions,
  toRequestBody
} from '../hub';
import { CONFIGURATION_LIMIT, serverState } from '../servers/state';
import type { IServersModel } from '../servers/types';
import type { Reuse } from './types';

/**
 * The options the hub records for a start that sends `merged` (the client's
 * defaults, the preset and the arguments): the request body, merged over
 * the start API's documented defaults.
 */
export function recordedOptions(merged: IUserOptions): IUserOptions {
  return mergeOptions(DEFAULT_USER_OPTIONS, toRequestBody(merged));
}

/** JSON with object keys sorted, so equal options give equal text. */
export function canonicalJSON(value: unknown): string {
  return JSON.stringify(value, (_, item: unknown) =>
    isRecord(item)
      ? Object.fromEntries(
          Object.keys(item)
            .sort()
            .map(key => [key, item[key]])
        )
      : item
  );
}

/**
 * The configuration among `servers` whose options have the canonical form
 * `key` (see `recordedOptions`), if any. A running one is preferred.
 */
export function findConfiguration(
  servers: ReadonlyArray<IServerModel>,
  key: string
): IServerModel | undefined {
  const matches = servers.filter(
    server => canonicalJSON(server.userOptions) === key
  );
  return (
    matches.find(server => serverState(server) === 'running') ?? matches[0]
  );
}

/**
 * What a start with the canonical options `key` amounts to, from what the
 * servers model knows; `null` when it has not loaded the list.
 */
export function decideReuse(
  servers: Pick<IServersModel, 'connection' | 'user' | 'servers' | 'limit'>,
  key: string
): Reuse | null {
  const userName = servers.user?.name;
  if (servers.connection !== 'connected' || !userName) {
    return null;
  }
  const server = findConfiguration(servers.servers, key);
  if (!server) {
    return servers.servers.length >= servers.limit
      ? { kind: 'full', limit: servers.limit }
      : { kind: 'new' };
  }
  switch (serverState(server)) {
    case 'running':
      return server.url
        ? { kind: 'running', server, userName }
        : { kind: 'following', server, userName };
    case 'starting':
      return { kind: 'following', server, userName };
    default:
      return { kind: 'again', server, userName };
  }
}

/**
 * What a start with the canonical options `key` amounts to, asking the hub
 * through `client` itself (e.g. the client a launch began with, which the
 * servers model may no longer use); throws a `HubError` if the servers
 * cannot be read.
 */
export async function lookUpConfiguration(
  client: IHubClient,
  key: string
): Promise<Reuse | null> {
  const user = await client.whoami();
  const servers = await client.listServers(user.name);
  return decideReuse(
    { connection: 'connected', user, servers, limit: CONFIGURATION_LIMIT },
    key
  );
}
