/**
 * The hub plugin's activation does not wait for the network: under a hub,
 * the token decision (`GET /hub/api/user`) goes on after it.
 */
import { JupyterFrontEnd } from '@jupyterlab/application';
import { PageConfig } from '@jupyterlab/coreutils';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { Signal } from '@lumino/signaling';

import { hubPlugin } from '../../plugins/hub';

describe('hubPlugin', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
    PageConfig.setOption('token', '');
  });

  it('resolves while the check of the hub login is still unanswered', async () => {
    const sent: string[] = [];
    let answer!: (response: Response) => void;
    globalThis.fetch = (async (url: string, init: RequestInit) => {
      sent.push(`${init.method} ${url}`);
      return new Promise<Response>(resolve => (answer = resolve));
    }) as typeof fetch;
    PageConfig.setOption('token', 'page-oauth-token');
    const settings = {
      composite: {},
      changed: new Signal<unknown, void>({})
    } as unknown as ISettingRegistry.ISettings;
    const registry = {
      load: async () => settings
    } as unknown as ISettingRegistry;
    const paths = {
      urls: { hubHost: '', hubPrefix: '/hub/', hubUser: 'alice' }
    } as unknown as JupyterFrontEnd.IPaths;

    let activated = false;
    const activation = Promise.resolve(
      hubPlugin.activate({} as JupyterFrontEnd, registry, paths, null)
    ).then(hub => {
      activated = true;
      return hub;
    });
    await new Promise(resolve => setTimeout(resolve, 0));

    expect(sent).toEqual([`GET ${window.location.origin}/hub/api/user`]);
    expect(activated).toBe(true);
    const hub = await activation;
    expect(hub.tokenSource).toBeNull();
    expect(hub.hasToken).toBe(true);

    answer({
      status: 200,
      type: 'basic',
      headers: { get: () => 'application/json' },
      text: async () =>
        JSON.stringify({
          name: 'alice',
          scopes: ['servers!user=alice', 'read:servers!user=alice']
        })
    } as unknown as Response);
    await hub.ready;
    expect(hub.tokenSource).toBe('page');
  });
});
