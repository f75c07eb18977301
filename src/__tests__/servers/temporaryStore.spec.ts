import { STORE_KEY, TemporaryServers } from '../../servers/temporaryStore';

const HUB = 'https://hub.example.org/';

describe('TemporaryServers', () => {
  beforeEach(() => {
    window.localStorage.clear();
  });

  it('remembers servers per hub and user in localStorage', () => {
    new TemporaryServers().add(HUB, 'alice', 's1', 1000);
    // A new store (a reload) reads what the last one wrote.
    const store = new TemporaryServers();
    expect(store.has(HUB, 'alice', 's1')).toBe(true);
    expect(store.has(HUB, 'bob', 's1')).toBe(false);
    expect(store.has('https://other.example.org/', 'alice', 's1')).toBe(false);
    expect(JSON.parse(window.localStorage.getItem(STORE_KEY)!)).toEqual([
      { hub: HUB, user: 'alice', server: 's1', recorded: 1000 }
    ]);
  });

  it('starts a run afresh when a server is added again', () => {
    const store = new TemporaryServers();
    store.add(HUB, 'alice', 's1', 1000);
    store.update(HUB, 'alice', 's1', { started: 'a', warned: 'a' });
    store.add(HUB, 'alice', 's1', 2000);
    expect(store.all()).toEqual([
      { hub: HUB, user: 'alice', server: 's1', recorded: 2000 }
    ]);
  });

  it('forgets listed-before servers that left, keeps fresh unseen ones', () => {
    const store = new TemporaryServers();
    store.add(HUB, 'alice', 'gone', 1000);
    store.update(HUB, 'alice', 'gone', { started: '2026-11-26T10:00:00Z' });
    store.add(HUB, 'alice', 'fresh', 1000);
    store.add(HUB, 'alice', 'old', 1000);
    store.add(HUB, 'bob', 'gone', 1000);
    const now = 1000 + 2 * 60 * 60 * 1000;
    const gone = store.prune(HUB, 'alice', new Set(['fresh']), now);
    expect(gone.map(e => e.server)).toEqual(['gone']);
    expect(store.has(HUB, 'alice', 'fresh')).toBe(true);
    expect(store.has(HUB, 'bob', 'gone')).toBe(true);
    // Never seen in a list for more than a day: forgotten.
    store.prune(HUB, 'alice', new Set(), now + 24 * 60 * 60 * 1000);
    expect(store.has(HUB, 'alice', 'old')).toBe(false);
    expect(store.has(HUB, 'alice', 'fresh')).toBe(false);
  });

  it('ignores unreadable storage and malformed entries', () => {
    window.localStorage.setItem(STORE_KEY, '{not json');
    expect(new TemporaryServers().all()).toEqual([]);
    window.localStorage.setItem(
      STORE_KEY,
      JSON.stringify([
        { hub: HUB, user: 'alice', server: 's1', recorded: 1 },
        { hub: HUB, user: 'alice' },
        'junk'
      ])
    );
    expect(new TemporaryServers().all()).toHaveLength(1);
  });

  it('keeps working in memory when storage refuses', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      }
    };
    const store = new TemporaryServers(broken);
    store.add(HUB, 'alice', 's1', 1);
    expect(store.has(HUB, 'alice', 's1')).toBe(true);
  });

  it('keeps at most 200 entries, dropping the oldest', () => {
    const store = new TemporaryServers();
    for (let i = 0; i < 205; i++) {
      store.add(HUB, 'alice', `s${i}`, i);
    }
    expect(store.all()).toHaveLength(200);
    expect(store.has(HUB, 'alice', 's4')).toBe(false);
    expect(store.has(HUB, 'alice', 's5')).toBe(true);
  });
});
