import { Notification } from '@jupyterlab/apputils';

import { DEFAULT_USER_OPTIONS, mergeOptions } from '../../hub';
import { ServersModel } from '../../servers/model';
import { makeHub } from '../fakeHub';
import { FakeFetch } from '../hub/fakeFetch';
import {
  accepted,
  DELETE_URL,
  HUB,
  NEXT_URL,
  pending,
  running
} from '../hub/startAnswers';
import { me, serverList } from './fixtures';
import { lastNotification, pressDialogButton, setup } from './launchSetup';

beforeEach(() => {
  Notification.dismiss();
});

describe('LaunchNotifier', () => {
  it('merges preset over defaults, opens the tab at once and lands in next_url', async () => {
    const fake = new FakeFetch().answer(accepted, pending, running);
    const { flow, tabs } = setup(fake);
    const done = flow.start({ preset: 'Minimal', options: { name: 'Mine' } });
    // The tab exists before anything was awaited.
    expect(tabs).toHaveLength(1);
    expect(tabs[0].url).toBeNull();
    const result = await done;
    expect(result).toMatchObject({
      name: 's1',
      nextUrl: NEXT_URL,
      deleteUrl: DELETE_URL
    });
    expect(fake.calls[0].body).toEqual({
      option: 'custom',
      custom: { customimage: 'img:1' },
      system: 'JSC-Cloud',
      flavor: 'm1',
      name: 'Mine'
    });
    expect(tabs[0].url).toBe(NEXT_URL);
    expect(tabs[0].closed).toBe(false);
    expect(tabs[0].messages.some(m => m.includes('pending'))).toBe(true);
    expect(lastNotification().type).toBe('success');
  });

  it('shows what the hub says while it starts, in the tab and the notification', async () => {
    const fake = new FakeFetch()
      .answer(accepted, pending, pending, pending, pending, running)
      .stream(['data: {"progress": 40, "message": "Pulling image"}\n\n']);
    const { flow, tabs, manager } = setup(fake);
    let noted = '';
    const done = flow.start({ preset: 'Minimal' });
    manager.launches[0].progressChanged.connect(() => {
      noted = lastNotification().message;
    });
    await done;
    expect(tabs[0].details).toContain('40%: Pulling image');
    expect(noted).toContain('(pending)… 40%: Pulling image');
  });

  it('a second click on the same tile while it starts focuses the tab, no second start', async () => {
    const fake = new FakeFetch().answer(accepted, pending, pending, running);
    const { flow, tabs } = setup(fake);
    const first = flow.start({ preset: 'Minimal' });
    const second = flow.start({ preset: 'Minimal' });
    expect(tabs).toHaveLength(1);
    expect(tabs[0].focused).toBe(1);
    await Promise.all([first, second]);
    expect(fake.calls.filter(c => c.method === 'POST')).toHaveLength(1);
  });

  it('a stopped server closes the tab and offers the logs [F07]', async () => {
    const fake = new FakeFetch().answer(accepted, {
      status: 200,
      body: { status: 'stopped', exit_code: 3, logs: ['Error: no image'] }
    });
    const { flow, tabs } = setup(fake);
    await expect(flow.start({ preset: 'Minimal' })).rejects.toMatchObject({
      reason: 'stopped',
      exitCode: 3
    });
    expect(tabs[0].closed).toBe(true);
    const note = lastNotification();
    expect(note.type).toBe('error');
    expect(note.message).toContain('exit code 3');
    expect(note.options.actions?.map(a => a.label)).toEqual(['Show logs']);
  });

  it('a refused token closes the tab and links to the token page [F28]', async () => {
    const fake = new FakeFetch().answer({
      status: 403,
      body: { status: 403, message: 'Missing or invalid credentials.' }
    });
    const { flow, tabs, opened } = setup(fake);
    await expect(flow.start()).rejects.toBeTruthy();
    expect(tabs[0].closed).toBe(true);
    const note = lastNotification();
    expect(note.message).toContain('refused the API token');
    const action = note.options.actions?.[0];
    expect(action?.label).toBe('Get a token');
    // A short summary that fits; the whole message is one click away.
    expect(note.message.length).toBeLessThanOrEqual(140);
    expect(note.message).not.toContain('http');
    const details = note.options.actions?.find(a => a.label === 'Details');
    details?.callback(new MouseEvent('click'));
    expect(await pressDialogButton('Close')).toContain(`${HUB}hub/token`);
    action?.callback(new MouseEvent('click'));
    expect(opened).toEqual([`${HUB}hub/token`]);
  });

  it('the configuration limit offers the server list', async () => {
    const fake = new FakeFetch().answer({
      status: 400,
      body: {
        status: 400,
        message: 'You may only have 15 Jupyter Server configurations.'
      }
    });
    const { flow, shown } = setup(fake);
    await expect(flow.start()).rejects.toBeTruthy();
    const action = lastNotification().options.actions?.[0];
    expect(action?.label).toBe('Show servers');
    action?.callback(new MouseEvent('click'));
    expect(shown).toEqual([1]);
  });

  it('without a new tab, ends with an Open action', async () => {
    const fake = new FakeFetch().answer(running);
    const { flow, tabs, opened } = setup(fake, { openInNewTab: false });
    await flow.start();
    expect(tabs).toHaveLength(0);
    const note = lastNotification();
    expect(note.type).toBe('success');
    const open = note.options.actions?.find(a => a.label === 'Open');
    open?.callback(new MouseEvent('click'));
    expect(opened).toEqual([NEXT_URL]);
  });

  it('invalid options are refused before any request or tab', async () => {
    const fake = new FakeFetch();
    const { flow, tabs } = setup(fake);
    await expect(
      flow.start({
        options: { option: 'custom', custom: { customimage: ' ' } }
      })
    ).rejects.toBeTruthy();
    expect(fake.calls).toHaveLength(0);
    expect(tabs).toHaveLength(0);
    expect(lastNotification().message).toContain('image name');
  });

  it('an unknown preset is refused', async () => {
    const fake = new FakeFetch();
    const { flow } = setup(fake);
    await expect(flow.start({ preset: 'Nope' })).rejects.toBeTruthy();
    expect(fake.calls).toHaveLength(0);
  });

  it('without a token, says where to get one and makes no request', async () => {
    const fake = new FakeFetch();
    const { flow, tabs } = setup(fake, {}, '');
    await expect(flow.start()).rejects.toBeTruthy();
    expect(fake.calls).toHaveLength(0);
    expect(tabs).toHaveLength(0);
    expect(lastNotification().options.actions?.[0].label).toBe('Get a token');
  });

  it('Cancel stops the server on the hub and closes the tab', async () => {
    const fake = new FakeFetch().answer(accepted);
    for (let i = 0; i < 100; i++) {
      fake.answer(pending);
    }
    const { flow, tabs, manager } = setup(fake);
    const done = flow.start().catch(e => e);
    await new Promise(resolve => setTimeout(resolve, 30));
    const cancel = lastNotification().options.actions?.find(
      a => a.label === 'Cancel'
    );
    expect(cancel).toBeDefined();
    const launch = manager.launches[0];
    cancel?.callback(new MouseEvent('click'));
    // Asked first, saying what happens: this start made the configuration.
    const answerDelete = () => (fake as any)._queue.unshift({ status: 204 });
    expect(await pressDialogButton('Cancel start', answerDelete)).toBe(
      'Stops POST API Server and deletes its configuration.'
    );
    const error = await done;
    expect(error.reason).toBe('cancelled');
    expect(launch.phase).toBe('cancelled');
    const deletes = fake.calls.filter(c => c.method === 'DELETE');
    expect(deletes).toHaveLength(1);
    expect(deletes[0].url).toBe(DELETE_URL);
    expect(deletes[0].body).toEqual({ remove: true });
    expect(tabs[0].closed).toBe(true);
  });
});

