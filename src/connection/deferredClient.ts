/**
 * The client in use while the token is being decided (under a hub, one
 * `GET /hub/api/user` with this JupyterLab's hub login): a start clicked in
 * the first moments is not refused and still sends the token decided on.
 */
import { ServerConnection } from '@jupyterlab/services';

import type {
  IHubClient,
  IHubUser,
  IProgressEvent,
  IServerModel,
  IServerUrls,
  IStartResult,
  IUserOptions,
  ServerStatus,
  StopResult,
  Systems
} from '../hub';

/**
 * A client whose requests wait for the token decision, then go through the
 * client decided on; once decided, they go through it at once (no await).
 */
export class DeferredClient implements IHubClient {
  /**
   * @param fallback - a client for the same hub that answers what needs no
   *   token (URLs, defaults); it never carries this JupyterLab's hub login
   * @param decided - the client decided on; never rejects
   */
  constructor(fallback: IHubClient, decided: Promise<IHubClient>) {
    this._fallback = fallback;
    this.baseUrl = fallback.baseUrl;
    this.defaultOptions = fallback.defaultOptions;
    this.tokenPageUrl = fallback.tokenPageUrl;
    this._decided = decided.then(client => (this._client = client));
  }

  readonly baseUrl: string;
  readonly defaultOptions: IUserOptions;
  readonly tokenPageUrl: string;

  get owner(): string | null {
    return this._client?.owner ?? null;
  }

  start(options?: IUserOptions): Promise<IStartResult> {
    return this._call(client => client.start(options));
  }

  status(statusUrl: string): Promise<ServerStatus> {
    return this._call(client => client.status(statusUrl));
  }

  stop(deleteUrl: string): Promise<StopResult> {
    return this._call(client => client.stop(deleteUrl));
  }

  remove(deleteUrl: string): Promise<void> {
    return this._call(client => client.remove(deleteUrl));
  }

  whoami(): Promise<IHubUser> {
    return this._call(client => client.whoami());
  }

  ownServers(): Promise<{ user: IHubUser; servers: IServerModel[] | null }> {
    return this._call(client => client.ownServers());
  }

  listServers(user: string): Promise<IServerModel[]> {
    return this._call(client => client.listServers(user));
  }

  systems(): Promise<Systems | null> {
    return this._call(client => client.systems());
  }

  serverUrls(user: string, server: string): IServerUrls {
    return this._fallback.serverUrls(user, server);
  }

  async *progress(
    userName: string,
    serverName: string,
    signal?: AbortSignal
  ): AsyncGenerator<IProgressEvent> {
    const client = this._client ?? (await this._decided);
    yield* client.progress(userName, serverName, signal);
  }

  /**
   * Settings for a running sibling server. A server is known to run only
   * from an answer, which came after the decision: the decided client's.
   */
  serverSettings(nextUrl: string): ServerConnection.ISettings {
    return (this._client ?? this._fallback).serverSettings(nextUrl);
  }

  private _call<T>(request: (client: IHubClient) => Promise<T>): Promise<T> {
    return this._client ? request(this._client) : this._decided.then(request);
  }

  private readonly _fallback: IHubClient;
  private readonly _decided: Promise<IHubClient>;
  private _client: IHubClient | null = null;
}
