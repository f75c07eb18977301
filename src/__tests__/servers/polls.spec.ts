/**
 * When the servers model asks the hub: simulated time, a fake hub.
 */
import { HubClient } from '../../hub';
import { ServersModel } from '../../servers/model';
import { makeHub } from '../fakeHub';
import { FakeFetch } from '../hub/fakeFetch';
import { RoutedFetch } from './routedFetch';

const HUB = 'https://hub.example.org/';
const SECOND = 1000;
const MINUTE = 60 * SECOND;

/** A model on a hub that answers `hub`, with this JupyterLab in `here`. */
function setup(hub: RoutedFetch): ServersModel {
  const connection = makeHub(new FakeFetch(), {
    hubUrl: HUB,
    currentServer: { user: 'alice', server: 'here' }
  });
  (connection as { client: HubClient | null }).client = new HubClient({
    hubUrl: HUB,
    token: 'tok-123456',
    fetch: hub.fetch,
    owner: 'alice'
  });
  return new ServersModel(connection);
}

/** Let simulated time pass, answers included. */
const wait = (ms: number) => jest.advanceTimersByTimeAsync(ms);

describe('ServersModel polling', () => {
  let hub: RoutedFetch;
  let model: ServersModel;

  beforeEach(() => {
    jest.useFakeTimers();
    hub = new RoutedFetch();
    hub.states = { here: 'running', live: 'running', old: 'stopped' };
    model = setup(hub);
  });

  afterEach(() => {
    model.dispose();
    jest.useRealTimers();
  });

  it('asks nothing while no view shows the list and nothing starts, servers running or not', async () => {
    await model.refresh();
    expect(model.connection).toBe('connected');
    const asked = hub.asked.length;
    await wait(2 * MINUTE);
    expect(hub.asked.length).toBe(asked);
  });

  it('refreshes a shown list every 30 s while nothing starts', async () => {
    model.active = true;
    await wait(0);
    expect(hub.lists).toBe(1); // at once
    await wait(29 * SECOND);
    expect(hub.lists).toBe(1);
    await wait(1 * SECOND);
    expect(hub.lists).toBe(2);
    await wait(90 * SECOND);
    expect(hub.lists).toBe(5);
  });

  it('refreshes every 5 s while a server starts, shown or not, then slows down', async () => {
    hub.states.live = 'starting';
    model.active = true;
    await wait(0);
    expect(hub.lists).toBe(1);
    await wait(5 * SECOND);
    expect(hub.lists).toBe(2);
    await wait(10 * SECOND);
    expect(hub.lists).toBe(4);

    // Hidden, it is still followed until it runs (the status bar shows it).
    model.active = false;
    await wait(10 * SECOND);
    expect(hub.lists).toBe(6);
    hub.states.live = 'running';
    await wait(5 * SECOND);
    expect(hub.lists).toBe(7);
    await wait(2 * MINUTE);
    expect(hub.lists).toBe(7);
  });

  it('a server stopping counts as busy; this JupyterLab’s own does not', async () => {
    hub.states.here = 'stopping';
    await model.refresh();
    await wait(MINUTE);
    expect(hub.lists).toBe(1);
    hub.states.live = 'stopping';
    await model.refresh();
    await wait(10 * SECOND);
    expect(hub.lists).toBe(4);
  });

  it('refreshes at once when shown again, after asking nothing while hidden', async () => {
    model.active = true;
    await wait(0);
    model.active = false;
    await wait(2 * MINUTE);
    expect(hub.lists).toBe(1);
    model.active = true;
    await wait(0);
    expect(hub.lists).toBe(2);
  });
});
