import { Signal } from '@lumino/signaling';

import { INFDISettings } from '../../connection/settings';
import { IHubConnection } from '../../connection/types';
import { IServerModel, Systems } from '../../hub';
import { ILaunch, ILaunches } from '../../launch/types';
import { ServerLifetimes } from '../../servers/lifetimes';
import { TemporaryServers } from '../../servers/temporaryStore';
import { ILifetimeEvent, IServersModel } from '../../servers/types';
import { makeHub } from '../fakeHub';
import { FakeFetch } from '../hub/fakeFetch';

const HUB = 'https://hub.example.org/';
const STARTED = '2026-11-26T10:00:00.000Z';
const T0 = Date.parse(STARTED);
const MIN = 60 * 1000;

/** A servers model whose list a test sets. */
class StubServers {
  connection: IServersModel['connection'] = 'connected';
  problem = null;
  error = null;
  user: { name: string; scopes: string[] } | null = {
    name: 'alice',
    scopes: []
  };
  servers: IServerModel[] = [];
  systems: Systems | null = null;
  limit = 15;
  atLimit = false;
  watching = false;
  active = false;
  current = '';
  readonly changed = new Signal<any, void>(this);
  readonly removed = new Signal<any, string>(this);
  refresh = jest.fn(async () => undefined);
  load = jest.fn(async () => undefined);
  isCurrent = (server: IServerModel) => server.name === this.current;
  find = (name: string) => this.servers.find(s => s.name === name);
  stop = jest.fn();
  remove = jest.fn();
  details = jest.fn();

  /** The hub's answer changed. */
  list(...servers: IServerModel[]): void {
    this.servers = servers;
    this.changed.emit();
  }
}

function running(
  name: string,
  extra: Partial<IServerModel> = {}
): IServerModel {
  return {
    name,
    ready: true,
    pending: null,
    url: `${HUB}user/alice/${name}/`,
    started: STARTED,
    userOptions: {},
    ...extra
  };
}

/** A launch that got its server's name. */
function launch(
  name: string | undefined,
  isDone = false,
  reuse: ILaunch['reuse'] = 'new'
): ILaunch {
  return {
    result: name ? { name, userName: 'alice' } : {},
    isDone,
    reuse,
    phase: isDone ? 'running' : 'pending'
  } as unknown as ILaunch;
}

function setup(settings: Partial<INFDISettings> = {}) {
  const hub: IHubConnection = makeHub(new FakeFetch(), {
    hubUrl: HUB,
    settings: { serverLifetime: 3600, lifetimeWarning: 10, ...settings }
  });
  const servers = new StubServers();
  const launchList: ILaunch[] = [];
  const changed = new Signal<ILaunches, ILaunch>({} as ILaunches);
  const launches = {
    get launches() {
      return launchList;
    },
    changed,
    start: jest.fn()
  } as unknown as ILaunches;
  const store = new TemporaryServers();
  const make = () =>
    new ServerLifetimes({
      hub,
      servers: servers as unknown as IServersModel,
      launches,
      store
    });
  const lifetimes = make();
  const warnings: ILifetimeEvent[] = [];
  const expired: ILifetimeEvent[] = [];
  lifetimes.warning.connect((_, event) => warnings.push(event));
  lifetimes.expired.connect((_, event) => expired.push(event));
  const emitLaunch = (l: ILaunch) => changed.emit(l);
  return {
    hub,
    servers,
    launchList,
    emitLaunch,
    store,
    lifetimes,
    make,
    warnings,
    expired
  };
}

