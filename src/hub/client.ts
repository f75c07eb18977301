/**
 * A typed client for the Jupyter4NFDI start API and the standard JupyterHub
 * REST calls around it. It knows nothing of widgets.
 *
 * Security: the token is sent only in the `Authorization` header and only to
 * the hub's origin; URLs from the hub's answers are checked (http(s), hub
 * origin) before anything follows them; the token never appears in a URL, a
 * log line or an error message.
 */
import { ServerConnection } from '@jupyterlab/services';
import { nullTranslator, TranslationBundle } from '@jupyterlab/translation';

import { HubError, HubErrorKind } from './errors';
import { EventStreamParser, toProgressEvent } from './events';
import {
  IFlavor,
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
import { checkHubUrl, normalizeHubUrl } from './urls';

/**
 * The part of a fetch `Response` the client reads.
 */
export interface IFetchResponse {
  readonly status: number;
  readonly type?: string;
  readonly headers: { get(name: string): string | null };
  /** The body as a stream (read only for event streams). */
  readonly body?: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(): Promise<void>;
    };
  } | null;
  text(): Promise<string>;
}

/**
 * A `fetch`-like function.
 */
export type FetchFunction = (
  url: string,
  init: RequestInit
) => Promise<IFetchResponse>;

/**
 * How to build a hub client.
 */
export interface IHubClientOptions {
  /** The hub's base URL, e.g. `https://hub.nfdi-jupyter.de/`. */
  hubUrl: string;
  /** The user's JupyterHub API token. */
  token: string;
  /** Options sent with every start, under the ones passed to `start`. */
  defaultOptions?: IUserOptions;
  /** The fetch to use (default: the browser's). */
  fetch?: FetchFunction;
  /** Seconds after which a request counts as unanswered (default 30). */
  requestTimeout?: number;
  /** Origin of the page the client runs in, to tell CORS blocks apart. */
  pageOrigin?: string;
  /** Translations for messages. */
  trans?: TranslationBundle;
}

interface IRequest {
  method: 'GET' | 'POST' | 'DELETE';
  url: string;
  body?: unknown;
  /** What a 404 means for this request, for the message. */
  notFound: string;
}

interface IAnswer {
  status: number;
  data: unknown;
}

const LIMIT_MESSAGE = /limit|maximum|configurations/i;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function numberOrNull(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/**
 * Seconds to wait from a `Retry-After` header (seconds or an HTTP date).
 */
export function parseRetryAfter(
  value: string | null,
  now: number = Date.now()
): number | undefined {
  if (!value) {
    return undefined;
  }
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) {
    return parseInt(trimmed, 10);
  }
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) {
    return undefined;
  }
  return Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * A client for one hub and one token.
 */
export class HubClient {
  /**
   * Create a client. Throws a `config` error if the hub URL is not usable.
   */
  constructor(options: IHubClientOptions) {
    this._trans =
      options.trans ?? nullTranslator.load('jupyterlab_nfdi_launcher');
    try {
      this.baseUrl = normalizeHubUrl(options.hubUrl);
    } catch {
      throw new HubError(
        'config',
        this._trans.__(
          'The hub URL "%1" is not a valid http(s) URL. Set the hub URL in the settings, e.g. https://hub.nfdi-jupyter.de.',
          options.hubUrl
        )
      );
    }
    this.origin = new URL(this.baseUrl).origin;
    this._token = options.token.trim();
    this.defaultOptions = mergeOptions(
      DEFAULT_USER_OPTIONS,
      options.defaultOptions
    );
    this._fetch =
      options.fetch ??
      ((url, init) => globalThis.fetch(url, init) as Promise<IFetchResponse>);
    this._timeout = (options.requestTimeout ?? 30) * 1000;
    this._pageOrigin = options.pageOrigin ?? globalThis.location?.origin ?? '';
  }

  /** The hub's base URL, ending in `/`. */
  readonly baseUrl: string;

  /** The hub's origin; the only one the token is sent to. */
  readonly origin: string;

