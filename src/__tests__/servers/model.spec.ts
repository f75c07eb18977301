import { Signal } from '@lumino/signaling';

import { IHubConnection } from '../../connection/types';
import { HubClient } from '../../hub';
import { ServersModel } from '../../servers/model';
import { serverState } from '../../servers/state';
import { makeHub as makeFakeHub } from '../fakeHub';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';

const HUB = 'https://hub.example.org/';

function makeHub(fake: FakeFetch, token = 'tok-123456'): IHubConnection {
  return makeFakeHub(fake, {
    hubUrl: HUB,
    token,
    currentServer: { user: 'alice', server: 'here' }
  });
}

function serverList(
  count: number,
  extra: Record<string, unknown> = {}
): IFakeAnswer {
  const servers: Record<string, unknown> = {
    '': {
      name: '',
      ready: true,
      pending: null,
      stopped: false,
      url: '/user/alice/'
    },
    ...extra
  };
  for (let i = 0; i < count; i++) {
    servers[`s${i}`] = {
      name: `s${i}`,
      ready: false,
      pending: null,
      stopped: true,
      url: null,
      user_options: { name: `Server ${i}` }
    };
  }
  return { status: 200, body: { name: 'alice', servers } };
}

const noFlavors: IFakeAnswer = { status: 404, body: { status: 404 } };

