/**
 * A typed client for the Jupyter4NFDI start API and the standard JupyterHub
 * REST calls around it. It knows nothing of widgets.
 *
 * Security: the token is sent only in the `Authorization` header and only to
 * the hub's origin; URLs from the hub's answers are checked (http(s), hub
 * origin, and the path of the token owner's own server) before the token or
 * the browser follows them; the token never appears in a URL, a log line or
 * an error message, and is removed from every text the hub sends.
 */
import { ServerConnection } from '@jupyterlab/services';

import {
  createClientParts,
  hubApiUrl,
  IClientParts,
  TokenOwner,
  tokenPageUrl
} from './clientParts';
import { HubError } from './errors';
import { siblingSettings } from './siblingSettings';
import { KEEP_ALIVE, KEEP_ALIVE_EVENT, toProgressEvent } from './events';
import { isRecord } from './guards';
import {
  IHubUser,
  IProgressEvent,
  IServerModel,
  IStartResult,
  ServerStatus,
  StopResult,
  Systems
} from './models';
import {
  DEFAULT_USER_OPTIONS,
  IUserOptions,
  mergeOptions,
  toRequestBody
} from './options';
import { IHubClient, IHubClientOptions, IServerUrls } from './types';

/**
 * A client for one hub and one token.
 */
export class HubClient implements IHubClient {
  /**
   * Create a client. Throws a `config` error if the hub URL is not usable.
   */
  constructor(options: IHubClientOptions) {
    const parts = createClientParts(options);
    this.baseUrl = parts.baseUrl;
    this.defaultOptions = mergeOptions(
      DEFAULT_USER_OPTIONS,
      options.defaultOptions
    );
    this._parts = parts;
    this._trans = parts.trans;
    this._requests = parts.requests;
    this._answers = parts.answers;
    this._owner = new TokenOwner(() => this.whoami(), options.owner);
  }

  /** The hub's base URL, ending in `/`. */
  readonly baseUrl: string;

  /** The defaults merged under every start. */
  readonly defaultOptions: IUserOptions;

  /** The hub's page where a user creates API tokens. */
  get tokenPageUrl(): string {
    return tokenPageUrl(this.baseUrl);
  }

  /**
   * Start a server: `POST /hub/api/start` with `options` merged over the
   * defaults.
   */
  async start(options?: IUserOptions): Promise<IStartResult> {
    // Known before anything is created, so that the answer can be checked.
    // Usually known already: then the request leaves at once, within the
    // caller's task (e.g. the user's click), not after an await.
    const owner = this._owner.name ?? (await this._owner.get());
    const answer = await this._requests.request({
      method: 'POST',
      url: this._api('start'),
      body: toRequestBody(mergeOptions(this.defaultOptions, options)),
      notFound: this._trans.__(
        'The hub at %1 has no start API (/hub/api/start). Is it a Jupyter4NFDI hub?',
        this.baseUrl
      )
    });
    return this._answers.start(answer.data, owner);
  }

  /**
   * A server's state: `GET status_url`.
   */
  async status(statusUrl: string): Promise<ServerStatus> {
    const url = this._answers.hubUrl(statusUrl, 'status_url');
    const path = this._answers.serverPath(
      url,
      'status',
      await this._owner.get()
    );
    const answer = await this._requests.request({
      method: 'GET',
      url,
      notFound: this._trans.__(
        'The server is not known to the hub (any more). It may have been deleted.'
      )
    });
    return this._answers.status(answer.data, url, path);
  }

  /**
   * Stop a server: `DELETE delete_url`. Its configuration stays.
   */
  async stop(deleteUrl: string): Promise<StopResult> {
    try {
      const answer = await this._requests.request({
        method: 'DELETE',
        url: await this._deleteUrl(deleteUrl),
        notFound: ''
      });
      return answer.status === 202 ? 'stopping' : 'stopped';
    } catch (error) {
      // Jupyter4NFDI answers 404 for a server that is already stopped.
      if (error instanceof HubError && error.kind === 'not-found') {
        return 'already-stopped';
      }
      throw error;
    }
  }

  /**
   * Stop a server and delete its configuration: `DELETE delete_url` with
   * `{"remove": true}`.
   */
  async remove(deleteUrl: string): Promise<void> {
    await this._requests.request({
      method: 'DELETE',
      url: await this._deleteUrl(deleteUrl),
      body: { remove: true },
      notFound: this._trans.__(
        'The server is not known to the hub (any more). It may have been deleted already.'
      )
    });
  }

  /** The token's owner, once known (the `owner` option or a `whoami`). */
  get owner(): string | null {
    return this._owner.name;
  }

  /** The token's owner and scopes (`GET /hub/api/user`); its name is kept. */
  async whoami(): Promise<IHubUser> {
    return (await this._self('')).user;
  }

