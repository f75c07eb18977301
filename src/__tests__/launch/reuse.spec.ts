/**
 * Starts land where the hub would put them: the configuration with the same
 * options (running: opened, nothing sent; stopped: started again), or a new
 * one, refused before any tab or request at the limit.
 */
import { DEFAULT_USER_OPTIONS, IServerModel, mergeOptions } from '../../hub';
import { LaunchError } from '../../launch/errors';
import { LaunchManager } from '../../launch/manager';
import {
  canonicalJSON,
  findConfiguration,
  recordedOptions
} from '../../launch/reuse';
import { ILaunch, ILaunchTab } from '../../launch/types';
import { ServersModel } from '../../servers/model';
import { makeHub } from '../fakeHub';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';
import { accepted, HUB, pending, running } from '../hub/startAnswers';
import { hubServer, noFlavors, serverList } from '../widgets/fixtures';

/** What the hub records for a start with `name` and nothing else. */
function recorded(name: string): Record<string, unknown> {
  return mergeOptions(DEFAULT_USER_OPTIONS, { name }) as Record<
    string,
    unknown
  >;
}

/** `count` stopped configurations named `c1`… with differing names. */
function many(count: number): Record<string, unknown>[] {
  return Array.from({ length: count }, (_, i) =>
    hubServer(`c${i + 1}`, 'stopped', { user_options: recorded(`C${i + 1}`) })
  );
}

function model(server: Partial<IServerModel>): IServerModel {
  return {
    name: 's',
    ready: false,
    pending: null,
    url: null,
    started: null,
    userOptions: {},
    ...server
  };
}

class Tab implements ILaunchTab {
  closed = false;
  url: string | null = null;
  show(): void {
    // nothing to show
  }
  navigate(url: string): void {
    this.url = url;
  }
  close(): void {
    this.closed = true;
  }
  focus(): void {
    // nothing to focus
  }
}

/**
 * A manager with alice's servers model; `loaded`: the list as answered at
 * start-up (else the model has not loaded it).
 */
async function setup(
  loaded: IFakeAnswer | null,
  systems: IFakeAnswer = noFlavors
) {
  const fake = new FakeFetch();
  const hub = makeHub(fake, {
    hubUrl: HUB,
    token: 't',
    settings: {
      launchers: [{ title: 'A', caption: '', options: { name: 'A' } }]
    }
  });
  const servers = new ServersModel(hub, { refreshInterval: 60 * 1000 });
  if (loaded) {
    fake.answer(loaded, systems);
    await servers.refresh();
    expect(servers.connection).toBe('connected');
  }
  fake.calls.length = 0;
  const manager = new LaunchManager({
    hub,
    servers,
    tuning: { pollInterval: { first: 5, max: 10 }, stoppedGrace: 0 }
  });
  const tabs: Tab[] = [];
  const openTab = () => {
    const tab = new Tab();
    tabs.push(tab);
    return tab;
  };
  const posts = () => fake.calls.filter(c => c.method === 'POST').length;
  return { fake, servers, manager, tabs, openTab, posts };
}

describe('recordedOptions', () => {
  it('is the request body over the start API defaults, as the hub records it', () => {
    const merged = mergeOptions(DEFAULT_USER_OPTIONS, {
      option: 'repo2docker',
      repo2docker: {
        repotype: 'gh',
        repourl: 'org/repo',
        reporef: 'main',
        repopath: ''
      }
    });
    expect(recordedOptions(merged)).toEqual({
      option: 'repo2docker',
      // Not sent (unused), so the hub fills in its default.
      custom: DEFAULT_USER_OPTIONS.custom,
      repo2docker: { repotype: 'gh', repourl: 'org/repo', reporef: 'main' },
      system: 'deNBI-Cloud',
      flavor: 'm1',
      name: 'POST API Server',
      service: 'jupyterlab',
      profile: 'repo2docker'
    });
  });

  it('the canonical form ignores key order', () => {
    expect(canonicalJSON({ b: 1, a: { d: 2, c: 3 } })).toBe(
      canonicalJSON({ a: { c: 3, d: 2 }, b: 1 })
    );
  });
});

