import {
  firstFreeFlavor,
  flavorProblem,
  flavorRuntime,
  flavorUsage,
  HubClient,
  IFlavor,
  isFlavorFull,
  Systems,
  systemsFromList
} from '../../hub';
import { FakeFetch } from './fakeFetch';

function flavor(extra: Partial<IFlavor> = {}): IFlavor {
  return {
    displayName: 'l2 (8 GB, 2 vCPU)',
    description: '',
    max: 10,
    current: 3,
    runtime: 86400,
    ...extra
  };
}

const SYSTEMS: Systems = {
  'JSC-Cloud': {
    m1: flavor({ displayName: 'm1 (2 GB, 1 vCPU)', max: 20, current: 0 }),
    l2: flavor({ max: 1, current: 1 })
  },
  'deNBI-Cloud': { m1: flavor({ displayName: 'm1', max: null }) }
};

describe('reading outpostflavors', () => {
  async function read(body: unknown): Promise<Systems | null> {
    const fake = new FakeFetch().answer({ status: 200, body });
    return new HubClient({
      hubUrl: 'https://hub.example.org/',
      token: 'tok-123456',
      fetch: fake.fetch
    }).systems();
  }

  it('reads name, description, limit, usage and run time per flavor', async () => {
    expect(
      await read({
        'JSC-Cloud': {
          l2: {
            display_name: ' l2 (8 GB, 2 vCPU) ',
            description: 'For larger data. ',
            max: 10,
            current: 3,
            runtime: 43200,
            extra: 'ignored'
          }
        }
      })
    ).toEqual({
      'JSC-Cloud': {
        l2: {
          displayName: 'l2 (8 GB, 2 vCPU)',
          description: 'For larger data.',
          max: 10,
          current: 3,
          runtime: 43200
        }
      }
    });
  });

  it('tolerates missing and odd values', async () => {
    const systems = await read({
      A: {
        none: null,
        empty: {},
        odd: {
          display_name: 42,
          description: ['x'],
          max: -1,
          current: 'many',
          runtime: -5
        },
        strings: { display_name: '', max: '4', current: ' 2 ', runtime: '24h' },
        words: { runtime: '30 min' },
        days: { runtime: '7 days' },
        infinite: { max: Infinity, current: NaN, runtime: 0 }
      },
      'not-a-system': 'x',
      'also-not': [1, 2]
    });
    const unknown = {
      description: '',
      max: null,
      current: null,
      runtime: null
    };
    expect(systems).toEqual({
      A: {
        none: { displayName: 'none', ...unknown },
        empty: { displayName: 'empty', ...unknown },
        odd: { displayName: 'odd', ...unknown },
        strings: {
          displayName: 'strings',
          description: '',
          max: 4,
          current: 2,
          runtime: 86400
        },
        words: { displayName: 'words', ...unknown, runtime: 1800 },
        days: { displayName: 'days', ...unknown, runtime: 7 * 86400 },
        infinite: { displayName: 'infinite', ...unknown }
      }
    });
  });
});

describe('flavor labels', () => {
  it('says how much is used', () => {
    expect(flavorUsage(flavor())).toBe('3 of 10 in use');
    expect(flavorUsage(flavor({ max: null }))).toBe('3 in use');
    expect(flavorUsage(flavor({ current: null }))).toBe('');
  });

  it('says how long a server may run', () => {
    expect(flavorRuntime(flavor({ runtime: 86400 }))).toBe('up to 24 h');
    expect(flavorRuntime(flavor({ runtime: 5400 }))).toBe('up to 1.5 h');
    expect(flavorRuntime(flavor({ runtime: 1800 }))).toBe('up to 30 min');
    expect(flavorRuntime(flavor({ runtime: 10 }))).toBe('up to 1 min');
    expect(flavorRuntime(flavor({ runtime: 7 * 86400 }))).toBe('up to 7 days');
    expect(flavorRuntime(flavor({ runtime: null }))).toBe('');
  });

  it('counts a flavor as full when as many run as allowed', () => {
    expect(isFlavorFull(flavor({ max: 10, current: 10 }))).toBe(true);
    expect(isFlavorFull(flavor({ max: 10, current: 11 }))).toBe(true);
    expect(isFlavorFull(flavor({ max: 0, current: 0 }))).toBe(true);
    expect(isFlavorFull(flavor({ max: 10, current: 9 }))).toBe(false);
    expect(isFlavorFull(flavor({ max: null, current: 99 }))).toBe(false);
    expect(isFlavorFull(flavor({ max: 10, current: null }))).toBe(false);
  });

  it('picks the first flavor that is not full', () => {
    expect(firstFreeFlavor(SYSTEMS['JSC-Cloud'])).toBe('m1');
    expect(
      firstFreeFlavor({
        l2: flavor({ max: 1, current: 1 }),
        l1: flavor({ max: 5, current: 1 })
      })
    ).toBe('l1');
    expect(firstFreeFlavor({ l2: flavor({ max: 1, current: 1 }) })).toBe('l2');
    expect(firstFreeFlavor({})).toBeUndefined();
  });
});

describe('flavorProblem', () => {
  it('has none for an offered flavor with room', () => {
    expect(
      flavorProblem({ system: 'JSC-Cloud', flavor: 'm1' }, SYSTEMS)
    ).toBeNull();
    expect(
      flavorProblem({ system: 'deNBI-Cloud', flavor: 'm1' }, SYSTEMS)
    ).toBeNull();
  });

  it('has none when the hub does not list its systems', () => {
    expect(flavorProblem({ system: 'X', flavor: 'y' }, null)).toBeNull();
  });

  it('refuses a full flavor and says why [F29]', () => {
    expect(
      flavorProblem({ system: 'JSC-Cloud', flavor: 'l2' }, SYSTEMS)
    ).toEqual({
      field: 'flavor',
      message:
        'l2 (8 GB, 2 vCPU) on JSC-Cloud is full: 1 of 1 in use. Choose another flavor or try again later.'
    });
  });

  it('refuses a flavor or system the hub does not offer', () => {
    expect(
      flavorProblem({ system: 'JSC-Cloud', flavor: 'xl9' }, SYSTEMS)
    ).toEqual({
      field: 'flavor',
      message:
        'The hub does not offer the flavor "xl9" on JSC-Cloud (any more). Choose another flavor.'
    });
    expect(
      flavorProblem({ system: 'HDF-Cloud', flavor: 'm1' }, SYSTEMS)
    ).toEqual({
      field: 'system',
      message:
        'The hub does not offer the system "HDF-Cloud". Choose one of: JSC-Cloud, deNBI-Cloud.'
    });
  });
});

describe('systemsFromList', () => {
  it('turns the settings list into flavors without limits', () => {
    expect(
      systemsFromList({
        'JSC-Cloud': { m1: 'm1 (2 GB, 1 vCPU)', l2: '' },
        broken: 'x',
        '': { m1: 'm1' },
        empty: { '': 'nothing', ok: 7 }
      })
    ).toEqual({
      'JSC-Cloud': {
        m1: {
          displayName: 'm1 (2 GB, 1 vCPU)',
          description: '',
          max: null,
          current: null,
          runtime: null
        },
        l2: {
          displayName: 'l2',
          description: '',
          max: null,
          current: null,
          runtime: null
        }
      },
      empty: {
        ok: {
          displayName: 'ok',
          description: '',
          max: null,
          current: null,
          runtime: null
        }
      }
    });
    expect(systemsFromList(undefined)).toEqual({});
    expect(systemsFromList([])).toEqual({});
  });
});
