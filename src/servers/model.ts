/**
 * The user's servers on the hub and the state of the connection to it.
 *
 * Refreshes every few seconds while `active` (the sidebar is visible) and
 * after every action; slowly (every minute) while another of the user's
 * servers runs or starts, so counts and removals are known with the sidebar
 * closed; not at all otherwise.
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
import { ServerPolls } from './polls';
import { compareServers, CONFIGURATION_LIMIT, serverState } from './state';
import { HubSystems } from './systems';
import { ConnectionState, IServersModel } from './types';

/**
 * The user's servers on the hub.
 */
export class ServersModel implements IServersModel, IDisposable {
  constructor(
    hub: IHubConnection,
    options: { refreshInterval?: number; watchInterval?: number } = {}
  ) {
    this._hub = hub;
    this._polls = new ServerPolls(() => this._refresh(), options);
    hub.changed.connect(this._onHubChanged, this);
    this._reset();
  }

  /** The connection's state. */
  get connection(): ConnectionState {
    return this._connection;
  }

  /** Why the connection is `unconfigured` or `failed`, for the user. */
  get problem(): string | null {
    return this._problem;
  }

  /** The error behind a `failed` connection, if any. */
  get error(): HubError | null {
    return this._error;
  }

  /** The token's owner, once connected. */
  get user(): IHubUser | null {
    return this._user;
  }

  /** The user's server configurations, running ones first. */
  get servers(): ReadonlyArray<IServerModel> {
    return this._servers;
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
    return this._servers.length >= CONFIGURATION_LIMIT;
  }

  /** Emitted when anything above changes. */
  get changed(): ISignal<this, void> {
    return this._changed;
  }

  /** Emitted with a server's name when the user deleted it through the model. */
  get removed(): ISignal<this, string> {
    return this._removed;
  }

  /** Whether the model refreshes slowly in the background. */
  get watching(): boolean {
    return this._polls.watching;
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
        this.active || this._connection === 'connected'
          ? Promise.resolve()
          : this.refresh();
    }
    return this._loading;
  }

  /** Refresh now. Resolves when done; never rejects. */
  async refresh(): Promise<void> {
    try {
      await this._refresh();
    } catch {
      // The state says what went wrong.
    }
  }

  /** Whether a server is the one this JupyterLab runs in. */
  isCurrent(server: IServerModel): boolean {
    const current = this._hub.currentServer;
    return (
      !!current &&
      current.user === this._user?.name &&
      current.server === server.name
    );
  }

  /** The server with that name, if listed. */
  find(name: string): IServerModel | undefined {
    return this._servers.find(server => server.name === name);
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
    if (this._hub.client === this._client) {
      return; // Same hub, same token: nothing to forget.
    }
    this._reset();
    this._changed.emit();
    this._polls.refreshActive();
  }

  private _reset(): void {
    this._loading = null;
    this._polls.watching = false;
    this._user = null;
    this._servers = [];
    this._systems = new HubSystems();
    this._error = null;
    const client = this._hub.client;
    this._client = client;
    if (!client) {
      this._connection = 'unconfigured';
      this._problem = this._hub.configError;
    } else if (!this._hub.hasToken) {
      this._connection = 'unconfigured';
      this._problem = null;
    } else {
      this._connection = 'checking';
      this._problem = null;
    }
  }

  private _requireClient(): IHubClient {
    const client = this._hub.client;
    if (!client) {
      throw new HubError('config', this._hub.configError ?? '');
    }
    return client;
  }

  private async _ensureUser(client: IHubClient): Promise<IHubUser> {
    if (!this._user) {
      this._user = await client.whoami();
    }
    return this._user;
  }

  private async _refresh(): Promise<void> {
    const client = this._hub.client;
    if (!client || !this._hub.hasToken) {
      return;
    }
    try {
      const user = await this._ensureUser(client);
      const servers = await client.listServers(user.name);
      if (client !== this._hub.client) {
        return; // The settings changed meanwhile; that refresh will follow.
      }
      // The unnamed default server is not a configuration of the start API.
      this._servers = servers.filter(s => s.name !== '').sort(compareServers);
      this._connection = 'connected';
      this._problem = null;
      this._error = null;
      await this._systems.refresh(client);
    } catch (error) {
      if (client !== this._hub.client) {
        return;
      }
      this._error = error instanceof HubError ? error : null;
      this._problem = error instanceof Error ? error.message : String(error);
      if (this._error?.kind === 'auth') {
        this._user = null;
      }
      this._connection = 'failed';
      throw error;
    } finally {
      if (client === this._hub.client) {
        this._updateWatching();
        this._changed.emit();
      }
    }
  }

  /** Watch while a server other than this JupyterLab runs, starts or stops. */
  private _updateWatching(): void {
    this._polls.watching =
      this._connection === 'connected' &&
      this._servers.some(
        server => serverState(server) !== 'stopped' && !this.isCurrent(server)
      );
  }

  private readonly _hub: IHubConnection;
  private readonly _polls: ServerPolls;
  private readonly _changed = new Signal<this, void>(this);
  private readonly _removed = new Signal<this, string>(this);
  private _loading: Promise<void> | null = null;
  private _client: IHubClient | null = null;
  private _connection: ConnectionState = 'unconfigured';
  private _problem: string | null = null;
  private _error: HubError | null = null;
  private _user: IHubUser | null = null;
  private _servers: IServerModel[] = [];
  private _systems = new HubSystems();
}
