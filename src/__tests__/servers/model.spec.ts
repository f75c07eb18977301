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

const me: IFakeAnswer = {
  status: 200,
  body: { name: 'alice', admin: false, scopes: ['servers!user'] }
};

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
      me,
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
    expect(fake.calls[1].url).toBe(
      `${HUB}hub/api/users/alice?include_stopped_servers`
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
    const fake = new FakeFetch().answer(me, serverList(15), noFlavors);
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
    const fake = new FakeFetch().answer(me, serverList(1), noFlavors);
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
    const fake = new FakeFetch().answer(me, serverList(1), noFlavors);
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
      me,
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
    const fake = new FakeFetch().answer(me, serverList(1), noFlavors);
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

  it('polls while active and stops when inactive', async () => {
    const fake = new FakeFetch();
    for (let i = 0; i < 50; i++) {
      fake.answer(me, serverList(0), noFlavors);
    }
    const model = new ServersModel(makeHub(fake), { refreshInterval: 20 });
    model.active = true;
    await new Promise(resolve => setTimeout(resolve, 400));
    model.active = false;
    const lists = () =>
      fake.calls.filter(c => c.url.includes('include_stopped')).length;
    const seen = lists();
    expect(seen).toBeGreaterThanOrEqual(2);
    await new Promise(resolve => setTimeout(resolve, 100));
    expect(lists()).toBe(seen);
    model.dispose();
  });

  it('loads the list once, and again only for a new client', async () => {
    const fake = new FakeFetch().answer(me, serverList(1), noFlavors);
    const hub = makeHub(fake);
    const model = new ServersModel(hub);
    await Promise.all([model.load(), model.load()]);
    await model.load();
    expect(fake.calls).toHaveLength(3); // who am I, the list, the flavors
    (hub as { client: HubClient | null }).client = new HubClient({
      hubUrl: HUB,
      token: 'other',
      fetch: fake.fetch
    });
    (hub.changed as Signal<IHubConnection, void>).emit();
    fake.answer(me, serverList(1), noFlavors);
    await model.load();
    expect(fake.calls).toHaveLength(6);
    model.dispose();
  });

  it('says which server the user deleted through it', async () => {
    const fake = new FakeFetch().answer(me, serverList(1), noFlavors);
    const model = new ServersModel(makeHub(fake));
    await model.refresh();
    const removed: string[] = [];
    model.removed.connect((_, name) => removed.push(name));
    fake.answer({ status: 204 }, serverList(0));
    await model.remove('s0');
    expect(removed).toEqual(['s0']);
    model.dispose();
  });

  it('refreshes slowly in the background while another server runs, not otherwise', async () => {
    const running = (name: string) => ({
      [name]: { name, ready: true, pending: null, url: `/user/alice/${name}/` }
    });
    const fake = new FakeFetch().answer(
      me,
      serverList(1, running('live')),
      noFlavors
    );
    for (let i = 0; i < 3; i++) {
      fake.answer(serverList(1, running('live')));
    }
    fake.answer(serverList(1, running('here')));
    const model = new ServersModel(makeHub(fake), { watchInterval: 60 });
    const lists = () =>
      fake.calls.filter(c => c.url.includes('include_stopped')).length;
    await model.refresh();
    expect(model.watching).toBe(true);
    expect(lists()).toBe(1);
    // The first background refresh waits a full interval.
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(lists()).toBe(1);
    const deadline = Date.now() + 5000;
    while (lists() < 5 && Date.now() < deadline) {
      await new Promise(resolve => setTimeout(resolve, 20));
    }
    // Only this JupyterLab runs now: the background refreshes stopped.
    expect(lists()).toBe(5);
    expect(model.watching).toBe(false);
    await new Promise(resolve => setTimeout(resolve, 150));
    expect(lists()).toBe(5);
    model.dispose();
  });

  it('does not refresh in the background while active (the fast poll does)', async () => {
    const fake = new FakeFetch().answer(
      me,
      serverList(0, {
        live: { name: 'live', ready: true, url: '/user/alice/live/' }
      }),
      noFlavors
    );
    const model = new ServersModel(makeHub(fake), {
      refreshInterval: 60 * 1000,
      watchInterval: 30
    });
    await model.refresh();
    expect(model.watching).toBe(true);
    fake.answer(serverList(0));
    model.active = true;
    await new Promise(resolve => setTimeout(resolve, 150));
    // Only the refresh on becoming active.
    expect(fake.calls).toHaveLength(4);
    model.dispose();
  });
});
