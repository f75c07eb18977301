/**
 * The cache mode of hub requests: `no-store` (and `no-cache`) make Chromium
 * skip its CORS preflight cache, so every cross-origin request would cost an
 * `OPTIONS` too. Hub requests keep the `default` mode.
 */
import { FetchFunction, HubClient } from '../../hub';
import { FakeFetch } from './fakeFetch';

const HUB = 'https://hub.example.org/';
const STATUS_URL = `${HUB}hub/api/start/alice/abc123`;
const DELETE_URL = `${HUB}hub/api/users/alice/servers/abc123`;

/** A client on `fake` that records the `RequestInit` of every request. */
function recordingClient(fake: FakeFetch) {
  const inits: [string, RequestInit][] = [];
  const fetch: FetchFunction = (url, init) => {
    inits.push([`${init.method} ${url.replace(HUB, '/')}`, init]);
    return fake.fetch(url, init);
  };
  const client = new HubClient({
    hubUrl: HUB,
    token: 'secret-token-1234',
    fetch,
    owner: 'alice'
  });
  return { client, inits };
}

describe('Cache mode of hub requests', () => {
  it('leaves every hub request in the default mode, so preflights are reused', async () => {
    const fake = new FakeFetch()
      .answer(
        {
          status: 202,
          body: {
            status: 'pending',
            status_url: STATUS_URL,
            delete_url: DELETE_URL
          }
        },
        { status: 200, body: { status: 'stopped', logs: [] } },
        { status: 200, body: { name: 'alice', servers: {} } },
        { status: 200, body: { name: 'alice', scopes: [] } },
        { status: 204 },
        { status: 204 }
      )
      .stream(['data: {"progress": 100, "ready": true}\n\n']);
    const { client, inits } = recordingClient(fake);

    await client.start();
    await client.status(STATUS_URL);
    await client.listServers('alice');
    await client.whoami();
    await client.stop(DELETE_URL);
    await client.remove(DELETE_URL);
    const events = [];
    for await (const event of client.progress('alice', 'abc123')) {
      events.push(event);
    }
    expect(events.some(event => event.ready)).toBe(true);

    const modes = inits.map(([request, init]) => [
      request,
      init.cache ?? 'default'
    ]);
    expect(modes).toEqual([
      ['POST /hub/api/start', 'default'],
      ['GET /hub/api/start/alice/abc123', 'default'],
      ['GET /hub/api/users/alice?include_stopped_servers', 'default'],
      ['GET /hub/api/user', 'default'],
      ['DELETE /hub/api/users/alice/servers/abc123', 'default'],
      ['DELETE /hub/api/users/alice/servers/abc123', 'default'],
      ['GET /hub/api/users/alice/servers/abc123/progress', 'default']
    ]);
  });

  it("a sibling server's settings do not ask for no-store (no timestamp in every URL)", () => {
    const { client } = recordingClient(new FakeFetch());
    const settings = client.serverSettings(`${HUB}user/alice/abc123/`);
    expect(settings.init.cache).not.toBe('no-store');
    expect(settings.init.credentials).toBe('omit');
  });
});
