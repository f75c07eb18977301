/**
 * What the user is offered when a start fails: never a "Try again" that
 * could make a second server, a countdown for a busy hub, a way to the
 * server after a refused answer or a revoked token, and short messages.
 */
import { Notification } from '@jupyterlab/apputils';

import { DEFAULT_USER_OPTIONS, HubClient, mergeOptions } from '../../hub';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';
import {
  accepted,
  DELETE_URL,
  HUB,
  pending,
  running
} from '../hub/startAnswers';
import { hubServer, me, serverList } from './fixtures';
import {
  action,
  lastNotification,
  pressDialogButton,
  setup
} from './launchSetup';

/** What the hub records for the "Minimal" preset of `setup`. */
const minimal = mergeOptions(DEFAULT_USER_OPTIONS, {
  option: 'custom',
  custom: { customimage: 'img:1' },
  system: 'JSC-Cloud'
});

const minimalAs = (state: 'running' | 'starting' | 'stopped') =>
  hubServer('s1', state, { user_options: minimal });

const labels = () => lastNotification().options.actions?.map(a => a.label);

const revoked: IFakeAnswer = {
  status: 403,
  body: { status: 403, message: 'Missing or invalid credentials.' }
};

beforeEach(() => {
  Notification.dismiss();
});

describe('After a start request that failed on its way', () => {
  it('a 502 whose server the hub had started after all lands there and says so [F02]', async () => {
    const fake = new FakeFetch().answer(
      { status: 502, text: '<h1>Bad Gateway</h1>' },
      me,
      serverList(minimalAs('running'))
    );
    const { flow, tabs } = setup(fake);
    await flow.start({ preset: 'Minimal' });
    expect(tabs[0].url).toBe(`${HUB}user/alice/s1/`);
    expect(lastNotification().message).toBe(
      'The hub had started Minimal after all. It is running and opened in a new tab.'
    );
    expect(fake.calls.filter(c => c.method === 'POST')).toHaveLength(1);
  });

  it('a stopped configuration with the same options offers Start again, not Try again [F01]', async () => {
    const fake = new FakeFetch().answer(
      new TypeError('Failed to fetch'),
      me,
      serverList(minimalAs('stopped'))
    );
    const { flow } = setup(fake);
    await expect(flow.start({ preset: 'Minimal' })).rejects.toBeTruthy();
    expect(labels()).toEqual(['Start again', 'Show servers', 'Details']);
    expect(lastNotification().message).toContain(
      'Your servers show it stopped'
    );
  });

  it('a list that cannot be read offers the servers, not Try again [F01]', async () => {
    const fake = new FakeFetch().answer(
      { status: 502, text: '<h1>Bad Gateway</h1>' },
      new TypeError('Failed to fetch')
    );
    const { flow } = setup(fake);
    await expect(flow.start({ preset: 'Minimal' })).rejects.toBeTruthy();
    expect(labels()).not.toContain('Try again');
    expect(labels()).toContain('Show servers');
    expect(lastNotification().message).toContain(
      'A server may be running on the hub'
    );
  });

  it('a start the browser blocked (CORS) offers Try again, and no server is said to run [F27]', async () => {
    const fake = new FakeFetch().answer(
      new TypeError('Failed to fetch'),
      new TypeError('Failed to fetch')
    );
    const { flow } = setup(fake);
    await expect(flow.start({ preset: 'Minimal' })).rejects.toBeTruthy();
    expect(labels()).toContain('Try again');
    const message = lastNotification().message;
    expect(message).toContain('(CORS)');
    expect(message).not.toContain('may be running');
  });

  it('a refused answer says a server may be running and offers the servers [F03]', async () => {
    const fake = new FakeFetch().answer(
      { status: 200, text: '<html>Hello</html>' },
      me,
      serverList()
    );
    const { flow } = setup(fake);
    await expect(flow.start({ preset: 'Minimal' })).rejects.toBeTruthy();
    const note = lastNotification();
    expect(note.message).toContain('A server may be running on the hub');
    expect(labels()).toContain('Show servers');
    expect(labels()).not.toContain('Try again');
  });
});

