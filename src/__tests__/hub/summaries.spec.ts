/**
 * Every hub error has a short summary that fits a notification: one
 * sentence, at most 100 characters, no URL; the message keeps the details.
 */
import { HubClient, HubError, HubErrorKind } from '../../hub';
import { FakeFetch, IFakeAnswer } from './fakeFetch';

const HUB = 'https://hub.example.org/';
const TOKEN = 'secret-token-1234';

function client(fetch: FakeFetch['fetch'], options: object = {}): HubClient {
  return new HubClient({
    hubUrl: HUB,
    token: TOKEN,
    fetch,
    owner: 'alice',
    pageOrigin: 'https://hub.example.org',
    ...options
  });
}

/** The error `call` fails with on a client answering `answer`. */
async function errorOf(
  answer: IFakeAnswer | Error,
  call: (c: HubClient) => Promise<unknown> = c => c.start(),
  options: object = {}
): Promise<HubError> {
  const fake = new FakeFetch().answer(answer);
  try {
    await call(client(fake.fetch, options));
  } catch (error) {
    expect(error).toBeInstanceOf(HubError);
    return error as HubError;
  }
  throw new Error('expected a failure');
}

const json = (status: number, message?: string): IFakeAnswer => ({
  status,
  body: { status, message }
});

/** A fetch that answers only when aborted (by the client's timeout). */
const never: FakeFetch['fetch'] = (_, init) =>
  new Promise((_resolve, reject) =>
    init.signal?.addEventListener('abort', () =>
      reject(new DOMException('aborted', 'AbortError'))
    )
  );

const CASES: [string, () => Promise<HubError>][] = [
  ['403', () => errorOf(json(403, 'Missing or invalid credentials.'))],
  ['403 scope', () => errorOf(json(403, 'requires any of [servers]'))],
  ['404', () => errorOf(json(404, 'Not Found'))],
  ['limit', () => errorOf(json(400, 'You may only have 15 configurations.'))],
  ['429', () => errorOf({ ...json(429), headers: { 'Retry-After': '42' } })],
  ['429 without Retry-After', () => errorOf(json(429))],
  ['400', () => errorOf(json(400, 'Unknown system "Mars".'))],
  ['502', () => errorOf({ status: 502, text: '<html>Bad Gateway</html>' })],
  ['500 with message', () => errorOf(json(500, 'x'.repeat(300)))],
  ['network', () => errorOf(new TypeError('Failed to fetch'))],
  [
    'network cross-origin',
    () =>
      errorOf(new TypeError('Failed to fetch'), c => c.start(), {
        pageOrigin: 'http://127.0.0.1:8888'
      })
  ],
  [
    'timeout',
    async () => {
      try {
        await client(never, { requestTimeout: 0.01 }).start();
      } catch (error) {
        return error as HubError;
      }
      throw new Error('expected a failure');
    }
  ],
  ['unknown status', () => errorOf({ status: 200, body: { status: 'odd' } })],
  ['HTML', () => errorOf({ status: 200, text: '<html></html>' })],
  ['redirect', () => errorOf({ status: 0, type: 'opaqueredirect' })],
  [
    'foreign URL',
    () => errorOf(json(200), c => c.status('https://evil.example.com/x'))
  ],
  ['no token', () => errorOf(json(200), c => c.start(), { token: '' })],
  [
    'bad hub URL',
    async () => {
      try {
        client(new FakeFetch().fetch, { hubUrl: 'ftp://x' });
      } catch (error) {
        return error as HubError;
      }
      throw new Error('expected a failure');
    }
  ]
];

describe('HubError summaries [F30]', () => {
  it.each(CASES)(
    '%s: short, no URL, details in the message',
    async (_, make) => {
      const error = await make();
      expect(error.summary.length).toBeLessThanOrEqual(100);
      expect(error.summary).not.toMatch(/http|:\/\//i);
      expect(error.summary).not.toContain(TOKEN);
      expect(error.summary).not.toBe(error.message);
      expect(error.message.length).toBeGreaterThan(error.summary.length);
    }
  );

  it('cover every kind of error', async () => {
    const kinds = new Set<HubErrorKind>();
    for (const [, make] of CASES) {
      kinds.add((await make()).kind);
    }
    expect([...kinds].sort()).toEqual(
      [
        'auth',
        'bad-request',
        'bad-response',
        'config',
        'hub',
        'limit',
        'network',
        'not-found',
        'rate-limited'
      ].sort()
    );
  });

  it('say how long to wait when the hub says', async () => {
    const error = await errorOf({
      ...json(429),
      headers: { 'Retry-After': '42' }
    });
    expect(error.summary).toBe('The hub is busy; try again in 42 s.');
  });

  it('say it is CORS when the browser blocked a cross-origin request', async () => {
    const error = await errorOf(
      new TypeError('Failed to fetch'),
      c => c.start(),
      {
        pageOrigin: 'http://127.0.0.1:8888'
      }
    );
    expect(error.summary).toBe(
      'The browser blocked the request to the hub (CORS).'
    );
  });
});
