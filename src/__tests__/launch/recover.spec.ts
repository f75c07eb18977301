/**
 * A start request that fails on its way may still have made the hub create
 * the server: the launch looks for it among the user's servers (through its
 * own client) before anything is offered or sent again.
 */
import {
  DEFAULT_USER_OPTIONS,
  HubClient,
  HubError,
  mergeOptions
} from '../../hub';
import { afterStartFailure } from '../../launch/recover';
import { LaunchError } from '../../launch/errors';
import { LaunchManager } from '../../launch/manager';
import { makeHub } from '../fakeHub';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';
import { HUB, pending, running } from '../hub/startAnswers';
import { hubServer, me, serverList } from '../widgets/fixtures';

/** The options the hub records for a start of `{ name }`. */
const recorded = (name: string) =>
  mergeOptions(DEFAULT_USER_OPTIONS, { name }) as Record<string, unknown>;

/** Alice's configuration `s1` for "A", in that state. */
const a1 = (state: 'running' | 'starting' | 'stopped') =>
  hubServer('s1', state, { user_options: recorded('A') });

const badGateway: IFakeAnswer = { status: 502, text: '<h1>Bad Gateway</h1>' };
const offline = () => new TypeError('Failed to fetch');

function setup() {
  const fake = new FakeFetch();
  const hub = makeHub(fake, { hubUrl: HUB, token: 't' });
  const manager = new LaunchManager({
    hub,
    tuning: { pollInterval: { first: 5, max: 10 }, stoppedGrace: 0 }
  });
  const posts = () => fake.calls.filter(c => c.method === 'POST').length;
  return { fake, hub, manager, posts };
}

async function failure(done: Promise<unknown>): Promise<LaunchError> {
  const error = await done.then(
    () => null,
    (reason: unknown) => reason
  );
  expect(error).toBeInstanceOf(LaunchError);
  return error as LaunchError;
}

describe('A start request that failed on its way', () => {
  it('follows the server the hub had started after all, with no second start [F01]', async () => {
    const { fake, manager, posts } = setup();
    fake.answer(offline(), me, serverList(a1('starting')), pending, running);
    const result = await manager.start({ options: { name: 'A' } });
    expect(result.name).toBe('s1');
    expect(posts()).toBe(1);
    expect(fake.calls.slice(-2).map(c => c.url)).toEqual([
      `${HUB}hub/api/start/alice/s1`,
      `${HUB}hub/api/start/alice/s1`
    ]);
  });

  it('lands on it when it runs by now [F02]', async () => {
    const { fake, manager, posts } = setup();
    const phases: string[] = [];
    manager.changed.connect((_, l) => phases.push(`${l.phase}:${l.recovered}`));
    fake.answer(badGateway, me, serverList(a1('running')));
    const result = await manager.start({ options: { name: 'A' } });
    expect(result.nextUrl).toBe(`${HUB}user/alice/s1/`);
    expect(result.deleteUrl).toBe(`${HUB}hub/api/users/alice/servers/s1`);
    expect(posts()).toBe(1);
    expect(phases[phases.length - 1]).toBe('running:true');
  });

  it('says a stopped configuration with these options is there [F02]', async () => {
    const { fake, manager } = setup();
    fake.answer(badGateway, me, serverList(a1('stopped')));
    const error = await failure(manager.start({ options: { name: 'A' } }));
    expect(error.hubError?.kind).toBe('hub');
    expect(error.leftOnHub).toBe('stopped');
  });

  it('says nothing is there when the list shows no such configuration [F01]', async () => {
    const { fake, manager } = setup();
    const other = hubServer('s2', 'running', { user_options: recorded('B') });
    fake.answer(offline(), me, serverList(other));
    const error = await failure(manager.start({ options: { name: 'A' } }));
    expect(error.leftOnHub).toBe('nothing');
  });

  it('says it cannot tell when the list cannot be read', async () => {
    const { fake, manager } = setup();
    fake.answer(badGateway, offline());
    const error = await failure(manager.start({ options: { name: 'A' } }));
    expect(error.leftOnHub).toBe('unknown');
  });

  it('knows nothing was sent when the hub blocks this origin [F27]', async () => {
    // jsdom's page is on another origin than the hub: a start and a lookup
    // that both fail at once were stopped by the browser (CORS preflight).
    const { fake, manager, posts } = setup();
    fake.answer(offline(), offline());
    const error = await failure(manager.start({ options: { name: 'A' } }));
    expect(error.leftOnHub).toBe('nothing');
    expect(posts()).toBe(1);
  });

  it('cannot tell after a cross-origin start that timed out', async () => {
    const timedOut = new HubError('network', 'no answer', {
      crossOrigin: true,
      timedOut: true
    });
    const blocked = new HubError('network', 'blocked', { crossOrigin: true });
    const lookup = () => Promise.reject(blocked);
    expect(await afterStartFailure(timedOut, lookup, false)).toEqual({
      step: 'fail',
      leftOnHub: 'unknown'
    });
    expect(await afterStartFailure(blocked, lookup, false)).toEqual({
      step: 'fail',
      leftOnHub: 'nothing'
    });
  });

  it('an answer refused for what it holds is looked up too [F04]', async () => {
    const { fake, manager } = setup();
    fake.answer(
      { status: 200, text: 'not json' },
      me,
      serverList(a1('starting')),
      running
    );
    const result = await manager.start({ options: { name: 'A' } });
    expect(result.name).toBe('s1');
  });

  it('a refusal before the hub accepted anything asks nothing more', async () => {
    const { fake, manager } = setup();
    fake.answer({ status: 403, body: { status: 403, message: 'no' } });
    const error = await failure(manager.start({ options: { name: 'A' } }));
    expect(error.leftOnHub).toBe('nothing');
    expect(fake.calls).toHaveLength(1);
  });
});

describe('A launch keeps its own hub', () => {
  it('looks up and stops with the client it began with, after the settings changed [F17]', async () => {
    const { fake, hub, manager } = setup();
    const elsewhere = new FakeFetch();
    fake.answer(offline());
    const done = manager.start({ options: { name: 'A' } });
    const launch = manager.launches[0];
    // The settings change while the request is on its way.
    (hub as { client: unknown }).client = new HubClient({
      hubUrl: 'https://other.example.org/',
      token: 'other',
      fetch: elsewhere.fetch
    });
    fake.answer(me, serverList(a1('starting')));
    for (let i = 0; i < 20; i++) {
      fake.answer(pending);
    }
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(launch.phase).toBe('pending');
    (fake as any)._queue.unshift({ status: 204 });
    await expect(launch.stop()).resolves.toBe('stopped');
    const stop = fake.calls.find(c => c.method === 'DELETE');
    expect(stop?.url).toBe(`${HUB}hub/api/users/alice/servers/s1`);
    expect(stop?.headers.Authorization).toBe('token t');
    expect(launch.tokenPageUrl).toBe(`${HUB}hub/token`);
    expect(elsewhere.calls).toHaveLength(0);
    manager.dispose();
    done.catch(() => undefined);
  });
});
