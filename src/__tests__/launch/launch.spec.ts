import { HubClient, HubError } from '../../hub';
import { LaunchError } from '../../launch/errors';
import { Launch } from '../../launch/launch';
import { LaunchManager } from '../../launch/manager';
import { ILaunch, LaunchPhase } from '../../launch/types';
import { makeHub } from '../fakeHub';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';
import {
  accepted,
  DELETE_URL,
  HUB,
  NEXT_URL,
  pending,
  running,
  STATUS_URL
} from '../hub/startAnswers';

const bareStopped: IFakeAnswer = {
  status: 200,
  body: { status: 'stopped', exit_code: null, logs: [] }
};

function makeLaunch(
  fake: FakeFetch,
  options: Partial<ConstructorParameters<typeof Launch>[0]> = {}
): { launch: Launch; phases: LaunchPhase[] } {
  const client = new HubClient({
    hubUrl: HUB,
    token: 't0k',
    fetch: fake.fetch,
    owner: 'alice'
  });
  const launch = new Launch({
    client,
    options: { name: 'Analysis' },
    label: 'Analysis',
    timeout: 5,
    stoppedGrace: 0.2,
    pollInterval: { first: 5, max: 20 },
    ...options
  });
  const phases: LaunchPhase[] = [];
  launch.changed.connect((_, phase) => phases.push(phase));
  return { launch, phases };
}

async function failure(launch: Launch): Promise<LaunchError> {
  try {
    await launch.run();
  } catch (error) {
    expect(error).toBeInstanceOf(LaunchError);
    return error as LaunchError;
  }
  throw new Error('The launch did not fail');
}

describe('Launch', () => {
  it('200 running: done at once with next_url', async () => {
    const fake = new FakeFetch().answer(running);
    const { launch, phases } = makeLaunch(fake);
    const result = await launch.run();
    expect(result).toEqual({
      name: 's1',
      userName: 'alice',
      nextUrl: NEXT_URL,
      statusUrl: STATUS_URL,
      deleteUrl: DELETE_URL
    });
    expect(phases).toEqual(['starting', 'running']);
    expect(fake.calls.map(c => c.method)).toEqual(['POST']);
    expect(fake.calls[0].body).toMatchObject({ name: 'Analysis' });
  });

  it('202 then pending then running: follows status_url', async () => {
    const fake = new FakeFetch().answer(accepted, pending, pending, running);
    const { launch, phases } = makeLaunch(fake);
    const result = await launch.run();
    expect(result.nextUrl).toBe(NEXT_URL);
    expect(phases).toEqual(['starting', 'pending', 'running']);
    expect(fake.calls.slice(1).every(c => c.url === STATUS_URL)).toBe(true);
    expect(fake.calls).toHaveLength(4);
  });

  it("reports the hub's progress while the server starts", async () => {
    const fake = new FakeFetch()
      .answer(accepted, pending, pending, pending, running)
      .stream(['data: {"progress": 40, "message": "Pulling image"}\n\n']);
    const { launch } = makeLaunch(fake, {
      pollInterval: { first: 30, max: 30 }
    });
    const seen: string[] = [];
    launch.progressChanged.connect((_, event) => seen.push(event.message));
    await launch.run();
    expect(fake.progressCalls).toEqual([
      `${HUB}hub/api/users/alice/servers/s1/progress`
    ]);
    expect(seen).toEqual(['Pulling image']);
  });

  it('starts without progress where the hub has none', async () => {
    const fake = new FakeFetch().answer(accepted, pending, running);
    const { launch } = makeLaunch(fake);
    await expect(launch.run()).resolves.toMatchObject({ nextUrl: NEXT_URL });
    expect(launch.progress).toBeNull();
  });

  it('202 then stopped with exit code and logs after the grace: fails with them [F07]', async () => {
    const fake = new FakeFetch().answer(accepted, {
      status: 200,
      body: {
        status: 'stopped',
        exit_code: 3,
        logs: ['Pulling image', 'Error: boom']
      }
    });
    const { launch, phases } = makeLaunch(fake, { stoppedGrace: 0 });
    const error = await failure(launch);
    expect(error.reason).toBe('stopped');
    expect(error.exitCode).toBe(3);
    expect(error.logs).toEqual(['Pulling image', 'Error: boom']);
    expect(phases).toEqual(['starting', 'pending', 'failed']);
    expect(launch.phase).toBe('failed');
  });

  it('a bare stopped right after 202 is not a failure', async () => {
    const fake = new FakeFetch().answer(
      accepted,
      bareStopped,
      pending,
      running
    );
    const { launch } = makeLaunch(fake, { stoppedGrace: 10 });
    await expect(launch.run()).resolves.toMatchObject({ nextUrl: NEXT_URL });
  });

  it('a bare stopped after the grace period is a failure', async () => {
    const fake = new FakeFetch().answer(accepted, pending, pending);
    for (let i = 0; i < 50; i++) {
      fake.answer(bareStopped);
    }
    const { launch } = makeLaunch(fake, { stoppedGrace: 0.05 });
    const error = await failure(launch);
    expect(error.reason).toBe('stopped');
    expect(error.exitCode).toBeNull();
  });

  it('times out when the server does not run in time', async () => {
    const fake = new FakeFetch().answer(accepted);
    for (let i = 0; i < 200; i++) {
      fake.answer(pending);
    }
    const { launch, phases } = makeLaunch(fake, { timeout: 0.15 });
    const error = await failure(launch);
    expect(error.reason).toBe('timeout');
    expect(phases[phases.length - 1]).toBe('timeout');
    const calls = fake.calls.length;
    await new Promise(resolve => setTimeout(resolve, 60));
    expect(fake.calls.length).toBe(calls); // stopped polling
  });

  it('cancel stops the server on the hub', async () => {
    const fake = new FakeFetch().answer(accepted);
    for (let i = 0; i < 50; i++) {
      fake.answer(pending);
    }
    const { launch, phases } = makeLaunch(fake, {
      pollInterval: { first: 1000, max: 1000 }
    });
    const done = launch.run().catch(e => e);
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(launch.phase).toBe('pending');
    fake.calls.length = 0;
    // Make the DELETE the next answer.
    (fake as any)._queue.unshift({ status: 204 });
    await launch.cancel();
    const error = await done;
    expect(error).toBeInstanceOf(LaunchError);
    expect(error.reason).toBe('cancelled');
    expect(phases[phases.length - 1]).toBe('cancelled');
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0].method).toBe('DELETE');
    expect(fake.calls[0].url).toBe(DELETE_URL);
  });

  it.each([
    [403, 'auth'],
    [400, 'limit'],
    [404, 'not-found'],
    [429, 'rate-limited'],
    [500, 'hub']
  ])('start answered %i: fails with a %s error', async (status, kind) => {
    const fake = new FakeFetch().answer({
      status,
      body: {
        status,
        message:
          status === 400
            ? 'You may only have 15 Jupyter Server configurations.'
            : 'x'
      }
    });
    const { launch } = makeLaunch(fake);
    const error = await failure(launch);
    expect(error.reason).toBe('error');
    expect(error.hubError).toBeInstanceOf(HubError);
    expect(error.hubError?.kind).toBe(kind);
  });

  it('a network error at start fails with a network error', async () => {
    const fake = new FakeFetch().answer(new TypeError('Failed to fetch'));
    const error = await failure(makeLaunch(fake).launch);
    expect(error.hubError?.kind).toBe('network');
  });

  it('tolerates a few transient errors while following', async () => {
    const fake = new FakeFetch().answer(
      accepted,
      new TypeError('Failed to fetch'),
      { status: 502, text: 'Bad gateway' },
      running
    );
    const { launch } = makeLaunch(fake);
    await expect(launch.run()).resolves.toMatchObject({ nextUrl: NEXT_URL });
  });

  it('gives up after too many transient errors', async () => {
    const fake = new FakeFetch().answer(accepted);
    for (let i = 0; i < 10; i++) {
      fake.answer(new TypeError('Failed to fetch'));
    }
    const { launch } = makeLaunch(fake, { maxTransientErrors: 2 });
    const error = await failure(launch);
    expect(error.hubError?.kind).toBe('network');
  });

  it('an auth error while following fails at once', async () => {
    const fake = new FakeFetch().answer(accepted, {
      status: 403,
      body: { status: 403, message: 'Missing or invalid credentials.' }
    });
    const error = await failure(makeLaunch(fake).launch);
    expect(error.hubError?.kind).toBe('auth');
  });
});

