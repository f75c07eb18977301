/**
 * Public interfaces other extensions may require.
 */
import { Token } from '@lumino/coreutils';

import type { IHubConnection } from './connection/types';
import type { ILaunches } from './launch/types';
import type { IServerLifetimes, IServersModel } from './servers/types';

/**
 * The NFDI hub connection: current settings and a client built from them.
 */
export type INFDIHub = IHubConnection;

/**
 * The NFDI hub connection token.
 */
export const INFDIHub = new Token<INFDIHub>(
  'jupyterlab-nfdi-launcher:INFDIHub',
  'The Jupyter4NFDI hub connection: settings and a REST client for the hub in use.'
);

/**
 * The user's servers on the hub and the launches in flight.
 */
export interface INFDIServers {
  /** The user's servers and the connection state. */
  readonly servers: IServersModel;
  /**
   * The launches in flight, and `start()`. The `nfdi:start` command starts
   * through it too, and adds the waiting tab and the notifications.
   */
  readonly launches: ILaunches;
}

/**
 * The NFDI servers token.
 */
export const INFDIServers = new Token<INFDIServers>(
  'jupyterlab-nfdi-launcher:INFDIServers',
  "The user's servers on the NFDI hub, the launches in flight, and a way to start one."
);

/**
 * How long the user's servers have left.
 */
export type INFDILifetimes = IServerLifetimes;

/**
 * The server lifetimes token.
 */
export const INFDILifetimes = new Token<INFDILifetimes>(
  'jupyterlab-nfdi-launcher:INFDILifetimes',
  "How long the user's NFDI servers have left before the hub ends them, with a signal before the end and one when the hub removed a server."
);