describe('findConfiguration', () => {
  const key = canonicalJSON(recorded('A'));

  it('finds the configuration with the same options, whatever their order', () => {
    const options = recorded('A');
    const reversed = Object.fromEntries(Object.entries(options).reverse());
    const servers = [
      model({ name: 'b', userOptions: recorded('B') }),
      model({ name: 'a', userOptions: reversed })
    ];
    expect(findConfiguration(servers, key)?.name).toBe('a');
  });

  it('different options, even only the name, are another configuration', () => {
    expect(
      findConfiguration([model({ userOptions: recorded('A2') })], key)
    ).toBeUndefined();
  });

  it('prefers a running one', () => {
    const servers = [
      model({ name: 'stopped', userOptions: recorded('A') }),
      model({
        name: 'up',
        ready: true,
        url: `${HUB}user/alice/up/`,
        userOptions: recorded('A')
      })
    ];
    expect(findConfiguration(servers, key)?.name).toBe('up');
  });
});

describe('LaunchManager with the servers model', () => {
  it('a running match opens once the list still shows it: no start request', async () => {
    const list = serverList(
      hubServer('a1', 'running', { user_options: recorded('A') })
    );
    const { fake, manager, tabs, openTab, posts } = await setup(list);
    fake.answer(list);
    const seen = new Set<ILaunch>();
    manager.changed.connect((_, launch) => seen.add(launch));
    const done = manager.start({ preset: 'A' }, { openTab });
    expect(tabs).toHaveLength(1);
    const result = await done;
    expect(result).toEqual({
      name: 'a1',
      userName: 'alice',
      nextUrl: `${HUB}user/alice/a1/`,
      statusUrl: `${HUB}hub/api/start/alice/a1`,
      deleteUrl: `${HUB}hub/api/users/alice/servers/a1`
    });
    expect([...seen].map(launch => launch.reuse)).toEqual(['running']);
    expect(posts()).toBe(0);
    // Only the list was asked again (not status_url, which on the real hub
    // makes an empty configuration for a name that is gone).
    expect(fake.calls.map(c => `${c.method} ${c.url}`)).toEqual([
      `GET ${HUB}hub/api/user?include_stopped_servers`
    ]);
  });

  it('a running match that stopped since is started again', async () => {
    const { fake, manager, openTab, posts } = await setup(
      serverList(hubServer('a1', 'running', { user_options: recorded('A') }))
    );
    fake.answer(
      serverList(hubServer('a1', 'stopped', { user_options: recorded('A') })),
      accepted,
      running
    );
    const done = manager.start({ preset: 'A' }, { openTab });
    const launch = manager.launches[0];
    expect(launch.reuse).toBe('running');
    await done;
    expect(launch.reuse).toBe('again');
    expect(posts()).toBe(1);
  });

  it('a running match that is gone since makes a new configuration', async () => {
    const { fake, manager, openTab, posts } = await setup(
      serverList(hubServer('a1', 'running', { user_options: recorded('A') }))
    );
    fake.answer(serverList(), accepted, running);
    const done = manager.start({ preset: 'A' }, { openTab });
    const launch = manager.launches[0];
    await done;
    expect(launch.reuse).toBe('new');
    expect(posts()).toBe(1);
  });

  it('a stopped match is started again: the launch names it at once', async () => {
    const { fake, manager, openTab, posts } = await setup(
      serverList(hubServer('a1', 'stopped', { user_options: recorded('A') }))
    );
    fake.answer(accepted, pending, running);
    const done = manager.start({ options: { name: 'A' } }, { openTab });
    const launch = manager.launches[0];
    expect(launch.reuse).toBe('again');
    await Promise.resolve();
    expect(launch.result.name).toBe('a1');
    await done;
    expect(posts()).toBe(1);
    expect(fake.calls[0].body).toMatchObject({ name: 'A' });
  });

  it('a starting match is followed', async () => {
    const { fake, manager, openTab } = await setup(
      serverList(hubServer('a1', 'starting', { user_options: recorded('A') }))
    );
    fake.answer(accepted, running);
    const done = manager.start({ preset: 'A' }, { openTab });
    expect(manager.launches[0].reuse).toBe('following');
    await done;
  });

  it('at the limit, a new configuration is refused before any tab or start request [F09]', async () => {
    const { fake, servers, manager, tabs, openTab, posts } = await setup(
      serverList(...many(15))
    );
    expect(servers.atLimit).toBe(true);
    // The refusal refreshes the list for the next try.
    fake.answer(serverList(...many(15)));
    const error = await manager
      .start({ options: { name: 'New' } }, { openTab })
      .catch(e => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect(error.reason).toBe('refused');
    expect(error.hubError?.kind).toBe('limit');
    expect(error.message).toContain('15 server configurations');
    expect(tabs).toHaveLength(0);
    expect(manager.launches).toHaveLength(0);
    await new Promise(resolve => setTimeout(resolve, 10));
    expect(posts()).toBe(0);
    expect(fake.calls.map(c => c.method)).toEqual(['GET']);
  });

  it('at the limit, a start matching one of the configurations still starts it', async () => {
    const { fake, manager, tabs, openTab, posts } = await setup(
      serverList(...many(15))
    );
    fake.answer(accepted, running);
    const result = await manager.start(
      { options: { name: 'C7' } },
      { openTab }
    );
    expect(result.nextUrl).toBeTruthy();
    expect(tabs).toHaveLength(1);
    expect(posts()).toBe(1);
  });

  it('a list not loaded yet is loaded after the tab opened, then the limit refuses', async () => {
    const { fake, manager, tabs, openTab, posts } = await setup(null);
    fake.answer(serverList(...many(15)), noFlavors);
    let asked = -1;
    const done = manager.start(
      { options: { name: 'New' } },
      {
        openTab: () => {
          asked = fake.calls.length;
          return openTab();
        }
      }
    );
    // The tab opened inside the click, before anything was asked.
    expect(tabs).toHaveLength(1);
    expect(asked).toBe(0);
    const error = await done.catch(e => e);
    expect(error.reason).toBe('error');
    expect(error.hubError?.kind).toBe('limit');
    expect(posts()).toBe(0);
  });

  it('a list not loaded yet that shows the server running: opens it, no start request', async () => {
    const { fake, manager, openTab, posts } = await setup(null);
    fake.answer(
      serverList(hubServer('a1', 'running', { user_options: recorded('A') })),
      noFlavors
    );
    const launch = manager.start({ preset: 'A' }, { openTab });
    await expect(launch).resolves.toMatchObject({
      name: 'a1',
      nextUrl: `${HUB}user/alice/a1/`
    });
    expect(posts()).toBe(0);
  });

  it('a list that cannot be loaded leaves it to the hub', async () => {
    const { fake, manager, openTab, posts } = await setup(null);
    // The systems are asked with the list.
    fake.answer(new TypeError('Failed to fetch'), noFlavors, running);
    await expect(
      manager.start({ preset: 'A' }, { openTab })
    ).resolves.toMatchObject({ name: 's1' });
    expect(posts()).toBe(1);
  });
});

describe('LaunchManager and the flavors the hub offers', () => {
  /** The hub's systems: deNBI-Cloud m1 full, l1 free. */
  const systems: IFakeAnswer = {
    status: 200,
    body: {
      'deNBI-Cloud': {
        m1: { display_name: 'm1', max: 2, current: 2 },
        l1: { display_name: 'l1', max: 2, current: 1 }
      }
    }
  };

  it('a full flavor is refused before any tab or request, with the reason [F29]', async () => {
    const { fake, manager, tabs, openTab } = await setup(serverList(), systems);
    const error = await manager
      .start({ preset: 'A' }, { openTab })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LaunchError);
    expect((error as LaunchError).reason).toBe('refused');
    expect((error as LaunchError).message).toMatch(/2 of 2/);
    expect(tabs).toHaveLength(0);
    expect(fake.calls).toHaveLength(0);
  });

  it('a free flavor starts', async () => {
    const { fake, manager, openTab, posts } = await setup(
      serverList(),
      systems
    );
    fake.answer(accepted, running);
    await manager.start({ options: { flavor: 'l1' } }, { openTab });
    expect(posts()).toBe(1);
  });

  it('a running server of a full flavor still opens', async () => {
    const list = serverList(
      hubServer('a1', 'running', { user_options: recorded('A') })
    );
    const { fake, manager, openTab, posts } = await setup(list, systems);
    fake.answer(list);
    const result = await manager.start({ preset: 'A' }, { openTab });
    expect(result.nextUrl).toBe(`${HUB}user/alice/a1/`);
    expect(posts()).toBe(0);
  });
});
