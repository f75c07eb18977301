import { Notification } from '@jupyterlab/apputils';
import { CommandRegistry } from '@lumino/commands';
import { Signal } from '@lumino/signaling';
import { Widget } from '@lumino/widgets';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import * as React from 'react';

import { CommandIDs } from '../../commandIds';
import { IServerModel } from '../../hub';
import { ServerLifetimes } from '../../servers/lifetimes';
import { ServersModel } from '../../servers/model';
import { TemporaryServers } from '../../servers/temporaryStore';
import { ILifetimeEvent, IServerLifetimes } from '../../servers/types';
import { LifetimeNotifier } from '../../widgets/lifetimeNotifier';
import { NFDIRunningServers } from '../../widgets/runningSection';
import { ServerList } from '../../widgets/serverList';
import { NFDISidebar } from '../../widgets/sidebar';
import { NFDIStatusItem, summaryText } from '../../widgets/statusItem';
import { FakeFetch } from '../hub/fakeFetch';
import {
  HUB,
  hubServer,
  noFlavors,
  serverList,
  setup,
  trans
} from './fixtures';

const STARTED = '2026-11-26T10:00:00.000Z';
const T0 = Date.parse(STARTED);
const MIN = 60 * 1000;
const NOW = T0 + 8 * MIN;

const fiveServers = serverList(
  hubServer('temp', 'running', {
    started: STARTED,
    user_options: { name: 'Temp' }
  }),
  hubServer('plain', 'running', {
    started: STARTED,
    user_options: { name: 'Plain' }
  }),
  hubServer('old', 'stopped', { user_options: { name: 'Old' } }),
  hubServer('r2d', 'stopped', {
    user_options: {
      name: 'Binder',
      option: 'repo2docker',
      repo2docker: { repotype: 'gh', repourl: 'org/repo' }
    }
  }),
  hubServer('here', 'running', { started: STARTED })
);

/** A model with five servers, `temp` started through the API. */
async function connected(list = fiveServers) {
  const { model, hub, fake } = setup([list, noFlavors], {
    currentServer: 'here'
  });
  const store = new TemporaryServers();
  store.add(HUB, 'alice', 'temp');
  const lifetimes = new ServerLifetimes({ hub, servers: model, store });
  await model.refresh();
  return { model, hub, lifetimes, fake };
}

function row(title: string): HTMLElement {
  const item = screen.getByText(title, { exact: true }).closest('li');
  if (!item) {
    throw new Error(`No row for ${title}`);
  }
  return item;
}

let model: ServersModel;
let lifetimes: ServerLifetimes;

beforeEach(() => {
  window.localStorage.clear();
  jest.spyOn(Date, 'now').mockReturnValue(NOW);
});

afterEach(() => {
  lifetimes?.dispose();
  model?.dispose();
  jest.restoreAllMocks();
});

describe('ServerList with lifetimes', () => {
  function renderList(
    extra: Partial<React.ComponentProps<typeof ServerList>> = {}
  ) {
    const actions = {
      onOpen: jest.fn(),
      onStop: jest.fn(),
      onDelete: jest.fn(),
      onLogs: jest.fn(),
      onRefresh: jest.fn(),
      onStartAgain: jest.fn<void, [IServerModel]>(),
      onCopyLink: jest.fn<void, [IServerModel]>()
    };
    render(
      <ServerList
        model={model}
        trans={trans}
        lifetimes={lifetimes}
        warningMinutes={10}
        {...actions}
        {...extra}
      />
    );
    return actions;
  }

  it('shows the time left of a server started through the API, not of others', async () => {
    ({ model, lifetimes } = await connected());
    renderList({ now: NOW });
    const left = within(row('Temp')).getByText('52 min left');
    expect(left.classList.contains('jp-nfdi-time-left')).toBe(true);
    expect(left.classList.contains('jp-mod-warn')).toBe(false);
    expect(left.title).toContain('deletes its configuration');
    expect(within(row('Plain')).queryByText(/left$/)).toBeNull();
    expect(within(row('Old')).queryByText(/left$/)).toBeNull();
  });

  it('marks the time left near the end', async () => {
    ({ model, lifetimes } = await connected());
    renderList({ now: T0 + 55 * MIN + 10 * 1000 });
    const left = within(row('Temp')).getByText('4 min 50 s left');
    expect(left.classList.contains('jp-mod-warn')).toBe(true);
  });

  it('says when the lifetime setting is too short to follow', async () => {
    ({ model, lifetimes } = await connected());
    renderList({ lifetimeNotice: 'Too short.' });
    expect(screen.getByText('Too short.')).toBeTruthy();
  });

  it('starts a stopped configuration again and copies a repo2docker launch link', async () => {
    ({ model, lifetimes } = await connected());
    const actions = renderList();
    fireEvent.click(screen.getByRole('button', { name: 'Start Old again' }));
    expect(actions.onStartAgain.mock.calls[0][0].name).toBe('old');
    fireEvent.click(
      screen.getByRole('button', { name: 'Copy the launch link of Binder' })
    );
    expect(actions.onCopyLink.mock.calls[0][0].name).toBe('r2d');
    // Running servers are not started again; only repo2docker has a link.
    expect(
      within(row('Temp')).queryByRole('button', { name: /again|link/ })
    ).toBeNull();
    expect(
      within(row('Old')).queryByRole('button', { name: /launch link/ })
    ).toBeNull();
  });

  it('offers neither without their commands', async () => {
    ({ model, lifetimes } = await connected());
    renderList({ onStartAgain: undefined, onCopyLink: undefined });
    expect(screen.queryByRole('button', { name: /again|launch link/ })).toBe(
      null
    );
  });
});