describe('LaunchNotifier retries', () => {
  beforeEach(() => {
    Notification.dismiss();
  });

  it('offers Try again when the hub could not be reached and made nothing, and it starts anew', async () => {
    // The hub's list, asked after the failure, shows no such configuration.
    const fake = new FakeFetch().answer(
      new TypeError('Failed to fetch'),
      me,
      serverList()
    );
    const { flow, tabs } = setup(fake);
    await expect(flow.start({ preset: 'Minimal' })).rejects.toBeTruthy();
    expect(tabs[0].closed).toBe(true);
    const retry = lastNotification().options.actions?.find(
      a => a.label === 'Try again'
    );
    expect(retry).toBeDefined();
    fake.answer(running);
    retry?.callback(new MouseEvent('click'));
    expect(tabs).toHaveLength(2);
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(tabs[1].url).toBe(NEXT_URL);
    const posts = fake.calls.filter(c => c.method === 'POST');
    expect(posts).toHaveLength(2);
    expect(posts[1].body).toEqual(posts[0].body);
  });

  it('does not offer Try again once the hub accepted the start', async () => {
    // A failing proxy: before the hub accepted, this would offer Try again.
    const fake = new FakeFetch().answer(accepted);
    for (let i = 0; i < 6; i++) {
      fake.answer({ status: 502, text: '<html>Bad Gateway</html>' });
    }
    const { flow } = setup(fake);
    await expect(flow.start()).rejects.toMatchObject({
      hubError: { kind: 'hub' }
    });
    const labels = lastNotification().options.actions?.map(a => a.label);
    expect(labels).not.toContain('Try again');
    expect(labels).toEqual(['Show servers', 'Stop it', 'Details']);
  });
});

