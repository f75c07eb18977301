/**
 * Shared set-up of the widget tests: a real servers model on a fake-fetch hub.
 */
import { nullTranslator } from '@jupyterlab/translation';

import { INFDISettings } from '../../connection/settings';
import { IHubConnection } from '../../connection/types';
import { ServersModel } from '../../servers/model';
import { makeHub } from '../fakeHub';
import { FakeFetch, IFakeAnswer } from '../hub/fakeFetch';

export const HUB = 'https://hub.example.org/';

export const trans = nullTranslator.load('jupyterlab_nfdi_launcher');

/** `GET /hub/api/user` for alice. */
export const me: IFakeAnswer = {
  status: 200,
  body: { name: 'alice', admin: false, scopes: ['servers!user'] }
};

/** `GET /hub/api/outpostflavors` on a hub that does not list its systems. */
export const noFlavors: IFakeAnswer = { status: 404, body: { status: 404 } };

/** `GET /hub/api/outpostflavors` answering these systems. */
export function flavors(
  systems: Record<string, Record<string, string>>
): IFakeAnswer {
  const body: Record<string, Record<string, unknown>> = {};
  for (const [system, names] of Object.entries(systems)) {
    body[system] = {};
    for (const [flavor, displayName] of Object.entries(names)) {
      body[system][flavor] = { display_name: displayName, max: -1, current: 0 };
    }
  }
  return { status: 200, body };
}

/** What a server is doing, as the hub says it. */
export type HubState = 'running' | 'starting' | 'stopping' | 'stopped';

/** A server of `GET /hub/api/users/alice` in that state. */
export function hubServer(
  name: string,
  state: HubState,
  extra: Record<string, unknown> = {}
): Record<string, unknown> {
  const url = `/user/alice/${name}/`;
  switch (state) {
    case 'running':
      return {
        name,
        ready: true,
        pending: null,
        stopped: false,
        url,
        ...extra
      };
    case 'starting':
      return {
        name,
        ready: false,
        pending: 'spawn',
        stopped: false,
        url,
        ...extra
      };
    case 'stopping':
      return {
        name,
        ready: false,
        pending: 'stop',
        stopped: false,
        url,
        ...extra
      };
    default:
      return {
        name,
        ready: false,
        pending: null,
        stopped: true,
        url: null,
        ...extra
      };
  }
}

/** `GET /hub/api/users/alice` with the default server and these. */
export function serverList(...servers: Record<string, unknown>[]): IFakeAnswer {
  const all: Record<string, unknown> = {
    '': hubServer('', 'running', { url: '/user/alice/' })
  };
  for (const server of servers) {
    all[server.name as string] = server;
  }
  return { status: 200, body: { name: 'alice', servers: all } };
}

/**
 * A hub with alice's token and a servers model on it. Nothing is asked
 * until the model refreshes; `answers` are what the hub will answer.
 */
export function setup(
  answers: (IFakeAnswer | Error)[],
  options: {
    currentServer?: string | null;
    token?: string;
    settings?: Partial<INFDISettings>;
  } = {}
): { fake: FakeFetch; hub: IHubConnection; model: ServersModel } {
  const fake = new FakeFetch().answer(...answers);
  const current = options.currentServer ?? null;
  const hub = makeHub(fake, {
    hubUrl: HUB,
    token: options.token,
    settings: options.settings,
    currentServer: current === null ? null : { user: 'alice', server: current }
  });
  // Long enough that only the refreshes a test asks for happen.
  const model = new ServersModel(hub, {
    refreshInterval: 60 * 1000,
    idleInterval: 60 * 1000
  });
  return { fake, hub, model };
}

/** Resolves when the model says it changed next; fails after `ms`. */
export function nextChange(model: ServersModel, ms = 2000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      model.changed.disconnect(slot);
      reject(new Error(`The servers model did not change within ${ms} ms`));
    }, ms);
    const slot = () => {
      clearTimeout(timer);
      model.changed.disconnect(slot);
      resolve();
    };
    model.changed.connect(slot);
  });
}
