/**
 * The request layer: one HTTP request to the hub, with the token in the
 * `Authorization` header and only to the hub's origin, a timeout, and every
 * answer that is not a 2xx turned into a `HubError`.
 */
import { EventStreamParser } from './events';
import { HubMessages } from './messages';
import { checkHubUrl } from './urls';

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
 * One request to the hub.
 */
export interface IHubRequest {
  method: 'GET' | 'POST' | 'DELETE';
  /** An absolute URL on the hub. */
  url: string;
  /** A JSON body. */
  body?: unknown;
  /** What a 404 means for this request, for the message. */
  notFound: string;
}

/**
 * A 2xx answer: its status and its JSON body (`null` when empty).
 */
export interface IHubAnswer {
  status: number;
  data: unknown;
}

/**
 * How to build a requester.
 */
export interface IHubRequesterOptions {
  /** The hub's base URL, ending in `/`. */
  baseUrl: string;
  /** The token, already trimmed. */
  token: string;
  fetch: FetchFunction;
  /** Milliseconds after which a request counts as unanswered. */
  timeout: number;
  messages: HubMessages;
}

/**
 * Sends requests to one hub with one token.
 */
export class HubRequester {
  constructor(options: IHubRequesterOptions) {
    this._options = options;
  }

  /** Send a request and read its JSON answer. */
  async request(request: IHubRequest): Promise<IHubAnswer> {
    const { fetch, timeout, messages } = this._options;
    const init = this._init(request, 'application/json');
    const controller = new AbortController();
    init.signal = controller.signal;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeout);

    let response: IFetchResponse;
    let text: string;
    try {
      response = await fetch(request.url, init);
      text = await response.text();
    } catch {
      throw messages.network(timedOut ? timeout / 1000 : null);
    } finally {
      clearTimeout(timer);
    }
    this._check(request, response, text);
    return { status: response.status, data: this._parse(text, response) };
  }

  /**
   * Open an event stream and yield the `data` of each event until it ends or
   * `signal` aborts. Throws a `HubError` if it cannot be opened.
   */
  async *events(
    request: IHubRequest,
    signal?: AbortSignal
  ): AsyncGenerator<string> {
    const init = this._init(request, 'text/event-stream');
    init.signal = signal;
    let response: IFetchResponse;
    try {
      response = await this._options.fetch(request.url, init);
    } catch {
      throw this._options.messages.network(null);
    }
    if (response.status < 200 || response.status >= 300 || !response.body) {
      const text = await response.text().catch(() => '');
      this._check(request, response, text);
      return; // A 2xx without a readable body: nothing to follow.
    }
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    const parser = new EventStreamParser();
    try {
      for (;;) {
        let chunk: { done: boolean; value?: Uint8Array };
        try {
          chunk = await reader.read();
        } catch {
          if (signal?.aborted) {
            return;
          }
          throw this._options.messages.network(null);
        }
        const { done, value } = chunk;
        const text = done
          ? decoder.decode()
          : decoder.decode(value, { stream: true });
        for (const data of parser.push(done ? `${text}\n\n` : text)) {
          yield data;
        }
        if (done) {
          return;
        }
      }
    } finally {
      void reader.cancel().catch(() => undefined);
    }
  }

  /**
   * Request options for a hub URL, with the token in the header. Throws
   * (before anything is sent) without a token or for a URL off the hub.
   */
  private _init(request: IHubRequest, accept: string): RequestInit {
    const { token, baseUrl, messages } = this._options;
    if (!token) {
      throw messages.noToken();
    }
    // Defence in depth: callers pass only hub URLs, but the token must never
    // leave the hub's origin whatever happens upstream.
    if (checkHubUrl(request.url, baseUrl) !== request.url) {
      throw messages.outsideHub();
    }
    const headers: Record<string, string> = {
      Accept: accept,
      Authorization: `token ${token}`
    };
    // The cache mode is left at `default` so that the browser may reuse a
    // CORS preflight for the time the hub allows (`Access-Control-Max-Age`).
    // Measured in Chromium 156, five GETs with an `Authorization` header to
    // another origin: 1 preflight in `default` mode, 5 with `no-cache` or
    // `no-store` (both skip the preflight cache). Answers stay fresh: the
    // hub's API answers have an ETag but no `Cache-Control` or
    // `Last-Modified`, so nothing makes a stored answer fresh, and each of
    // the five GETs reached the server and saw its changed body.
    const init: RequestInit = {
      method: request.method,
      headers,
      credentials: 'omit',
      redirect: 'manual'
    };
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(request.body);
    }
    return init;
  }

  /** Throw the error an answer that is not a 2xx stands for. */
  private _check(
    request: IHubRequest,
    response: IFetchResponse,
    text: string
  ): void {
    const { messages } = this._options;
    if (
      response.type === 'opaqueredirect' ||
      (response.status >= 300 && response.status < 400)
    ) {
      throw messages.redirected(response.status);
    }
    if (response.status < 200 || response.status >= 300) {
      throw messages.status(
        response.status,
        text,
        response.headers.get('Retry-After'),
        request.notFound
      );
    }
  }

  private _parse(text: string, response: IFetchResponse): unknown {
    if (!text.trim()) {
      return null;
    }
    try {
      return JSON.parse(text);
    } catch {
      const type = response.headers.get('Content-Type') ?? '';
      throw this._options.messages.notJson(type.includes('html'));
    }
  }

  private readonly _options: IHubRequesterOptions;
}