describe("LaunchNotifier with the user's configurations", () => {
  beforeEach(() => {
    Notification.dismiss();
  });

  /** What the hub records for the "Minimal" preset over these settings. */
  const minimal = mergeOptions(DEFAULT_USER_OPTIONS, {
    option: 'custom',
    custom: { customimage: 'img:1' },
    system: 'JSC-Cloud'
  });

  /** `GET /hub/api/users/alice` with these servers. */
  function list(...servers: Record<string, unknown>[]) {
    return {
      status: 200,
      body: {
        name: 'alice',
        servers: Object.fromEntries(servers.map(s => [s.name, s]))
      }
    };
  }

  function configuration(
    name: string,
    state: 'running' | 'stopped',
    options: Record<string, unknown>
  ): Record<string, unknown> {
    return {
      name,
      ready: state === 'running',
      pending: null,
      stopped: state === 'stopped',
      url: state === 'running' ? `/user/alice/${name}/` : null,
      user_options: options
    };
  }

  /** A notifier whose servers model has loaded `answer`. */
  async function loaded(answer: ReturnType<typeof list>) {
    const fake = new FakeFetch();
    const servers = new ServersModel(
      makeHub(fake, { hubUrl: HUB, token: 'tok' }),
      { refreshInterval: 60 * 1000 }
    );
    fake.answer(answer, {
      status: 404,
      body: { status: 404 }
    });
    await servers.refresh();
    fake.calls.length = 0;
    return { fake, ...setup(fake, {}, 'tok', { servers }) };
  }

  it('the tile of a preset whose server runs opens it at once and says it is already running', async () => {
    const running = list(configuration('m1', 'running', minimal));
    const { fake, flow, tabs } = await loaded(running);
    fake.answer(running);
    const result = await flow.start({ preset: 'Minimal' });
    expect(result.nextUrl).toBe(`${HUB}user/alice/m1/`);
    expect(tabs).toHaveLength(1);
    expect(tabs[0].url).toBe(`${HUB}user/alice/m1/`);
    expect(fake.calls.map(c => c.method)).toEqual(['GET']);
    // No "Starting…" on the way: only the outcome.
    expect(tabs[0].messages).toEqual([]);
    const all = Notification.manager.notifications;
    expect(all).toHaveLength(1);
    expect(all[0].message).toBe(
      'Minimal is already running. It opened in a new tab.'
    );
    expect(all[0].type).toBe('success');
  });

  it('a stopped configuration with the same options is started again, and says so', async () => {
    const { fake, flow, tabs } = await loaded(
      list(configuration('m1', 'stopped', minimal))
    );
    fake.answer(accepted, pending, running);
    const done = flow.start({ preset: 'Minimal' });
    expect(tabs[0].messages[0]).toBe(
      'Starting your existing server Minimal again on hub.example.org…'
    );
    expect(lastNotification().message).toBe(
      'Starting your existing server Minimal again on hub.example.org…'
    );
    await done;
    expect(
      tabs[0].messages.some(m =>
        m.startsWith('Your existing server Minimal is starting again')
      )
    ).toBe(true);
    expect(tabs[0].url).toBe(NEXT_URL);
    expect(fake.calls.filter(c => c.method === 'POST')).toHaveLength(1);
  });

  it('at the limit, a new configuration is refused with no tab and offers the server list', async () => {
    const others = Array.from({ length: 15 }, (_, i) =>
      configuration(`c${i}`, 'stopped', { ...minimal, name: `C${i}` })
    );
    const { fake, flow, tabs, shown } = await loaded(list(...others));
    fake.answer(list(...others));
    await expect(flow.start({ preset: 'Minimal' })).rejects.toMatchObject({
      reason: 'refused'
    });
    expect(tabs).toHaveLength(0);
    expect(fake.calls.some(c => c.method === 'POST')).toBe(false);
    const note = lastNotification();
    expect(note.type).toBe('error');
    expect(note.message).toContain('15 server configurations');
    const action = note.options.actions?.find(a => a.label === 'Show servers');
    expect(action).toBeDefined();
    action?.callback(new MouseEvent('click'));
    expect(shown).toEqual([1]);
  });

  it('a stopped(0) that holds is reported with exit code 0, and the tab closes', async () => {
    const fake = new FakeFetch().answer(accepted);
    for (let i = 0; i < 20; i++) {
      fake.answer({
        status: 200,
        body: { status: 'stopped', exit_code: 0, logs: [] }
      });
    }
    const { flow, tabs } = setup(fake, {}, 'tok', {
      tuning: {
        pollInterval: { first: 5, max: 10 },
        stoppedGrace: 10,
        confirmStopped: { checks: 3, span: 20, interval: 10 }
      }
    });
    await expect(flow.start({ preset: 'Minimal' })).rejects.toMatchObject({
      reason: 'stopped',
      exitCode: 0,
      logs: []
    });
    expect(tabs[0].closed).toBe(true);
    expect(lastNotification().message).toBe(
      'Minimal stopped while starting (exit code 0).'
    );
  });
});
