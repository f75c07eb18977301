import { IHubConnection } from '../../connection/types';
import { IInFlightRecord, InFlightStore } from '../../launch/inFlight';
import { LaunchManager } from '../../launch/manager';
import { LaunchRecorder, resumeLaunches } from '../../launch/resume';
import { ILaunch, LaunchPhase } from '../../launch/types';
import { makeHub } from '../fakeHub';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';
import {
  accepted,
  HUB,
  NEXT_URL,
  pending,
  running,
  STATUS_URL
} from '../hub/startAnswers';

const USER_URL = `${HUB}hub/api/user`;
const LIST_URL = `${HUB}hub/api/users/alice?include_stopped_servers`;
const START_URL = `${HUB}hub/api/start`;

const alice: IFakeAnswer = { status: 200, body: { name: 'alice' } };

function listing(servers: Record<string, unknown>): IFakeAnswer {
  return { status: 200, body: { name: 'alice', servers } };
}

const s1Starting = {
  s1: { name: 's1', ready: false, pending: 'spawn', user_options: {} }
};

/** One JupyterLab page: a manager that records its launches in `storage`. */
function page(
  fake: FakeFetch,
  options: { startTimeout?: number; stoppedGrace?: number } = {}
) {
  const hub = makeHub(fake, {
    settings: { startTimeout: options.startTimeout ?? 600 }
  });
  const store = new InFlightStore(localStorage);
  const manager = new LaunchManager({
    hub,
    tuning: {
      pollInterval: { first: 5, max: 20 },
      stoppedGrace: options.stoppedGrace ?? 0.2
    },
    recorder: new LaunchRecorder(store)
  });
  const phases: LaunchPhase[] = [];
  manager.changed.connect((_, launch) => {
    if (phases[phases.length - 1] !== launch.phase) {
      phases.push(launch.phase);
    }
  });
  return { hub, store, manager, phases };
}

function reached(manager: LaunchManager, phase: LaunchPhase): Promise<ILaunch> {
  return new Promise(resolve => {
    const onChanged = (_: unknown, launch: ILaunch) => {
      if (launch.phase === phase) {
        manager.changed.disconnect(onChanged);
        resolve(launch);
      }
    };
    manager.changed.connect(onChanged);
  });
}

/** A page that started "Analysis" and reloaded while the hub started it. */
async function startThenReload(): Promise<IInFlightRecord> {
  const fake = new FakeFetch().answer(accepted);
  const first = page(fake);
  const isPending = reached(first.manager, 'pending');
  void first.manager.start({ options: { name: 'Analysis' } }).catch(() => {
    // The page goes away before it ends.
  });
  await isPending;
  // The reload: the page's code is gone, the storage stays.
  first.manager.dispose();
  const records = first.store.read(HUB, 600_000);
  expect(records).toHaveLength(1);
  return records[0];
}

function resume(hub: IHubConnection, manager: LaunchManager) {
  return resumeLaunches({
    hub,
    store: new InFlightStore(localStorage),
    launches: manager
  });
}

describe('Remembering launches', () => {
  beforeEach(() => localStorage.clear());

  it('remembers a launch from the moment the hub names its server until it runs', async () => {
    const fake = new FakeFetch().answer(accepted, pending, running);
    const { store, manager } = page(fake);
    const before = Date.now();
    const isPending = reached(manager, 'pending');
    const done = manager.start({ options: { name: 'Analysis' } });
    expect(store.read(HUB, 600_000)).toEqual([]);
    await isPending;
    const [record] = store.read(HUB, 600_000);
    expect(record).toMatchObject({
      hubUrl: HUB,
      user: 'alice',
      server: 's1',
      label: 'Analysis',
      args: { options: { name: 'Analysis' } }
    });
    expect(record.key).toContain('"name":"Analysis"');
    expect(record.startedAt).toBeGreaterThanOrEqual(before);
    expect(record.startedAt).toBeLessThanOrEqual(Date.now());
    await done;
    expect(store.read(HUB, 600_000)).toEqual([]);
  });

  it('forgets a launch that failed', async () => {
    const fake = new FakeFetch().answer(accepted, {
      status: 200,
      body: { status: 'stopped', exit_code: 3, logs: ['boom'] }
    });
    // No grace: the first 'stopped' is believed (see stopped.spec.ts).
    const { store, manager } = page(fake, { stoppedGrace: 0 });
    await expect(
      manager.start({ options: { name: 'Analysis' } })
    ).rejects.toMatchObject({ reason: 'stopped' });
    expect(store.read(HUB, 600_000)).toEqual([]);
  });
});

