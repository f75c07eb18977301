/**
 * The connection's choice of token under a hub: this JupyterLab's hub login
 * (the page's token) first, the settings' token as the fallback, and the
 * page token never sent anywhere else.
 */
import { nullTranslator } from '@jupyterlab/translation';
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { Signal } from '@lumino/signaling';

import { HubConnection, IPageLocation } from '../../connection/connection';
import { missingScopes } from '../../hub';
import { ServersModel } from '../../servers/model';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';

class FakeSettings {
  constructor(public composite: Record<string, unknown>) {}
  readonly changed = new Signal<this, void>(this);
  async set(key: string, value: unknown): Promise<void> {
    this.composite = { ...this.composite, [key]: value };
    this.changed.emit();
  }
}

const PAGE_TOKEN = 'page-oauth-token';
const HUB_API = 'https://hub.example.org/jhub/hub/api/';

/** A JupyterLab the hub at https://hub.example.org/jhub/ spawned for alice. */
const SPAWNED: IPageLocation = {
  urls: {
    hubHost: '',
    hubPrefix: '/jhub/hub/',
    hubUser: 'alice',
    hubServerName: 'lab1'
  },
  origin: 'https://hub.example.org',
  token: PAGE_TOKEN
};

/** `GET /hub/api/user` for alice with these (expanded) scopes. */
const user = (...scopes: string[]): IFakeAnswer => ({
  status: 200,
  body: { name: 'alice', scopes }
});
/** What a page token gets with `oauth_client_allowed_scopes = ["servers!user", "access:servers"]`. */
const ZERO_CONFIG = user(
  'access:servers!server=alice/lab1',
  'access:servers!user=alice',
  'delete:servers!user=alice',
  'read:servers!user=alice',
  'servers!user=alice'
);
/** What a page token gets by default: its own server only. */
const OWN_SERVER = user('access:servers!server=alice/lab1');
/** A token made on /hub/token without choosing scopes. */
const ALL_OF_ALICE = user(
  'access:servers!user=alice',
  'delete:servers!user=alice',
  'read:servers!user=alice',
  'servers!user=alice',
  'users:activity!user=alice'
);
const REFUSED: IFakeAnswer = {
  status: 403,
  body: { status: 403, message: 'Missing or invalid credentials.' }
};

function connect(
  composite: Record<string, unknown>,
  page: IPageLocation,
  ...answers: (IFakeAnswer | Error)[]
) {
  const fake = new FakeFetch().answer(...answers);
  const settings = new FakeSettings(composite);
  const hub = new HubConnection(
    settings as unknown as ISettingRegistry.ISettings,
    page,
    nullTranslator.load('jupyterlab_nfdi_launcher'),
    fake.fetch
  );
  let changes = 0;
  hub.changed.connect(() => (changes += 1));
  return { hub, settings, fake, changes: () => changes };
}

/** The token each recorded request sent. */
const tokensSent = (fake: FakeFetch) =>
  fake.calls.map(call => call.headers.Authorization);