describe('summaryText', () => {
  it('words the counts and the shortest time left; nothing for none', () => {
    expect(
      summaryText({ running: 2, starting: 1, shortest: 12 * MIN }, trans)
    ).toBe('NFDI: 2 running · 1 starting · 12 min left');
    expect(
      summaryText({ running: 0, starting: 1, shortest: null }, trans)
    ).toBe('NFDI: 1 starting');
    expect(
      summaryText({ running: 0, starting: 0, shortest: 5 * MIN }, trans)
    ).toBeNull();
  });
});

describe('NFDIStatusItem', () => {
  let item: NFDIStatusItem;

  afterEach(async () => {
    await act(async () => item?.dispose());
  });

  it('shows the running servers and the shortest time left, and opens the sidebar', async () => {
    ({ model, lifetimes } = await connected());
    const onClick = jest.fn();
    item = new NFDIStatusItem({ servers: model, lifetimes, trans, onClick });
    await act(async () => {
      Widget.attach(item, document.body);
      await item.renderPromise;
    });
    expect(item.isActive()).toBe(true);
    const button = screen.getByRole('button', {
      name: 'NFDI: 3 running · 52 min left'
    });
    fireEvent.click(button);
    expect(onClick).toHaveBeenCalledTimes(1);
  });

  it('is inactive with nothing running, and says when that changes', async () => {
    let fake: FakeFetch;
    ({ model, lifetimes, fake } = await connected(
      serverList(hubServer('old', 'stopped'))
    ));
    item = new NFDIStatusItem({
      servers: model,
      lifetimes,
      trans,
      onClick: jest.fn()
    });
    expect(item.isActive()).toBe(false);
    const changes = jest.fn();
    item.activeStateChanged.connect(changes);
    fake.answer(serverList(hubServer('old', 'running')));
    await act(() => model.refresh());
    expect(item.isActive()).toBe(true);
    expect(changes).toHaveBeenCalledTimes(1);
  });
});

describe('NFDIRunningServers', () => {
  it('lists running servers with open, stop and time left', async () => {
    ({ model, lifetimes } = await connected());
    const execute = jest.fn();
    const manager = new NFDIRunningServers({
      servers: model,
      lifetimes,
      execute,
      warningMinutes: () => 10,
      trans
    });
    expect(manager.name).toBe('NFDI servers');
    const items = manager.running();
    // Running first, then the most recent; by name on a tie.
    expect(items.map(i => i.label())).toEqual(['here', 'Plain', 'Temp']);
    expect(items.map(i => i.detail?.())).toEqual([
      'running',
      'running',
      '52 min left'
    ]);
    expect(items[2].labelTitle?.()).toContain('52 min left');
    items[2].open?.();
    items[1].shutdown?.();
    expect(execute.mock.calls).toEqual([
      [CommandIDs.open, { server: 'temp' }],
      [CommandIDs.stop, { server: 'plain' }]
    ]);
    // This JupyterLab is not stopped from here.
    expect(items[0].shutdown).toBeUndefined();
    execute.mockClear();
    manager.shutdownAll();
    expect(execute.mock.calls).toEqual([
      [CommandIDs.stop, { server: 'plain' }],
      [CommandIDs.stop, { server: 'temp' }]
    ]);
    const changed = jest.fn();
    manager.runningChanged.connect(changed);
    await model.refresh().catch(() => undefined);
    expect(changed).toHaveBeenCalled();
    manager.dispose();
  });
});

