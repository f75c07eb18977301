/**
 * The user's servers on the hub and the state of the connection to it.
 *
 * Refreshes after every action and on the cadence of `ServerPolls` (see
 * there): while a view shows the list, and while something starts or stops.
 * `changed` is emitted only when what the hub said differs from before, and
 * what did not change keeps its identity, so views re-render only that.
 */
import { IDisposable } from '@lumino/disposable';
import { ISignal, Signal } from '@lumino/signaling';

import type { IHubConnection } from '../connection/types';
import {
  HubError,
  IHubClient,
  IHubUser,
  IServerModel,
  ServerStatus,
  StopResult,
  Systems
} from '../hub';
import { IListState, refreshList } from './listing';
import { ServerPolls } from './polls';
import { CONFIGURATION_LIMIT } from './state';
import { HubSystems } from './systems';
import { ConnectionState, IServersModel } from './types';

/**
 * The user's servers on the hub.
 */
export class ServersModel implements IServersModel, IDisposable {
  constructor(
    hub: IHubConnection,
    options: { refreshInterval?: number; idleInterval?: number } = {}
  ) {
    this._hub = hub;
    this._polls = new ServerPolls(() => this._refresh(), options);
    hub.changed.connect(this._onHubChanged, this);
    this._reset();
  }

  /** The connection's state. */
  get connection(): ConnectionState {
    return this._list.connection;
  }

  /** Why the connection is `unconfigured` or `failed`, for the user. */
  get problem(): string | null {
    return this._list.problem;
  }

  /** The error behind a `failed` connection, if any. */
  get error(): HubError | null {
    return this._list.error;
  }

  /** The token's owner, once connected. */
  get user(): IHubUser | null {
    return this._list.user;
  }

  /** The user's server configurations, running ones first. */
  get servers(): ReadonlyArray<IServerModel> {
    return this._list.servers;
  }

  /** The systems and flavors the hub offers, if it says. */
  get systems(): Systems | null {
    return this._systems.systems;
  }

  /** The most server configurations the user may have. */
  get limit(): number {
    return CONFIGURATION_LIMIT;
  }

  /** Whether the user has as many configurations as allowed. */
  get atLimit(): boolean {
    return this._list.servers.length >= CONFIGURATION_LIMIT;
  }

  /** Emitted when anything above changes. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** Emitted with a server's name when the user deleted it through the model. */
  get removed(): ISignal<this, string> {
    return this._removed;
  }

  /** Whether something starts or stops, so the list is refreshed often. */
  get watching(): boolean {
    return this._polls.busy;
  }

  /**
   * Whether the servers are being watched (e.g. the sidebar is visible).
   * While not active, no requests are made.
   */
  get active(): boolean {
    return this._polls.active;
  }
  set active(value: boolean) {
    this._polls.active = value;
  }

  get isDisposed(): boolean {
    return this._polls.isDisposed;
  }

  /**
   * Load the list once (no request if it is loaded, loading, or watched by
   * an active view). Resolves when done; never rejects.
   */
  load(): Promise<void> {
    if (!this._loading) {
      this._loading =
        this.active || this._list.connection === 'connected'
          ? Promise.resolve()
          : this.refresh();
    }
    return this._loading;
  }

  /** Refresh now. Resolves when done; never rejects. */
  refresh(): Promise<void> {
    // Calls of one turn (e.g. two listeners of one event) share a request.
    this._queued ??= Promise.resolve()
      .then(() => {
        this._queued = null;
        return this._refresh();
      })
      .catch(() => undefined); // The state says what went wrong.
    return this._queued;
  }

  /** Whether a server is the one this JupyterLab runs in. */
  isCurrent(server: IServerModel): boolean {
    const current = this._hub.currentServer;
    return (
      !!current &&
      current.user === this._list.user?.name &&
      current.server === server.name
    );
  }

  /** The server with that name, if listed. */
  find(name: string): IServerModel | undefined {
    return this._list.servers.find(server => server.name === name);
  }