describe('HubConnection under a hub', () => {
  it('starts with the owner its check learnt: no second GET /hub/api/user', async () => {
    const { hub, fake } = connect({}, SPAWNED, ZERO_CONFIG, {
      status: 202,
      body: {
        status: 'pending',
        status_url: `${HUB_API}start/alice/s1`,
        delete_url: `${HUB_API}users/alice/servers/s1`
      }
    });
    await hub.ready;
    expect(hub.client!.owner).toBe('alice');
    await hub.client!.start();
    expect(fake.calls.map(call => `${call.method} ${call.url}`)).toEqual([
      `GET ${HUB_API}user`,
      `POST ${HUB_API}start`
    ]);
  });

  it("uses this JupyterLab's hub login when it may list and start: nothing to paste", async () => {
    const { hub, fake, settings, changes } = connect({}, SPAWNED, ZERO_CONFIG, {
      status: 200,
      body: { name: 'alice', servers: {} }
    });
    expect(hub.pageLogin).toEqual({ state: 'checking' });
    expect(hub.tokenSource).toBeNull();
    await hub.ready;

    expect(hub.tokenSource).toBe('page');
    expect(hub.hasToken).toBe(true);
    expect(hub.pageLogin?.state).toBe('ok');
    expect(hub.grants && missingScopes(hub.grants)).toEqual([]);
    expect(changes()).toBe(1);
    expect(fake.calls[0].url).toBe(`${HUB_API}user`);
    expect(tokensSent(fake)).toEqual([`token ${PAGE_TOKEN}`]);

    // The client sends the page token, in the header only.
    await hub.client!.listServers('alice');
    expect(tokensSent(fake)[1]).toBe(`token ${PAGE_TOKEN}`);
    expect(fake.calls[1].url).not.toContain(PAGE_TOKEN);
    // And it is never saved into the settings.
    expect(settings.composite.token).toBeUndefined();
  });

  it("the servers model lists the user's servers with the hub login", async () => {
    const { hub, fake } = connect(
      {},
      SPAWNED,
      ZERO_CONFIG,
      {
        status: 200,
        body: {
          name: 'alice',
          servers: {
            x1: {
              name: 'x1',
              ready: true,
              pending: null,
              url: '/jhub/user/alice/x1/'
            }
          }
        }
      },
      { status: 404, body: { status: 404 } }
    );
    const model = new ServersModel(hub, { refreshInterval: 60 * 1000 });
    // A token is being decided: the model waits for it, sending nothing.
    expect(model.connection).toBe('checking');
    expect(fake.calls).toHaveLength(1);
    await hub.ready;
    expect(model.connection).toBe('checking');
    await model.refresh();
    expect(model.connection).toBe('connected');
    expect(model.servers.map(s => s.name)).toEqual(['x1']);
    expect(new Set(tokensSent(fake))).toEqual(new Set([`token ${PAGE_TOKEN}`]));
    model.dispose();
  });

  it('asks nothing more about a token in the settings when the hub login is enough', async () => {
    const { hub, fake } = connect({ token: 'pasted' }, SPAWNED, ZERO_CONFIG);
    // Until the hub login is checked, no token is chosen (yet one will be).
    expect(hub.tokenSource).toBeNull();
    expect(hub.hasToken).toBe(true);
    await hub.ready;
    expect(hub.tokenSource).toBe('page');
    expect(tokensSent(fake)).toEqual([`token ${PAGE_TOKEN}`]);
  });

  it("falls back to the settings' token when the hub login cannot list servers", async () => {
    const { hub, fake } = connect(
      { token: 'pasted' },
      SPAWNED,
      OWN_SERVER,
      ALL_OF_ALICE
    );
    await hub.ready;
    expect(hub.tokenSource).toBe('settings');
    expect(tokensSent(fake)).toEqual([`token ${PAGE_TOKEN}`, 'token pasted']);
    expect(hub.grants && missingScopes(hub.grants)).toEqual([]);
    // What the hub login lacks stays known.
    const login = hub.pageLogin!;
    expect(login.state === 'ok' && missingScopes(login.grants)).toEqual([
      'read:servers',
      'servers',
      'delete:servers',
      'access:servers'
    ]);
  });

  it('uses no token, and knows what the hub login lacks, when the settings hold none', async () => {
    const { hub, fake, changes } = connect({}, SPAWNED, OWN_SERVER);
    await hub.ready;
    expect(hub.tokenSource).toBeNull();
    expect(hub.hasToken).toBe(false);
    expect(hub.grants).toBeNull();
    expect(hub.pageLogin?.state).toBe('ok');
    expect(hub.client?.tokenPageUrl).toBe(
      'https://hub.example.org/jhub/hub/token'
    );
    expect(fake.calls).toHaveLength(1);
    expect(changes()).toBe(1);
  });

  it('uses a hub login that may list but not start when the pasted token is refused', async () => {
    const { hub } = connect(
      { token: 'wrong' },
      SPAWNED,
      user('read:servers!user=alice'),
      REFUSED
    );
    await hub.ready;
    expect(hub.tokenSource).toBe('page');
    expect(hub.grants && missingScopes(hub.grants)).toEqual([
      'servers',
      'delete:servers',
      'access:servers'
    ]);
  });

  it("uses the settings' token when the hub refuses the hub login or cannot be asked", async () => {
    let made = connect({ token: 'pasted' }, SPAWNED, REFUSED, ALL_OF_ALICE);
    await made.hub.ready;
    expect(made.hub.tokenSource).toBe('settings');
    expect(made.hub.pageLogin?.state).toBe('refused');

    made = connect({ token: 'pasted' }, SPAWNED, new TypeError('offline'), {
      ...REFUSED
    });
    await made.hub.ready;
    expect(made.hub.tokenSource).toBe('settings');
    expect(made.hub.pageLogin?.state).toBe('failed');
  });

  it('decides again when the settings token changes, and ignores a stale answer', async () => {
    const { hub, fake, settings } = connect(
      {},
      SPAWNED,
      OWN_SERVER,
      OWN_SERVER,
      ALL_OF_ALICE
    );
    // A token is pasted before the first answer is in.
    const pasted = hub.setToken('pasted');
    await pasted;
    await hub.ready;
    expect(settings.composite.token).toBe('pasted');
    expect(hub.tokenSource).toBe('settings');
    expect(hub.grants && missingScopes(hub.grants)).toEqual([]);
    expect(tokensSent(fake)).toEqual([
      `token ${PAGE_TOKEN}`,
      `token ${PAGE_TOKEN}`,
      'token pasted'
    ]);
  });

  it('keeps the clients and the decision when only presets change', async () => {
    const { hub, settings, fake } = connect({}, SPAWNED, ZERO_CONFIG);
    await hub.ready;
    const client = hub.client;
    await settings.set('launchers', [{ title: 'A', options: {} }]);
    await hub.ready;
    expect(hub.client).toBe(client);
    expect(hub.tokenSource).toBe('page');
    expect(fake.calls).toHaveLength(1);
  });
});

