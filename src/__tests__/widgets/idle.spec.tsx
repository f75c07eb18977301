/**
 * With the sidebar closed and nothing starting, nothing asks the hub: not
 * the servers model, the systems, the lifetimes and their warning, the
 * status bar item or the running panel's section.
 */
import { Notification } from '@jupyterlab/apputils';
import { CommandRegistry } from '@lumino/commands';
import { Widget } from '@lumino/widgets';
import { act } from '@testing-library/react';

import { HubClient } from '../../hub';
import { ServerLifetimes } from '../../servers/lifetimes';
import { ServersModel } from '../../servers/model';
import { TemporaryServers } from '../../servers/temporaryStore';
import { LifetimeNotifier } from '../../widgets/lifetimeNotifier';
import { NFDIRunningServers } from '../../widgets/runningSection';
import { NFDISidebar } from '../../widgets/sidebar';
import { NFDIStatusItem } from '../../widgets/statusItem';
import { makeHub } from '../fakeHub';
import { FakeFetch } from '../hub/fakeFetch';
import { RoutedFetch } from '../servers/routedFetch';
import { HUB, trans } from './fixtures';

const MINUTE = 60 * 1000;
const NOW = Date.parse('2026-11-26T12:00:00.000Z');

describe('Idle, with the sidebar closed', () => {
  afterEach(() => {
    jest.useRealTimers();
  });

  it('makes no request in two minutes, and still warns before a server’s end', async () => {
    jest.useFakeTimers({ now: NOW });
    const hub = new RoutedFetch();
    hub.states = { here: 'running', temp: 'running', old: 'stopped' };
    // Started through the start API 49 minutes ago: 11 of 60 minutes left,
    // the warning (10 minutes before the end) is due in one minute.
    hub.extra = {
      temp: { started: new Date(NOW - 49 * MINUTE).toISOString() }
    };
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
    const model = new ServersModel(connection);
    const store = new TemporaryServers();
    store.add(HUB, 'alice', 'temp');
    const lifetimes = new ServerLifetimes({
      hub: connection,
      servers: model,
      store
    });
    const commands = new CommandRegistry();
    const notifier = new LifetimeNotifier({
      lifetimes,
      servers: model,
      commands,
      trans
    });
    const status = new NFDIStatusItem({
      servers: model,
      lifetimes,
      trans,
      onClick: () => undefined
    });
    const running = new NFDIRunningServers({
      servers: model,
      lifetimes,
      execute: () => undefined,
      warningMinutes: () => 10,
      trans
    });
    const sidebar = new NFDISidebar({
      hub: connection,
      model,
      commands,
      trans,
      lifetimes
    });
    sidebar.hide();
    const warnings = jest.spyOn(Notification, 'emit');
    await act(async () => {
      Widget.attach(sidebar, document.body);
      Widget.attach(status, document.body);
      // Loaded once at start-up, as the servers plugin does.
      await model.refresh();
    });
    expect(status.isActive()).toBe(true);
    expect(running.running().map(item => item.context)).toEqual([
      'temp',
      'here'
    ]);
    const asked = hub.asked.length;

    await act(() => jest.advanceTimersByTimeAsync(2 * MINUTE));

    expect(hub.asked.slice(asked)).toEqual([]);
    expect(warnings).toHaveBeenCalledWith(
      expect.stringContaining('ends in'),
      'warning',
      expect.anything()
    );
    act(() => {
      for (const item of [sidebar, status, running, notifier, lifetimes]) {
        item.dispose();
      }
      model.dispose();
    });
  });
});