  /** The defaults merged under every start. */
  readonly defaultOptions: IUserOptions;

  /** Whether a token is set. */
  get hasToken(): boolean {
    return this._token.length > 0;
  }

  /** The hub's page where a user creates API tokens. */
  get tokenPageUrl(): string {
    return `${this.baseUrl}hub/token`;
  }

  /**
   * Start a server: `POST /hub/api/start` with `options` merged over the
   * defaults.
   */
  async start(options?: IUserOptions): Promise<IStartResult> {
    const body = toRequestBody(mergeOptions(this.defaultOptions, options));
    const answer = await this._request({
      method: 'POST',
      url: this._api('start'),
      body,
      notFound: this._trans.__(
        'The hub at %1 has no start API (/hub/api/start). Is it a Jupyter4NFDI hub?',
        this.baseUrl
      )
    });
    const data = this._expectRecord(answer.data);
    const status = data.status;
    if (status !== 'running' && status !== 'pending') {
      throw this._badResponse(
        this._trans.__('the start answer has status "%1"', String(status))
      );
    }
    const statusUrl = this._hubUrl(data.status_url, 'status_url');
    const deleteUrl = this._hubUrl(data.delete_url, 'delete_url');
    const { userName, serverName } = this._serverOf(deleteUrl);
    const result: IStartResult = {
      status,
      statusUrl,
      deleteUrl,
      userName,
      serverName
    };
    if (status === 'running') {
      result.nextUrl = this._hubUrl(data.next_url, 'next_url');
    }
    return result;
  }

  /**
   * A server's state: `GET status_url`.
   */
  async status(statusUrl: string): Promise<ServerStatus> {
    const url = this._hubUrl(statusUrl, 'status_url');
    const answer = await this._request({
      method: 'GET',
      url,
      notFound: this._trans.__(
        'The server is not known to the hub (any more). It may have been deleted.'
      )
    });
    const data = this._expectRecord(answer.data);
    switch (data.status) {
      case 'running':
        return {
          status: 'running',
          nextUrl: this._hubUrl(data.next_url, 'next_url'),
          statusUrl: this._hubUrl(data.status_url ?? url, 'status_url'),
          deleteUrl: this._hubUrl(data.delete_url, 'delete_url')
        };
      case 'pending':
        return {
          status: 'pending',
          statusUrl: this._hubUrl(data.status_url ?? url, 'status_url'),
          deleteUrl: this._hubUrl(data.delete_url, 'delete_url')
        };
      case 'stopped': {
        const logs = Array.isArray(data.logs)
          ? data.logs.map(line => String(line))
          : typeof data.logs === 'string'
            ? data.logs.split('\n')
            : [];
        return {
          status: 'stopped',
          exitCode: numberOrNull(data.exit_code),
          logs
        };
      }
      default:
        throw this._badResponse(
          this._trans.__(
            'the status answer has status "%1"',
            String(data.status)
          )
        );
    }
  }

