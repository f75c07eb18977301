/**
 * An automatic fixture that records every request of the test's browser
 * context (all pages, popups and new tabs, WebSocket handshakes) and, after
 * the test, fails it if a hub token went anywhere but the `Authorization`
 * header of its own hub (see `requestGuard.ts`).
 *
 * Hubs register their tokens with `watchTokens` (LocalHub does it when it
 * starts); a JupyterLab page a registered hub serves adds its own page token.
 */
import type {
  BrowserContext,
  Fixtures,
  Request,
  Response,
  WebSocket
} from '@playwright/test';

import {
  assertNoTokenLeaks,
  IRecordedRequest,
  IWatchedToken
} from './requestGuard';

/** Tokens of the hubs running in this worker. */
const workerTokens = new Set<IWatchedToken>();

/**
 * Watch `tokens` of the hub at `origin` in every test until the returned
 * function is called (when the hub stops).
 */
export function watchTokens(origin: string, tokens: string[]): () => void {
  const entries = tokens.map(token => ({ token, origins: [origin] }));
  entries.forEach(entry => workerTokens.add(entry));
  return () => entries.forEach(entry => workerTokens.delete(entry));
}

/** What a test (or a fixture) can do with the guard. */
export interface IRequestGuard {
  /** Watch a token of the hub at `origin` for the rest of this test. */
  watch(origin: string, token: string): void;
  /** The requests recorded so far (headers and bodies complete). */
  requests(): Promise<IRecordedRequest[]>;
  /** The tokens watched now: the hubs' and this test's. */
  tokens(): IWatchedToken[];
  /** Origins whose JupyterLab may receive the token in a settings save. */
  labOrigins(): string[];
}

/**
 * Records the requests of one browser context and the page tokens of the
 * JupyterLabs the watched hubs serve.
 */
export class RequestRecorder implements IRequestGuard {
  constructor(
    private readonly _context: BrowserContext,
    private readonly _standaloneOrigin: string | null
  ) {
    _context.on('request', this._onRequest);
    _context.on('response', this._onResponse);
    _context.on('page', page => page.on('websocket', this._onWebSocket));
    _context.pages().forEach(page => page.on('websocket', this._onWebSocket));
  }

  watch(origin: string, token: string): void {
    const known = this._testTokens.some(
      entry => entry.token === token && entry.origins.includes(origin)
    );
    if (!known) {
      this._testTokens.push({ token, origins: [origin] });
    }
  }

  async requests(): Promise<IRecordedRequest[]> {
    await Promise.all(this._pageTokens);
    return Promise.all(this._recorded);
  }

  tokens(): IWatchedToken[] {
    return [...workerTokens, ...this._testTokens];
  }

  labOrigins(): string[] {
    const origins = this.tokens().flatMap(entry => entry.origins);
    return [
      ...new Set(
        this._standaloneOrigin ? [this._standaloneOrigin, ...origins] : origins
      )
    ];
  }

  /** Stop recording, and throw if a watched token went astray. */
  async check(): Promise<void> {
    this._context.off('request', this._onRequest);
    this._context.off('response', this._onResponse);
    const requests = await this.requests();
    assertNoTokenLeaks(requests, this.tokens(), this.labOrigins());
  }

  private _onRequest = (request: Request): void => {
    this._recorded.push(record(request));
  };

  private _onWebSocket = (socket: WebSocket): void => {
    this._recorded.push(
      Promise.resolve({
        method: 'WEBSOCKET',
        url: socket.url(),
        headers: {},
        body: null
      })
    );
  };

  /** A JupyterLab page from a watched hub: watch its page token too. */
  private _onResponse = (response: Response): void => {
    const request = response.request();
    const origin = originOf(response.url());
    if (
      request.resourceType() !== 'document' ||
      !this.tokens().some(entry => entry.origins.includes(origin))
    ) {
      return;
    }
    this._pageTokens.push(
      response.text().then(
        html => {
          const token = pageToken(html);
          if (token) {
            this.watch(origin, token);
          }
        },
        () => undefined // a redirect or a page closed meanwhile: no body
      )
    );
  };

  private _recorded: Promise<IRecordedRequest>[] = [];
  private _pageTokens: Promise<void>[] = [];
  private _testTokens: IWatchedToken[] = [];
}

/** The token in a JupyterLab page's `jupyter-config-data`, if any. */
export function pageToken(html: string): string | null {
  const match =
    /<script[^>]*id=["']jupyter-config-data["'][^>]*>([\s\S]*?)<\/script>/.exec(
      html
    );
  if (!match) {
    return null;
  }
  try {
    const token = JSON.parse(match[1]).token;
    return typeof token === 'string' && token ? token : null;
  } catch {
    return null;
  }
}

/** The fixtures to `extend` a Playwright or Galata `test` with. */
export interface IGuardFixtures {
  requestGuard: IRequestGuard;
}

/** The automatic request guard, for `test.extend`. */
export const guardFixtures: Fixtures<
  IGuardFixtures,
  object,
  { context: BrowserContext; baseURL: string | undefined }
> = {
  requestGuard: [
    async ({ context, baseURL }, use) => {
      const recorder = new RequestRecorder(
        context,
        baseURL ? originOf(baseURL) : null
      );
      await use(recorder);
      await recorder.check();
    },
    { auto: true }
  ]
};

/** A recorded request; all headers (Cookie included) where the browser has them. */
async function record(request: Request): Promise<IRecordedRequest> {
  let headers: Record<string, string>;
  try {
    headers = await request.allHeaders();
  } catch {
    headers = request.headers();
  }
  const body = request.postDataBuffer();
  return {
    method: request.method(),
    url: request.url(),
    headers,
    body: body ? body.toString('latin1') : null
  };
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '';
  }
}
