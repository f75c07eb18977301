import { fireEvent, render, screen, within } from '@testing-library/react';
import * as React from 'react';

import { IServerModel } from '../../hub';
import { ServersModel } from '../../servers/model';
import { ServerList } from '../../widgets/serverList';
import { hubServer, noFlavors, serverList, setup, trans } from './fixtures';

/** Six configurations in every state; `here` is this JupyterLab. */
const sixServers = serverList(
  hubServer('old', 'stopped', {
    user_options: { name: 'Old analysis', option: 'default' }
  }),
  hubServer('live', 'running', {
    started: '2026-11-26T10:00:00Z',
    user_options: {
      name: 'Analysis',
      option: 'custom',
      custom: { customimage: 'python:3.12' },
      system: 'JSC-Cloud',
      flavor: 'm2'
    }
  }),
  hubServer('ending', 'stopping'),
  hubServer('boot', 'starting'),
  hubServer('nourl', 'running', { url: null }),
  hubServer('here', 'running', { started: '2026-11-26T09:00:00Z' })
);

function renderList(model: ServersModel) {
  const actions = {
    onOpen: jest.fn<void, [IServerModel]>(),
    onStop: jest.fn<void, [IServerModel]>(),
    onDelete: jest.fn<void, [IServerModel]>(),
    onLogs: jest.fn<void, [IServerModel]>(),
    onRefresh: jest.fn<void, []>()
  };
  const view = render(<ServerList model={model} trans={trans} {...actions} />);
  return { ...actions, view };
}

/** The count of configurations above the list. */
function count(): HTMLElement {
  const element = document.querySelector<HTMLElement>('.jp-nfdi-count');
  if (!element) {
    throw new Error('No count');
  }
  return element;
}

/** The row of the server whose title reads `title`. */
function row(title: string): HTMLElement {
  const item = screen.getByText(title, { exact: true }).closest('li');
  if (!item) {
    throw new Error(`No row for ${title}`);
  }
  return item;
}

/** The names of the buttons of a row, in order. */
function buttonsOf(title: string): string[] {
  return within(row(title))
    .queryAllByRole('button')
    .map(button => button.textContent ?? '');
}

