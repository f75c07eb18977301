/**
 * A typed client for the Jupyter4NFDI start API and the standard JupyterHub
 * REST calls around it. It knows nothing of widgets.
 *
 * Security: the token is sent only in the `Authorization` header and only to
 * the hub's origin; URLs from the hub's answers are checked (http(s), hub
 * origin) before anything follows them; the token never appears in a URL, a
 * log line or an error message.
 */
import { URLExt } from '@jupyterlab/coreutils';
import { ServerConnection } from '@jupyterlab/services';
import { nullTranslator, TranslationBundle } from '@jupyterlab/translation';

import { HubError } from './errors';
import { toProgressEvent } from './events';
import { HubMessages } from './messages';
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
import { HubAnswerParser } from './parse';
import { HubRequester, IFetchResponse } from './request';
import { IHubClient, IHubClientOptions, IServerUrls } from './types';
import { normalizeHubUrl } from './urls';

/**
 * A client for one hub and one token.
 */
export class HubClient implements IHubClient {
  /**
   * Create a client. Throws a `config` error if the hub URL is not usable.
   */
  constructor(options: IHubClientOptions) {
    const trans =
      options.trans ?? nullTranslator.load('jupyterlab_nfdi_launcher');
    try {
      this.baseUrl = normalizeHubUrl(options.hubUrl);
    } catch {
      throw new HubError(
        'config',
        trans.__(
          'The hub URL "%1" is not usable. Type the hub\'s address in the settings, e.g. https://hub.nfdi-jupyter.de or localhost:8000.',
          options.hubUrl
        ),
        { summary: trans.__('The hub URL in the settings is not usable.') }
      );
    }
    this._trans = trans;
    this._token = options.token.trim();
    this.defaultOptions = mergeOptions(
      DEFAULT_USER_OPTIONS,
      options.defaultOptions
    );
    const token = this._token;
    const messages = new HubMessages({
      baseUrl: this.baseUrl,
      tokenPageUrl: this.tokenPageUrl,
      pageOrigin: options.pageOrigin ?? globalThis.location?.origin ?? '',
      redact: text => (token ? text.split(token).join('***') : text),
      trans
    });
    this._requests = new HubRequester({
      baseUrl: this.baseUrl,
      token,
      fetch:
        options.fetch ??
        ((url, init) => globalThis.fetch(url, init) as Promise<IFetchResponse>),
      timeout: (options.requestTimeout ?? 30) * 1000,
      messages
    });
    this._answers = new HubAnswerParser({
      baseUrl: this.baseUrl,
      messages,
      trans
    });
  }

  /** The hub's base URL, ending in `/`. */
  readonly baseUrl: string;

  /** The defaults merged under every start. */
  readonly defaultOptions: IUserOptions;

  /** The hub's page where a user creates API tokens. */
  get tokenPageUrl(): string {
    return URLExt.join(this.baseUrl, 'hub/token');
  }

  /**
   * Start a server: `POST /hub/api/start` with `options` merged over the
   * defaults.
   */
  async start(options?: IUserOptions): Promise<IStartResult> {
    const answer = await this._requests.request({
      method: 'POST',
      url: this._api('start'),
      body: toRequestBody(mergeOptions(this.defaultOptions, options)),
      notFound: this._trans.__(
        'The hub at %1 has no start API (/hub/api/start). Is it a Jupyter4NFDI hub?',
        this.baseUrl
      )
    });
    return this._answers.start(answer.data);
  }

  /**
   * A server's state: `GET status_url`.
   */
  async status(statusUrl: string): Promise<ServerStatus> {
    const url = this._answers.hubUrl(statusUrl, 'status_url');
    const answer = await this._requests.request({
      method: 'GET',
      url,
      notFound: this._trans.__(
        'The server is not known to the hub (any more). It may have been deleted.'
      )
    });
    return this._answers.status(answer.data, url);
  }

  /**
   * Stop a server: `DELETE delete_url`. Its configuration stays.
   */
  async stop(deleteUrl: string): Promise<StopResult> {
    try {
      const answer = await this._requests.request({
        method: 'DELETE',
        url: this._answers.hubUrl(deleteUrl, 'delete_url'),
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
      url: this._answers.hubUrl(deleteUrl, 'delete_url'),
      body: { remove: true },
      notFound: this._trans.__(
        'The server is not known to the hub (any more). It may have been deleted already.'
      )
    });
  }

  /**
   * The token's owner and scopes: `GET /hub/api/user`.
   */
  async whoami(): Promise<IHubUser> {
    const answer = await this._requests.request({
      method: 'GET',
      url: this._api('user'),
      notFound: this._trans.__(
        'The hub at %1 has no JupyterHub API. Check the hub URL.',
        this.baseUrl
      )
    });
    return this._answers.user(answer.data);
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
    return this._answers.servers(answer.data);
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
   * The token goes in the `Authorization` header only; it is not appended to
   * WebSocket URLs.
   */
  serverSettings(nextUrl: string): ServerConnection.ISettings {
    const baseUrl = this._answers.hubUrl(nextUrl, 'next_url');
    return ServerConnection.makeSettings({
      baseUrl,
      appUrl: URLExt.join(baseUrl, 'lab'),
      wsUrl: baseUrl.replace(/^http/, 'ws'),
      token: this._token,
      appendToken: false,
      init: { cache: 'no-store', credentials: 'omit' }
    });
  }

  /**
   * Follow a starting server's progress (JupyterHub's
   * `GET /hub/api/users/{user}/servers/{server}/progress` event stream):
   * yields each event until the stream ends or `signal` aborts.
   *
   * Only for showing what happens: whether the server runs is the start
   * API's to say. Throws a `HubError` if the stream cannot be opened (e.g.
   * 400 when the server is not starting).
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
      const event = toProgressEvent(data);
      if (event) {
        yield event;
      }
    }
  }

  /** A hub API URL; each segment after the first is percent-encoded. */
  private _api(path: string, ...segments: string[]): string {
    return URLExt.join(
      this.baseUrl,
      'hub/api',
      path,
      ...segments.map(encodeURIComponent)
    );
  }

  private readonly _token: string;
  private readonly _trans: TranslationBundle;
  private readonly _requests: HubRequester;
  private readonly _answers: HubAnswerParser;
}
