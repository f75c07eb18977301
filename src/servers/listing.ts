/**
 * Reading the user's servers from the hub, and keeping what did not change.
 */
import {
  allows,
  HubError,
  IHubClient,
  IHubUser,
  IServerModel,
  serverGrants
} from '../hub';
import { compareServers } from './state';
import type { HubSystems } from './systems';
import type { ConnectionState } from './types';
import { keepEqual, keepUnchanged } from './unchanged';

/**
 * What the servers model knows of the connection and the list.
 */
export interface IListState {
  connection: ConnectionState;
  problem: string | null;
  error: HubError | null;
  user: IHubUser | null;
  servers: IServerModel[];
}

/**
 * One refresh: the owner with its servers, and the systems when due, asked
 * at the same time (a first paint waits for the slower, not for the sum).
 * Never rejects: `error` is what went wrong. The state's parts that did not
 * change are those of `before`, the same objects.
 */
export async function refreshList(
  client: IHubClient,
  systems: HubSystems,
  before: IListState
): Promise<{ state: IListState; error?: unknown }> {
  const listing = readOwnServers(client);
  const flavors = systems.refresh(client);
  try {
    const [{ user, servers }] = await Promise.all([listing, flavors]);
    return {
      state: {
        connection: 'connected',
        problem: null,
        error: null,
        user: keepEqual(before.user, user),
        // The unnamed default server is not a configuration of the start API.
        servers: keepUnchanged(
          before.servers,
          servers.filter(s => s.name !== '').sort(compareServers)
        )
      }
    };
  } catch (error) {
    const hubError = keepEqual(
      before.error,
      error instanceof HubError ? error : null
    );
    return {
      state: {
        ...before,
        connection: 'failed',
        problem: error instanceof Error ? error.message : String(error),
        error: hubError,
        user: hubError?.kind === 'auth' ? null : before.user
      },
      error
    };
  }
}

/**
 * The token's owner and all of its server configurations.
 *
 * One request (`GET /hub/api/user?include_stopped_servers`) when the token
 * may read all of the owner's servers, or when the hub does not list the
 * token's scopes but lists servers. Otherwise (no `read:servers`, or only
 * for some servers, where that answer would be a partial list) the owner's
 * list is asked as such, whose refusal says what the token lacks.
 */
export async function readOwnServers(
  client: IHubClient
): Promise<{ user: IHubUser; servers: IServerModel[] }> {
  const { user, servers } = await client.ownServers();
  const complete =
    servers !== null &&
    (user.scopes.length === 0 ||
      allows(serverGrants(user.name, user.scopes), 'list'));
  return {
    user,
    servers: complete ? servers : await client.listServers(user.name)
  };
}