describe('The page token goes nowhere else', () => {
  it('outside a hub (a standalone JupyterLab has a token too): settings token only, nothing asked', async () => {
    const { hub, fake } = connect(
      { token: 'pasted' },
      { urls: {}, origin: 'http://localhost:8888', token: 'lab-token' }
    );
    await hub.ready;
    expect(hub.pageLogin).toBeNull();
    expect(hub.tokenSource).toBe('settings');
    expect(fake.calls).toHaveLength(0);

    const bare = connect(
      {},
      { urls: {}, origin: 'http://localhost:8888', token: 'lab-token' }
    );
    expect(bare.hub.tokenSource).toBeNull();
    expect(bare.hub.hasToken).toBe(false);
  });

  it('not to another hub named in the settings', async () => {
    const { hub, fake } = connect(
      { hubUrl: 'https://other.example.org', token: 'pasted' },
      SPAWNED
    );
    await hub.ready;
    expect(hub.pageLogin).toBeNull();
    expect(hub.tokenSource).toBe('settings');
    expect(fake.calls).toHaveLength(0);
  });

  it('not to the hub that spawned it when that hub is on another origin', async () => {
    const { hub, fake } = connect(
      {},
      {
        ...SPAWNED,
        urls: { ...SPAWNED.urls, hubHost: 'https://hub.other.example' }
      }
    );
    await hub.ready;
    expect(hub.hubUrl).toBe('https://hub.other.example/jhub/');
    expect(hub.pageLogin).toBeNull();
    expect(hub.tokenSource).toBeNull();
    expect(fake.calls).toHaveLength(0);
  });

  it('not when the hub URL setting is unusable', async () => {
    const { hub, fake } = connect({ hubUrl: 'ftp://x' }, SPAWNED);
    await hub.ready;
    expect(hub.client).toBeNull();
    expect(hub.pageLogin).toBeNull();
    expect(fake.calls).toHaveLength(0);
  });
});
