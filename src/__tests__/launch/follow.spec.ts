/**
 * Following a start by its progress stream, with status polls as the
 * fallback. Fake timers: every time below is the fake clock's.
 */
import { Launch } from '../../launch/launch';
import { ILaunchOptions } from '../../launch/types';
import { event, FakeStream, FollowClient } from './followClient';

const T0 = 1_000_000;

/** A launch on `hub`, accepted and being followed at `T0`. */
async function begin(
  hub: FollowClient,
  options: Partial<ILaunchOptions> = {}
): Promise<Launch> {
  const launch = new Launch({
    client: hub.client,
    options: {},
    label: 'Analysis',
    timeout: 600,
    stoppedGrace: 0,
    ...options
  });
  launch.run().catch(() => undefined);
  await jest.advanceTimersByTimeAsync(0);
  expect(launch.phase).toBe('pending');
  return launch;
}

/** Let the fake clock run to `T0 + ms`. */
async function until(ms: number): Promise<void> {
  await jest.advanceTimersByTimeAsync(T0 + ms - Date.now());
}

/** A hub with one progress stream, alive from the start. */
async function withStream(): Promise<{
  hub: FollowClient;
  stream: FakeStream;
  launch: Launch;
}> {
  const hub = new FollowClient();
  const stream = new FakeStream();
  hub.streams.push(stream);
  const launch = await begin(hub);
  stream.keepAlive();
  await jest.advanceTimersByTimeAsync(0);
  return { hub, stream, launch };
}

beforeEach(() => {
  jest.useFakeTimers({ now: T0 });
});

afterEach(() => {
  jest.useRealTimers();
});

describe('Following a start', () => {
  it('lands when the stream says ready: the status is asked at once', async () => {
    const { hub, stream, launch } = await withStream();
    await until(5000);
    hub.state = 'running';
    stream.push(event({ progress: 100, ready: true, message: 'ready' }));
    await jest.advanceTimersByTimeAsync(1);
    expect(launch.phase).toBe('running');
    expect(hub.asked[hub.asked.length - 1]).toBe(T0 + 5000);
    launch.dispose();
  });

  it('a failed event: the status is asked at once', async () => {
    const { hub, stream, launch } = await withStream();
    await until(3000);
    hub.state = { status: 'stopped', exitCode: 1, logs: ['boom'] };
    stream.push(event({ progress: 100, failed: true, message: 'failed' }));
    await jest.advanceTimersByTimeAsync(1);
    expect(launch.phase).toBe('failed');
    expect(launch.error?.reason).toBe('stopped');
    expect(hub.asked[hub.asked.length - 1]).toBe(T0 + 3000);
  });

  it('ready while the status still says pending: asked again quickly', async () => {
    const { hub, stream, launch } = await withStream();
    await until(5000);
    const pending = {
      status: 'pending' as const,
      statusUrl: '',
      deleteUrl: ''
    };
    hub.next = [pending, pending];
    hub.state = 'running';
    stream.push(event({ progress: 100, ready: true }));
    await until(6000);
    expect(launch.phase).toBe('running');
    expect(hub.asked.filter(t => t >= T0 + 5000)).toEqual([
      T0 + 5000,
      T0 + 5100,
      T0 + 5350
    ]);
  });

  it('a 30 s start with a live stream costs a few status requests', async () => {
    const { hub, stream, launch } = await withStream();
    for (let t = 8000; t < 30000; t += 8000) {
      await until(t);
      stream.keepAlive(); // As JupyterHub does, about every 8 s.
      stream.push(event({ progress: t / 400, message: `${t}` }));
    }
    await until(30000);
    hub.state = 'running';
    stream.push(event({ progress: 100, ready: true }));
    await jest.advanceTimersByTimeAsync(1);
    expect(launch.phase).toBe('running');
    expect(hub.asked.length).toBeLessThanOrEqual(5);
    expect(hub.opened).toBe(1);
  });

  it('without a stream: polls, never more than 2 s apart', async () => {
    const hub = new FollowClient();
    const launch = await begin(hub);
    await until(20000);
    const gaps = hub.asked.slice(1).map((t, i) => t - hub.asked[i]);
    expect(hub.asked[0]).toBe(T0 + 1000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(2000);
    hub.state = 'running';
    await until(22000);
    expect(launch.phase).toBe('running');
  });

  it('a stream that falls silent: polls as without one', async () => {
    const { hub, launch } = await withStream();
    await until(10000);
    // Alive: no poll before the stream's silence.
    expect(hub.askedBetween(T0, T0 + 10000)).toBe(0);
    await until(20000);
    expect(hub.askedBetween(T0 + 10000, T0 + 20000)).toBeGreaterThanOrEqual(5);
    launch.dispose();
  });

  it('a stream that breaks: asked at once, opened again once only', async () => {
    const hub = new FollowClient();
    const streams = [new FakeStream(), new FakeStream(), new FakeStream()];
    hub.streams.push(...streams);
    const launch = await begin(hub);
    streams[0].keepAlive();
    await until(4000);
    streams[0].push(new Error('connection reset'));
    await jest.advanceTimersByTimeAsync(1);
    expect(hub.asked).toContain(T0 + 4000);
    expect(hub.opened).toBe(2);
    streams[1].keepAlive();
    await until(8000);
    streams[1].push(new Error('connection reset'));
    await until(9000);
    expect(hub.asked).toContain(T0 + 8000);
    expect(hub.opened).toBe(2);
    hub.state = 'running';
    await until(11000);
    expect(launch.phase).toBe('running');
  });

  it('shows what the hub says, not the keep-alives', async () => {
    const { stream, launch } = await withStream();
    const seen: string[] = [];
    launch.progressChanged.connect((_, e) => seen.push(e.message));
    stream.keepAlive();
    stream.push(event({ message: 'Pulling image' }));
    await jest.advanceTimersByTimeAsync(1);
    expect(seen).toEqual(['Pulling image']);
    launch.dispose();
  });
});
