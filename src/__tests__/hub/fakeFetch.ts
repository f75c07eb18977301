/**
 * A fake `fetch` for the hub client's tests: answers from a script, records calls.
 */
import { FetchFunction, IFetchResponse } from '../../hub';

/**
 * One scripted answer.
 */
export interface IFakeAnswer {
  status: number;
  body?: unknown;
  /** Raw text body instead of JSON. */
  text?: string;
  headers?: Record<string, string>;
  type?: string;
  /**
   * Answer with a redirect to this answer, as a browser does: followed
   * unless the request says `redirect: 'manual'` (an opaque redirect) or
   * `'error'` (a network error).
   */
  redirectTo?: IFakeAnswer;
}

/**
 * A recorded request.
 */
export interface IRecordedCall {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
  init: RequestInit;
}

/**
 * A scripted fetch: each call takes the next answer (or throws the given error).
 *
 * Progress streams (`…/progress`) are answered apart, from `streams`
 * (default: 400, "not starting"), and recorded in `progressCalls`.
 */
export class FakeFetch {
  readonly calls: IRecordedCall[] = [];
  readonly progressCalls: string[] = [];

  /**
   * Queue progress streams, each a list of text chunks; an `Error` among
   * them makes that read fail (the connection broke).
   */
  stream(...chunks: (string | Error)[][]): this {
    this._streams.push(...chunks);
    return this;
  }

  /** Queue answers, in order. */
  answer(...answers: (IFakeAnswer | Error)[]): this {
    this._queue.push(...answers);
    return this;
  }

  readonly fetch: FetchFunction = async (url, init) => {
    if (url.endsWith('/progress')) {
      this.progressCalls.push(url);
      const chunks = this._streams.shift();
      return chunks
        ? makeStream(chunks)
        : makeResponse({
            status: 400,
            body: { status: 400, message: 'not starting' }
          });
    }
    const headers = { ...(init.headers as Record<string, string>) };
    this.calls.push({
      url,
      method: init.method ?? 'GET',
      headers,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      init
    });
    const next = this._queue.shift();
    if (next === undefined) {
      throw new Error(`Unexpected request: ${init.method} ${url}`);
    }
    if (next instanceof Error) {
      throw next;
    }
    if (next.redirectTo) {
      if (init.redirect === 'manual') {
        return makeResponse({ status: 0, type: 'opaqueredirect' });
      }
      if (init.redirect === 'error') {
        throw new TypeError('Failed to fetch');
      }
      return makeResponse(next.redirectTo);
    }
    return makeResponse(next);
  };

  private _queue: (IFakeAnswer | Error)[] = [];
  private _streams: (string | Error)[][] = [];
}

function makeStream(chunks: (string | Error)[]): IFetchResponse {
  const encoder = new TextEncoder();
  const queue = chunks.map(chunk =>
    chunk instanceof Error ? chunk : encoder.encode(chunk)
  );
  return {
    status: 200,
    type: 'basic',
    headers: { get: () => 'text/event-stream' },
    text: async () => chunks.join(''),
    body: {
      getReader: () => ({
        read: async () => {
          const value = queue.shift();
          if (value instanceof Error) {
            throw value;
          }
          return value ? { done: false, value } : { done: true };
        },
        cancel: async () => undefined
      })
    }
  };
}

function makeResponse(answer: IFakeAnswer): IFetchResponse {
  const headers: Record<string, string> = {};
  const json = answer.text === undefined && answer.body !== undefined;
  if (json) {
    headers['content-type'] = 'application/json';
  }
  for (const [key, value] of Object.entries(answer.headers ?? {})) {
    headers[key.toLowerCase()] = value;
  }
  const text = answer.text ?? (json ? JSON.stringify(answer.body) : '');
  return {
    status: answer.status,
    type: answer.type ?? 'basic',
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
    text: async () => text
  };
}
