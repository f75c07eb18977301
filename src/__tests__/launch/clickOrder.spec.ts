/**
 * Within the user's click: the start request leaves first, then the waiting
 * tab opens, both before the handler returns.
 */
import { ILaunchTab } from '../../launch/types';
import { makeHub } from '../fakeHub';
import { FakeFetch } from '../hub/fakeFetch';
import { accepted, HUB, NEXT_URL, running } from '../hub/startAnswers';
import { FakeTab, setup } from '../widgets/launchSetup';

const START = `POST ${HUB}hub/api/start`;

describe('A start from a click', () => {
  it('sends the start request, then opens the tab, before the click returns', async () => {
    const fake = new FakeFetch().answer(accepted, running);
    const { manager } = setup(fake);
    const order: string[] = [];
    const sent = () => fake.calls.map(c => `${c.method} ${c.url}`);
    let tab: FakeTab | null = null;
    const done = manager.start(
      { preset: 'Minimal' },
      {
        openTab: () => {
          order.push(...sent(), 'open tab');
          tab = new FakeTab();
          return tab;
        }
      }
    );
    order.push('returned');
    expect(order).toEqual([START, 'open tab', 'returned']);
    // The tab came after the request, and the launch still lands in it.
    const launch = manager.launches[0];
    expect(launch.tab).toBe(tab);
    await expect(done).resolves.toMatchObject({ nextUrl: NEXT_URL });
    expect((tab as FakeTab | null)?.url).toBe(NEXT_URL);
    expect((tab as FakeTab | null)?.messages.length).toBeGreaterThan(0);
  });

  it('tells the views of the launch only once its tab is open', async () => {
    const fake = new FakeFetch().answer(accepted, running);
    const { manager } = setup(fake);
    const order: string[] = [];
    manager.changed.connect((_, launch) => {
      order.push(`told (${launch.tab ? 'with' : 'without'} tab)`);
    });
    const done = manager.start(
      { preset: 'Minimal' },
      {
        openTab: () => {
          order.push('open tab');
          return new FakeTab();
        }
      }
    );
    order.push('returned');
    expect(order).toEqual(['open tab', 'told (with tab)', 'returned']);
    await done;
  });

  it('a launch without a tab is still told of, right after the click', async () => {
    const fake = new FakeFetch().answer(accepted, running);
    const { manager } = setup(fake);
    const phases: string[] = [];
    manager.changed.connect((_, launch) => phases.push(launch.phase));
    const done = manager.start({ preset: 'Minimal' }, { openTab: () => null });
    expect(phases).toEqual(['starting']);
    await done;
    expect(phases[phases.length - 1]).toBe('running');
  });

  it('a tab the browser refused: the start goes on without one', async () => {
    const fake = new FakeFetch().answer(running);
    const { manager } = setup(fake);
    let asked = 0;
    const done = manager.start(
      { preset: 'Minimal' },
      {
        openTab: (): ILaunchTab | null => {
          asked += 1;
          return null;
        }
      }
    );
    expect(asked).toBe(1);
    await expect(done).resolves.toMatchObject({ nextUrl: NEXT_URL });
    expect(fake.calls.map(c => c.method)).toEqual(['POST']);
  });

  it('a failed start closes the tab that came after its request', async () => {
    const fake = new FakeFetch().answer({
      status: 400,
      body: { status: 400, message: 'Bad options' }
    });
    const { flow, tabs } = setup(fake);
    await flow.start({ preset: 'Minimal' }).catch(() => undefined);
    expect(tabs).toHaveLength(1);
    expect(tabs[0].closed).toBe(true);
  });

  it('an owner not known yet: asked first, then the start, the answer checked', async () => {
    const fake = new FakeFetch().answer(
      { status: 200, body: { name: 'alice', scopes: [] } },
      {
        status: 202,
        body: {
          status: 'pending',
          status_url: `${HUB}hub/api/start/mallory/s1`,
          delete_url: `${HUB}hub/api/users/mallory/servers/s1`
        }
      }
    );
    const hub = makeHub(fake, { hubUrl: HUB, owner: null });
    const { LaunchManager } = await import('../../launch/manager');
    const manager = new LaunchManager({ hub });
    const error = await manager.start({}).catch(e => e);
    expect(fake.calls.slice(0, 2).map(c => `${c.method} ${c.url}`)).toEqual([
      `GET ${HUB}hub/api/user`,
      START
    ]);
    // Another user's server in the answer: refused, never followed.
    expect(error.hubError?.kind).toBe('bad-response');
    expect(fake.calls.some(c => c.url.includes('mallory'))).toBe(false);
  });
});