describe('ServersModel', () => {
  it('makes no request while inactive', async () => {
    const fake = new FakeFetch();
    const model = new ServersModel(makeHub(fake));
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(fake.calls).toHaveLength(0);
    expect(model.connection).toBe('checking');
    model.dispose();
  });

  it('lists configurations (not the default server), running first', async () => {
    const fake = new FakeFetch().answer(
      serverList(2, {
        live: {
          name: 'live',
          ready: true,
          pending: null,
          stopped: false,
          url: '/user/alice/live/',
          started: '2026-11-26T10:00:00Z',
          user_options: {}
        }
      }),
      noFlavors
    );
    const model = new ServersModel(makeHub(fake));
    await model.refresh();
    // The owner and its servers in one request.
    expect(fake.calls[0].url).toBe(
      `${HUB}hub/api/user?include_stopped_servers`
    );
    expect(model.connection).toBe('connected');
    expect(model.user?.name).toBe('alice');
    expect(model.servers.map(s => s.name)).toEqual(['live', 's0', 's1']);
    expect(model.servers.map(serverState)).toEqual([
      'running',
      'stopped',
      'stopped'
    ]);
    expect(model.atLimit).toBe(false);
    expect(model.systems).toBeNull();
    model.dispose();
  });

  it('is at the limit with 15 configurations', async () => {
    const fake = new FakeFetch().answer(serverList(15), noFlavors);
    const model = new ServersModel(makeHub(fake));
    await model.refresh();
    expect(model.servers).toHaveLength(15);
    expect(model.atLimit).toBe(true);
    model.dispose();
  });

  it('says why when the token is refused', async () => {
    const fake = new FakeFetch().answer({
      status: 403,
      body: { status: 403, message: 'Missing or invalid credentials.' }
    });
    const model = new ServersModel(makeHub(fake));
    await model.refresh();
    expect(model.connection).toBe('failed');
    expect(model.error?.kind).toBe('auth');
    expect(model.problem).toContain(`${HUB}hub/token`);
    expect(model.problem).not.toContain('tok-123456');
    model.dispose();
  });

  it('is unconfigured without a token and asks nothing', async () => {
    const fake = new FakeFetch();
    const model = new ServersModel(makeHub(fake, ''));
    await model.refresh();
    expect(model.connection).toBe('unconfigured');
    expect(fake.calls).toHaveLength(0);
    model.dispose();
  });

  it('stops and removes through the delete URL, then refreshes', async () => {
    const fake = new FakeFetch().answer(serverList(1), noFlavors);
    const model = new ServersModel(makeHub(fake));
    await model.refresh();
    fake.calls.length = 0;
    fake.answer({ status: 204 }, serverList(1));
    expect(await model.stop('s0')).toBe('stopped');
    expect(fake.calls[0]).toMatchObject({
      method: 'DELETE',
      url: `${HUB}hub/api/users/alice/servers/s0`
    });
    expect(fake.calls[0].body).toBeUndefined();

    fake.calls.length = 0;
    fake.answer({ status: 404, body: { status: 404 } }, serverList(0));
    await model.remove('s0'); // already gone counts as done
    expect(fake.calls[0].body).toEqual({ remove: true });
    expect(model.servers).toHaveLength(0);
    model.dispose();
  });

  it('reads a stopped server’s exit code and logs from the start API', async () => {
    const fake = new FakeFetch().answer(serverList(1), noFlavors);
    const model = new ServersModel(makeHub(fake));
    await model.refresh();
    fake.answer({
      status: 200,
      body: { status: 'stopped', exit_code: 2, logs: ['boom'] }
    });
    expect(await model.details('s0')).toEqual({
      status: 'stopped',
      exitCode: 2,
      logs: ['boom']
    });
    expect(fake.calls[fake.calls.length - 1].url).toBe(
      `${HUB}hub/api/start/alice/s0`
    );
    model.dispose();
  });

  it('knows the server it runs in', async () => {
    const fake = new FakeFetch().answer(
      serverList(0, {
        here: { name: 'here', ready: true, url: '/user/alice/here/' }
      }),
      noFlavors
    );
    const model = new ServersModel(makeHub(fake));
    await model.refresh();
    expect(model.isCurrent(model.servers[0])).toBe(true);
    model.dispose();
  });

  it('keeps what it knows when other settings change, forgets on a new client', async () => {
    const fake = new FakeFetch().answer(serverList(1), noFlavors);
    const hub = makeHub(fake);
    const model = new ServersModel(hub);
    await model.refresh();
    (hub.changed as Signal<IHubConnection, void>).emit();
    expect(model.servers).toHaveLength(1);
    expect(model.connection).toBe('connected');
    (hub as { client: HubClient | null }).client = new HubClient({
      hubUrl: HUB,
      token: 'other',
      fetch: fake.fetch
    });
    (hub.changed as Signal<IHubConnection, void>).emit();
    expect(model.servers).toHaveLength(0);
    expect(model.connection).toBe('checking');
    model.dispose();
  });

  it('asks again at once when the client changed while a refresh was out', async () => {
    // A token saved, then decided (two new clients in a row) while the
    // sidebar shows the list: the refresh for the first is still out when
    // the second arrives.
    const hub = makeHub(new FakeFetch().answer(serverList(0), noFlavors));
    const model = new ServersModel(hub, { idleInterval: 60 * 60 * 1000 });
    model.active = true;
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(model.connection).toBe('connected');

    let release: () => void = () => undefined;
    const held = new Promise<void>(resolve => (release = resolve));
    const saved = new FakeFetch().answer(serverList(1), noFlavors);
    const useClient = (token: string, fetch: FakeFetch['fetch']) => {
      (hub as { client: HubClient | null }).client = new HubClient({
        hubUrl: HUB,
        token,
        fetch,
        owner: 'alice'
      });
      (hub.changed as Signal<IHubConnection, void>).emit();
    };
    let asked = false;
    useClient('saved', async (url, init) => {
      asked = true;
      await held;
      return saved.fetch(url, init);
    });
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(asked).toBe(true);
    useClient(
      'decided',
      new FakeFetch().answer(serverList(2), noFlavors).fetch
    );
    release();
    // No poll interval passes: the list comes through the client in use.
    await new Promise(resolve => setTimeout(resolve, 50));
    expect(model.connection).toBe('connected');
    expect(model.servers).toHaveLength(2);
    model.dispose();
  });

  it('loads the list once, and again only for a new client', async () => {
    const fake = new FakeFetch().answer(serverList(1), noFlavors);
    const hub = makeHub(fake);
    const model = new ServersModel(hub);
    await Promise.all([model.load(), model.load()]);
    await model.load();
    expect(fake.calls).toHaveLength(2); // the owner with its list, the flavors
    (hub as { client: HubClient | null }).client = new HubClient({
      hubUrl: HUB,
      token: 'other',
      fetch: fake.fetch
    });
    (hub.changed as Signal<IHubConnection, void>).emit();
    fake.answer(serverList(1), noFlavors);
    await model.load();
    expect(fake.calls).toHaveLength(4);
    model.dispose();
  });

  it('says which server the user deleted through it', async () => {
    const fake = new FakeFetch().answer(serverList(1), noFlavors);
    const model = new ServersModel(makeHub(fake));
    await model.refresh();
    const removed: string[] = [];
    model.removed.connect((_, name) => removed.push(name));
    fake.answer({ status: 204 }, serverList(0));
    await model.remove('s0');
    expect(removed).toEqual(['s0']);
    model.dispose();
  });
});