describe('A busy hub', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('counts down in the notification and the tab, then tries again by itself [F15]', async () => {
    jest.useFakeTimers();
    const fake = new FakeFetch().answer(
      {
        status: 429,
        body: { status: 429, message: 'busy' },
        headers: { 'Retry-After': '12' }
      },
      me,
      serverList(),
      running
    );
    const { flow, tabs } = setup(fake);
    const done = flow.start({ preset: 'Minimal' });
    await jest.advanceTimersByTimeAsync(0);
    const countdown = 'The hub is busy. Trying again in 12 s to start Minimal…';
    expect(lastNotification().message).toBe(countdown);
    expect(labels()).toEqual(['Cancel']);
    expect(tabs[0].messages).toContain(countdown);
    await jest.advanceTimersByTimeAsync(1000);
    expect(lastNotification().message).toBe(
      'The hub is busy. Trying again in 11 s to start Minimal…'
    );
    await jest.advanceTimersByTimeAsync(11_000);
    await expect(done).resolves.toMatchObject({ name: 's1' });
    // The tab stayed open and lands on the server.
    expect(tabs).toHaveLength(1);
    expect(tabs[0].url).toBe(`${HUB}user/alice/s1/`);
    expect(fake.calls.filter(c => c.method === 'POST')).toHaveLength(2);
  });
});

describe('After the hub accepted', () => {
  it('a token revoked while following offers the token page, the servers and Stop it on its own hub [F06] [F17]', async () => {
    const fake = new FakeFetch().answer(accepted, revoked);
    const { flow, hub, opened } = setup(fake);
    const done = flow.start({ preset: 'Minimal' });
    // The settings change meanwhile: the launch keeps its hub.
    const elsewhere = new FakeFetch();
    (hub as { client: unknown }).client = new HubClient({
      hubUrl: 'https://other.example.org/',
      token: 'new',
      fetch: elsewhere.fetch
    });
    await expect(done).rejects.toBeTruthy();
    const note = lastNotification();
    expect(note.message).toBe(
      'Minimal may still be starting, but the hub no longer accepts the API token.'
    );
    expect(labels()).toEqual([
      'Get a token',
      'Show servers',
      'Stop it',
      'Details'
    ]);
    action('Get a token')?.callback(new MouseEvent('click'));
    expect(opened).toEqual([`${HUB}hub/token`]);
    fake.answer({ status: 204 });
    action('Stop it')?.callback(new MouseEvent('click'));
    await new Promise(resolve => setTimeout(resolve, 10));
    const stop = fake.calls.find(c => c.method === 'DELETE');
    expect(stop?.url).toBe(DELETE_URL);
    expect(elsewhere.calls).toHaveLength(0);
  });

  it('Cancel of a configuration the user had says it stays, and only stops it [F21]', async () => {
    const fake = new FakeFetch().answer(serverList(minimalAs('stopped')));
    const { flow, servers } = setup(fake, {}, 'tok', { withServers: true });
    await servers!.refresh();
    fake.answer(accepted);
    for (let i = 0; i < 100; i++) {
      fake.answer(pending);
    }
    const done = flow.start({ preset: 'Minimal' }).catch(e => e);
    await new Promise(resolve => setTimeout(resolve, 20));
    action('Cancel')?.callback(new MouseEvent('click'));
    const answer = () => (fake as any)._queue.unshift({ status: 204 });
    expect(await pressDialogButton('Cancel start', answer)).toBe(
      'Stops Minimal; its configuration stays.'
    );
    expect((await done).reason).toBe('cancelled');
    const deletes = fake.calls.filter(c => c.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0].body).toBeUndefined();
  });
});

describe('The same options from any entry point', () => {
  it('a tile and the palette with the same options are one launch, one request [F20]', async () => {
    const fake = new FakeFetch().answer(accepted, pending, running);
    const { flow, tabs } = setup(fake);
    const tile = flow.start({ preset: 'Minimal' });
    const palette = flow.start({
      options: { option: 'custom', custom: { customimage: 'img:1' } }
    });
    expect(tabs).toHaveLength(1);
    const [a, b] = await Promise.all([tile, palette]);
    expect(b).toEqual(a);
    expect(fake.calls.filter(c => c.method === 'POST')).toHaveLength(1);
  });
});
