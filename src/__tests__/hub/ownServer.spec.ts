/**
 * The client follows only URLs of the token owner's own servers: the token
 * and the browser never go to another user's server, to the hub's logout,
 * or anywhere a `..` or an encoded slash leads.
 */
import { HubClient, HubError } from '../../hub';
import { FakeFetch, IFakeAnswer } from './fakeFetch';

const HUB = 'https://hub.example.org/jhub/';
const ORIGIN = 'https://hub.example.org';
const TOKEN = 'secret-token-1234';
const STATUS_URL = `${HUB}hub/api/start/alice/s1`;
const DELETE_URL = `${HUB}hub/api/users/alice/servers/s1`;
const NEXT_URL = `${ORIGIN}/user/alice/s1/`;

const ALICE: IFakeAnswer = {
  status: 200,
  body: { name: 'alice', scopes: ['servers!user'] }
};

function makeClient(fake: FakeFetch, owner?: string): HubClient {
  return new HubClient({ hubUrl: HUB, token: TOKEN, fetch: fake.fetch, owner });
}

function running(urls: Record<string, unknown> = {}): IFakeAnswer {
  return {
    status: 200,
    body: {
      status: 'running',
      next_url: NEXT_URL,
      status_url: STATUS_URL,
      delete_url: DELETE_URL,
      ...urls
    }
  };
}

async function refused(promise: Promise<unknown>): Promise<HubError> {
  const error = await promise.then(
    () => new Error('expected a refusal'),
    (reason: unknown) => reason
  );
  expect(error).toBeInstanceOf(HubError);
  expect((error as HubError).kind).toBe('bad-response');
  return error as HubError;
}

