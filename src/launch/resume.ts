/**
 * Starts that survive a reload of JupyterLab: every launch the hub accepted
 * is remembered in `localStorage` until it ends, and a reloaded page follows
 * it again from the hub — without sending the start a second time.
 *
 * On the real hub, a status request for a name the user does not have
 * creates an empty configuration. So a remembered server is followed only
 * once the server list shows it still exists.
 */
import type { IHubConnection } from '../connection/types';
import { IHubClient, IStartResult } from '../hub';
import { IInFlightRecord, InFlightStore } from './inFlight';
import type { ILaunch, ILaunchOptions, ILaunchResult } from './types';

/**
 * What the launches report to a recorder (see `LaunchManager`).
 */
export interface ILaunchRecorder {
  /** A launch changed phase; `key` is its options key. */
  track(launch: ILaunch, key: string): void;
}

/**
 * Keeps the store in step with the launches: remembered from the moment the
 * hub names the server, forgotten when the launch ends.
 */
export class LaunchRecorder implements ILaunchRecorder {
  constructor(store: InFlightStore, now: () => number = Date.now) {
    this._store = store;
    this._now = now;
  }

  track(launch: ILaunch, key: string): void {
    let begun = this._begun.get(launch);
    if (!begun) {
      // The launch's own hub, even if the settings changed since it began.
      begun = { hubUrl: launch.hubUrl, startedAt: this._now() };
      this._begun.set(launch, begun);
    }
    const { name, userName } = launch.result;
    if (!name || !userName) {
      return;
    }
    const record: IInFlightRecord = {
      hubUrl: begun.hubUrl,
      user: userName,
      server: name,
      label: launch.label,
      key,
      args: launch.args,
      startedAt: begun.startedAt
    };
    if (launch.isDone) {
      this._store.remove(record);
      this._begun.delete(launch);
    } else {
      this._store.save(record);
    }
  }

  private readonly _store: InFlightStore;
  private readonly _now: () => number;
  private readonly _begun = new WeakMap<
    ILaunch,
    { hubUrl: string; startedAt: number }
  >();
}

/**
 * The launch options that follow a remembered start again, or `null` if the
 * hub in use is not the record's. The client answers the start with what the
 * hub accepted before: nothing is sent to start it again, and the start
 * timeout still counts from the first start.
 */
export function resumedLaunchOptions(
  record: IInFlightRecord,
  hub: IHubConnection,
  now = Date.now()
): ILaunchOptions | null {
  const client = hub.client;
  if (!client || client.baseUrl !== record.hubUrl) {
    return null;
  }
  const elapsed = Math.max(0, now - record.startedAt) / 1000;
  return {
    client: acceptedClient(client, record),
    options: {},
    label: record.label,
    args: record.args,
    tab: null,
    timeout: Math.max(1, hub.settings.startTimeout - elapsed)
  };
}

/**
 * `client`, except that `start()` answers with the start the hub accepted
 * for `record` (status pending) instead of sending a request.
 */
function acceptedClient(
  client: IHubClient,
  record: IInFlightRecord
): IHubClient {
  const { statusUrl, deleteUrl } = client.serverUrls(
    record.user,
    record.server
  );
  const accepted: IStartResult = {
    status: 'pending',
    statusUrl,
    deleteUrl,
    userName: record.user,
    serverName: record.server
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === 'start') {
        return async () => accepted;
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    }
  });
}

/**
 * What resuming needs from the launches (`LaunchManager.resume`).
 */
export interface IResumable {
  /** Follow a remembered start; `null` if it cannot be followed here. */
  resume(record: IInFlightRecord): Promise<ILaunchResult> | null;
}

/**
 * After a reload: follow again every remembered start of the token's user
 * that is younger than the start timeout and still exists on the hub.
 * Records of servers the hub no longer lists are forgotten without asking
 * for their status. Resolves with the records followed; never rejects
 * (unreachable hub: the records stay until they expire).
 */
export async function resumeLaunches(options: {
  hub: IHubConnection;
  store: InFlightStore;
  launches: IResumable;
  now?: number;
}): Promise<IInFlightRecord[]> {
  const { hub, store, launches } = options;
  const client = hub.client;
  if (!client || !hub.hasToken) {
    return [];
  }
  const now = options.now ?? Date.now();
  const records = store.read(
    client.baseUrl,
    hub.settings.startTimeout * 1000,
    now
  );
  if (!records.length) {
    return [];
  }
  let names: Set<string>;
  let user: string;
  try {
    user = (await client.whoami()).name;
    if (!records.some(r => r.user === user)) {
      return [];
    }
    names = new Set((await client.listServers(user)).map(s => s.name));
  } catch {
    return [];
  }
  const followed: IInFlightRecord[] = [];
  for (const record of records) {
    if (record.user !== user) {
      continue; // Another user's, on this browser: theirs to resume.
    }
    if (!names.has(record.server)) {
      store.remove(record);
      continue;
    }
    const done = launches.resume(record);
    if (done) {
      // The launch's notification tells how it ends.
      done.catch(() => undefined);
      followed.push(record);
    }
  }
  return followed;
}