describe('LaunchManager', () => {
  function makeManager(fake: FakeFetch): LaunchManager {
    const hub = makeHub(fake, {
      hubUrl: HUB,
      token: 't',
      settings: {
        launchers: [{ title: 'A', caption: '', options: { name: 'A' } }]
      }
    });
    return new LaunchManager({
      hub,
      tuning: { pollInterval: { first: 5, max: 10 } }
    });
  }

  it('joins the launch in flight for the same options instead of a new one', async () => {
    const fake = new FakeFetch().answer(accepted, pending, running);
    const manager = makeManager(fake);
    const added: ILaunch[] = [];
    manager.changed.connect((_, launch) => added.push(launch));
    const first = manager.start({ preset: 'A' });
    // The same options from another entry point are the same start.
    const second = manager.start({ options: { name: 'A' } });
    expect(manager.launches).toHaveLength(1);
    expect(new Set(added).size).toBe(1);
    const [a, b] = await Promise.all([first, second]);
    expect(b).toEqual(a);
    expect(fake.calls.filter(c => c.method === 'POST')).toHaveLength(1);
    // Once done, the same options start a new launch.
    expect(manager.launches).toHaveLength(0);
    manager.dispose();
  });

  it('runs launches with different options side by side', () => {
    const fake = new FakeFetch().answer(accepted, accepted);
    const manager = makeManager(fake);
    void manager.start({ options: { name: 'A' } }).catch(() => undefined);
    void manager.start({ options: { name: 'B' } }).catch(() => undefined);
    expect(manager.launches.map(l => l.label)).toEqual(['A', 'B']);
    manager.dispose();
  });

  it('refuses before any request: unknown preset, invalid options', async () => {
    const fake = new FakeFetch();
    const manager = makeManager(fake);
    await expect(manager.start({ preset: 'Nope' })).rejects.toMatchObject({
      reason: 'refused'
    });
    await expect(
      manager.start({
        options: { option: 'custom', custom: { customimage: ' ' } }
      })
    ).rejects.toMatchObject({ reason: 'refused' });
    expect(fake.calls).toHaveLength(0);
    expect(manager.launches).toHaveLength(0);
    manager.dispose();
  });
});
