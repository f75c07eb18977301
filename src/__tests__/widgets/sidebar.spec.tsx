import { CommandRegistry } from '@lumino/commands';
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';
import { Widget } from '@lumino/widgets';
import { act, fireEvent, screen, within } from '@testing-library/react';

import { CommandIDs } from '../../commandIds';
import { IHubConnection } from '../../connection/types';
import { ServersModel } from '../../servers/model';
import { NFDISidebar } from '../../widgets/sidebar';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';
import {
  hubServer,
  nextChange,
  noFlavors,
  serverList,
  setup,
  trans
} from './fixtures';

const servers = serverList(
  hubServer('live', 'running', {
    user_options: {
      name: 'Analysis',
      option: 'custom',
      custom: { customimage: 'python:3.12' }
    }
  }),
  hubServer('old', 'stopped', { user_options: { name: 'Old analysis' } }),
  hubServer('here', 'running')
);

/** Fifteen stopped configurations: the limit. */
const fifteen = serverList(
  ...Array.from({ length: 15 }, (_, i) => hubServer(`s${i}`, 'stopped'))
);

describe('NFDISidebar', () => {
  let fake: FakeFetch;
  let hub: IHubConnection;
  let model: ServersModel;
  let sidebar: NFDISidebar;
  /** The commands run, with their args. */
  let ran: [string, ReadonlyPartialJSONObject][];

  /** A sidebar on a real model; the hub answers `list` to every refresh. */
  function create(list: IFakeAnswer = servers): void {
    const answers = [list, noFlavors];
    for (let i = 0; i < 5; i++) {
      answers.push(list);
    }
    ({ fake, hub, model } = setup(answers, { currentServer: 'here' }));
    const commands = new CommandRegistry();
    ran = [];
    for (const id of Object.values(CommandIDs) as string[]) {
      commands.addCommand(id, {
        label: id,
        execute: args => {
          ran.push([id, { ...args }]);
        }
      });
    }
    sidebar = new NFDISidebar({ hub, model, commands, trans });
  }

  /** Attach the sidebar and wait for it to show what the hub says. */
  async function attach(): Promise<void> {
    const refreshed = nextChange(model);
    await act(async () => {
      Widget.attach(sidebar, document.body);
      await sidebar.renderPromise;
      await refreshed;
    });
  }

  /** The row of the server whose title reads `title`. */
  function row(title: string): HTMLElement {
    const item = screen.getByText(title, { exact: true }).closest('li');
    if (!item) {
      throw new Error(`No row for ${title}`);
    }
    return item;
  }

  afterEach(async () => {
    await act(async () => {
      if (sidebar.isAttached) {
        Widget.detach(sidebar);
      }
      sidebar.dispose();
    });
    model.dispose();
  });

  it('watches the servers only while attached and visible', async () => {
    create();
    expect(sidebar.model).toBe(model);
    expect(model.active).toBe(false);
    expect(fake.calls).toHaveLength(0);

    await attach();
    expect(model.active).toBe(true);
    expect(fake.calls.length).toBeGreaterThan(0);
    expect(screen.getByText('Signed in as alice.')).toBeTruthy();
    expect(screen.getByText('3 of 15 configurations')).toBeTruthy();

    await act(async () => sidebar.hide());
    expect(model.active).toBe(false);
    await act(async () => sidebar.show());
    expect(model.active).toBe(true);

    await act(async () => Widget.detach(sidebar));
    expect(model.active).toBe(false);
    expect(sidebar.isAttached).toBe(false);
  });

  it('is not active when attached hidden', async () => {
    create();
    sidebar.hide();
    await act(async () => {
      Widget.attach(sidebar, document.body);
    });
    expect(model.active).toBe(false);
    expect(fake.calls).toHaveLength(0);
  });

  it('stops the server of the row through the stop command', async () => {
    create();
    await attach();
    fireEvent.click(
      within(row('Analysis')).getByRole('button', { name: 'Stop' })
    );
    expect(ran).toEqual([[CommandIDs.stop, { server: 'live' }]]);
  });

  it('deletes the server of the row through the delete command', async () => {
    create();
    await attach();
    fireEvent.click(
      within(row('Old analysis')).getByRole('button', { name: 'Delete' })
    );
    expect(ran).toEqual([[CommandIDs.deleteServer, { server: 'old' }]]);
  });

  it('opens, shows logs and refreshes through their commands', async () => {
    create();
    await attach();
    fireEvent.click(
      within(row('Analysis')).getByRole('button', { name: 'Open' })
    );
    fireEvent.click(
      within(row('Old analysis')).getByRole('button', { name: 'Logs' })
    );
    fireEvent.click(screen.getByLabelText('Refresh'));
    expect(ran).toEqual([
      [CommandIDs.open, { server: 'live' }],
      [CommandIDs.showLogs, { server: 'old' }],
      [CommandIDs.refresh, {}]
    ]);
    // The server this JupyterLab runs in cannot be stopped or deleted here.
    expect(
      within(row('here')).queryByRole('button', { name: 'Stop' })
    ).toBeNull();
    expect(
      within(row('here')).queryByRole('button', { name: 'Delete' })
    ).toBeNull();
  });

  it('starts with the options of the form through the start command', async () => {
    create();
    await attach();
    fireEvent.change(screen.getByRole('textbox', { name: 'Image' }), {
      target: { value: 'python:3.12' }
    });
    fireEvent.change(screen.getByRole('textbox', { name: 'Name' }), {
      target: { value: 'My analysis' }
    });
    fireEvent.click(screen.getByRole('button', { name: 'Start' }));
    expect(ran).toHaveLength(1);
    expect(ran[0][0]).toBe(CommandIDs.start);
    expect(Object.keys(ran[0][1])).toEqual(['options']);
    expect(ran[0][1].options).toMatchObject({
      option: 'custom',
      custom: { customimage: 'python:3.12' },
      system: hub.defaultOptions.system,
      flavor: hub.defaultOptions.flavor,
      name: 'My analysis'
    });
  });

  it('does not start at the limit, and says why', async () => {
    create(fifteen);
    await attach();
    expect(model.atLimit).toBe(true);
    const button = screen.getByRole('button', {
      name: 'Start'
    }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    expect(
      screen.getByText(
        'You have 15 of 15 server configurations. Delete one below to start another.'
      )
    ).toBeTruthy();
    fireEvent.click(button);
    expect(ran).toEqual([]);
  });

  it('saves a token through the hub connection', async () => {
    create();
    const setToken = jest.fn(async (token: string) => undefined);
    (hub as { setToken: IHubConnection['setToken'] }).setToken = setToken;
    await attach();
    const field = screen.getByLabelText(
      'Replace the API token'
    ) as HTMLInputElement;
    fireEvent.change(field, { target: { value: 'new-token-42' } });
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save token' }));
    });
    expect(setToken).toHaveBeenCalledWith('new-token-42');
    expect(field.value).toBe('');
  });
});
