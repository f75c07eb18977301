/**
 * What one refresh of the servers model asks, and what it tells its views.
 */
import { FetchFunction, HubClient } from '../../hub';
import { ServersModel } from '../../servers/model';
import { makeHub } from '../fakeHub';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';
import { flavors, hubServer, noFlavors, serverList } from '../widgets/fixtures';

const HUB = 'https://hub.example.org/';

/** A model whose requests go to `fetch`. */
function modelOn(fetch: FetchFunction): ServersModel {
  const hub = makeHub(new FakeFetch(), { hubUrl: HUB });
  (hub as { client: HubClient | null }).client = new HubClient({
    hubUrl: HUB,
    token: 'tok-123456',
    fetch,
    owner: 'alice'
  });
  return new ServersModel(hub);
}

/** `GET /hub/api/user` of a token with these scopes, with these servers. */
function user(
  scopes: string[],
  servers?: Record<string, unknown>
): IFakeAnswer {
  return { status: 200, body: { name: 'alice', scopes, servers } };
}

const notAllowed: IFakeAnswer = {
  status: 403,
  body: {
    status: 403,
    message:
      'Action is not authorized with current scopes; requires any of [read:servers]'
  }
};

const twoServers = () =>
  serverList(
    hubServer('live', 'running', { user_options: { name: 'Live' } }),
    hubServer('old', 'stopped', { user_options: { name: 'Old' } })
  );

describe('A refresh of the servers model', () => {
  it('asks for the owner with its servers and for the systems at once', async () => {
    const fake = new FakeFetch().answer(
      twoServers(),
      flavors({ 'JSC-Cloud': { m1: 'M1' } })
    );
    const asked: string[] = [];
    const held: (() => void)[] = [];
    const model = modelOn((url, init) => {
      asked.push(url);
      return new Promise(resolve =>
        held.push(() => resolve(fake.fetch(url, init)))
      );
    });
    const done = model.refresh();
    await new Promise(resolve => setTimeout(resolve, 10));
    // Both asked before either answered.
    expect(asked).toEqual([
      `${HUB}hub/api/user?include_stopped_servers`,
      `${HUB}hub/api/outpostflavors`
    ]);
    held.forEach(release => release());
    await done;
    expect(model.connection).toBe('connected');
    expect(model.servers.map(s => s.name)).toEqual(['live', 'old']);
    expect(Object.keys(model.systems ?? {})).toEqual(['JSC-Cloud']);
    model.dispose();
  });

  it('keeps only servers on the owner’s own URLs', async () => {
    const fake = new FakeFetch().answer(
      serverList(
        hubServer('mine', 'running'),
        hubServer('theirs', 'running', { url: '/user/bob/theirs/' })
      ),
      noFlavors
    );
    const model = modelOn(fake.fetch);
    await model.refresh();
    const urls = Object.fromEntries(model.servers.map(s => [s.name, s.url]));
    expect(urls).toEqual({ mine: `${HUB}user/alice/mine/`, theirs: null });
    model.dispose();
  });

  it('asks the list as such for a token without read:servers, and says what it lacks', async () => {
    const fake = new FakeFetch().answer(
      user(['access:servers!server=alice/lab1']),
      noFlavors,
      notAllowed
    );
    const model = modelOn(fake.fetch);
    await model.refresh();
    expect(fake.calls[2].url).toBe(
      `${HUB}hub/api/users/alice?include_stopped_servers`
    );
    expect(model.connection).toBe('failed');
    expect(model.error?.kind).toBe('auth');
    expect(model.problem).toContain('not allowed');
    model.dispose();
  });

  it('does not take the servers of a token that may read only some for the list', async () => {
    const fake = new FakeFetch().answer(
      user(['read:servers!server=alice/one'], {
        one: hubServer('one', 'running')
      }),
      noFlavors,
      notAllowed
    );
    const model = modelOn(fake.fetch);
    await model.refresh();
    expect(model.connection).toBe('failed');
    expect(model.servers).toEqual([]);
    model.dispose();
  });

  it('says it changed only when something did, and keeps what did not', async () => {
    const fake = new FakeFetch().answer(twoServers(), noFlavors, twoServers());
    const model = modelOn(fake.fetch);
    let changes = 0;
    model.changed.connect(() => (changes += 1));
    await model.refresh();
    expect(changes).toBe(1);
    const [live, old] = model.servers;
    const servers = model.servers;
    const user = model.user;

    await model.refresh(); // the same answer
    expect(changes).toBe(1);
    expect(model.servers).toBe(servers);
    expect(model.user).toBe(user);

    fake.answer(
      serverList(
        hubServer('live', 'stopping', { user_options: { name: 'Live' } }),
        hubServer('old', 'stopped', { user_options: { name: 'Old' } })
      )
    );
    await model.refresh();
    expect(changes).toBe(2);
    expect(model.servers[0]).not.toBe(live);
    expect(model.servers[1]).toBe(old);
    model.dispose();
  });

  it('says a failure once, not again when the next refresh fails the same way', async () => {
    const fake = new FakeFetch().answer(
      new TypeError('Failed to fetch'),
      noFlavors,
      new TypeError('Failed to fetch')
    );
    const model = modelOn(fake.fetch);
    let changes = 0;
    model.changed.connect(() => (changes += 1));
    await model.refresh();
    expect(model.connection).toBe('failed');
    await model.refresh();
    expect(changes).toBe(1);
    model.dispose();
  });

  it('sends one request for refreshes asked together', async () => {
    const fake = new FakeFetch().answer(twoServers(), noFlavors);
    const model = modelOn(fake.fetch);
    await Promise.all([model.refresh(), model.refresh()]);
    expect(fake.calls).toHaveLength(2); // the list and the systems
    model.dispose();
  });
});
