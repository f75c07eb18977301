/**
 * Under a hub, the token is decided by one request; nothing waits for it but
 * what needs the token, and a start asked for meanwhile sends the token
 * decided on.
 */
import { ISettingRegistry } from '@jupyterlab/settingregistry';
import { nullTranslator } from '@jupyterlab/translation';
import { Signal } from '@lumino/signaling';

import { HubConnection, IPageLocation } from '../../connection/connection';
import { DeferredClient } from '../../connection/deferredClient';
import { FetchFunction } from '../../hub';
import { planLaunch } from '../../launch/plan';
import { ServersModel } from '../../servers/model';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';

const PAGE_TOKEN = 'page-oauth-token';
const HUB_API = 'https://hub.example.org/jhub/hub/api/';
const trans = nullTranslator.load('jupyterlab_nfdi_launcher');

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

/** What a hub login with `servers!user` and `read:servers!user` may do. */
const MAY_START: IFakeAnswer = {
  status: 200,
  body: {
    name: 'alice',
    scopes: [
      'access:servers!user=alice',
      'delete:servers!user=alice',
      'read:servers!user=alice',
      'servers!user=alice'
    ]
  }
};
const STARTING: IFakeAnswer = {
  status: 202,
  body: {
    status: 'pending',
    status_url: `${HUB_API}start/alice/s1`,
    delete_url: `${HUB_API}users/alice/servers/s1`
  }
};

/**
 * A connection under the hub whose first answer (the check of the hub
 * login) waits until `answerCheck()`; `sent` lists each request as it
 * leaves, with its token.
 */
function connect(
  composite: Record<string, unknown>,
  ...answers: IFakeAnswer[]
) {
  const fake = new FakeFetch().answer(...answers);
  const sent: string[] = [];
  let answerCheck!: () => void;
  const checkAnswered = new Promise<void>(resolve => (answerCheck = resolve));
  const fetch: FetchFunction = async (url, init) => {
    const headers = init.headers as Record<string, string>;
    sent.push(`${init.method} ${url} ${headers.Authorization}`);
    if (sent.length === 1) {
      await checkAnswered;
    }
    return fake.fetch(url, init);
  };
  const settings = {
    composite,
    changed: new Signal<unknown, void>({})
  } as unknown as ISettingRegistry.ISettings;
  const hub = new HubConnection(settings, SPAWNED, trans, fetch);
  return { hub, sent, answerCheck };
}

describe('The token decision under a hub', () => {
  it('a start asked for before the decision sends the token decided on', async () => {
    const { hub, sent, answerCheck } = connect(
      { token: 'pasted' },
      MAY_START,
      STARTING
    );
    expect(hub.hasToken).toBe(true);
    const plan = planLaunch(hub, {}, trans);
    const started = plan.client.start();
    await new Promise(resolve => setTimeout(resolve, 0));
    // Only the check has left: the start waits for its answer.
    expect(sent).toEqual([`GET ${HUB_API}user token ${PAGE_TOKEN}`]);

    answerCheck();
    expect((await started).status).toBe('pending');
    expect(hub.tokenSource).toBe('page');
    expect(sent).toEqual([
      `GET ${HUB_API}user token ${PAGE_TOKEN}`,
      `POST ${HUB_API}start token ${PAGE_TOKEN}`
    ]);
  });

  it('is not refused for want of a token while the hub login is checked', async () => {
    const { hub, sent, answerCheck } = connect({}, MAY_START, STARTING);
    const started = planLaunch(hub, {}, trans).client.start();
    answerCheck();
    await started;
    expect(sent[1]).toBe(`POST ${HUB_API}start token ${PAGE_TOKEN}`);
  });

  it('once decided, the client stays and sends at once through the one decided on', async () => {
    const { hub, sent, answerCheck } = connect(
      { token: 'pasted' },
      MAY_START,
      STARTING
    );
    const client = hub.client;
    expect(client).toBeInstanceOf(DeferredClient);
    let changes = 0;
    hub.changed.connect(() => (changes += 1));
    answerCheck();
    await hub.ready;
    expect(changes).toBe(1);
    // Views and launches that hold it need not start over.
    expect(hub.client).toBe(client);
    expect(hub.tokenSource).toBe('page');
    void hub.client!.start();
    // No wait: the request leaves in the call.
    expect(sent[1]).toBe(`POST ${HUB_API}start token ${PAGE_TOKEN}`);
  });

  it('a sidebar shown while the token is decided lists the servers once', async () => {
    const LISTED: IFakeAnswer = {
      status: 200,
      body: { ...(MAY_START.body as object), servers: {} }
    };
    const { hub, sent, answerCheck } = connect(
      { token: 'pasted' },
      MAY_START,
      LISTED,
      { status: 200, body: {} }
    );
    const model = new ServersModel(hub);
    const shown = model.refresh();
    answerCheck();
    await hub.ready;
    await shown;
    await new Promise(resolve => setTimeout(resolve, 20));
    expect(model.connection).toBe('connected');
    const lists = sent.filter(line =>
      line.startsWith(`GET ${HUB_API}user?include_stopped_servers`)
    );
    expect(lists).toHaveLength(1);
    model.dispose();
  });

  it('no usable token after the decision: the list says so, not a refusal', async () => {
    const { hub, answerCheck } = connect(
      {},
      { status: 403, body: { status: 403, message: 'Forbidden' } }
    );
    const model = new ServersModel(hub);
    expect(hub.hasToken).toBe(true);
    answerCheck();
    await hub.ready;
    expect(hub.hasToken).toBe(false);
    expect(model.connection).toBe('unconfigured');
    model.dispose();
  });
});