describe('URLs of the owner’s own server [F12]', () => {
  it('learns the owner once, before anything is created, and keeps it', async () => {
    const fake = new FakeFetch().answer(ALICE, running(), running());
    const client = makeClient(fake);
    expect(client.owner).toBeNull();
    const result = await client.start();
    await client.start();
    expect(fake.calls.map(c => `${c.method} ${c.url}`)).toEqual([
      `GET ${HUB}hub/api/user`,
      `POST ${HUB}hub/api/start`,
      `POST ${HUB}hub/api/start`
    ]);
    expect(client.owner).toBe('alice');
    expect(result).toMatchObject({
      userName: 'alice',
      serverName: 's1',
      nextUrl: NEXT_URL
    });
  });

  it('asks once for callers that wait together, and not after a whoami', async () => {
    const fake = new FakeFetch().answer(ALICE, running(), running());
    const client = makeClient(fake);
    await Promise.all([client.status(STATUS_URL), client.status(STATUS_URL)]);
    expect(fake.calls.filter(c => c.url.endsWith('/user'))).toHaveLength(1);

    const other = new FakeFetch().answer(ALICE, running());
    const known = makeClient(other);
    await known.whoami();
    await known.status(STATUS_URL);
    expect(other.calls).toHaveLength(2);
  });

  it('accepts next_url with and without the base path, and encoded names', async () => {
    const fake = new FakeFetch().answer(
      running({ next_url: `${HUB}user/alice/s1/lab` }),
      running({
        next_url: `${ORIGIN}/user/al%20ice/my%20s/`,
        status_url: `${HUB}hub/api/start/al%20ice/my%20s`,
        delete_url: `${HUB}hub/api/users/al%20ice/servers/my%20s`
      })
    );
    expect((await makeClient(fake, 'alice').start()).nextUrl).toBe(
      `${HUB}user/alice/s1/lab`
    );
    expect(await makeClient(fake, 'al ice').start()).toMatchObject({
      userName: 'al ice',
      serverName: 'my s'
    });
  });

  it.each([
    [
      'status_url of another user',
      { status_url: `${HUB}hub/api/start/bob/s1` }
    ],
    [
      'status_url without the base path',
      { status_url: `${ORIGIN}/hub/api/start/alice/s1` }
    ],
    ['status_url on the logout page', { status_url: `${HUB}hub/logout` }],
    [
      'status_url in a server',
      { status_url: `${HUB}user/alice/s1/api/status` }
    ],
    [
      'status_url with ..',
      { status_url: `${HUB}hub/api/start/alice/../bob/s1` }
    ],
    [
      'status_url with an encoded slash',
      { status_url: `${HUB}hub/api/start/alice%2F..%2Fbob/s1` }
    ],
    [
      'delete_url of another user',
      { delete_url: `${HUB}hub/api/users/bob/servers/s1` }
    ],
    [
      'delete_url of another server',
      { delete_url: `${HUB}hub/api/users/alice/servers/s2` }
    ],
    [
      'delete_url with broken encoding',
      { delete_url: `${HUB}hub/api/users/demo/servers/%E0%A4%A` }
    ],
    ['next_url on the logout page', { next_url: `${HUB}hub/logout` }],
    ['next_url of another user', { next_url: `${ORIGIN}/user/bob/s1/` }],
    ['next_url of another server', { next_url: `${HUB}user/alice/s2/` }],
    [
      'next_url leaving the server by ..',
      { next_url: `${HUB}user/alice/s1/../../bob/s1/` }
    ],
    [
      'next_url with broken encoding',
      { next_url: `${HUB}user/alice/%E0%A4%A/` }
    ]
  ])(
    'refuses a start answer with %s; the token goes nowhere else',
    async (_, urls) => {
      const fake = new FakeFetch().answer(running(urls));
      await refused(makeClient(fake, 'alice').start());
      expect(fake.calls).toHaveLength(1);
    }
  );

  it('refuses a pending answer whose delete_url is badly encoded [F16]', async () => {
    const fake = new FakeFetch().answer({
      status: 202,
      body: {
        status: 'pending',
        status_url: `${HUB}hub/api/start/demo/s1`,
        delete_url: `${HUB}hub/api/users/demo/servers/%E0%A4%A`
      }
    });
    await refused(makeClient(fake, 'demo').start());
  });

  it.each([
    ['next_url of another user', { next_url: `${ORIGIN}/user/bob/s1/` }],
    [
      'status_url of another server',
      { status_url: `${HUB}hub/api/start/alice/s2` }
    ],
    [
      'delete_url of another user',
      { delete_url: `${HUB}hub/api/users/bob/servers/s1` }
    ]
  ])('refuses a status answer with %s', async (_, urls) => {
    const fake = new FakeFetch().answer(running(urls));
    await refused(makeClient(fake, 'alice').status(STATUS_URL));
  });

  it('sends no token to a status_url or delete_url of another user [F11]', async () => {
    const fake = new FakeFetch();
    const client = makeClient(fake, 'alice');
    await refused(client.status(`${HUB}hub/api/start/bob/s1`));
    await refused(client.status(`${HUB}user/bob/s1/api/status`));
    await refused(client.stop(`${HUB}hub/api/users/bob/servers/s1`));
    await refused(client.remove(`${HUB}hub/logout`));
    expect(fake.calls).toHaveLength(0);
  });

  it('keeps a listed server’s url only if it is that server’s', async () => {
    const server = (name: string, url: string) => ({ name, url, ready: true });
    const fake = new FakeFetch().answer({
      status: 200,
      body: {
        name: 'alice',
        servers: {
          s1: server('s1', '/jhub/user/alice/s1/'),
          s2: server('s2', '/jhub/user/bob/s2/'),
          s3: server('s3', '/jhub/user/alice/s1/'),
          s4: server('s4', '/jhub/hub/logout')
        }
      }
    });
    const servers = await makeClient(fake, 'alice').listServers('alice');
    expect(servers.map(s => [s.name, s.url])).toEqual([
      ['s1', `${HUB}user/alice/s1/`],
      ['s2', null],
      ['s3', null],
      ['s4', null]
    ]);
  });

  it('serverSettings: only a server of the known owner, at its base URL', async () => {
    const fake = new FakeFetch().answer(ALICE);
    const client = makeClient(fake);
    expect(() => client.serverSettings(NEXT_URL)).toThrow(HubError);
    await client.whoami();
    expect(client.serverSettings(`${NEXT_URL}lab/tree`).baseUrl).toBe(NEXT_URL);
    for (const url of [
      `${ORIGIN}/user/bob/s1/`,
      `${HUB}hub/logout`,
      `${HUB}user/alice/s1/../../bob/s1/`
    ]) {
      expect(() => client.serverSettings(url)).toThrow(HubError);
    }
  });
});
