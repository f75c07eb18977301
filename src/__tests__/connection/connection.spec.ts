import { nullTranslator } from '@jupyterlab/translation';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { Signal } from '@lumino/signaling';

import { HubConnection, IPageLocation } from '../../connection/connection';

/** Just enough of a settings object: a composite, `changed`, `set`. */
class FakeSettings {
  constructor(public composite: Record<string, unknown>) {}
  readonly changed = new Signal<this, void>(this);
  async set(key: string, value: unknown): Promise<void> {
    this.composite = { ...this.composite, [key]: value };
    this.changed.emit();
  }
}

function connect(
  composite: Record<string, unknown>,
  page: IPageLocation
): { hub: HubConnection; settings: FakeSettings } {
  const settings = new FakeSettings(composite);
  const hub = new HubConnection(
    settings as unknown as ISettingRegistry.ISettings,
    page,
    nullTranslator.load('jupyterlab_nfdi_launcher')
  );
  return { hub, settings };
}

/** What `JupyterFrontEnd.IPaths` says in a JupyterLab the hub spawned. */
const SPAWNED: IPageLocation = {
  urls: {
    hubHost: '',
    hubPrefix: '/jhub/hub/',
    hubUser: 'alice',
    hubServerName: 'lab1'
  },
  origin: 'https://hub.example.org'
};

const STANDALONE: IPageLocation = { urls: {}, origin: 'http://localhost:8888' };

describe('HubConnection', () => {
  it('uses the hub it runs under, from IPaths, and knows its own server', () => {
    const { hub } = connect({ token: 't' }, SPAWNED);
    expect(hub.hubUrl).toBe('https://hub.example.org/jhub/');
    expect(hub.client?.baseUrl).toBe('https://hub.example.org/jhub/');
    expect(hub.currentServer).toEqual({ user: 'alice', server: 'lab1' });
    expect(hub.configError).toBeNull();
  });

  it('uses the hub on another host when IPaths names one', () => {
    const { hub } = connect(
      { token: 't' },
      { ...SPAWNED, urls: { ...SPAWNED.urls, hubHost: 'https://h.example' } }
    );
    expect(hub.hubUrl).toBe('https://h.example/jhub/');
  });

  it('outside a hub, uses Jupyter4NFDI and is no server of it', () => {
    const { hub } = connect({}, STANDALONE);
    expect(hub.hubUrl).toBe('https://hub.nfdi-jupyter.de/');
    expect(hub.currentServer).toBeNull();
    expect(hub.hasToken).toBe(false);
  });

  it('a hub URL setting wins, and then this JupyterLab is not one of its servers', () => {
    const { hub } = connect(
      { hubUrl: 'other.example.org', token: 't' },
      SPAWNED
    );
    expect(hub.hubUrl).toBe('https://other.example.org/');
    expect(hub.currentServer).toBeNull();
  });

  it('says why an unusable hub URL gives no client', () => {
    const { hub } = connect({ hubUrl: 'ftp://x', token: 't' }, STANDALONE);
    expect(hub.client).toBeNull();
    expect(hub.configError).toContain('ftp://x');
  });

  it('merges the default options over the API defaults, once', () => {
    const { hub } = connect(
      { token: 't', defaultOptions: { system: 'JSC-Cloud' } },
      STANDALONE
    );
    expect(hub.defaultOptions).toMatchObject({
      option: 'custom',
      system: 'JSC-Cloud',
      flavor: 'm1'
    });
    expect(hub.client?.defaultOptions).toEqual(hub.defaultOptions);
  });

  it('keeps the client when only presets change, builds a new one for a new token', async () => {
    const { hub, settings } = connect({ token: 't' }, STANDALONE);
    const first = hub.client;
    let changes = 0;
    hub.changed.connect(() => (changes += 1));
    await settings.set('launchers', [{ title: 'A', options: {} }]);
    expect(hub.client).toBe(first);
    expect(hub.settings.launchers.map(p => p.title)).toEqual(['A']);
    await hub.setToken('  new  ');
    expect(settings.composite.token).toBe('new');
    expect(hub.client).not.toBe(first);
    expect(hub.hasToken).toBe(true);
    expect(changes).toBe(2);
  });
});