  /**
   * The token's owner and its servers, stopped ones included, in one request
   * (`?include_stopped_servers`); `servers: null`: the hub listed none.
   */
  ownServers(): Promise<{ user: IHubUser; servers: IServerModel[] | null }> {
    return this._self('?include_stopped_servers');
  }

  /**
   * Every server configuration of a user, stopped ones included:
   * `GET /hub/api/users/{user}?include_stopped_servers`.
   */
  async listServers(user: string): Promise<IServerModel[]> {
    const answer = await this._requests.request({
      method: 'GET',
      url: `${this._api('users', user)}?include_stopped_servers`,
      notFound: this._trans.__('The hub has no user "%1".', user)
    });
    return this._answers.servers(answer.data, user);
  }

  /**
   * The systems and flavors the hub offers (`GET /hub/api/outpostflavors`),
   * or `null` if this hub has no such endpoint.
   */
  async systems(): Promise<Systems | null> {
    try {
      const answer = await this._requests.request({
        method: 'GET',
        url: this._api('outpostflavors'),
        notFound: ''
      });
      return this._answers.systems(answer.data);
    } catch (error) {
      if (error instanceof HubError && error.kind === 'not-found') {
        return null;
      }
      throw error;
    }
  }

  /**
   * The start API's URLs of a user's server: `status_url` is
   * `/hub/api/start/{user}/{server}`, `delete_url` JupyterHub's
   * `/hub/api/users/{user}/servers/{server}`.
   */
  serverUrls(user: string, server: string): IServerUrls {
    return {
      statusUrl: this._api('start', user, server),
      deleteUrl: this._api('users', user, 'servers', server)
    };
  }

  /**
   * Connection settings for a running sibling server, so its Jupyter Server
   * API (kernels, contents, …) can be used with `@jupyterlab/services`.
   *
   * `nextUrl` must lie in one of the token owner's servers, so the owner
   * must be known (after `whoami`, a start or a status check); the settings
   * point at that server's base URL.
   */
  serverSettings(nextUrl: string): ServerConnection.ISettings {
    const baseUrl = this._answers.serverBase(
      this._answers.hubUrl(nextUrl, 'next_url'),
      this._owner.name ?? ''
    );
    return siblingSettings(baseUrl, this._parts.token);
  }

  /**
   * Follow a starting server's progress (JupyterHub's
   * `GET /hub/api/users/{user}/servers/{server}/progress` event stream):
   * yields each event until the stream ends or `signal` aborts.
   *
   * Whether the server runs is the start API's to say: an event with
   * `ready` or `failed` is a hint to ask it. A keep-alive yields an event
   * with `keepAlive` set and nothing else: the stream is alive. Throws a
   * `HubError` if the stream cannot be opened (e.g. 400 when the server is
   * not starting).
   */
  async *progress(
    userName: string,
    serverName: string,
    signal?: AbortSignal
  ): AsyncGenerator<IProgressEvent> {
    const events = this._requests.events(
      {
        method: 'GET',
        url: this._api('users', userName, 'servers', serverName, 'progress'),
        notFound: this._trans.__('The server is not known to the hub.')
      },
      signal
    );
    for await (const data of events) {
      if (data === KEEP_ALIVE) {
        yield { ...KEEP_ALIVE_EVENT };
        continue;
      }
      const event = toProgressEvent(data);
      if (event) {
        yield { ...event, message: this._parts.messages.redact(event.message) };
      }
    }
  }

  /** `GET /hub/api/user` (+ `query`): the owner, and the servers it lists. */
  private async _self(query: string) {
    const { data } = await this._requests.request({
      method: 'GET',
      url: this._api('user') + query,
      notFound: this._trans.__(
        'The hub at %1 has no JupyterHub API. Check the hub URL.',
        this.baseUrl
      )
    });
    const user = this._answers.user(data);
    this._owner.learn(user.name);
    const listed = query && isRecord(data) && isRecord(data.servers);
    return {
      user,
      servers: listed ? this._answers.servers(data, user.name) : null
    };
  }

  /** A `delete_url` of one of the owner's servers, checked. */
  private async _deleteUrl(deleteUrl: string): Promise<string> {
    const url = this._answers.hubUrl(deleteUrl, 'delete_url');
    this._answers.serverPath(url, 'delete', await this._owner.get());
    return url;
  }

  /** A hub API URL; each segment after the first is percent-encoded. */
  private _api(path: string, ...segments: string[]): string {
    return hubApiUrl(this._parts, path, ...segments);
  }

  private readonly _parts: IClientParts;
  private readonly _owner: TokenOwner;
  private readonly _trans: IClientParts['trans'];
  private readonly _requests: IClientParts['requests'];
  private readonly _answers: IClientParts['answers'];
}
