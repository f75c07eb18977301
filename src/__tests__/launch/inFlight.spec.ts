import { IInFlightRecord, InFlightStore } from '../../launch/inFlight';

const HUB = 'https://hub.example.org/';
const KEY = `jupyterlab-nfdi-launcher:in-flight:${HUB}`;

function record(overrides: Partial<IInFlightRecord> = {}): IInFlightRecord {
  return {
    hubUrl: HUB,
    user: 'alice',
    server: 's1',
    label: 'Analysis',
    key: '{"name":"Analysis"}',
    args: { preset: 'Analysis' },
    startedAt: 1_000_000,
    ...overrides
  };
}

describe('InFlightStore', () => {
  beforeEach(() => localStorage.clear());

  it('writes a record and reads it back while it is young', () => {
    const store = new InFlightStore(localStorage);
    store.save(record());
    expect(JSON.parse(localStorage.getItem(KEY)!)).toEqual([record()]);
    expect(store.read(HUB, 600_000, 1_000_000 + 599_000)).toEqual([record()]);
    // Another hub has nothing.
    expect(
      store.read('https://other.example.org/', 600_000, 1_000_000)
    ).toEqual([]);
  });

  it('forgets records older than the start timeout when reading', () => {
    const store = new InFlightStore(localStorage);
    store.save(record({ server: 'old', startedAt: 1_000 }));
    store.save(record({ server: 'young', startedAt: 900_000 }));
    const read = store.read(HUB, 600_000, 1_000_000);
    expect(read.map(r => r.server)).toEqual(['young']);
    expect(
      JSON.parse(localStorage.getItem(KEY)!).map(
        (r: IInFlightRecord) => r.server
      )
    ).toEqual(['young']);
    // Once none is left, the entry goes.
    expect(store.read(HUB, 600_000, 2_000_000)).toEqual([]);
    expect(localStorage.getItem(KEY)).toBeNull();
  });

  it('keeps one record per server, with the earliest start time', () => {
    const store = new InFlightStore(localStorage);
    store.save(record({ startedAt: 1_000 }));
    store.save(record({ startedAt: 5_000, label: 'Renamed' }));
    expect(store.read(HUB, 600_000, 10_000)).toEqual([
      record({ startedAt: 1_000, label: 'Renamed' })
    ]);
  });

  it('removes one record and leaves the others', () => {
    const store = new InFlightStore(localStorage);
    store.save(record({ server: 's1' }));
    store.save(record({ server: 's2' }));
    store.save(record({ server: 's1', user: 'bob' }));
    store.remove({ hubUrl: HUB, user: 'alice', server: 's1' });
    expect(
      store.read(HUB, 600_000, 1_000_000).map(r => [r.user, r.server])
    ).toEqual([
      ['alice', 's2'],
      ['bob', 's1']
    ]);
  });

  it('ignores what it did not write: broken JSON, wrong shapes, other hubs', () => {
    const store = new InFlightStore(localStorage);
    localStorage.setItem(KEY, '{not json');
    expect(store.read(HUB, 600_000, 1_000_000)).toEqual([]);
    localStorage.setItem(
      KEY,
      JSON.stringify([
        record(),
        { ...record(), server: '' },
        { ...record(), startedAt: 'yesterday' },
        { ...record(), hubUrl: 'https://evil.example.org/' },
        'text',
        null
      ])
    );
    expect(store.read(HUB, 600_000, 1_000_000)).toEqual([record()]);
  });

  it('works without storage, or with one that throws', () => {
    const none = new InFlightStore(null);
    none.save(record());
    expect(none.read(HUB, 600_000, 1_000_000)).toEqual([]);
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('full');
      },
      removeItem: () => undefined
    } as unknown as Storage;
    const store = new InFlightStore(broken);
    expect(() => store.save(record())).not.toThrow();
    expect(store.read(HUB, 600_000, 1_000_000)).toEqual([]);
  });
});
