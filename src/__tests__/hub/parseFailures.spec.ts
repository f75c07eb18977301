/**
 * Whatever the hub answers, the client fails with a `HubError`, never with
 * a bare `URIError`, `TypeError` or `SyntaxError`.
 */
import { HubClient, HubError } from '../../hub';
import { FakeFetch } from './fakeFetch';

const HUB = 'https://hub.example.org/';
const STATUS_URL = `${HUB}hub/api/start/alice/s1`;
const DELETE_URL = `${HUB}hub/api/users/alice/servers/s1`;

function makeClient(fake: FakeFetch, owner: string | undefined = 'alice') {
  return new HubClient({
    hubUrl: HUB,
    token: 'tok-1234',
    fetch: fake.fetch,
    owner
  });
}

async function hubError(promise: Promise<unknown>): Promise<HubError> {
  const error = await promise.then(
    () => new Error('expected a failure'),
    (reason: unknown) => reason
  );
  expect(error).toBeInstanceOf(HubError);
  return error as HubError;
}

describe('every parsing failure is a HubError', () => {
  it.each([
    [
      'a delete_url with broken percent-encoding',
      { delete_url: `${HUB}hub/api/users/demo/servers/%E0%A4%A` }
    ],
    [
      'a status_url with broken percent-encoding',
      { status_url: `${HUB}hub/api/start/%E0%A4%A/s1` }
    ],
    ['a status_url that is no URL', { status_url: 'http://[' }],
    ['a next_url that is no URL', { next_url: 'https://[::1' }],
    ['a next_url that is a number', { next_url: 42 }]
  ])('%s', async (_, urls) => {
    const fake = new FakeFetch().answer({
      status: 200,
      body: {
        status: 'running',
        next_url: `${HUB}user/demo/s1/`,
        status_url: `${HUB}hub/api/start/demo/s1`,
        delete_url: `${HUB}hub/api/users/demo/servers/s1`,
        ...urls
      }
    });
    const error = await hubError(makeClient(fake, 'demo').start());
    expect(error.kind).toBe('bad-response');
  });

  it('a stopped server’s odd logs are read as text', async () => {
    const fake = new FakeFetch().answer({
      status: 200,
      body: { status: 'stopped', exit_code: '3', logs: [1, null, { a: 1 }] }
    });
    expect(await makeClient(fake).status(STATUS_URL)).toEqual({
      status: 'stopped',
      exitCode: null,
      logs: ['1', 'null', '[object Object]']
    });
  });

  it('a user name that cannot be put into a URL', async () => {
    const fake = new FakeFetch().answer({
      status: 200,
      body: { name: '\uD800', scopes: [] }
    });
    const client = makeClient(fake, undefined);
    const user = await client.whoami();
    const error = await hubError(client.listServers(user.name));
    expect(error.kind).toBe('bad-response');
    expect(() => client.serverUrls(user.name, 's1')).toThrow(HubError);
    expect(fake.calls).toHaveLength(1);
  });

  it('a progress stream that breaks off', async () => {
    const fake = new FakeFetch().stream([
      'data: {"progress": 10, "message": "Pulling"}\n\n',
      new TypeError('network error')
    ]);
    const messages: string[] = [];
    const error = await hubError(
      (async () => {
        for await (const event of makeClient(fake).progress('alice', 's1')) {
          messages.push(event.message);
        }
      })()
    );
    expect(error.kind).toBe('network');
    expect(messages).toEqual(['Pulling']);
  });

  it('an empty answer where JSON was expected', async () => {
    const fake = new FakeFetch().answer({ status: 200, text: '' });
    const error = await hubError(makeClient(fake).status(STATUS_URL));
    expect(error.kind).toBe('bad-response');
  });

  it('truncated JSON [F04]', async () => {
    const fake = new FakeFetch().answer({
      status: 200,
      text: '{"status": "running", "next_url": "',
      headers: { 'Content-Type': 'application/json' }
    });
    const error = await hubError(makeClient(fake).stop(DELETE_URL));
    expect(error.kind).toBe('bad-response');
  });
});