  /** Stop a server (its configuration stays), then refresh. */
  async stop(name: string): Promise<StopResult> {
    const client = this._requireClient();
    const user = await this._ensureUser(client);
    try {
      return await client.stop(client.serverUrls(user.name, name).deleteUrl);
    } finally {
      await this.refresh();
    }
  }

  /** Stop a server and delete its configuration, then refresh. */
  async remove(name: string): Promise<void> {
    const client = this._requireClient();
    const user = await this._ensureUser(client);
    try {
      await client.remove(client.serverUrls(user.name, name).deleteUrl);
      this._removed.emit(name);
    } catch (error) {
      // Already gone from the hub is what the user asked for.
      if (!(error instanceof HubError && error.kind === 'not-found')) {
        throw error;
      }
    } finally {
      await this.refresh();
    }
  }

  /** A server's state from the start API: exit code and logs when stopped. */
  async details(name: string): Promise<ServerStatus> {
    const client = this._requireClient();
    const user = await this._ensureUser(client);
    return client.status(client.serverUrls(user.name, name).statusUrl);
  }

  dispose(): void {
    if (this.isDisposed) {
      return;
    }
    this._polls.dispose();
    this._hub.changed.disconnect(this._onHubChanged, this);
    Signal.clearData(this);
  }

  private _onHubChanged(): void {
    if (
      this._hub.client === this._client &&
      this._hub.hasToken === this._hasToken
    ) {
      return; // Same hub, same token: nothing to forget.
    }
    this._reset();
    this._changed.emit();
    this._polls.refreshActive();
  }

  private _reset(): void {
    this._loading = null;
    this._polls.busy = false;
    this._systems = new HubSystems();
    const client = this._hub.client;
    this._client = client;
    this._hasToken = this._hub.hasToken;
    this._list = {
      connection: client && this._hub.hasToken ? 'checking' : 'unconfigured',
      problem: client ? null : this._hub.configError,
      error: null,
      user: null,
      servers: []
    };
  }

  private _requireClient(): IHubClient {
    const client = this._hub.client;
    if (!client) {
      throw new HubError('config', this._hub.configError ?? '');
    }
    return client;
  }

  private async _ensureUser(client: IHubClient): Promise<IHubUser> {
    const known = this._list.user;
    if (known) {
      return known;
    }
    const user = await client.whoami();
    this._list = { ...this._list, user };
    return user;
  }

  private async _refresh(): Promise<void> {
    const client = this._hub.client;
    if (!client || !this._hub.hasToken) {
      return;
    }
    const systems = this._systems.systems;
    const { state, error } = await refreshList(
      client,
      this._systems,
      this._list
    );
    if (client !== this._hub.client) {
      // The settings changed or the token was decided meanwhile: ask again
      // with the client in use now (a refresh asked meanwhile may have been
      // folded into this one).
      return this._refresh();
    }
    const before = this._list;
    this._list = state;
    this._updateBusy();
    const keys = Object.keys(state) as (keyof IListState)[];
    if (
      systems !== this._systems.systems ||
      keys.some(key => state[key] !== before[key])
    ) {
      this._changed.emit();
    }
    if (error !== undefined) {
      throw error;
    }
  }

  /** Something other than this JupyterLab starts or stops: refresh often. */
  private _updateBusy(): void {
    this._polls.busy =
      this._list.connection === 'connected' &&
      this._list.servers.some(
        server => server.pending !== null && !this.isCurrent(server)
      );
  }

  private readonly _hub: IHubConnection;
  private readonly _polls: ServerPolls;
  private readonly _changed = new Signal<this, void>(this);
  private readonly _removed = new Signal<this, string>(this);
  private _loading: Promise<void> | null = null;
  private _queued: Promise<void> | null = null;
  private _client: IHubClient | null = null;
  private _hasToken = false;
  private _list: IListState = {
    connection: 'unconfigured',
    problem: null,
    error: null,
    user: null,
    servers: []
  };
  private _systems = new HubSystems();
}