describe('LifetimeNotifier', () => {
  class StubLifetimes {
    readonly warning = new Signal<IServerLifetimes, ILifetimeEvent>(
      this as any
    );
    readonly expired = new Signal<IServerLifetimes, ILifetimeEvent>(
      this as any
    );
  }

  function notes() {
    return Notification.manager.notifications;
  }

  beforeEach(() => {
    Notification.dismiss();
  });

  it('warns with Open before the end, and notes the removal quietly', async () => {
    ({ model, lifetimes } = await connected());
    const stub = new StubLifetimes();
    const commands = new CommandRegistry();
    const opened = jest.fn();
    commands.addCommand(CommandIDs.open, { execute: opened });
    const notifier = new LifetimeNotifier({
      lifetimes: stub as unknown as IServerLifetimes,
      servers: model,
      commands,
      trans
    });
    const temp = model.find('temp')!;
    stub.warning.emit({ server: temp, left: 10 * MIN, temporary: true });
    expect(notes()).toHaveLength(1);
    expect(notes()[0].type).toBe('warning');
    expect(notes()[0].message).toBe(
      'Temp (temp) ends in 10 min: the hub stops it and deletes its configuration. Save your work.'
    );
    expect(notes()[0].options.autoClose).toBe(false);
    const open = notes()[0].options.actions?.[0];
    expect(open?.label).toBe('Open');
    open?.callback(new MouseEvent('click'));
    expect(opened).toHaveBeenCalledWith({ server: 'temp' });

    stub.expired.emit({ server: temp, left: 0, temporary: true });
    // The warning goes; a note that closes by itself comes.
    expect(notes()).toHaveLength(1);
    expect(notes()[0].type).toBe('info');
    expect(notes()[0].message).toBe(
      'Temp (temp) reached its time limit and was removed by the hub.'
    );
    expect(notes()[0].options.autoClose).toBeGreaterThan(0);
    notifier.dispose();
  });

  it('has no Open for the server this JupyterLab runs in', async () => {
    ({ model, lifetimes } = await connected());
    const stub = new StubLifetimes();
    const notifier = new LifetimeNotifier({
      lifetimes: stub as unknown as IServerLifetimes,
      servers: model,
      commands: new CommandRegistry(),
      trans
    });
    stub.warning.emit({
      server: model.find('here')!,
      left: 30 * 1000,
      temporary: false
    });
    expect(notes()[0].message).toBe(
      'here ends in < 1 min: the hub stops it when its flavor’s runtime is over. Save your work.'
    );
    expect(notes()[0].options.actions ?? []).toEqual([]);
    notifier.dispose();
  });
});

describe('NFDISidebar with lifetimes', () => {
  it('shows time left and offers Start again once its command exists', async () => {
    const made = await connected();
    ({ model, lifetimes } = made);
    // What an active sidebar's refreshes get.
    made.fake.answer(fiveServers, fiveServers, fiveServers);
    const commands = new CommandRegistry();
    const ran: unknown[] = [];
    const sidebar = new NFDISidebar({
      hub: made.hub,
      model,
      commands,
      trans,
      lifetimes
    });
    await act(async () => {
      Widget.attach(sidebar, document.body);
      await sidebar.renderPromise;
    });
    expect(within(row('Temp')).getByText('52 min left')).toBeTruthy();
    expect(
      screen.queryByRole('button', { name: 'Start Old again' })
    ).toBeNull();

    await act(async () => {
      commands.addCommand(CommandIDs.startAgain, {
        execute: args => {
          ran.push(args);
        }
      });
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start Old again' }));
    expect(ran).toEqual([{ server: 'old' }]);
    await act(async () => {
      Widget.detach(sidebar);
      sidebar.dispose();
    });
  });
});
