import { HubClient, HubError, parseRetryAfter } from '../../hub';
import { FakeFetch } from './fakeFetch';

const HUB = 'https://hub.example.org/';
const TOKEN = 'secret-token-1234';
const STATUS_URL = `${HUB}hub/api/start/alice/abc123`;
const DELETE_URL = `${HUB}hub/api/users/alice/servers/abc123`;
const NEXT_URL = `${HUB}user/alice/abc123/`;

/** A client for alice's token; `owner: null`: it has yet to learn whose. */
function makeClient(
  fake: FakeFetch,
  options: {
    pageOrigin?: string;
    hubUrl?: string;
    token?: string;
    owner?: string | null;
  } = {}
): HubClient {
  return new HubClient({
    hubUrl: options.hubUrl ?? HUB,
    token: options.token ?? TOKEN,
    fetch: fake.fetch,
    pageOrigin: options.pageOrigin ?? 'https://hub.example.org',
    owner: options.owner === undefined ? 'alice' : (options.owner ?? '')
  });
}

async function expectHubError(
  promise: Promise<unknown>,
  kind: string
): Promise<HubError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(HubError);
    const hubError = error as HubError;
    expect(hubError.kind).toBe(kind);
    expect(hubError.message).not.toContain(TOKEN);
    return hubError;
  }
  throw new Error(`Expected a ${kind} error, got success`);
}