describe('resumeLaunches', () => {
  beforeEach(() => localStorage.clear());

  it('follows a server that still starts, without starting it again', async () => {
    const record = await startThenReload();
    const fake = new FakeFetch().answer(
      alice,
      listing(s1Starting),
      pending,
      running
    );
    const { hub, manager, phases, store } = page(fake);
    const followed = await resume(hub, manager);
    expect(followed).toEqual([record]);
    // The sidebar and notifications see it as a launch in flight.
    expect(manager.launches).toHaveLength(1);
    const launch = manager.launches[0];
    expect(launch.label).toBe('Analysis');
    await expect(launch.done).resolves.toMatchObject({
      name: 's1',
      userName: 'alice',
      nextUrl: NEXT_URL
    });
    expect(phases).toEqual(['starting', 'pending', 'running']);
    // The server list first, then only its status: never a start.
    expect(fake.calls.map(c => `${c.method} ${c.url}`)).toEqual([
      `GET ${USER_URL}`,
      `GET ${LIST_URL}`,
      `GET ${STATUS_URL}`,
      `GET ${STATUS_URL}`
    ]);
    expect(store.read(HUB, 600_000)).toEqual([]);
  });

  it('joins the resumed launch when the same start is clicked again', async () => {
    await startThenReload();
    const fake = new FakeFetch().answer(
      alice,
      listing(s1Starting),
      pending,
      pending,
      running
    );
    const { hub, manager } = page(fake);
    await resume(hub, manager);
    const openTab = jest.fn();
    const again = manager.start({ options: { name: 'Analysis' } }, { openTab });
    expect(openTab).not.toHaveBeenCalled();
    await expect(again).resolves.toMatchObject({ nextUrl: NEXT_URL });
    expect(fake.calls.some(c => c.url === START_URL)).toBe(false);
  });

  it('lands a server that runs by now', async () => {
    await startThenReload();
    const fake = new FakeFetch().answer(
      alice,
      listing({ s1: { name: 's1', ready: true, pending: null } }),
      running
    );
    const { hub, manager, phases } = page(fake);
    await resume(hub, manager);
    await expect(manager.launches[0].done).resolves.toMatchObject({
      nextUrl: NEXT_URL
    });
    expect(phases[phases.length - 1]).toBe('running');
    expect(fake.calls.filter(c => c.method !== 'GET')).toEqual([]);
  });

  it('reports a start that failed meanwhile, with its exit code and logs', async () => {
    await startThenReload();
    const fake = new FakeFetch().answer(
      alice,
      listing({ s1: { name: 's1', ready: false, pending: null } }),
      {
        status: 200,
        body: { status: 'stopped', exit_code: 3, logs: ['no such image'] }
      }
    );
    const { hub, manager, store } = page(fake, { stoppedGrace: 0 });
    await resume(hub, manager);
    await expect(manager.launches[0].done).rejects.toMatchObject({
      reason: 'stopped',
      exitCode: 3,
      logs: ['no such image']
    });
    expect(fake.calls.filter(c => c.method !== 'GET')).toEqual([]);
    expect(store.read(HUB, 600_000)).toEqual([]);
  });

  it('drops a server the hub no longer lists, without asking for its status', async () => {
    await startThenReload();
    const fake = new FakeFetch().answer(
      alice,
      listing({ other: { name: 'other', ready: true } })
    );
    const { hub, manager, store } = page(fake);
    expect(await resume(hub, manager)).toEqual([]);
    expect(manager.launches).toHaveLength(0);
    // On the real hub, a status request would create it again.
    expect(fake.calls.map(c => c.url)).toEqual([USER_URL, LIST_URL]);
    expect(store.read(HUB, 600_000)).toEqual([]);
  });

  it('asks nothing for records older than the start timeout', async () => {
    const store = new InFlightStore(localStorage);
    store.save({
      hubUrl: HUB,
      user: 'alice',
      server: 's1',
      label: 'Analysis',
      key: 'k',
      args: {},
      startedAt: Date.now() - 601_000
    });
    const fake = new FakeFetch();
    const { hub, manager } = page(fake);
    expect(await resume(hub, manager)).toEqual([]);
    expect(fake.calls).toEqual([]);
    expect(store.read(HUB, 600_000)).toEqual([]);
  });

  it("leaves another user's records alone", async () => {
    const record = await startThenReload();
    const fake = new FakeFetch().answer({ status: 200, body: { name: 'bob' } });
    const { hub, manager, store } = page(fake);
    expect(await resume(hub, manager)).toEqual([]);
    expect(fake.calls.map(c => c.url)).toEqual([USER_URL]);
    expect(store.read(HUB, 600_000)).toEqual([record]);
  });

  it('keeps the records when the hub cannot be reached', async () => {
    const record = await startThenReload();
    const fake = new FakeFetch().answer(new TypeError('Failed to fetch'));
    const { hub, manager, store } = page(fake);
    expect(await resume(hub, manager)).toEqual([]);
    expect(store.read(HUB, 600_000)).toEqual([record]);
  });

  it('counts the start timeout from the first start', async () => {
    const store = new InFlightStore(localStorage);
    const record = await startThenReload();
    // Started nearly ten minutes ago (the start timeout) before the reload.
    store.remove(record);
    store.save({ ...record, startedAt: Date.now() - 599_500 });
    const answers = Array.from({ length: 200 }, () => pending);
    const fake = new FakeFetch().answer(alice, listing(s1Starting), ...answers);
    const { hub, manager, phases } = page(fake);
    const started = Date.now();
    await resume(hub, manager);
    await expect(manager.launches[0].done).rejects.toMatchObject({
      reason: 'timeout'
    });
    // One second at least (the smallest timeout), far from ten minutes.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(phases[phases.length - 1]).toBe('timeout');
  });
});
