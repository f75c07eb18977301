import { Clipboard, Notification } from '@jupyterlab/apputils';
import { CommandRegistry } from '@lumino/commands';

import { CommandIDs } from '../../commandIds';
import { linkCommandsPlugin } from '../../plugins/linkCommands';
import { INFDIServers } from '../../tokens';
import { hubServer, noFlavors, serverList, setup } from '../widgets/fixtures';

const REPO_PRESET = {
  title: 'Binder example',
  caption: '',
  options: {
    option: 'repo2docker' as const,
    repo2docker: {
      repotype: 'gh',
      repourl: 'binder-examples/requirements',
      repopath: 'index.ipynb'
    },
    flavor: 'l1'
  }
};
const IMAGE_PRESET = {
  title: 'Minimal',
  caption: '',
  options: {
    option: 'custom' as const,
    custom: { customimage: 'jupyter/minimal-notebook:latest' }
  }
};
const LINK =
  'https://hub.example.org/v2/gh/binder-examples/requirements/HEAD?labpath=index.ipynb&system=JSC-Cloud&flavor=l1';

/** The plugin on a hub with these presets and two servers. */
async function activate() {
  const { hub, model } = setup(
    [
      serverList(
        hubServer('r2d', 'stopped', {
          user_options: {
            option: 'repo2docker',
            repo2docker: {
              repotype: 'gl',
              repourl: 'group/project',
              reporef: 'v1'
            },
            system: 'deNBI-Cloud',
            flavor: 'm1',
            name: 'From GitLab'
          }
        }),
        hubServer('img', 'running', {
          user_options: {
            option: 'custom',
            custom: { customimage: 'x' },
            name: 'Image'
          }
        })
      ),
      noFlavors
    ],
    {
      settings: {
        defaultOptions: { system: 'JSC-Cloud' },
        launchers: [REPO_PRESET, IMAGE_PRESET]
      }
    }
  );
  await model.refresh();
  const commands = new CommandRegistry();
  const paletteItems: Record<string, unknown>[] = [];
  const palette = {
    addItem: (item: Record<string, unknown>) => {
      paletteItems.push(item);
      return { dispose: () => undefined, isDisposed: false };
    }
  };
  const servers = { servers: model } as unknown as INFDIServers;
  linkCommandsPlugin.activate({ commands } as any, hub, servers, palette, null);
  return { commands, paletteItems, model };
}

describe('the copy launch link command', () => {
  let copied: string[];
  beforeEach(() => {
    copied = [];
    jest
      .spyOn(Clipboard, 'copyToSystem')
      .mockImplementation(data => void copied.push(String(data)));
    Notification.dismiss();
  });
  afterEach(() => jest.restoreAllMocks());

  it("copies a repo2docker preset's link and shows it", async () => {
    const { commands } = await activate();
    const args = { preset: 'Binder example' };
    expect(commands.isEnabled(CommandIDs.copyLaunchLink, args)).toBe(true);
    expect(commands.isVisible(CommandIDs.copyLaunchLink, args)).toBe(true);
    expect(commands.label(CommandIDs.copyLaunchLink, args)).toBe(
      'Copy Launch Link of Binder example'
    );
    await commands.execute(CommandIDs.copyLaunchLink, args);
    expect(copied).toEqual([LINK]);
    const note = Notification.manager.notifications[0];
    expect(note.type).toBe('success');
    expect(note.message).toBe(`Launch link copied: ${LINK}`);
  });

  it("copies a repo2docker server's link from its saved options", async () => {
    const { commands } = await activate();
    const args = { server: 'r2d' };
    expect(commands.isEnabled(CommandIDs.copyLaunchLink, args)).toBe(true);
    expect(commands.label(CommandIDs.copyLaunchLink, args)).toBe(
      'Copy Launch Link of From GitLab (r2d)'
    );
    await commands.execute(CommandIDs.copyLaunchLink, args);
    expect(copied).toEqual([
      'https://hub.example.org/v2/gl/group%2Fproject/v1?system=deNBI-Cloud&flavor=m1'
    ]);
  });

  it('is disabled and hidden for anything but repo2docker', async () => {
    const { commands } = await activate();
    for (const args of [
      { preset: 'Minimal' },
      { server: 'img' },
      { preset: 'No such preset' },
      { server: 'nope' },
      {}
    ]) {
      expect(commands.isEnabled(CommandIDs.copyLaunchLink, args)).toBe(false);
      expect(commands.isVisible(CommandIDs.copyLaunchLink, args)).toBe(false);
    }
    // Run anyway (by another extension): it says why, copies nothing.
    await commands.execute(CommandIDs.copyLaunchLink, { preset: 'Minimal' });
    expect(copied).toEqual([]);
    expect(Notification.manager.notifications[0].message).toBe(
      'Minimal has no launch link: only repo2docker presets and servers have one.'
    );
  });

  it('adds a palette entry per repo2docker preset', async () => {
    const { paletteItems } = await activate();
    expect(paletteItems).toEqual([
      {
        command: CommandIDs.copyLaunchLink,
        args: { preset: 'Binder example' },
        category: 'NFDI'
      }
    ]);
  });
});
