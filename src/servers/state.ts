/**
 * What a server configuration is doing, and how the list orders them.
 */
import { IServerModel } from '../hub';

/**
 * Server configurations a user may have on Jupyter4NFDI (the hub does not
 * say; other hubs' limits are still recognised by their error).
 */
export const CONFIGURATION_LIMIT = 15;

/**
 * What a server is doing, as the list shows it.
 */
export type ServerState = 'running' | 'starting' | 'stopping' | 'stopped';

/**
 * The state of a server from its model.
 */
export function serverState(server: IServerModel): ServerState {
  if (server.pending === 'spawn') {
    return 'starting';
  }
  if (server.pending === 'stop') {
    return 'stopping';
  }
  return server.ready ? 'running' : 'stopped';
}

const ORDER: Record<ServerState, number> = {
  starting: 0,
  running: 1,
  stopping: 2,
  stopped: 3
};

/**
 * Starting and running servers first, then the most recently started.
 */
export function compareServers(a: IServerModel, b: IServerModel): number {
  return (
    ORDER[serverState(a)] - ORDER[serverState(b)] ||
    (b.started ?? '').localeCompare(a.started ?? '') ||
    a.name.localeCompare(b.name)
  );
}
