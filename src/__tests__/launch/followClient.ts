/**
 * A hub client for the follow tests: a status the test sets, a progress
 * stream the test feeds, and the (fake) times of every status request.
 */
import { HubError, IHubClient, IProgressEvent, ServerStatus } from '../../hub';
import { DELETE_URL, HUB, NEXT_URL, STATUS_URL } from '../hub/startAnswers';

/** What a test feeds a stream: an event, a break, or its end. */
type StreamItem = IProgressEvent | Error | 'end';

/** A progress stream the test feeds. */
export class FakeStream {
  /** A keep-alive, as the client yields it. */
  keepAlive(): void {
    this.push({
      progress: null,
      message: '',
      ready: false,
      failed: false,
      keepAlive: true
    });
  }

  push(item: StreamItem): void {
    this._queue.push(item);
    this._wake?.();
  }

  async *read(signal?: AbortSignal): AsyncGenerator<IProgressEvent> {
    for (;;) {
      while (!this._queue.length) {
        await new Promise<void>(resolve => {
          this._wake = resolve;
          signal?.addEventListener('abort', () => resolve());
        });
        if (signal?.aborted) {
          return;
        }
      }
      const item = this._queue.shift()!;
      if (item === 'end') {
        return;
      }
      if (item instanceof Error) {
        throw item;
      }
      yield item;
    }
  }

  private _queue: StreamItem[] = [];
  private _wake: (() => void) | null = null;
}

const pending: ServerStatus = {
  status: 'pending',
  statusUrl: STATUS_URL,
  deleteUrl: DELETE_URL
};

const running: ServerStatus = {
  status: 'running',
  nextUrl: NEXT_URL,
  statusUrl: STATUS_URL,
  deleteUrl: DELETE_URL
};

/**
 * A client whose server is `pending` until the test says otherwise; each
 * `progress()` takes the next of `streams` (none left: no stream, 404).
 */
export class FollowClient {
  /** What the next status requests answer. */
  state: 'pending' | 'running' | ServerStatus = 'pending';
  /** Answers to give before `state`, one per request. */
  next: ServerStatus[] = [];
  /** When each status request was made (ms since the epoch). */
  readonly asked: number[] = [];
  /** How many progress streams were opened. */
  opened = 0;
  readonly streams: FakeStream[] = [];

  get client(): IHubClient {
    const fake: Partial<IHubClient> = {
      baseUrl: HUB,
      owner: 'alice',
      tokenPageUrl: `${HUB}hub/token`,
      defaultOptions: {},
      start: async () => ({
        status: 'pending',
        statusUrl: STATUS_URL,
        deleteUrl: DELETE_URL,
        userName: 'alice',
        serverName: 's1'
      }),
      status: async () => {
        this.asked.push(Date.now());
        const next = this.next.shift();
        if (next) {
          return next;
        }
        return this.state === 'pending'
          ? pending
          : this.state === 'running'
            ? running
            : this.state;
      },
      progress: (_user: string, _server: string, signal?: AbortSignal) => {
        const stream = this.streams[this.opened++];
        if (!stream) {
          return (async function* () {
            throw new HubError('not-found', 'No stream here.');
          })();
        }
        return stream.read(signal);
      }
    };
    return fake as IHubClient;
  }

  /** Status requests made from `from` (inclusive) to `to` (exclusive). */
  askedBetween(from: number, to: number): number {
    return this.asked.filter(t => t >= from && t < to).length;
  }
}

/** A progress event. */
export function event(fields: Partial<IProgressEvent> = {}): IProgressEvent {
  return {
    progress: 50,
    message: 'Pulling image',
    ready: false,
    failed: false,
    keepAlive: false,
    ...fields
  };
}