describe('ServerList', () => {
  let model: ServersModel;

  afterEach(() => {
    model.dispose();
  });

  async function connected(currentServer: string | null = 'here') {
    const made = setup([sixServers, noFlavors], { currentServer });
    model = made.model;
    await model.refresh();
    expect(model.connection).toBe('connected');
    return made;
  }

  it('lists the configurations, not the default server, running first', async () => {
    await connected();
    renderList(model);
    const rows = screen.getAllByRole('listitem');
    expect(rows.map(item => item.getAttribute('data-server-name'))).toEqual([
      'boot',
      'live',
      'here',
      'nourl',
      'ending',
      'old'
    ]);
    expect(screen.queryByText('Default server')).toBeNull();
    expect(screen.getByText('6 of 15 configurations')).toBeTruthy();
    // Display name, state and what it runs.
    const live = within(row('Analysis'));
    expect(live.getByText('running')).toBeTruthy();
    expect(live.getByText('python:3.12 — JSC-Cloud · m2')).toBeTruthy();
    expect(within(row('Old analysis')).getByText('stopped')).toBeTruthy();
    expect(within(row('boot')).getByText('starting')).toBeTruthy();
    expect(within(row('ending')).getByText('stopping')).toBeTruthy();
    expect(within(row('here')).getByText('This JupyterLab')).toBeTruthy();
    expect(within(row('Analysis')).queryByText('This JupyterLab')).toBeNull();
  });

  it('offers the actions each state allows', async () => {
    await connected();
    renderList(model);
    expect(buttonsOf('Analysis')).toEqual(['Open', 'Stop', 'Delete']);
    // Running without a URL cannot be opened.
    expect(buttonsOf('nourl')).toEqual(['Stop', 'Delete']);
    expect(buttonsOf('boot')).toEqual(['Stop', 'Delete']);
    expect(buttonsOf('ending')).toEqual(['Delete']);
    expect(buttonsOf('Old analysis')).toEqual(['Logs', 'Delete']);
    // The server this JupyterLab runs in is neither stopped nor deleted here.
    expect(buttonsOf('here')).toEqual(['Open']);
  });

  it('offers Stop and Delete for every server when JupyterLab runs elsewhere', async () => {
    await connected(null);
    renderList(model);
    expect(screen.queryByText('This JupyterLab')).toBeNull();
    expect(buttonsOf('here')).toEqual(['Open', 'Stop', 'Delete']);
  });

  it('asks for each action with the server of its row', async () => {
    await connected();
    const actions = renderList(model);

    fireEvent.click(
      within(row('Analysis')).getByRole('button', { name: 'Open' })
    );
    expect(actions.onOpen).toHaveBeenCalledTimes(1);
    expect(actions.onOpen.mock.calls[0][0].name).toBe('live');
    expect(actions.onOpen.mock.calls[0][0].url).toBe(
      'https://hub.example.org/user/alice/live/'
    );

    fireEvent.click(within(row('boot')).getByRole('button', { name: 'Stop' }));
    expect(actions.onStop).toHaveBeenCalledTimes(1);
    expect(actions.onStop.mock.calls[0][0].name).toBe('boot');

    fireEvent.click(
      within(row('Analysis')).getByRole('button', { name: 'Stop' })
    );
    expect(actions.onStop).toHaveBeenCalledTimes(2);
    expect(actions.onStop.mock.calls[1][0].name).toBe('live');

    fireEvent.click(
      within(row('Old analysis')).getByRole('button', { name: 'Logs' })
    );
    expect(actions.onLogs).toHaveBeenCalledTimes(1);
    expect(actions.onLogs.mock.calls[0][0].name).toBe('old');

    fireEvent.click(
      within(row('ending')).getByRole('button', { name: 'Delete' })
    );
    expect(actions.onDelete).toHaveBeenCalledTimes(1);
    expect(actions.onDelete.mock.calls[0][0].name).toBe('ending');

    // Nothing else was asked for.
    expect(actions.onOpen).toHaveBeenCalledTimes(1);
    expect(actions.onLogs).toHaveBeenCalledTimes(1);
    expect(actions.onRefresh).not.toHaveBeenCalled();
  });

  it('refreshes from its toolbar button', async () => {
    await connected();
    const actions = renderList(model);
    // A toolbar button (a `jp-button` web component), named by its label.
    fireEvent.click(screen.getByLabelText('Refresh'));
    expect(actions.onRefresh).toHaveBeenCalledTimes(1);
    expect(actions.onStop).not.toHaveBeenCalled();
    expect(actions.onDelete).not.toHaveBeenCalled();
  });

  it('says when there are no servers yet', async () => {
    const made = setup([serverList(), noFlavors]);
    model = made.model;
    await model.refresh();
    renderList(model);
    expect(screen.getByText('No servers yet.')).toBeTruthy();
    expect(screen.getByText('0 of 15 configurations')).toBeTruthy();
    expect(screen.queryAllByRole('listitem')).toHaveLength(0);
  });

  it('does not count before the list is loaded, with or without a token [F31]', () => {
    for (const token of ['', 'tok-123456']) {
      model = setup([], { token }).model;
      expect(model.connection).toBe(token ? 'checking' : 'unconfigured');
      const { view } = renderList(model);
      expect(count().textContent).toBe(
        'Configurations: not loaded yet (up to 15)'
      );
      expect(screen.queryByText(/\b0 of 15\b/)).toBeNull();
      expect(screen.queryByText('No servers yet.')).toBeNull();
      view.unmount();
      model.dispose();
    }
  });

  it('says the count is unknown when the list could not be loaded [F31]', async () => {
    const made = setup([new TypeError('Failed to fetch')]);
    model = made.model;
    await model.refresh();
    expect(model.connection).toBe('failed');
    renderList(model);
    expect(count().textContent).toBe(
      'Configurations: unknown (the list could not be loaded; up to 15)'
    );
    expect(screen.queryByText(/\b0 of 15\b/)).toBeNull();
    expect(screen.queryByText('No servers yet.')).toBeNull();
  });
});
