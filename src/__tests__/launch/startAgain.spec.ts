/**
 * `nfdi:start-again` starts a stopped configuration with its saved options
 * through the start command (the same tab, notifications and reuse).
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { CommandRegistry } from '@lumino/commands';
import { ReadonlyPartialJSONObject } from '@lumino/coreutils';

import { CommandIDs } from '../../commandIds';
import { LaunchManager } from '../../launch/manager';
import { serverCommandsPlugin } from '../../plugins/serverCommands';
import { ServersModel } from '../../servers/model';
import { makeHub } from '../fakeHub';
import { FakeFetch } from '../hub/fakeFetch';
import { HUB } from '../hub/startAnswers';
import { hubServer, noFlavors, serverList } from '../widgets/fixtures';

const SAVED = {
  option: 'custom',
  custom: { customimage: 'img:2' },
  system: 'JSC-Cloud',
  flavor: 'l1',
  name: 'Analysis'
};

async function setup() {
  const fake = new FakeFetch();
  const hub = makeHub(fake, { hubUrl: HUB, token: 't' });
  const servers = new ServersModel(hub, { refreshInterval: 60 * 1000 });
  fake.answer(
    serverList(
      hubServer('s1', 'stopped', { user_options: SAVED }),
      hubServer('s2', 'running', { user_options: { name: 'Other' } })
    ),
    noFlavors
  );
  await servers.refresh();
  const commands = new CommandRegistry();
  const starts: ReadonlyPartialJSONObject[] = [];
  commands.addCommand(CommandIDs.start, {
    execute: args => {
      starts.push(args);
    }
  });
  serverCommandsPlugin.activate(
    { commands } as unknown as JupyterFrontEnd,
    { servers, launches: new LaunchManager({ hub, servers }) },
    null
  );
  return { fake, commands, starts };
}

describe('nfdi:start-again', () => {
  it('starts a stopped server with its saved options, inside the click', async () => {
    const { commands, starts } = await setup();
    void commands.execute(CommandIDs.startAgain, { server: 's1' });
    // No await before the start: its tab opens within the user's click.
    expect(starts).toEqual([{ options: SAVED }]);
    expect(commands.label(CommandIDs.startAgain, { server: 's1' })).toBe(
      'Start Again'
    );
  });

  it('does not start a running server', async () => {
    const { fake, commands, starts } = await setup();
    fake.answer(
      serverList(hubServer('s2', 'running', { user_options: { name: 'x' } }))
    );
    await commands.execute(CommandIDs.startAgain, { server: 's2' });
    expect(starts).toEqual([]);
  });
});