  /**
   * Stop a server: `DELETE delete_url`. Its configuration stays.
   */
  async stop(deleteUrl: string): Promise<StopResult> {
    const url = this._hubUrl(deleteUrl, 'delete_url');
    try {
      const answer = await this._request({
        method: 'DELETE',
        url,
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
    const url = this._hubUrl(deleteUrl, 'delete_url');
    await this._request({
      method: 'DELETE',
      url,
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
    const answer = await this._request({
      method: 'GET',
      url: this._api('user'),
      notFound: this._trans.__(
        'The hub at %1 has no JupyterHub API. Check the hub URL.',
        this.baseUrl
      )
    });
    const data = this._expectRecord(answer.data);
    if (typeof data.name !== 'string' || !data.name) {
      throw this._badResponse(this._trans.__('the user has no name'));
    }
    return {
      name: data.name,
      admin: data.admin === true,
      scopes: Array.isArray(data.scopes)
        ? data.scopes.filter((s): s is string => typeof s === 'string')
        : []
    };
  }

  /**
   * Every server configuration of a user, stopped ones included:
   * `GET /hub/api/users/{user}?include_stopped_servers`.
   */
  async listServers(user: string): Promise<IServerModel[]> {
    const answer = await this._request({
      method: 'GET',
      url: `${this._api(`users/${encodeURIComponent(user)}`)}?include_stopped_servers`,
      notFound: this._trans.__('The hub has no user "%1".', user)
    });
    const data = this._expectRecord(answer.data);
    const servers = isRecord(data.servers) ? data.servers : {};
    return Object.entries(servers).map(([key, value]) =>
      this._serverModel(key, value)
    );
  }

  /**
   * The systems and flavors the hub offers (`GET /hub/api/outpostflavors`),
   * or `null` if this hub has no such endpoint.
   */
  async systems(): Promise<Systems | null> {
    let answer: IAnswer;
    try {
      answer = await this._request({
        method: 'GET',
        url: this._api('outpostflavors'),
        notFound: ''
      });
    } catch (error) {
      if (error instanceof HubError && error.kind === 'not-found') {
        return null;
      }
      throw error;
    }
    const data = this._expectRecord(answer.data);
    const systems: Systems = {};
    for (const [system, flavors] of Object.entries(data)) {
      if (!isRecord(flavors)) {
        continue;
      }
      systems[system] = {};
      for (const [flavor, info] of Object.entries(flavors)) {
        const record = isRecord(info) ? info : {};
        const entry: IFlavor = {
          displayName: stringOrNull(record.display_name) ?? flavor,
          max: numberOrNull(record.max),
          current: numberOrNull(record.current),
          runtime: record.runtime ?? null
        };
        systems[system][flavor] = entry;
      }
    }
    return systems;
  }

  /**
   * Connection settings for a running sibling server, so its Jupyter Server
   * API (kernels, contents, …) can be used with `@jupyterlab/services`.
   *
   * The token goes in the `Authorization` header only; it is not appended to
   * WebSocket URLs.
   */
  serverSettings(nextUrl: string): ServerConnection.ISettings {
    const baseUrl = this._hubUrl(nextUrl, 'next_url');
    return ServerConnection.makeSettings({
      baseUrl,
      appUrl: `${baseUrl}lab`,
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
    const request: IRequest = {
      method: 'GET',
      url: this._api(
        `users/${encodeURIComponent(userName)}/servers/${encodeURIComponent(serverName)}/progress`
      ),
      notFound: this._trans.__('The server is not known to the hub.')
    };
    const init = this._init(request, 'text/event-stream');
    init.signal = signal;
    let response: IFetchResponse;
    try {
      response = await this._fetch(request.url, init);
    } catch {
      throw this._networkError(false);
    }
    if (response.status < 200 || response.status >= 300 || !response.body) {
      const text = await response.text().catch(() => '');
      this._checkStatus(request, response, text);
      return; // A 2xx without a readable body: nothing to follow.
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = new EventStreamParser();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        const text = done
          ? decoder.decode()
          : decoder.decode(value, { stream: true });
        for (const data of parser.push(done ? `${text}\n\n` : text)) {
          const event = toProgressEvent(data);
          if (event) {
            yield event;
          }
        }
        if (done) {
          return;
        }
      }
    } finally {
      void reader.cancel().catch(() => undefined);
    }
  }

  private _api(path: string): string {
    return `${this.baseUrl}hub/api/${path}`;
  }

  private async _request(request: IRequest): Promise<IAnswer> {
    const init = this._init(request, 'application/json');
    const controller =
      typeof AbortController === 'undefined' ? null : new AbortController();
    if (controller) {
      init.signal = controller.signal;
    }
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller?.abort();
    }, this._timeout);

    let response: IFetchResponse;
    let text: string;
    try {
      response = await this._fetch(request.url, init);
      text = await response.text();
    } catch {
      throw this._networkError(timedOut);
    } finally {
      clearTimeout(timer);
    }
    this._checkStatus(request, response, text);
    return { status: response.status, data: this._parseBody(text, response) };
  }

  /**
   * Request options for a hub URL, with the token in the header. Throws
   * (before anything is sent) without a token or for a URL off the hub.
   */
  private _init(request: IRequest, accept: string): RequestInit {
    const trans = this._trans;
    if (!this._token) {
      throw new HubError(
        'config',
        trans.__(
          'No API token is set. Create one at %1 and paste it into the NFDI launcher settings.',
          this.tokenPageUrl
        )
      );
    }
    // Defence in depth: callers pass only hub URLs, but the token must never
    // leave the hub's origin whatever happens upstream.
    if (checkHubUrl(request.url, this.baseUrl) !== request.url) {
      throw this._badResponse(trans.__('a URL outside the hub'));
    }
    const headers: Record<string, string> = {
      Accept: accept,
      Authorization: `token ${this._token}`
    };
    const init: RequestInit = {
      method: request.method,
      headers,
      credentials: 'omit',
      cache: 'no-store',
      redirect: 'manual'
    };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(request.body);
    }
    return init;
  }

  /** Throw the error an answer that is not a 2xx stands for. */
  private _checkStatus(
    request: IRequest,
    response: IFetchResponse,
    text: string
  ): void {
    if (
      response.type === 'opaqueredirect' ||
      (response.status >= 300 && response.status < 400)
    ) {
      throw new HubError(
        'bad-response',
        this._trans.__(
          'The hub at %1 redirected the request instead of answering. Check the hub URL (https, base path).',
          this.baseUrl
        ),
        { status: response.status }
      );
    }
    if (response.status < 200 || response.status >= 300) {
      throw this._statusError(request, response, text);
    }
  }

  private _parseBody(text: string, response: IFetchResponse): unknown {
    if (!text.trim()) {
      return null;
    }
    const type = response.headers.get('Content-Type') ?? '';
    try {
      return JSON.parse(text);
    } catch {
      throw this._badResponse(
        type.includes('html')
          ? this._trans.__('a web page instead of data')
          : this._trans.__('an answer that is not JSON')
      );
    }
  }

  private _statusError(
    request: IRequest,
    response: IFetchResponse,
    text: string
  ): HubError {
    const trans = this._trans;
    const status = response.status;
    let hubMessage: string | undefined;
    try {
      const body = JSON.parse(text);
      if (isRecord(body)) {
        const message = body.message ?? body.error ?? body.reason;
        if (typeof message === 'string' && message.trim()) {
          hubMessage = this._redact(message.trim());
        }
      }
    } catch {
      // Not JSON (e.g. a proxy's HTML error page): no hub message to show.
    }
    const details = { status, hubMessage };
    // Our own messages never contain the token; the hub's is redacted above.
    const make = (kind: HubErrorKind, message: string) =>
      new HubError(kind, message, details);

    if (status === 401 || status === 403) {
      if (hubMessage && /scope/i.test(hubMessage)) {
        return make(
          'auth',
          trans.__(
            'The API token is not allowed to do this (%1). Create a token with all of your permissions at %2 and paste it into the settings.',
            hubMessage,
            this.tokenPageUrl
          )
        );
      }
      return make(
        'auth',
        trans.__(
          'The hub did not accept the API token (it may be wrong, expired or revoked). Create a new token at %1 and paste it into the settings.',
          this.tokenPageUrl
        )
      );
    }
    if (status === 404) {
      return make(
        'not-found',
        request.notFound || trans.__('Not found on the hub.')
      );
    }
    if (status === 429) {
      const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
      return new HubError(
        'rate-limited',
        retryAfter === undefined
          ? trans.__(
              'The hub is busy starting other servers. Try again in a moment.'
            )
          : trans.__(
              'The hub is busy starting other servers. Try again in %1 seconds.',
              retryAfter
            ),
        { ...details, retryAfter }
      );
    }
    if (status === 400 && hubMessage && LIMIT_MESSAGE.test(hubMessage)) {
      return make(
        'limit',
        trans.__(
          "You have reached the hub's limit of server configurations: %1 Delete a server you no longer need, then start again.",
          hubMessage
        )
      );
    }
    if (status >= 400 && status < 500) {
      return make(
        'bad-request',
        hubMessage
          ? trans.__('The hub rejected the request: %1', hubMessage)
          : trans.__('The hub rejected the request (HTTP %1).', status)
      );
    }
    return make(
      'hub',
      hubMessage
        ? trans.__(
            'The hub failed (HTTP %1): %2 Try again later.',
            status,
            hubMessage
          )
        : trans.__(
            "The hub failed (HTTP %1). Try again later; if it persists, tell the hub's admins.",
            status
          )
    );
  }

  private _networkError(timedOut: boolean): HubError {
    const trans = this._trans;
    const crossOrigin = !!this._pageOrigin && this._pageOrigin !== this.origin;
    if (timedOut) {
      return new HubError(
        'network',
        trans.__(
          'The hub at %1 did not answer within %2 seconds. Try again later.',
          this.baseUrl,
          this._timeout / 1000
        ),
        { crossOrigin }
      );
    }
    if (globalThis.navigator?.onLine === false) {
      return new HubError(
        'network',
        trans.__(
          'You seem to be offline: the hub at %1 could not be reached. Check your connection.',
          this.baseUrl
        ),
        { crossOrigin }
      );
    }
    if (crossOrigin) {
      return new HubError(
        'network',
        trans.__(
          // The cause first: notifications show only the first 140 characters.
          "The browser blocked the request as cross-origin (CORS), or could not reach the hub at %1. Ask the hub's admins to allow requests from this JupyterLab (%2), or use the JupyterLab the hub itself serves.",
          this.baseUrl,
          this._pageOrigin
        ),
        { crossOrigin }
      );
    }
    return new HubError(
      'network',
      trans.__(
        'Could not reach the hub at %1. Check your network connection and the hub URL.',
        this.baseUrl
      ),
      { crossOrigin }
    );
  }

  private _badResponse(what: string): HubError {
    return new HubError(
      'bad-response',
      this._trans.__(
        'The hub at %1 sent an unexpected answer (%2). Check that the hub URL points to a Jupyter4NFDI-compatible JupyterHub.',
        this.baseUrl,
        what
      )
    );
  }

  private _expectRecord(data: unknown): Record<string, unknown> {
    if (!isRecord(data)) {
      throw this._badResponse(this._trans.__('no JSON object'));
    }
    return data;
  }

  /** Check a URL from an answer; a foreign one is a `bad-response`. */
  private _hubUrl(value: unknown, field: string): string {
    const url = checkHubUrl(value, this.baseUrl);
    if (url === null) {
      throw this._badResponse(
        this._trans.__("%1 is missing or not on the hub's origin", field)
      );
    }
    return url;
  }

  private _serverOf(deleteUrl: string): {
    userName: string;
    serverName: string;
  } {
    const match = /\/users\/([^/]+)\/servers\/([^/?#]*)\/?$/.exec(
      new URL(deleteUrl).pathname
    );
    if (!match) {
      throw this._badResponse(this._trans.__('delete_url names no server'));
    }
    return {
      userName: decodeURIComponent(match[1]),
      serverName: decodeURIComponent(match[2])
    };
  }

  private _serverModel(key: string, value: unknown): IServerModel {
    const record = isRecord(value) ? value : {};
    const pending = record.pending;
    const url = checkHubUrl(record.url, this.baseUrl);
    return {
      name: typeof record.name === 'string' ? record.name : key,
      ready: record.ready === true,
      pending: pending === 'spawn' || pending === 'stop' ? pending : null,
      stopped: record.stopped === true,
      url,
      started: stringOrNull(record.started),
      lastActivity: stringOrNull(record.last_activity),
      userOptions: isRecord(record.user_options) ? record.user_options : {}
    };
  }

  private _redact(text: string): string {
    return this._token ? text.split(this._token).join('***') : text;
  }

  private readonly _token: string;
  private readonly _fetch: FetchFunction;
  private readonly _timeout: number;
  private readonly _pageOrigin: string;
  private readonly _trans: TranslationBundle;
}
