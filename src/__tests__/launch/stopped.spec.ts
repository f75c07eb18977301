/**
 * An early `stopped` is believed only once it holds: the real hub can
 * answer `stopped` with the configuration's previous exit code right after
 * a start, before its spawn begins. Fake time, the default intervals.
 */
import { HubClient } from '../../hub';
import { LaunchError } from '../../launch/errors';
import { Launch } from '../../launch/launch';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';
import {
  accepted,
  HUB,
  NEXT_URL,
  pending,
  running,
  STATUS_URL
} from '../hub/startAnswers';

function stopped(exitCode: number | null, logs: string[] = []): IFakeAnswer {
  return {
    status: 200,
    body: { status: 'stopped', exit_code: exitCode, logs }
  };
}

const LOGS = ['Pulling image local/failing:x', 'Error: the image exits (3)'];

/** A launch with the defaults a user gets (1 s first check, 20 s grace). */
function makeLaunch(fake: FakeFetch, stoppedGrace?: number): Launch {
  const client = new HubClient({
    hubUrl: HUB,
    token: 't0k',
    fetch: fake.fetch,
    owner: 'alice'
  });
  return new Launch({
    client,
    options: { name: 'Analysis' },
    label: 'Analysis',
    timeout: 600,
    stoppedGrace
  });
}

/**
 * Run a launch in fake time; resolves with how it ended and after how many
 * fake milliseconds.
 */
async function runFor(
  launch: Launch,
  maxMs = 60 * 1000
): Promise<{ result?: unknown; error?: LaunchError; ms: number }> {
  const t0 = Date.now();
  let outcome: { result?: unknown; error?: LaunchError } | null = null;
  let ms = 0;
  launch.run().then(
    result => {
      outcome = { result };
      ms = Date.now() - t0;
    },
    (error: LaunchError) => {
      outcome = { error };
      ms = Date.now() - t0;
    }
  );
  for (let waited = 0; outcome === null && waited < maxMs; waited += 100) {
    await jest.advanceTimersByTimeAsync(100);
  }
  if (outcome === null) {
    throw new Error(`The launch did not end within ${maxMs} ms of fake time`);
  }
  return { ...(outcome as object), ms };
}

/** The status checks made. */
function statusChecks(fake: FakeFetch): number {
  return fake.calls.filter(c => c.method === 'GET' && c.url === STATUS_URL)
    .length;
}

beforeEach(() => {
  jest.useFakeTimers();
});

afterEach(() => {
  jest.useRealTimers();
});

describe('an early stopped', () => {
  it('stopped(0, no logs), then pending, then running: lands [F08]', async () => {
    const fake = new FakeFetch().answer(accepted, stopped(0), pending, running);
    const { result, error } = await runFor(makeLaunch(fake));
    expect(error).toBeUndefined();
    expect(result).toMatchObject({ nextUrl: NEXT_URL });
    expect(statusChecks(fake)).toBe(3);
  });

  it('stopped(null, no logs), then running: lands', async () => {
    const fake = new FakeFetch().answer(accepted, stopped(null), running);
    const { result } = await runFor(makeLaunch(fake));
    expect(result).toMatchObject({ nextUrl: NEXT_URL });
  });

  it('is checked again within a second', async () => {
    const fake = new FakeFetch().answer(accepted, stopped(0), running);
    const { result, ms } = await runFor(makeLaunch(fake));
    expect(result).toMatchObject({ nextUrl: NEXT_URL });
    // First check after 1 s, the next one 1 s later.
    expect(ms).toBeLessThanOrEqual(2100);
  });

  it('stopped(3, logs) three times: fails with the exit code and logs within ~3 s', async () => {
    const fake = new FakeFetch().answer(
      accepted,
      stopped(3, LOGS),
      stopped(3, LOGS),
      stopped(3, LOGS)
    );
    const { error, ms } = await runFor(makeLaunch(fake));
    expect(error).toBeInstanceOf(LaunchError);
    expect(error?.reason).toBe('stopped');
    expect(error?.exitCode).toBe(3);
    expect(error?.logs).toEqual(LOGS);
    expect(ms).toBeLessThanOrEqual(3100);
    expect(statusChecks(fake)).toBe(3);
  });

  it('stopped(0, no logs) for good: fails after the checks, with exit code 0 and no logs', async () => {
    const fake = new FakeFetch().answer(accepted);
    for (let i = 0; i < 20; i++) {
      fake.answer(stopped(0));
    }
    const { error, ms } = await runFor(makeLaunch(fake));
    expect(error?.reason).toBe('stopped');
    expect(error?.exitCode).toBe(0);
    expect(error?.logs).toEqual([]);
    // Three checks spanning two seconds, not the whole grace.
    expect(statusChecks(fake)).toBe(3);
    expect(ms).toBeGreaterThanOrEqual(3000);
    expect(ms).toBeLessThanOrEqual(3100);
  });

  it('a stopped that changes is confirmed anew: the previous run, then the real failure', async () => {
    const fake = new FakeFetch().answer(
      accepted,
      stopped(0),
      stopped(3, LOGS),
      stopped(3, LOGS),
      stopped(3, LOGS)
    );
    const { error } = await runFor(makeLaunch(fake));
    expect(error?.exitCode).toBe(3);
    expect(error?.logs).toEqual(LOGS);
    expect(statusChecks(fake)).toBe(4);
  });

  it('pending in between starts the count again [F08]', async () => {
    const fake = new FakeFetch().answer(
      accepted,
      stopped(0),
      stopped(0),
      pending,
      stopped(0),
      pending,
      running
    );
    const { result } = await runFor(makeLaunch(fake));
    expect(result).toMatchObject({ nextUrl: NEXT_URL });
  });

  it('after the grace, a stopped is believed at once', async () => {
    const fake = new FakeFetch().answer(
      accepted,
      pending,
      pending,
      stopped(3, LOGS)
    );
    // A grace shorter than the first check.
    const { error } = await runFor(makeLaunch(fake, 0.5));
    expect(error?.exitCode).toBe(3);
    expect(statusChecks(fake)).toBe(3);
  });
});
