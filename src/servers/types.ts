/**
 * The servers model's contract: the user's server configurations and the
 * state of the connection to the hub.
 */
import { ISignal } from '@lumino/signaling';

import type {
  HubError,
  IHubUser,
  IServerModel,
  ServerStatus,
  StopResult,
  Systems
} from '../hub';

/**
 * The state of the connection to the hub.
 *
 * - `unconfigured`: no usable hub URL or no token (see `problem`);
 * - `checking`: asking the hub who the token belongs to;
 * - `connected`: the token works (see `user`);
 * - `failed`: the hub refused the token or could not be reached (see `problem`).
 */
export type ConnectionState =
  'unconfigured' | 'checking' | 'connected' | 'failed';

/**
 * The user's servers on the hub.
 */
export interface IServersModel {
  /** The connection's state. */
  readonly connection: ConnectionState;
  /** Why the connection is `unconfigured` or `failed`, for the user. */
  readonly problem: string | null;
  /** The error behind a `failed` connection, if any. */
  readonly error: HubError | null;
  /** The token's owner, once connected. */
  readonly user: IHubUser | null;
  /** The user's server configurations, running ones first. */
  readonly servers: ReadonlyArray<IServerModel>;
  /** The systems and flavors the hub offers, if it says. */
  readonly systems: Systems | null;
  /** The most server configurations the user may have. */
  readonly limit: number;
  /** Whether the user has as many configurations as allowed. */
  readonly atLimit: boolean;
  /** Emitted when anything above changes. */
  readonly changed: ISignal<IServersModel, void>;
  /** Whether the servers are watched (e.g. the sidebar is visible). */
  active: boolean;
  /** Refresh now. Resolves when done; never rejects. */
  refresh(): Promise<void>;
  /** Whether a server is the one this JupyterLab runs in. */
  isCurrent(server: IServerModel): boolean;
  /** The server with that name, if listed. */
  find(name: string): IServerModel | undefined;
  /** Stop a server (its configuration stays), then refresh. */
  stop(name: string): Promise<StopResult>;
  /** Stop a server and delete its configuration, then refresh. */
  remove(name: string): Promise<void>;
  /** A server's state from the start API: exit code and logs when stopped. */
  details(name: string): Promise<ServerStatus>;
}