describe('HubClient', () => {
  describe('start', () => {
    it('posts the defaults merged with the given options, token in the header only [F26]', async () => {
      const fake = new FakeFetch().answer({
        status: 202,
        body: {
          status: 'pending',
          status_url: STATUS_URL,
          delete_url: DELETE_URL
        }
      });
      const client = new HubClient({
        hubUrl: HUB,
        token: TOKEN,
        fetch: fake.fetch,
        owner: 'alice',
        defaultOptions: { system: 'JSC-Cloud', flavor: 'l1' }
      });
      const result = await client.start({
        custom: { customimage: 'my/image:1' },
        name: 'Analysis'
      });

      expect(fake.calls).toHaveLength(1);
      const call = fake.calls[0];
      expect(call.method).toBe('POST');
      expect(call.url).toBe(`${HUB}hub/api/start`);
      expect(call.url).not.toContain(TOKEN);
      expect(call.headers.Authorization).toBe(`token ${TOKEN}`);
      expect(call.headers['Content-Type']).toBe('application/json');
      expect(call.init.credentials).toBe('omit');
      expect(call.body).toEqual({
        option: 'custom',
        custom: { customimage: 'my/image:1' },
        system: 'JSC-Cloud',
        flavor: 'l1',
        name: 'Analysis'
      });
      expect(result).toEqual({
        status: 'pending',
        statusUrl: STATUS_URL,
        deleteUrl: DELETE_URL,
        userName: 'alice',
        serverName: 'abc123'
      });
    });

    it('sends the documented defaults when given nothing', async () => {
      const fake = new FakeFetch().answer({
        status: 202,
        body: {
          status: 'pending',
          status_url: STATUS_URL,
          delete_url: DELETE_URL
        }
      });
      await makeClient(fake).start();
      expect(fake.calls[0].body).toEqual({
        option: 'custom',
        custom: { customimage: 'jupyter/minimal-notebook:latest' },
        system: 'deNBI-Cloud',
        flavor: 'm1',
        name: 'POST API Server'
      });
    });

    it('sends only the repo2docker section, with the fields the hub needs for it', async () => {
      const fake = new FakeFetch().answer({
        status: 202,
        body: {
          status: 'pending',
          status_url: STATUS_URL,
          delete_url: DELETE_URL
        }
      });
      await makeClient(fake).start({
        option: 'repo2docker',
        repo2docker: {
          repotype: 'gh',
          repourl: 'binder-examples/requirements',
          reporef: 'HEAD',
          repopath: ''
        }
      });
      expect(fake.calls[0].body).toEqual({
        option: 'repo2docker',
        repo2docker: {
          repotype: 'gh',
          repourl: 'binder-examples/requirements',
          reporef: 'HEAD'
        },
        system: 'deNBI-Cloud',
        flavor: 'm1',
        name: 'POST API Server',
        service: 'jupyterlab',
        profile: 'repo2docker'
      });
    });

    it('returns next_url when the server runs at once (200)', async () => {
      const fake = new FakeFetch().answer({
        status: 200,
        body: {
          status: 'running',
          next_url: NEXT_URL,
          status_url: STATUS_URL,
          delete_url: DELETE_URL
        }
      });
      const result = await makeClient(fake).start();
      expect(result.status).toBe('running');
      expect(result.nextUrl).toBe(NEXT_URL);
    });

    it('resolves relative URLs against the hub', async () => {
      const fake = new FakeFetch().answer({
        status: 200,
        body: {
          status: 'running',
          next_url: '/user/alice/abc123/',
          status_url: '/hub/api/start/alice/abc123',
          delete_url: '/hub/api/users/alice/servers/abc123'
        }
      });
      const result = await makeClient(fake).start();
      expect(result.nextUrl).toBe(NEXT_URL);
      expect(result.statusUrl).toBe(STATUS_URL);
    });

    it.each([
      [
        'next_url on another origin',
        { next_url: 'https://evil.example.com/user/alice/x/' }
      ],
      ['a javascript: next_url', { next_url: 'javascript:alert(1)' }],
      [
        'next_url with credentials',
        { next_url: 'https://u:p@hub.example.org/user/alice/x/' }
      ],
      ['no next_url', { next_url: undefined }]
    ])('refuses %s', async (_, override) => {
      const fake = new FakeFetch().answer({
        status: 200,
        body: Object.assign(
          {
            status: 'running',
            next_url: NEXT_URL,
            status_url: STATUS_URL,
            delete_url: DELETE_URL
          },
          override
        )
      });
      const error = await expectHubError(
        makeClient(fake).start(),
        'bad-response'
      );
      expect(error.message).toContain('next_url');
    });

    it('refuses a status_url on another origin and never sends the token there [F10]', async () => {
      const fake = new FakeFetch().answer({
        status: 202,
        body: {
          status: 'pending',
          status_url: 'http://hub.example.org/hub/api/start/alice/abc123',
          delete_url: DELETE_URL
        }
      });
      await expectHubError(makeClient(fake).start(), 'bad-response');
      expect(fake.calls).toHaveLength(1);
    });

    it('refuses an unknown status', async () => {
      const fake = new FakeFetch().answer({
        status: 200,
        body: {
          status: 'great',
          status_url: STATUS_URL,
          delete_url: DELETE_URL
        }
      });
      await expectHubError(makeClient(fake).start(), 'bad-response');
    });

    it('explains an HTML page where JSON was expected [F03]', async () => {
      const fake = new FakeFetch().answer({
        status: 200,
        text: '<!DOCTYPE html><html><body>Login</body></html>',
        headers: { 'Content-Type': 'text/html' }
      });
      const error = await expectHubError(
        makeClient(fake).start(),
        'bad-response'
      );
      expect(error.message).toContain('web page');
    });

    it('refuses a JSON answer that is not an object', async () => {
      const fake = new FakeFetch().answer({ status: 200, body: ['running'] });
      await expectHubError(makeClient(fake).start(), 'bad-response');
    });
  });

  describe('errors', () => {
    it('403: auth, pointing to the token page [F28]', async () => {
      const fake = new FakeFetch().answer({
        status: 403,
        body: { status: 403, message: 'Missing or invalid credentials.' }
      });
      const error = await expectHubError(makeClient(fake).start(), 'auth');
      expect(error.status).toBe(403);
      expect(error.message).toContain(`${HUB}hub/token`);
    });

    it('403 for a missing scope says so', async () => {
      const fake = new FakeFetch().answer({
        status: 403,
        body: {
          status: 403,
          message:
            'Action is not authorized with current scopes; requires any of [servers]'
        }
      });
      const error = await expectHubError(makeClient(fake).start(), 'auth');
      expect(error.message).toContain('requires any of [servers]');
    });

    it('404: not-found', async () => {
      const fake = new FakeFetch().answer({
        status: 404,
        body: { status: 404, message: 'Not Found' }
      });
      const error = await expectHubError(
        makeClient(fake).status(STATUS_URL),
        'not-found'
      );
      expect(error.message).toMatch(/not known to the hub/);
    });

    it('400 naming the configuration limit: limit [F09]', async () => {
      const fake = new FakeFetch().answer({
        status: 400,
        body: {
          status: 400,
          message: 'You may only have 15 Jupyter Server configurations.'
        }
      });
      const error = await expectHubError(makeClient(fake).start(), 'limit');
      expect(error.message).toContain('15 Jupyter Server configurations');
      expect(error.message).toMatch(/Delete a server/);
    });

    it("400 from JupyterHub's own named-server limit: limit", async () => {
      const fake = new FakeFetch().answer({
        status: 400,
        body: {
          status: 400,
          message: 'User alice already has the maximum of 15 named servers.'
        }
      });
      await expectHubError(makeClient(fake).start(), 'limit');
    });

    it('other 400: bad-request with the hub message', async () => {
      const fake = new FakeFetch().answer({
        status: 400,
        body: { status: 400, message: 'Unknown system "Mars".' }
      });
      const error = await expectHubError(
        makeClient(fake).start(),
        'bad-request'
      );
      expect(error.hubMessage).toBe('Unknown system "Mars".');
      expect(error.message).toContain('Unknown system "Mars".');
    });

    it('429: rate-limited, honouring Retry-After in seconds', async () => {
      const fake = new FakeFetch().answer({
        status: 429,
        body: {
          status: 429,
          message: 'Too many users trying to log in right now.'
        },
        headers: { 'Retry-After': '42' }
      });
      const error = await expectHubError(
        makeClient(fake).start(),
        'rate-limited'
      );
      expect(error.retryAfter).toBe(42);
      expect(error.message).toContain('42');
    });

    it('5xx: hub', async () => {
      const fake = new FakeFetch().answer({
        status: 502,
        text: '<html><body>Bad Gateway</body></html>',
        headers: { 'Content-Type': 'text/html' }
      });
      const error = await expectHubError(makeClient(fake).start(), 'hub');
      expect(error.status).toBe(502);
      expect(error.hubMessage).toBeUndefined();
    });

    it('a redirect is reported, not followed', async () => {
      const fake = new FakeFetch().answer({
        status: 302,
        redirectTo: { status: 200, body: { name: 'mallory', scopes: [] } }
      });
      const error = await expectHubError(
        makeClient(fake).whoami(),
        'bad-response'
      );
      expect(error.message).toMatch(/redirected/);
      expect(fake.calls[0].init.redirect).toBe('manual');
    });

    it('fetch throwing on the same origin: network, not CORS', async () => {
      const fake = new FakeFetch().answer(new TypeError('Failed to fetch'));
      const error = await expectHubError(makeClient(fake).whoami(), 'network');
      expect(error.crossOrigin).toBe(false);
      expect(error.message).not.toMatch(/CORS/);
    });

    it('fetch throwing cross-origin: network, naming the likely CORS block [F27]', async () => {
      const fake = new FakeFetch().answer(new TypeError('Failed to fetch'));
      const error = await expectHubError(
        makeClient(fake, { pageOrigin: 'http://127.0.0.1:8888' }).whoami(),
        'network'
      );
      expect(error.crossOrigin).toBe(true);
      expect(error.message).toMatch(/CORS/);
      expect(error.message).toContain('http://127.0.0.1:8888');
    });

    describe('never echoes the token, even when the hub does [F14]', () => {
      // A token with characters that a hub may echo percent-encoded.
      const SECRET = 'tok/en+secret=1234';
      const ENCODED = encodeURIComponent(SECRET);
      const echo = `bad token ${SECRET} (${ENCODED}) in request`;
      const client = (fake: FakeFetch) =>
        makeClient(fake, { token: SECRET, owner: 'alice' });
      /** Everything of an error a person or a log may see. */
      const shown = (error: unknown) => {
        const e = error as HubError;
        return JSON.stringify([e.message, e.summary, e.hubMessage, e.stack]);
      };
      const failure = (promise: Promise<unknown>) =>
        promise.then(
          () => {
            throw new Error('expected a failure');
          },
          (error: unknown) => {
            expect(error).toBeInstanceOf(HubError);
            return error;
          }
        );

      it.each([
        ['message', 400, { status: 400, message: echo }],
        ['error', 400, { error: echo }],
        ['reason', 400, { reason: echo }],
        ['a 5xx message', 500, { status: 500, message: echo }],
        ['a 403 scope message', 403, { status: 403, message: `scope ${echo}` }]
      ])('in %s', async (_, status, body) => {
        const fake = new FakeFetch().answer({ status, body });
        const error = await failure(client(fake).start());
        expect(shown(error)).not.toContain(SECRET);
        expect(shown(error)).not.toContain(ENCODED);
      });

      it.each([
        ['a start answer', (c: HubClient) => c.start()],
        ['a status answer', (c: HubClient) => c.status(STATUS_URL)]
      ])('in the status of %s', async (_, call) => {
        const fake = new FakeFetch().answer({
          status: 200,
          body: { status: echo, status_url: STATUS_URL, delete_url: DELETE_URL }
        });
        const error = await failure(call(client(fake)));
        expect(shown(error)).not.toContain(SECRET);
        expect(shown(error)).not.toContain(ENCODED);
      });

      it.each([
        ['HTML error page', 502],
        ['HTML page with 200', 200]
      ])('in an %s', async (_, status) => {
        const fake = new FakeFetch().answer({
          status,
          text: `<html><body>${echo}</body></html>`,
          headers: { 'Content-Type': 'text/html' }
        });
        const error = await failure(client(fake).start());
        expect(shown(error)).not.toContain(SECRET);
      });

      it('in the logs of a stopped server', async () => {
        const fake = new FakeFetch().answer(
          { status: 200, body: { status: 'stopped', logs: ['ok', echo] } },
          { status: 200, body: { status: 'stopped', logs: `ok\n${echo}` } }
        );
        for (let i = 0; i < 2; i++) {
          const status = await client(fake).status(STATUS_URL);
          expect(status.status === 'stopped' && status.logs).toHaveLength(2);
          expect(JSON.stringify(status)).not.toContain(SECRET);
          expect(JSON.stringify(status)).not.toContain(ENCODED);
        }
      });

      it('in progress messages', async () => {
        const fake = new FakeFetch().stream([
          `data: ${JSON.stringify({ progress: 10, message: echo })}\n\n`
        ]);
        const events = [];
        for await (const event of client(fake).progress('alice', 's1')) {
          if (event.progress !== null) {
            events.push(event);
          }
        }
        expect(events).toHaveLength(1);
        expect(events[0].message).toContain('bad token');
        expect(JSON.stringify(events)).not.toContain(SECRET);
        expect(JSON.stringify(events)).not.toContain(ENCODED);
      });

      it('in flavor names', async () => {
        const fake = new FakeFetch().answer({
          status: 200,
          body: { S: { m1: { display_name: echo, description: echo } } }
        });
        const systems = await client(fake).systems();
        expect(JSON.stringify(systems)).not.toContain(SECRET);
      });
    });

    it('without a token: config error and no request [F31]', async () => {
      const fake = new FakeFetch();
      const error = await expectHubError(
        makeClient(fake, { token: '  ' }).whoami(),
        'config'
      );
      expect(error.message).toContain(`${HUB}hub/token`);
      expect(fake.calls).toHaveLength(0);
    });

    it('a hub URL that is not http(s): config error saying what to type [F18]', () => {
      expect(() =>
        makeClient(new FakeFetch(), { hubUrl: 'ftp://hub.example.org' })
      ).toThrow(HubError);
      expect(() =>
        makeClient(new FakeFetch(), { hubUrl: 'ftp://hub.example.org' })
      ).toThrow("Type the hub's address in the settings, e.g. https://");
    });

    it('a host:port hub URL is usable [F18]', () => {
      expect(
        makeClient(new FakeFetch(), { hubUrl: 'hub.example.org:8443' }).baseUrl
      ).toBe('https://hub.example.org:8443/');
    });
  });

  describe('status', () => {
    it.each([
      [
        {
          status: 'running',
          next_url: NEXT_URL,
          status_url: STATUS_URL,
          delete_url: DELETE_URL
        },
        {
          status: 'running',
          nextUrl: NEXT_URL,
          statusUrl: STATUS_URL,
          deleteUrl: DELETE_URL
        }
      ],
      [
        { status: 'pending', status_url: STATUS_URL, delete_url: DELETE_URL },
        { status: 'pending', statusUrl: STATUS_URL, deleteUrl: DELETE_URL }
      ],
      [
        {
          status: 'stopped',
          exit_code: 3,
          logs: ['Pulling image', 'Error: no such image']
        },
        {
          status: 'stopped',
          exitCode: 3,
          logs: ['Pulling image', 'Error: no such image']
        }
      ],
      [
        { status: 'stopped', exit_code: null, logs: 'line 1\nline 2' },
        { status: 'stopped', exitCode: null, logs: ['line 1', 'line 2'] }
      ],
      [{ status: 'stopped' }, { status: 'stopped', exitCode: null, logs: [] }]
    ])('reads %j', async (body, expected) => {
      const fake = new FakeFetch().answer({ status: 200, body });
      expect(await makeClient(fake).status(STATUS_URL)).toEqual(expected);
      expect(fake.calls[0].method).toBe('GET');
      expect(fake.calls[0].url).toBe(STATUS_URL);
    });

    it('does not send the token to a status URL on another origin [F26]', async () => {
      const fake = new FakeFetch();
      await expectHubError(
        makeClient(fake).status(
          'https://evil.example.com/hub/api/start/alice/x'
        ),
        'bad-response'
      );
      expect(fake.calls).toHaveLength(0);
    });
  });

  describe('stop and remove', () => {
    it('stop: DELETE delete_url without a body', async () => {
      const fake = new FakeFetch().answer({ status: 204 });
      expect(await makeClient(fake).stop(DELETE_URL)).toBe('stopped');
      expect(fake.calls[0].method).toBe('DELETE');
      expect(fake.calls[0].url).toBe(DELETE_URL);
      expect(fake.calls[0].body).toBeUndefined();
    });

    it('stop: 202 means stopping', async () => {
      const fake = new FakeFetch().answer({ status: 202 });
      expect(await makeClient(fake).stop(DELETE_URL)).toBe('stopping');
    });

    it('stop: 404 means already stopped', async () => {
      const fake = new FakeFetch().answer({
        status: 404,
        body: { status: 404, message: 'Not Found' }
      });
      expect(await makeClient(fake).stop(DELETE_URL)).toBe('already-stopped');
    });

    it('remove: DELETE delete_url with {"remove": true}', async () => {
      const fake = new FakeFetch().answer({ status: 204 });
      await makeClient(fake).remove(DELETE_URL);
      expect(fake.calls[0].method).toBe('DELETE');
      expect(fake.calls[0].body).toEqual({ remove: true });
      expect(fake.calls[0].headers.Authorization).toBe(`token ${TOKEN}`);
    });

    it('remove: 404 is not-found', async () => {
      const fake = new FakeFetch().answer({
        status: 404,
        body: { status: 404 }
      });
      await expectHubError(makeClient(fake).remove(DELETE_URL), 'not-found');
    });

    it('stop refuses a delete URL on another origin [F10]', async () => {
      const fake = new FakeFetch();
      await expectHubError(
        makeClient(fake).stop(
          'https://evil.example.com/hub/api/users/alice/servers/x'
        ),
        'bad-response'
      );
      expect(fake.calls).toHaveLength(0);
    });
  });

  describe('whoami, listServers, systems', () => {
    it('whoami reads name and scopes', async () => {
      const fake = new FakeFetch().answer({
        status: 200,
        body: {
          name: 'alice',
          admin: false,
          scopes: ['servers!user', 'read:servers!user']
        }
      });
      const user = await makeClient(fake).whoami();
      expect(fake.calls[0].url).toBe(`${HUB}hub/api/user`);
      expect(user).toEqual({
        name: 'alice',
        scopes: ['servers!user', 'read:servers!user']
      });
    });

    it('whoami refuses an answer without a name', async () => {
      const fake = new FakeFetch().answer({
        status: 200,
        body: { kind: 'user' }
      });
      await expectHubError(makeClient(fake).whoami(), 'bad-response');
    });

    it('listServers asks for stopped servers too and reads each', async () => {
      const fake = new FakeFetch().answer({
        status: 200,
        body: {
          name: 'alice',
          servers: {
            abc: {
              name: 'abc',
              ready: true,
              pending: null,
              stopped: false,
              url: '/user/al%20ice/abc/',
              started: '2026-11-26T10:00:00Z',
              last_activity: '2026-11-26T10:05:00Z',
              user_options: { option: 'custom', custom: { customimage: 'x:1' } }
            },
            old: {
              name: 'old',
              ready: false,
              pending: null,
              stopped: true,
              url: 'https://evil.example.com/user/alice/old/',
              user_options: {}
            }
          }
        }
      });
      const servers = await makeClient(fake).listServers('al ice');
      expect(fake.calls[0].url).toBe(
        `${HUB}hub/api/users/al%20ice?include_stopped_servers`
      );
      expect(servers).toEqual([
        {
          name: 'abc',
          ready: true,
          pending: null,
          url: `${HUB}user/al%20ice/abc/`,
          started: '2026-11-26T10:00:00Z',
          userOptions: { option: 'custom', custom: { customimage: 'x:1' } }
        },
        {
          name: 'old',
          ready: false,
          pending: null,
          url: null,
          started: null,
          userOptions: {}
        }
      ]);
    });

    it('systems reads outpostflavors', async () => {
      const fake = new FakeFetch().answer({
        status: 200,
        body: {
          'JSC-Cloud': {
            m1: {
              display_name: 'm1 (2 GB, 1 vCPU)',
              max: 10,
              current: 2,
              runtime: '8h'
            }
          }
        }
      });
      expect(await makeClient(fake).systems()).toEqual({
        'JSC-Cloud': {
          m1: {
            displayName: 'm1 (2 GB, 1 vCPU)',
            description: '',
            max: 10,
            current: 2,
            runtime: 8 * 3600
          }
        }
      });
    });

    it('systems is null where the hub has no outpostflavors', async () => {
      const fake = new FakeFetch().answer({
        status: 404,
        body: { status: 404 }
      });
      expect(await makeClient(fake).systems()).toBeNull();
    });
  });

  describe('progress', () => {
    it('reads the event stream of a starting server', async () => {
      const fake = new FakeFetch().stream([
        'data: {"progress": 0, "message": "Server requested"}\n\n',
        'data: {"progress": 50, "message": "Pulling',
        ' image"}\n\n: keep-alive\n\n',
        'data: {"progress": 100, "ready": true, "message": "ready"}\n\n'
      ]);
      const events = [];
      for await (const event of makeClient(fake).progress('alice', 'abc123')) {
        events.push(event);
      }
      expect(fake.progressCalls).toEqual([
        `${HUB}hub/api/users/alice/servers/abc123/progress`
      ]);
      const shown = events.filter(e => !e.keepAlive);
      expect(shown.map(e => [e.progress, e.message, e.ready])).toEqual([
        [0, 'Server requested', false],
        [50, 'Pulling image', false],
        [100, 'ready', true]
      ]);
    });

    it('yields a keep-alive event for each keep-alive: the stream is alive', async () => {
      const fake = new FakeFetch().stream([
        '\n\n',
        ': keep-alive\n',
        'data: {"progress": 10, "message": "Pulling"}\n\n'
      ]);
      const events = [];
      const stream = makeClient(fake).progress('alice', 'abc123');
      for (let i = 0; i < 4; i++) {
        events.push((await stream.next()).value);
      }
      await stream.return(undefined);
      const alive = {
        progress: null,
        message: '',
        ready: false,
        failed: false,
        keepAlive: true
      };
      expect(events).toEqual([
        alive,
        alive,
        alive,
        {
          progress: 10,
          message: 'Pulling',
          ready: false,
          failed: false,
          keepAlive: false
        }
      ]);
    });

    it('a server that is not starting: an error, not events', async () => {
      const fake = new FakeFetch();
      const events = makeClient(fake).progress('alice', 'abc123');
      await expect(events.next()).rejects.toBeInstanceOf(HubError);
    });
  });

  describe('serverSettings', () => {
    it('points at the server with the token, not in URLs', () => {
      const settings = makeClient(new FakeFetch()).serverSettings(NEXT_URL);
      expect(settings.baseUrl).toBe(NEXT_URL);
      expect(settings.wsUrl).toBe('wss://hub.example.org/user/alice/abc123/');
      expect(settings.token).toBe(TOKEN);
      expect(settings.appendToken).toBe(false);
    });

    it('refuses a server URL on another origin [F10]', () => {
      expect(() =>
        makeClient(new FakeFetch()).serverSettings(
          'https://evil.example.com/user/a/b/'
        )
      ).toThrow(HubError);
    });
  });

  it('keeps the base path of a hub under a prefix', async () => {
    const fake = new FakeFetch().answer({
      status: 200,
      body: { name: 'alice', scopes: [] }
    });
    const client = makeClient(fake, {
      hubUrl: 'https://example.org/jhub/hub/home'
    });
    expect(client.baseUrl).toBe('https://example.org/jhub/');
    expect(client.tokenPageUrl).toBe('https://example.org/jhub/hub/token');
    await client.whoami();
    expect(fake.calls[0].url).toBe('https://example.org/jhub/hub/api/user');
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    const now = Date.parse('2026-11-26T12:00:00Z');
    expect(parseRetryAfter('30', now)).toBe(30);
    expect(parseRetryAfter('Thu, 26 Nov 2026 12:01:00 GMT', now)).toBe(60);
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