describe('ServerLifetimes', () => {
  beforeEach(() => {
    window.localStorage.clear();
    jest.useFakeTimers({ now: T0 + 8 * MIN });
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it('counts time left only for servers a launch started through the API', () => {
    const { servers, emitLaunch, lifetimes, make } = setup();
    servers.list(running('s1'), running('other'));
    expect(lifetimes.timeLeft(servers.servers[0])).toEqual({
      kind: 'unlimited'
    });

    emitLaunch(launch('s1'));
    expect(lifetimes.isTemporary(servers.servers[0])).toBe(true);
    expect(lifetimes.timeLeft(servers.servers[0])).toMatchObject({
      kind: 'limited',
      left: 52 * MIN
    });
    expect(lifetimes.isTemporary(servers.servers[1])).toBe(false);
    // A reload still knows it.
    expect(make().isTemporary(servers.servers[0])).toBe(true);
    lifetimes.dispose();
  });

  it('a launch that only opened a server already running started nothing', () => {
    const { servers, emitLaunch, lifetimes } = setup();
    servers.list(running('ui'));
    emitLaunch(launch('ui', true, 'running'));
    expect(lifetimes.isTemporary(servers.servers[0])).toBe(false);
    // Found stopped when looked at again: started through the API after all.
    emitLaunch(launch('ui', false, 'again'));
    expect(lifetimes.isTemporary(servers.servers[0])).toBe(true);
    lifetimes.dispose();
  });

  it('bounds any server by its flavor runtime, the shorter limit winning', () => {
    const { servers, emitLaunch, lifetimes } = setup();
    servers.systems = {
      'JSC-Cloud': {
        m1: { displayName: 'm1', max: -1, current: 0, runtime: 1800 } as any
      }
    };
    const flavored = running('f', {
      userOptions: { system: 'JSC-Cloud', flavor: 'm1' }
    });
    servers.list(flavored);
    expect(lifetimes.timeLeft(flavored)).toMatchObject({ left: 22 * MIN });
    emitLaunch(launch('f'));
    expect(lifetimes.timeLeft(flavored)).toMatchObject({ lifetime: 1800 });
    lifetimes.dispose();
  });

  it('says a lifetime setting below the resolution is too short', () => {
    const { servers, emitLaunch, lifetimes } = setup({ serverLifetime: 10 });
    servers.list(running('s1'));
    emitLaunch(launch('s1'));
    expect(lifetimes.timeLeft(servers.servers[0])).toEqual({
      kind: 'unknown',
      reason: 'too-short'
    });
    lifetimes.dispose();
  });

  it('warns once per start, at the warning time, also after a reload', () => {
    const { servers, emitLaunch, lifetimes, warnings, make } = setup();
    emitLaunch(launch('s1'));
    servers.list(running('s1'));
    jest.advanceTimersByTime(42 * MIN - 1000); // 10:49:59
    expect(warnings).toHaveLength(0);
    jest.advanceTimersByTime(2000); // 10:50:01
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ temporary: true });
    expect(warnings[0].server.name).toBe('s1');
    expect(warnings[0].left).toBeLessThanOrEqual(10 * MIN);
    servers.list(running('s1'));
    jest.advanceTimersByTime(MIN);
    expect(warnings).toHaveLength(1);

    // A reloaded JupyterLab does not warn again about the same start.
    const reloaded = make();
    const again: ILifetimeEvent[] = [];
    reloaded.warning.connect((_, event) => again.push(event));
    servers.list(running('s1'));
    expect(again).toHaveLength(0);

    // A new start of it is warned about again.
    emitLaunch(launch('s1'));
    servers.list(running('s1', { started: '2026-11-26T10:30:00.000Z' }));
    jest.advanceTimersByTime(40 * MIN);
    expect(warnings).toHaveLength(2);
    lifetimes.dispose();
    reloaded.dispose();
  });

  it('warns about a server listed before its launch said it made it', () => {
    const { servers, emitLaunch, lifetimes, warnings } = setup();
    servers.list(running('s1'));
    emitLaunch(launch('s1'));
    jest.advanceTimersByTime(42 * MIN + 1000);
    expect(warnings).toHaveLength(1);
    lifetimes.dispose();
  });

  it('does not warn with warning 0 or for servers it does not bound', () => {
    const { servers, emitLaunch, lifetimes, warnings } = setup({
      lifetimeWarning: 0
    });
    emitLaunch(launch('s1'));
    servers.list(running('s1'), running('other'));
    jest.advanceTimersByTime(60 * MIN);
    expect(warnings).toHaveLength(0);
    lifetimes.dispose();
  });

  it('refreshes the list just after the end and notes the removal quietly', () => {
    const { servers, emitLaunch, lifetimes, expired } = setup();
    emitLaunch(launch('s1'));
    servers.list(running('s1'), running('other'));
    servers.refresh.mockClear();
    jest.advanceTimersByTime(52 * MIN); // the end: 11:00
    expect(servers.refresh).not.toHaveBeenCalled();
    jest.advanceTimersByTime(3100);
    expect(servers.refresh).toHaveBeenCalledTimes(1);

    servers.list(running('other'));
    expect(expired).toHaveLength(1);
    expect(expired[0]).toMatchObject({ temporary: true, left: 0 });
    expect(expired[0].server.name).toBe('s1');
    expect(lifetimes.isTemporary(running('s1'))).toBe(false);
    lifetimes.dispose();
  });

  it('counts a removal a little before the end as the end (the hub counts from the request)', () => {
    const { servers, emitLaunch, lifetimes, expired } = setup();
    emitLaunch(launch('s1'));
    servers.list(running('s1'));
    jest.advanceTimersByTime(51 * MIN); // 1 min before the end
    servers.list();
    expect(expired).toHaveLength(1);
    lifetimes.dispose();
  });

  it('says nothing when a server leaves long before its end, or the user deleted it', () => {
    const { servers, emitLaunch, lifetimes, expired } = setup();
    emitLaunch(launch('early'));
    emitLaunch(launch('deleted'));
    servers.list(running('early'), running('deleted'), running('keep'));
    servers.list(running('deleted'), running('keep'));
    jest.advanceTimersByTime(52 * MIN);
    servers.removed.emit('deleted');
    servers.list(running('keep'));
    expect(expired).toHaveLength(0);
    lifetimes.dispose();
  });

  it('says nothing when the list changes because the hub or user changed', () => {
    const { servers, emitLaunch, lifetimes, expired } = setup();
    emitLaunch(launch('s1'));
    servers.list(running('s1'));
    jest.advanceTimersByTime(52 * MIN);
    servers.user = { name: 'bob', scopes: [] };
    servers.list();
    servers.connection = 'failed';
    servers.list();
    expect(expired).toHaveLength(0);
    lifetimes.dispose();
  });

  it('notes the removal of a stopped temporary server from its last start', () => {
    const { servers, emitLaunch, lifetimes, expired } = setup();
    emitLaunch(launch('s1'));
    servers.list(running('s1'));
    servers.list(running('s1', { ready: false, started: null, url: null }));
    jest.advanceTimersByTime(52 * MIN);
    servers.list();
    expect(expired).toHaveLength(1);
    lifetimes.dispose();
  });

  it('sums up running and starting servers, unlisted starts and the shortest time left', () => {
    const { servers, emitLaunch, launchList, lifetimes } = setup();
    emitLaunch(launch('s1'));
    servers.list(
      running('s1'),
      running('s2'),
      running('boot', { ready: false, pending: 'spawn', url: null }),
      running('old', { ready: false, started: null, url: null })
    );
    launchList.push(launch(undefined), launch('boot'), launch('done', true));
    expect(lifetimes.summary()).toEqual({
      running: 2,
      starting: 2,
      shortest: 52 * MIN
    });
    servers.connection = 'failed';
    expect(lifetimes.summary()).toEqual({
      running: 0,
      starting: 2,
      shortest: null
    });
    lifetimes.dispose();
  });

  it('refreshes the list when a launch ends while no view watches it', () => {
    const { servers, emitLaunch, lifetimes } = setup();
    emitLaunch(launch('s1'));
    expect(servers.refresh).not.toHaveBeenCalled();
    emitLaunch(launch('s1', true));
    expect(servers.refresh).toHaveBeenCalledTimes(1);
    servers.active = true;
    emitLaunch(launch('s2', true));
    expect(servers.refresh).toHaveBeenCalledTimes(1);
    lifetimes.dispose();
  });
});
