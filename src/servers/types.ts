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
import type { TimeLeft } from './lifetime';

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
  /** Emitted with a server's name when the user deleted it through the model. */
  readonly removed: ISignal<IServersModel, string>;
  /**
   * Whether another of the user's servers starts or stops, so the model
   * refreshes often, with or without a view (see `ServerPolls`).
   */
  readonly watching: boolean;
  /** Whether the servers are watched (e.g. the sidebar is visible). */
  active: boolean;
  /** Refresh now. Resolves when done; never rejects. */
  refresh(): Promise<void>;
  /**
   * Load the list once (no request if it is loaded, loading, or watched by
   * an active view). Resolves when done; never rejects.
   */
  load(): Promise<void>;
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

/**
 * A moment in a server's life the user hears about.
 */
export interface ILifetimeEvent {
  /** The server, as last listed. */
  server: IServerModel;
  /** Its time left then, in ms. */
  left: number;
  /** Whether the hub deletes its configuration at the end, too. */
  temporary: boolean;
}

/**
 * Servers running and starting, and the shortest time left among them.
 */
export interface IServerSummary {
  /** Servers running. */
  running: number;
  /** Servers starting, and starts not yet listed. */
  starting: number;
  /** The shortest time left (ms) of those with a limit, or `null`. */
  shortest: number | null;
}

/**
 * How long the user's servers have left, and when to tell them.
 */
export interface IServerLifetimes {
  /** A server's time left at `now` (default: the clock). */
  timeLeft(server: IServerModel, now?: number): TimeLeft;
  /** Whether this browser started the server through the start API. */
  isTemporary(server: IServerModel): boolean;
  /** Counts and the shortest time left, at `now` (default: the clock). */
  summary(now?: number): IServerSummary;
  /** Emitted when which servers are temporary, or the settings, change. */
  readonly changed: ISignal<IServerLifetimes, void>;
  /** Emitted once per start of a server when its warning is due. */
  readonly warning: ISignal<IServerLifetimes, ILifetimeEvent>;
  /** Emitted when a temporary server left the list at its end. */
  readonly expired: ISignal<IServerLifetimes, ILifetimeEvent>;
}
