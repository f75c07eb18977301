/**
 * A hub connection for tests: fixed settings, a real client on a fake fetch.
 */
import { Signal } from '@lumino/signaling';

import { INFDISettings } from '../connection/settings';
import { IHubConnection, IHubServer } from '../connection/types';
import { DEFAULT_USER_OPTIONS, HubClient, mergeOptions } from '../hub';
import { FakeFetch } from './hub/fakeFetch';

/**
 * A connection to `hubUrl` with `token`, answering through `fake`. The
 * client knows the token's owner (`owner`, default `alice`) from the start,
 * as after the connection's own `whoami`; `owner: null` leaves it to learn.
 */
export function makeHub(
  fake: FakeFetch,
  options: {
    hubUrl?: string;
    token?: string;
    settings?: Partial<INFDISettings>;
    currentServer?: IHubServer | null;
    owner?: string | null;
  } = {}
): IHubConnection {
  const hubUrl = options.hubUrl ?? 'https://hub.example.org/';
  const token = options.token ?? 'tok-123456';
  const settings: INFDISettings = {
    hubUrl,
    token,
    defaultOptions: {},
    launchers: [],
    systems: {},
    openInNewTab: true,
    startTimeout: 600,
    serverLifetime: 3600,
    lifetimeWarning: 10,
    ...options.settings
  };
  const defaultOptions = mergeOptions(
    DEFAULT_USER_OPTIONS,
    settings.defaultOptions
  );
  return {
    settings,
    hubUrl,
    hasToken: token !== '',
    tokenSource: token !== '' ? 'settings' : null,
    grants: null,
    pageLogin: null,
    ready: Promise.resolve(),
    defaultOptions,
    client: new HubClient({
      hubUrl,
      token,
      fetch: fake.fetch,
      defaultOptions,
      owner: options.owner === undefined ? 'alice' : (options.owner ?? '')
    }),
    configError: null,
    currentServer: options.currentServer ?? null,
    changed: new Signal<IHubConnection, void>({} as IHubConnection),
    setToken: async () => undefined
  };
}
