/**
 * A hub too busy to start (429 with `Retry-After`) is waited out once, and
 * a cancelled start leaves no configuration it made behind.
 */
import { HubClient, IServerModel } from '../../hub';
import { Launch } from '../../launch/launch';
import { ILaunchOptions } from '../../launch/types';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';
import {
  accepted,
  DELETE_URL,
  HUB,
  pending,
  running
} from '../hub/startAnswers';

const busy = (seconds: number): IFakeAnswer => ({
  status: 429,
  body: { status: 429, message: 'Too many users trying to log in' },
  headers: { 'Retry-After': String(seconds) }
});

function makeLaunch(fake: FakeFetch, options: Partial<ILaunchOptions> = {}) {
  const client = new HubClient({
    hubUrl: HUB,
    token: 'tok-123456',
    owner: 'alice',
    fetch: fake.fetch
  });
  const launch = new Launch({
    client,
    options: { name: 'A' },
    label: 'A',
    timeout: 600,
    stoppedGrace: 0,
    pollInterval: { first: 5, max: 10 },
    // The user's servers show nothing with these options.
    lookup: async () => ({ kind: 'new' }),
    ...options
  });
  launch.done.catch(() => undefined);
  return launch;
}

const posts = (fake: FakeFetch) =>
  fake.calls.filter(c => c.method === 'POST').length;

describe('A busy hub', () => {
  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
  });
  afterEach(() => {
    jest.useRealTimers();
  });

  it('is asked again by itself once its Retry-After has passed [F15]', async () => {
    const fake = new FakeFetch().answer(busy(12), running);
    const launch = makeLaunch(fake);
    void launch.run();
    await jest.advanceTimersByTimeAsync(0);
    expect(launch.retryAt).toBe(1_000_000 + 12_000);
    expect(launch.isDone).toBe(false);
    await jest.advanceTimersByTimeAsync(11_000);
    expect(posts(fake)).toBe(1);
    await jest.advanceTimersByTimeAsync(1_000);
    expect(posts(fake)).toBe(2);
    await expect(launch.done).resolves.toMatchObject({ name: 's1' });
    expect(launch.retryAt).toBeNull();
  });

  it('only once: a second 429 ends the launch', async () => {
    const fake = new FakeFetch().answer(busy(2), busy(2));
    const launch = makeLaunch(fake);
    void launch.run();
    await jest.advanceTimersByTimeAsync(2_000);
    await expect(launch.done).rejects.toMatchObject({
      hubError: { kind: 'rate-limited' },
      leftOnHub: 'nothing'
    });
    expect(posts(fake)).toBe(2);
  });

  it('a wait longer than two minutes is not waited out', async () => {
    const fake = new FakeFetch().answer(busy(3600));
    const launch = makeLaunch(fake);
    void launch.run();
    await jest.advanceTimersByTimeAsync(0);
    await expect(launch.done).rejects.toMatchObject({
      hubError: { kind: 'rate-limited', retryAfter: 3600 }
    });
  });

  it('Cancel during the wait sends nothing more', async () => {
    const fake = new FakeFetch().answer(busy(12));
    const launch = makeLaunch(fake);
    void launch.run();
    await jest.advanceTimersByTimeAsync(1_000);
    await launch.cancel();
    await jest.advanceTimersByTimeAsync(20_000);
    expect(launch.phase).toBe('cancelled');
    expect(fake.calls).toHaveLength(1);
  });
});

describe('Cancel', () => {
  async function cancelled(options: Partial<ILaunchOptions>) {
    const fake = new FakeFetch().answer(accepted);
    for (let i = 0; i < 50; i++) {
      fake.answer(pending);
    }
    const launch = makeLaunch(fake, options);
    void launch.run();
    while (launch.phase !== 'pending') {
      await new Promise(resolve => setTimeout(resolve, 1));
    }
    (fake as any)._queue.unshift({ status: 204 });
    await launch.cancel();
    expect(launch.phase).toBe('cancelled');
    return fake.calls.filter(c => c.method === 'DELETE');
  }

  it('deletes the configuration the start created [F21]', async () => {
    const deletes = await cancelled({});
    expect(deletes).toHaveLength(1);
    expect(deletes[0].url).toBe(DELETE_URL);
    expect(deletes[0].body).toEqual({ remove: true });
  });

  it('only stops a configuration the user had', async () => {
    const server: IServerModel = {
      name: 's1',
      ready: false,
      pending: null,
      url: null,
      started: null,
      userOptions: {}
    };
    const deletes = await cancelled({
      reuse: { kind: 'again', userName: 'alice', server }
    });
    expect(deletes).toHaveLength(1);
    expect(deletes[0].body).toBeUndefined();
  });
});
