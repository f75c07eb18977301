/**
 * Public interfaces other extensions may require.
 */
import { Token } from '@lumino/coreutils';
import { ISignal } from '@lumino/signaling';

import { HubClient } from './hub';
import type { IStartArgs } from './launch/flow';
import type { ILaunchResult } from './launch/launch';
import type { LaunchManager } from './launch/manager';
import type { ServersModel } from './servers/model';
import { INFDISettings } from './settings';

/**
 * The NFDI hub connection: current settings and a client built from them.
 */
export interface INFDIHub {
  /** The current settings. */
  readonly settings: INFDISettings;
  /** The hub base URL in use (resolved from the settings and the page). */
  readonly hubUrl: string;
  /**
   * A client for the hub in use, or `null` if the settings are unusable
   * (see `configError`).
   */
  readonly client: HubClient | null;
  /** Why no client could be built, for the user. */
  readonly configError: string | null;
  /**
   * The server this JupyterLab is, when the hub in use spawned it
   * (its user and server name), else `null`.
   */
  readonly currentServer: { user: string; server: string } | null;
  /** Emitted when settings change (and with them `client`). */
  readonly changed: ISignal<INFDIHub, void>;
  /** Save a new API token into the settings. */
  setToken(token: string): Promise<void>;
}

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
  readonly servers: ServersModel;
  /** The launches in flight. */
  readonly launches: LaunchManager;
  /**
   * Start a server (the `nfdi:start` command does the same). Call it from a
   * user gesture: it opens the browser tab at once.
   */
  start(args: IStartArgs): Promise<ILaunchResult>;
}

/**
 * The NFDI servers token.
 */
export const INFDIServers = new Token<INFDIServers>(
  'jupyterlab-nfdi-launcher:INFDIServers',
  "The user's servers on the NFDI hub, the launches in flight, and a way to start one."
);
