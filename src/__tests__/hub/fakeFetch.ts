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
 */
export class FakeFetch {
  readonly calls: IRecordedCall[] = [];

  /** Queue answers, in order. */
  answer(...answers: (IFakeAnswer | Error)[]): this {
    this._queue.push(...answers);
    return this;
  }

  readonly fetch: FetchFunction = async (url, init) => {
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
    return makeResponse(next);
  };

  private _queue: (IFakeAnswer | Error)[] = [];
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
