import { IHubClient, Systems } from '../../hub';
import { HubSystems } from '../../servers/systems';

const SYSTEMS: Systems = {
  'JSC-Cloud': {
    l2: {
      displayName: 'l2',
      description: '',
      max: 1,
      current: 0,
      runtime: null
    }
  }
};

/** A client whose `systems()` answers from a script. */
function client(...answers: (Systems | null | Error)[]) {
  const systems = jest.fn(async () => {
    const next = answers.shift();
    if (next instanceof Error) {
      throw next;
    }
    return next ?? null;
  });
  return { systems, client: { systems } as unknown as IHubClient };
}

describe('HubSystems', () => {
  let now = 1_000_000;
  beforeEach(() => {
    jest.spyOn(Date, 'now').mockImplementation(() => now);
  });
  afterEach(() => jest.restoreAllMocks());

  it('asks on the first refresh, then again after 30 s', async () => {
    const full = {
      'JSC-Cloud': { l2: { ...SYSTEMS['JSC-Cloud'].l2, current: 1 } }
    };
    const fake = client(SYSTEMS, full);
    const watch = new HubSystems();
    expect(watch.systems).toBeNull();
    await watch.refresh(fake.client);
    expect(watch.systems).toEqual(SYSTEMS);
    now += 10 * 1000;
    await watch.refresh(fake.client);
    expect(fake.systems).toHaveBeenCalledTimes(1);
    now += 21 * 1000;
    await watch.refresh(fake.client);
    expect(fake.systems).toHaveBeenCalledTimes(2);
    expect(watch.systems).toEqual(full);
  });

  it('keeps the last answer when asking fails, and asks again later', async () => {
    const fake = client(SYSTEMS, new Error('offline'), SYSTEMS);
    const watch = new HubSystems();
    await watch.refresh(fake.client);
    now += 31 * 1000;
    await watch.refresh(fake.client);
    expect(watch.systems).toEqual(SYSTEMS);
    now += 31 * 1000;
    await watch.refresh(fake.client);
    expect(fake.systems).toHaveBeenCalledTimes(3);
  });

  it('does not ask a hub again that has no list', async () => {
    const fake = client(null, SYSTEMS);
    const watch = new HubSystems();
    await watch.refresh(fake.client);
    now += 3600 * 1000;
    await watch.refresh(fake.client);
    expect(fake.systems).toHaveBeenCalledTimes(1);
    expect(watch.systems).toBeNull();
  });
});
